// EF's design-time services are "pubternal" (IOperationReporter, ServiceProviderCache): `dotnet ef` itself uses them,
// and an in-process `migrations add` cannot do without them.
#pragma warning disable EF1001

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BlueGreen.Analyzers.Truth.Evolutions
{
    /// <summary>What one <c>dotnet ef migrations add</c> wrote.</summary>
    /// <param name="Files">Every file of the Migrations folder after this step, by file name: the input of the next step.</param>
    internal sealed record ScaffoldedMigration(string MigrationId, string MigrationCode, IReadOnlyDictionary<string, string> Files);

    /// <summary>
    /// <c>dotnet ef migrations add</c> in process, as the tool does it for a project named Fixtures with no
    /// <c>--output-dir</c>: the project (the Migrations folder so far and the step's model source) is compiled, its
    /// <c>ShopContext</c> created with its parameterless constructor, and EF's own <see cref="IMigrationsScaffolder"/>
    /// writes the migration, its designer and the snapshot. Checked byte for byte against the tool (10.0.15) apart from
    /// the timestamps of the ids and the byte order mark the tool writes to disk.
    /// </summary>
    internal static class Scaffolder
    {
        public const string ContextType = "Fixtures.ShopContext";

        // The tool names migrations after the clock; a fixed start, one second per step, keeps ids in step order and replayable.
        private static readonly DateTime FirstTimestamp = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // EF keeps per-context-type data (built models, DbSet finders) in internal service providers cached process-wide;
        // any entry keeps a step's collectible assembly alive. EF rebuilds what it needs on the next context, and contexts
        // alive elsewhere keep their own references. A private field: if EF renames it, a step leaks ~0.2 MB again, no more.
        private static readonly FieldInfo? ServiceProviderCacheEntries = typeof(Microsoft.EntityFrameworkCore.Internal.ServiceProviderCache)
            .GetField("_configurations", BindingFlags.NonPublic | BindingFlags.Instance);

        // Scaffolded files never change once written: each is parsed once, for as long as the caller holds its text.
        private static readonly ConditionalWeakTable<string, SyntaxTree> Parsed = new ConditionalWeakTable<string, SyntaxTree>();

        private static readonly CSharpParseOptions GeneratedParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        /// <param name="previousFiles">The Migrations folder after the previous step, by file name (empty before the first).</param>
        /// <param name="modelSource">The entity classes and <c>Fixtures.ShopContext</c>, choosing the provider under <c>#if SQLITE</c> / <c>#if NPGSQL</c>.</param>
        public static ScaffoldedMigration AddMigration(IReadOnlyDictionary<string, string> previousFiles, string modelSource, string migrationName, DatabaseProvider provider)
        {
            // Collectible, so each step's model can be unloaded; EF and Roslyn stay in the default context (the
            // context does not override Load), so the step binds to the one copy of EF's types.
            var loadContext = new AssemblyLoadContext("scaffold-" + migrationName, isCollectible: true);
            try
            {
                return Scaffold(loadContext.LoadFromStream(Compile(previousFiles, modelSource, provider)), previousFiles, migrationName);
            }
            finally
            {
                loadContext.Unload();
            }
        }

        /// <summary>The preprocessor symbol a model source tests to choose its provider.</summary>
        public static string Symbol(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLITE" : "NPGSQL";

        private static ScaffoldedMigration Scaffold(Assembly assembly, IReadOnlyDictionary<string, string> previousFiles, string migrationName)
        {
            // The tool creates the context so when the project has no IDesignTimeDbContextFactory and no host builder.
            using var context = (DbContext)Activator.CreateInstance(assembly.GetType(ContextType, throwOnError: true)!)!;
            try
            {
                var providerName = context.GetService<IDatabaseProvider>().Name;
                var lastId = context.GetService<IMigrationsAssembly>().Migrations.Keys.LastOrDefault();

                // The services DesignTimeServicesBuilder gathers for the tool. The id generator goes first: the context's
                // design-time services only TryAdd theirs.
                var services = new ServiceCollection()
                    .AddSingleton<IMigrationsIdGenerator>(new SequentialIdGenerator(lastId is null ? FirstTimestamp : Timestamp(lastId).AddSeconds(1)));
                services.AddDbContextDesignTimeServices(context);
                ProviderDesignTimeServices(providerName).ConfigureDesignTimeServices(services);
                services.AddEntityFrameworkDesignTimeServices(new SilentReporter());
                using var serviceProvider = services.BuildServiceProvider();
                using var scope = serviceProvider.CreateScope();

                // MigrationsOperations.AddMigration's call when no --namespace or --output-dir is given.
                var migration = scope.ServiceProvider.GetRequiredService<IMigrationsScaffolder>()
                    .ScaffoldMigration(migrationName, "Fixtures", subNamespace: null, language: "C#", dryRun: true);
                var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var file in previousFiles)
                {
                    files.Add(file.Key, file.Value);
                }

                // MigrationsScaffolder.Save's layout; the snapshot is rewritten by every step.
                files[migration.MigrationId + migration.FileExtension] = migration.MigrationCode;
                files[migration.MigrationId + ".Designer" + migration.FileExtension] = migration.MetadataCode;
                files[migration.SnapshotName + migration.FileExtension] = migration.SnapshotCode;
                return new ScaffoldedMigration(migration.MigrationId, migration.MigrationCode, files);
            }
            finally
            {
                (ServiceProviderCacheEntries?.GetValue(Microsoft.EntityFrameworkCore.Internal.ServiceProviderCache.Instance) as System.Collections.IDictionary)?.Clear();
            }
        }

        // DesignTimeServicesBuilder's lookup of the provider's design-time services (SqliteDesignTimeServices, NpgsqlDesignTimeServices).
        private static IDesignTimeServices ProviderDesignTimeServices(string providerName)
        {
            var providerAssembly = Assembly.Load(new AssemblyName(providerName));
            var attribute = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!;
            return (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(attribute.TypeName, throwOnError: true)!)!;
        }

        private static DateTime Timestamp(string migrationId) =>
            DateTime.ParseExact(migrationId.Substring(0, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        /// <summary>
        /// The project as the tool builds it, less the older migrations: the scaffolder reads only the snapshot and the
        /// newest migration (for its namespace), so the output is the same and the cost of a step does not grow with the
        /// history. Every migration is still compiled once, in the step after the one that wrote it.
        /// </summary>
        private static MemoryStream Compile(IReadOnlyDictionary<string, string> files, string modelSource, DatabaseProvider provider)
        {
            var newest = files.Keys.Select(MigrationIdOf).OfType<string>().DefaultIfEmpty().Max(StringComparer.Ordinal);
            var trees = files
                .Where(file => MigrationIdOf(file.Key) is not { } id || id == newest)
                .Select(file => Parsed.GetValue(file.Value, text => CSharpSyntaxTree.ParseText(text, GeneratedParseOptions, file.Key)))
                .Append(CSharpSyntaxTree.ParseText(modelSource, new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { Symbol(provider) }), "ShopContext.cs"));
            var compilation = CSharpCompilation.Create(
                "Fixtures",
                trees,
                CompiledHistory.References,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    // Faster to emit; the code runs once.
                    optimizationLevel: OptimizationLevel.Debug,
                    // Small inputs: threads cost more than they save.
                    concurrentBuild: false));
            var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException("The model does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)) + "\n" + modelSource);
            }

            image.Position = 0;
            return image;
        }

        /// <summary>"&lt;id&gt;" of "&lt;id&gt;.cs" and "&lt;id&gt;.Designer.cs"; null for the snapshot and the model.</summary>
        private static string? MigrationIdOf(string fileName)
        {
            var dot = fileName.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? fileName : fileName.Substring(0, dot);
            return SequentialIdGenerator.IsId(name) ? name : null;
        }

        /// <summary>EF's MigrationsIdGenerator without the clock: "&lt;yyyyMMddHHmmss&gt;_&lt;Name&gt;" at a given time.</summary>
        private sealed class SequentialIdGenerator : IMigrationsIdGenerator
        {
            private readonly DateTime _timestamp;

            public SequentialIdGenerator(DateTime timestamp)
            {
                _timestamp = timestamp;
            }

            public static bool IsId(string value) => value.Length > 15 && value[14] == '_' && value.Take(14).All(char.IsAsciiDigit);

            public string GenerateId(string name) => _timestamp.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + name;

            public string GetName(string id) => id.Substring(15);

            public bool IsValidId(string value) => IsId(value);
        }

        /// <summary>The tool prints the scaffolder's warnings (a possible loss of data): a generated step needs none of them; an error stops it.</summary>
        private sealed class SilentReporter : IOperationReporter
        {
            public void WriteError(string message) => throw new InvalidOperationException(message);

            public void WriteWarning(string message)
            {
            }

            public void WriteInformation(string message)
            {
            }

            public void WriteVerbose(string message)
            {
            }
        }
    }
}
