using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// One history of the corpus (Histories/&lt;name&gt;: made by EF's scaffolder through tests/HistoryGenerator, or
    /// hand-written under Histories/handwritten/&lt;name&gt;), compiled once per test run and shared by every test that
    /// reads it: its analyzer diagnostics, its migration history, the replayed schema after each migration.
    /// </summary>
    internal sealed class CorpusHistory
    {
        // The scaffolded files name their context; the entity classes are not needed (models use entity names).
        private const string Contexts = """
            using Microsoft.EntityFrameworkCore;

            namespace Fixtures
            {
                public class ShopContext : DbContext
                {
                }

                public class ShapesContext : DbContext
                {
                }
            }
            """;

        private static readonly ImmutableArray<MetadataReference> References = TestReferences.All;

        private static readonly ConcurrentDictionary<string, Lazy<CorpusHistory>> Loaded = new ConcurrentDictionary<string, Lazy<CorpusHistory>>(StringComparer.Ordinal);

        private readonly Lazy<Task<ImmutableArray<Diagnostic>>> _diagnostics;

        private CorpusHistory(string name, Compilation compilation)
        {
            Name = name;
            Compilation = compilation;
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, name + ":" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            var histories = HistoryBuilder.Build(compilation, CancellationToken.None);
            Assert.True(histories.Count == 1, $"{name}: {histories.Count} histories");
            History = histories[0];
            _diagnostics = new Lazy<Task<ImmutableArray<Diagnostic>>>(AnalyzeAsync);
        }

        public string Name { get; }

        public Compilation Compilation { get; }

        public MigrationHistory History { get; }

        /// <summary>The history's folder, relative to Histories/ (e.g. "shapes-ef10-sqlserver", "handwritten/ef31-sqlserver").</summary>
        public static CorpusHistory Get(string name) =>
            Loaded.GetOrAdd(name, key => new Lazy<CorpusHistory>(() => Load(key), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        /// <summary>The analyzers' diagnostics, described as <see cref="Describe"/> does, in file then position order.</summary>
        public async Task<string[]> DescribedDiagnosticsAsync() =>
            (await _diagnostics.Value).Select(Describe).OrderBy(line => line, StringComparer.Ordinal).ToArray();

        /// <summary>
        /// "RemoveMappedColumns.cs(13,13): BG0001 shop.Customer.Display Name": the file without its timestamp, the
        /// position, the id and the schema-qualified table (and column) the diagnostic names.
        /// </summary>
        public static string Describe(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var file = Path.GetFileName(span.Path);
            var underscore = file.IndexOf('_');
            diagnostic.Properties.TryGetValue("Table", out var table);
            diagnostic.Properties.TryGetValue("Schema", out var schema);
            diagnostic.Properties.TryGetValue("Column", out var column);
            var what = (schema is null ? string.Empty : schema + ".") + table + (column is null ? string.Empty : "." + column);
            return $"{file.Substring(underscore + 1)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {what}";
        }

        /// <summary>The database after the migration at <paramref name="index"/>, replaying every Up before it, in order.</summary>
        public DatabaseSchema SchemaAfter(int index)
        {
            var schema = new DatabaseSchema();
            for (var i = 0; i <= index; i++)
            {
                foreach (var operation in History.Migrations[i].UpOperations(CancellationToken.None).Operations)
                {
                    schema.Apply(operation);
                }
            }

            return schema;
        }

        /// <summary>The index of the migration whose name (the id without its timestamp) is <paramref name="name"/>.</summary>
        public int IndexOf(string name)
        {
            for (var i = 0; i < History.Migrations.Count; i++)
            {
                var id = History.Migrations[i].Id;
                if (id.Substring(id.IndexOf('_') + 1) == name)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"{Name}: no migration {name}");
        }

        /// <summary>
        /// Compares a model with a replayed schema, column by column: every table the model maps and migrations manage
        /// exists with exactly the model's columns, plus <paramref name="modelOnlyRemovals"/> ("schema.Table.Column": the
        /// columns removed from the model whose drop has not come yet); nullability too where the model tells it. Returns
        /// one line per mismatch.
        /// </summary>
        public static List<string> Compare(TargetModel model, DatabaseSchema schema, IEnumerable<string> modelOnlyRemovals)
        {
            var mismatches = new List<string>();
            if (model.HasUnplacedEntities)
            {
                mismatches.Add("the model has entities the reader could not place");
            }

            var expected = new Dictionary<TableKey, HashSet<string>>();
            foreach (var table in model.Tables)
            {
                if (model.IsUncertain(table))
                {
                    mismatches.Add($"{table}: uncertain in the model");
                }

                if (model.IsExcludedFromMigrations(table))
                {
                    if (schema.HasTable(table))
                    {
                        mismatches.Add($"{table}: excluded from migrations, but a migration creates it");
                    }

                    continue;
                }

                expected[table] = new HashSet<string>(model.Columns(table), StringComparer.Ordinal);
            }

            foreach (var removal in modelOnlyRemovals)
            {
                var parts = removal.Split('.');
                var table = parts.Length == 3 ? new TableKey(parts[0], parts[1]) : new TableKey(null, parts[0]);
                if (!expected.TryGetValue(table, out var columns))
                {
                    expected[table] = columns = new HashSet<string>(StringComparer.Ordinal);
                }

                if (!columns.Add(parts[parts.Length - 1]))
                {
                    mismatches.Add($"{removal}: listed as removed from the model only, but the model maps it");
                }
            }

            foreach (var table in expected.Keys.Union(schema.Tables).OrderBy(table => table.ToString(), StringComparer.Ordinal))
            {
                var inModel = expected.TryGetValue(table, out var modelColumns) ? modelColumns : new HashSet<string>();
                var inSchema = schema.Columns(table).ToDictionary(column => column.Name, StringComparer.Ordinal);
                if (!schema.HasTable(table))
                {
                    mismatches.Add($"{table}: mapped by the model, not in the replayed schema");
                    continue;
                }

                if (!expected.ContainsKey(table))
                {
                    mismatches.Add($"{table}: in the replayed schema, not mapped by the model");
                    continue;
                }

                foreach (var column in inModel.OrderBy(name => name, StringComparer.Ordinal))
                {
                    if (!inSchema.TryGetValue(column, out var definition))
                    {
                        mismatches.Add($"{table}.{column}: mapped by the model, not in the replayed schema");
                    }
                    else if (model.IsNullable(table, column) is { } nullable && definition.Nullable is { } replayed && nullable != replayed)
                    {
                        mismatches.Add($"{table}.{column}: the model says {(nullable ? "nullable" : "NOT NULL")}, the migrations {(replayed ? "nullable" : "NOT NULL")}");
                    }
                }

                foreach (var column in inSchema.Keys.Where(name => !inModel.Contains(name)).OrderBy(name => name, StringComparer.Ordinal))
                {
                    mismatches.Add($"{table}.{column}: in the replayed schema, not mapped by the model");
                }
            }

            return mismatches;
        }

        /// <summary>What a model maps, one line per table: "shop.Customer: Id, Name (3 nullability known)", for messages.</summary>
        public static string Dump(TargetModel model)
        {
            var text = new StringBuilder();
            foreach (var table in model.Tables.OrderBy(table => table.ToString(), StringComparer.Ordinal))
            {
                text.Append(table).Append(model.IsUncertain(table) ? " (uncertain)" : string.Empty)
                    .Append(model.IsExcludedFromMigrations(table) ? " (excluded)" : string.Empty).Append(": ")
                    .AppendLine(string.Join(", ", model.Columns(table).OrderBy(column => column, StringComparer.Ordinal)
                        .Select(column => column + (model.IsNullable(table, column) switch { true => "?", false => "!", _ => string.Empty }))));
            }

            return text.ToString();
        }

        private static CorpusHistory Load(string name)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Histories", name);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Contexts, parseOptions, "/history/Contexts.cs") };
            foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(file => file, StringComparer.Ordinal))
            {
                // As the compiler reads a file: a UTF-8 byte order mark is not part of the text.
                using var stream = File.OpenRead(file);
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(stream), parseOptions, "/history/Migrations/" + Path.GetFileName(file)));
            }

            var compilation = CSharpCompilation.Create(
                name.Replace('/', '.'),
                trees,
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return new CorpusHistory(name, compilation);
        }

        /// <summary>
        /// The analyzers' diagnostics on the history plus application code (at /app/App.cs) and its references, with a
        /// release manifest (ShippedMigrations.md) when one is given.
        /// </summary>
        public Task<ImmutableArray<Diagnostic>> AnalyzeWithAsync(string code, IEnumerable<MetadataReference> references, string? manifest = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            var compilation = Compilation
                .WithOptions(Compilation.Options.WithOutputKind(outputKind))
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), "/app/App.cs"))
                .AddReferences(references);
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            var files = manifest is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/history/ShippedMigrations.md", SourceText.From(manifest)));
            return AnalyzeAsync(compilation, files);
        }

        private Task<ImmutableArray<Diagnostic>> AnalyzeAsync() => AnalyzeAsync(Compilation, ImmutableArray<AdditionalText>.Empty);

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<AdditionalText> files)
        {
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(HistoryProject.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
            return diagnostics;
        }
    }
}
