using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using BlueGreen.Analyzers.Truth.Databases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlueGreen.Analyzers.Truth.Oracle
{
    /// <summary>
    /// A migration history compiled and loaded as EF loads an app's migrations: the files as they are (scaffolded,
    /// or as a code fix left them) plus, where the files only name their DbContext, a stub context. The models the
    /// oracle uses are EF's own, built from each designer by EF and finalized as EF's migrator finalizes them.
    /// </summary>
    internal sealed class CompiledHistory
    {
        public static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Concat(new[]
            {
                typeof(DbContext).Assembly,
                typeof(DeleteBehavior).Assembly,
                typeof(Migration).Assembly,
                typeof(SqliteDbContextOptionsBuilderExtensions).Assembly,
                typeof(SqlServerModelBuilderExtensions).Assembly,
                typeof(NpgsqlModelBuilderExtensions).Assembly,
                typeof(System.ComponentModel.DataAnnotations.Schema.ColumnAttribute).Assembly,
            }.Distinct().Select(assembly => (MetadataReference)MetadataReference.CreateFromFile(assembly.Location)))
            .ToImmutableArray();

        private static readonly Regex ContextName = new Regex(@"\[DbContext\(typeof\((?:[\w.]+\.)?(\w+)\)\)\]", RegexOptions.Compiled);

        private readonly Type _contextType;

        private CompiledHistory(string name, Type contextType, IReadOnlyList<string> migrations)
        {
            Name = name;
            _contextType = contextType;
            Migrations = migrations;
        }

        public string Name { get; }

        /// <summary>The migration ids in the order EF applies them.</summary>
        public IReadOnlyList<string> Migrations { get; }

        /// <summary>A history folder of the corpus (Histories/&lt;name&gt;).</summary>
        public static CompiledHistory FromCorpus(string history) =>
            Compile(history, Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Histories", history), "*.cs")
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(file => (Path.GetFileName(file), File.ReadAllText(file))));

        public static CompiledHistory Compile(string name, IEnumerable<(string Path, string Text)> files)
        {
            var sources = Analysis.HistorySources.WithContext(files);
            var contexts = sources.SelectMany(source => ContextName.Matches(source.Text).Select(match => match.Groups[1].Value)).Distinct().ToList();
            if (contexts.Count != 1)
            {
                throw new InvalidOperationException($"{name}: expected the migrations of one DbContext, found {string.Join(", ", contexts)}");
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilation = CSharpCompilation.Create(
                "Truth_" + Regex.Replace(name, @"\W", "_") + "_" + Guid.NewGuid().ToString("N"),
                sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.FileName)),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException($"{name} does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(20)));
            }

            image.Position = 0;
            var assembly = AssemblyLoadContext.Default.LoadFromStream(image);
            var contextType = assembly.GetTypes().Single(type => type.Name == contexts[0] && typeof(DbContext).IsAssignableFrom(type));
            var migrations = assembly.GetTypes()
                .Where(type => typeof(Migration).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<MigrationAttribute>() is not null)
                .Select(type => type.GetCustomAttribute<MigrationAttribute>()!.Id)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();
            return new CompiledHistory(name, contextType, migrations);
        }

        public DbContext CreateContext(TestDatabase database) => CreateContext(database.Options());

        /// <summary>A context with options of the caller's: a provider with no server here, whose SQL generator alone is wanted.</summary>
        public DbContext CreateContext(DbContextOptions options) => (DbContext)Activator.CreateInstance(_contextType, options)!;

        /// <summary>The target model of a migration as EF's migrator sees it: built from the designer, finalized, with its relational model.</summary>
        public IModel TargetModel(DbContext context, string migrationId)
        {
            var assembly = context.GetService<IMigrationsAssembly>();
            var migration = assembly.CreateMigration(assembly.Migrations[migrationId], context.Database.ProviderName!);
            var model = migration.TargetModel ?? throw new InvalidOperationException($"{Name}: {migrationId} has no designer");
            return context.GetService<IModelRuntimeInitializer>().Initialize(((IMutableModel)model).FinalizeModel(), designTime: true, validationLogger: null);
        }
    }
}
