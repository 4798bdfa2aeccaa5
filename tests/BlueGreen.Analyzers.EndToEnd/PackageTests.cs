using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using BlueGreen.Analyzers.EndToEnd.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd
{
    /// <summary>The .nupkg as NuGet sees it, and how it flows (or does not) through project references.</summary>
    [Collection(PackedConsumerCollection.Name)]
    public class PackageTests
    {
        private static readonly string[] AnalyzerAssemblies = { "analyzers/dotnet/cs/BlueGreen.Analyzers.dll", "analyzers/dotnet/cs/BlueGreen.Analyzers.CodeFixes.dll" };

        private readonly PackedConsumer consumer;

        public PackageTests(PackedConsumer consumer)
        {
            this.consumer = consumer;
        }

        [Fact]
        public void The_nupkg_is_an_analyzer_only_development_dependency()
        {
            using var package = ZipFile.OpenRead(consumer.PackagePath);
            var entries = package.Entries.Select(entry => entry.FullName.Replace('\\', '/')).ToList();
            var listing = string.Join("\n", entries);

            var nuspecEntry = package.Entries.Single(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            XDocument nuspec;
            using (var stream = nuspecEntry.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;
            XElement? Element(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name);
            var context = $"{nuspec}\n{listing}";

            Assert.Equal("BlueGreen.Analyzers", Value("id"));
            Assert.Equal(consumer.Version, Value("version"));
            Assert.True(Value("developmentDependency") == "true", $"Not a development dependency:\n{context}");
            Assert.True(Element("dependencies") is null, $"The package declares dependencies:\n{context}");
            Assert.False(string.IsNullOrWhiteSpace(Value("description")), context);
            Assert.False(string.IsNullOrWhiteSpace(Value("authors")), context);

            var license = Element("license");
            Assert.True(license?.Attribute("type")?.Value == "expression" && license.Value == "MIT", $"Expected the license expression MIT:\n{context}");
            var repository = Element("repository");
            Assert.True(
                repository?.Attribute("type")?.Value == "git" && repository.Attribute("url")?.Value == "https://github.com/bluegreen-analyzers/BlueGreen.Analyzers",
                $"Expected the git repository metadata:\n{context}");
            Assert.Equal("https://github.com/bluegreen-analyzers/BlueGreen.Analyzers", Value("projectUrl"));

            var readme = Value("readme");
            Assert.True(readme is not null && entries.Contains(readme), $"The readme is not declared or not in the package:\n{context}");
            using (var reader = new StreamReader(package.GetEntry(readme)!.Open()))
            {
                var text = reader.ReadToEnd();
                Assert.True(text.Contains("# BlueGreen.Analyzers", StringComparison.Ordinal) && text.Contains("BG0001", StringComparison.Ordinal), $"The packed readme is not the project's README:\n{text}");
            }

            // The analyzers, nothing a consumer compiles against or runs.
            Assert.Equal(AnalyzerAssemblies.OrderBy(path => path), entries.Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(path => path));
            Assert.True(!entries.Any(path => path.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("ref/", StringComparison.OrdinalIgnoreCase)), $"The package has lib/ or ref/ entries:\n{listing}");

            // MSBuild files, if the package ever gets some, must at least parse.
            foreach (var msbuild in entries.Where(path => Regex.IsMatch(path, @"^build(Transitive)?/.*\.(props|targets)$", RegexOptions.IgnoreCase)))
            {
                using var stream = package.GetEntry(msbuild)!.Open();
                var project = XDocument.Load(stream);
                Assert.Equal("Project", project.Root!.Name.LocalName);
            }

            // The packed bits (not only the project output) load in Roslyn 4.8 hosts: netstandard2.0, no newer Roslyn reference.
            foreach (var assembly in AnalyzerAssemblies)
            {
                using var stream = new MemoryStream();
                using (var entry = package.GetEntry(assembly)!.Open())
                {
                    entry.CopyTo(stream);
                }

                stream.Position = 0;
                using var pe = new PEReader(stream);
                var reader = pe.GetMetadataReader();
                Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(reader));
                var roslyn = reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle))
                    .Where(reference => reader.GetString(reference.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                    .ToList();
                Assert.NotEmpty(roslyn);
                Assert.All(roslyn, reference => Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{assembly} references {reader.GetString(reference.Name)} {reference.Version}"));
            }
        }

        [Fact]
        public async Task Dotnet_add_package_keeps_the_analyzers_out_of_projects_that_reference_the_app()
        {
            var app = consumer.CreateApp("transitive");
            app.Replace("Storefront.csproj", $"    <PackageReference Include=\"BlueGreen.Analyzers\" Version=\"{consumer.Version}\" />\n", string.Empty);

            // What the README tells users to run. For a development dependency NuGet writes PrivateAssets="all".
            var add = await DotNet.RunAsync(app.Directory, "add", "package", "BlueGreen.Analyzers", "--version", consumer.Version);

            Assert.True(add.ExitCode == 0, $"dotnet add package failed:\n{add}");
            var reference = XDocument.Load(app.PathOf("Storefront.csproj")).Descendants("PackageReference").Single(element => element.Attribute("Include")?.Value == "BlueGreen.Analyzers");
            var privateAssets = reference.Attribute("PrivateAssets")?.Value ?? reference.Element("PrivateAssets")?.Value;
            Assert.True(string.Equals(privateAssets, "all", StringComparison.OrdinalIgnoreCase), $"Expected PrivateAssets=all:\n{reference}\n{add}");
            using (var assets = JsonDocument.Parse(File.ReadAllText(app.PathOf("obj/project.assets.json"))))
            {
                var dependency = assets.RootElement.GetProperty("project").GetProperty("frameworks").GetProperty("net10.0").GetProperty("dependencies").GetProperty("BlueGreen.Analyzers");
                Assert.Equal("All", dependency.GetProperty("suppressParent").GetString());
            }

            Directory.CreateDirectory(Path.Combine(app.Root, "Downstream"));
            File.WriteAllText(Path.Combine(app.Root, "Downstream", "Downstream.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Storefront/Storefront.csproj" />
                  </ItemGroup>
                </Project>

                """);
            File.WriteAllText(Path.Combine(app.Root, "Downstream", "Uses.cs"), "namespace Downstream\n{\n    public static class Uses\n    {\n        public static object Context() => new Storefront.StorefrontContext();\n    }\n}\n");

            // Normal verbosity shows each compiler command line with its /analyzer: arguments.
            var build = await DotNet.BuildAsync(Path.Combine(app.Root, "Downstream"), "-v:n");

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            var storefront = CompilerCommandLines(build, "Storefront");
            var downstream = CompilerCommandLines(build, "Downstream");
            Assert.True(storefront.Count == 1 && downstream.Count == 1, $"Expected one compilation of each project:\n{build}");
            Assert.True(Regex.IsMatch(storefront[0], @"[\\/]BlueGreen\.Analyzers\.dll"), $"The app itself lost the analyzers:\n{build}");
            Assert.False(downstream[0].Contains("BlueGreen.Analyzers", StringComparison.OrdinalIgnoreCase), $"The analyzers flowed to the referencing project:\n{downstream[0]}");

            using var downstreamAssets = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Root, "Downstream", "obj", "project.assets.json")));
            var libraries = downstreamAssets.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name).ToList();
            Assert.Contains("Storefront/1.0.0", libraries);
            Assert.True(
                !libraries.Any(library => library.StartsWith("BlueGreen.Analyzers/", StringComparison.OrdinalIgnoreCase)),
                $"The referencing project restored BlueGreen.Analyzers:\n{string.Join("\n", libraries)}");
        }

        /// <summary>The compiler command lines (normal verbosity) that write <paramref name="assembly"/>.dll.</summary>
        private static List<string> CompilerCommandLines(ProcessResult build, string assembly) =>
            build.Output.Split('\n')
                .Where(line => line.Contains("/analyzer:", StringComparison.Ordinal) && Regex.IsMatch(line, $@"/out:\S*[\\/]{assembly}\.dll(\s|$)"))
                .ToList();

        private static string? TargetFramework(MetadataReader reader)
        {
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind == HandleKind.TypeReference
                    && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) == "TargetFrameworkAttribute")
                {
                    var value = reader.GetBlobReader(attribute.Value);
                    value.ReadUInt16(); // prolog
                    return value.ReadSerializedString();
                }
            }

            return null;
        }
    }
}
