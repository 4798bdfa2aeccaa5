using System;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    [CollectionDefinition(Name)]
    public sealed class PackedConsumerCollection : ICollectionFixture<PackedConsumer>
    {
        /// <summary>Every end-to-end test: they share one pack and run one after the other.</summary>
        public const string Name = "Packed consumer";
    }

    /// <summary>
    /// Packs src/BlueGreen.Analyzers.Package once, under a version no other run uses, into a temporary feed, and writes
    /// a consumer app (EF Core 10 + SQLite, samples/Shop's dotnet-ef history) that references it as a user would.
    /// Each test builds its own copy of that app. Everything is deleted at the end, with the package's entry in the
    /// global package cache.
    /// </summary>
    public sealed class PackedConsumer : IAsyncLifetime
    {
        public const string UnsafeMigrationId = "20261126114441_RemoveDiscontinued";

        public const string UnsafeMigrationFile = "Migrations/20261126114441_RemoveDiscontinued.cs";

        public const string SafeDropMigrationFile = "Migrations/20261126114420_DropLegacyCode.cs";

        public const string HelpUri = "https://github.com/bluegreen-analyzers/BlueGreen.Analyzers/blob/main/docs/rules/BG0001.md";

        private int copies;

        public PackedConsumer()
        {
            // Unique per run: the global package cache can never serve a copy packed from older sources.
            Version = FormattableString.Invariant($"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
            Root = Path.Combine(Path.GetTempPath(), "bg-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(Root, "feed");
            Template = Path.Combine(Root, "template");
        }

        /// <summary>The version of the package packed for this run.</summary>
        public string Version { get; }

        /// <summary>The temporary folder holding the feed, the template and every test's copy.</summary>
        public string Root { get; }

        public string Feed { get; }

        public string PackagePath => Path.Combine(Feed, $"BlueGreen.Analyzers.{Version}.nupkg");

        /// <summary>The global package cache the consumer restores into (read from its project.assets.json).</summary>
        public string GlobalPackagesFolder { get; private set; } = DefaultGlobalPackagesFolder();

        private string Template { get; }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Feed);

            // --artifacts-path keeps the pack's obj/ and bin/ out of the repository's, which `dotnet test` may be building meanwhile.
            var pack = await DotNet.PackAsync(
                Repository.Root,
                Repository.Path("src", "BlueGreen.Analyzers.Package"),
                "-c",
                "Release",
                "-o",
                Feed,
                "-p:PackageVersion=" + Version,
                "--artifacts-path",
                Path.Combine(Root, "pack-artifacts")).ConfigureAwait(false);
            if (pack.ExitCode != 0 || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack did not make {PackagePath}:\n{pack}");
            }

            WriteConsumer(Template);
            var app = new ConsumerApp(Template);
            var restore = await DotNet.RunAsync(app.Directory, "restore").ConfigureAwait(false);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"The consumer app does not restore:\n{restore}");
            }

            using var assets = JsonDocument.Parse(File.ReadAllText(app.PathOf("obj/project.assets.json")));
            GlobalPackagesFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        }

        public Task DisposeAsync()
        {
            DeleteDirectory(Root);

            // Only this run's version: the cache keeps every other one.
            var cached = Path.Combine(GlobalPackagesFolder, "bluegreen.analyzers");
            DeleteDirectory(Path.Combine(cached, Version.ToLowerInvariant()));
            if (Directory.Exists(cached) && !Directory.EnumerateFileSystemEntries(cached).Any())
            {
                DeleteDirectory(cached);
            }

            return Task.CompletedTask;
        }

        /// <summary>A fresh copy of the consumer app (without obj/ and bin/), for one test to change and build.</summary>
        public ConsumerApp CreateApp(string name)
        {
            var root = Path.Combine(Root, "apps", $"{Interlocked.Increment(ref copies):00}-{name}");
            CopyDirectory(Template, root);
            return new ConsumerApp(root);
        }

        private void WriteConsumer(string root)
        {
            // Empty files stop MSBuild's search upwards: nothing from a folder above (a repository's settings) leaks in.
            const string Empty = "<Project>\n  <!-- Stops MSBuild's search upwards: this app inherits nothing from the folders above it. -->\n</Project>\n";
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), Empty);
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), Empty);
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), Empty);
            File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
            File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="bluegreen-e2e" value="{SecurityElement.Escape(Feed)}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="bluegreen-e2e">
                      <package pattern="BlueGreen.Analyzers" />
                    </packageSource>
                    <packageSource key="nuget.org">
                      <package pattern="*" />
                    </packageSource>
                  </packageSourceMapping>
                </configuration>

                """);

            var app = new ConsumerApp(root);
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumer"), app.Directory);
            app.Write("Storefront.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
                    <PackageReference Include="BlueGreen.Analyzers" Version="{Version}" />
                  </ItemGroup>
                </Project>

                """);
        }

        private static void CopyDirectory(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.EnumerateDirectories(source))
            {
                var name = Path.GetFileName(directory);
                if (name is not ("bin" or "obj"))
                {
                    CopyDirectory(directory, Path.Combine(destination, name));
                }
            }
        }

        private static void DeleteDirectory(string path)
        {
            for (var attempt = 1; Directory.Exists(path); attempt++)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException) when (attempt < 5)
                {
                    Thread.Sleep(200 * attempt);
                }
                catch (UnauthorizedAccessException) when (attempt < 5)
                {
                    Thread.Sleep(200 * attempt);
                }
            }
        }

        private static string DefaultGlobalPackagesFolder()
        {
            var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            return !string.IsNullOrEmpty(configured)
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
    }
}
