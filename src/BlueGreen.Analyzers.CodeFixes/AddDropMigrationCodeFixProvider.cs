using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0100 "Add a migration that drops &lt;Table&gt;.&lt;Column&gt;": the contract step, written as EF would
    /// scaffold it: a migration and its designer beside the existing ones, its target model the current
    /// snapshot's (the model does not change), Up dropping the column (after copying again, for a renamed
    /// column, what the old version wrote since the expand step), Down re-creating it as the migrations
    /// defined it. Fix All adds one migration per DbContext with every drop that is ready.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDropMigrationCodeFixProvider))]
    [Shared]
    public sealed class AddDropMigrationCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "AddDropMigration";

        private static readonly DateTime LastTimestamp = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ReadyToDrop.Id);

        public override FixAllProvider GetFixAllProvider() => new AddAll();

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Drop.From(diagnostic) is { } drop)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Add a migration that drops {drop.Table.Name}.{drop.Column}", cancellationToken => AddAsync(context.Document.Project, new[] { drop }, cancellationToken), EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> AddAsync(Project project, IReadOnlyList<Drop> drops, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var solution = project.Solution;
            if (compilation is null)
            {
                return solution;
            }

            foreach (var history in HistoryBuilder.Build(compilation, cancellationToken))
            {
                var context = history.Context.ToDisplayString();
                var mine = drops.Where(drop => drop.Context == context).ToList();
                if (mine.Count == 0
                    || history.SnapshotModelMethod is not { Body: { } model } snapshot
                    || history.Migrations.LastOrDefault()?.Up is not { } lastUp
                    || solution.GetDocument(lastUp.SyntaxTree) is not { } beside
                    || Timestamp(history) is not { } timestamp)
                {
                    continue;
                }

                var ns = lastUp.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>()?.Name.ToString();
                var name = Unique(compilation, ns, mine.Count == 1 ? "Drop" + Identifier(mine[0].Table.Name) + Identifier(mine[0].Column) : "DropRemovedColumns");
                var id = timestamp + "_" + name;
                var directory = beside.FilePath is null ? null : System.IO.Path.GetDirectoryName(beside.FilePath);
                var migration = MigrationText(ns, name, mine);
                var designer = DesignerText(snapshot, model, ns, name, id, context);
                var target = solution.GetProject(beside.Project.Id)!;
                target = target.AddDocument(id + ".cs", SourceText.From(migration), beside.Folders, directory is null ? null : System.IO.Path.Combine(directory, id + ".cs")).Project;
                target = target.AddDocument(id + ".Designer.cs", SourceText.From(designer), beside.Folders, directory is null ? null : System.IO.Path.Combine(directory, id + ".Designer.cs")).Project;
                solution = target.Solution;
            }

            return solution;
        }

        /// <summary>
        /// EF's id timestamp, from the fix's clock, but always after every existing id so the drop runs last; null when
        /// none can be: a hand-made id at the last second a timestamp can name (adding a second to it would throw).
        /// </summary>
        private static string? Timestamp(MigrationHistory history)
        {
            var now = MigrationClock.UtcNow();
            foreach (var migration in history.Migrations)
            {
                if (migration.Id.Length >= 14
                    && DateTime.TryParseExact(migration.Id.Substring(0, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var existing)
                    && existing >= now)
                {
                    if (existing >= LastTimestamp)
                    {
                        return null;
                    }

                    now = existing.AddSeconds(1);
                }
            }

            return now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        }

        private static string Unique(Compilation compilation, string? ns, string name)
        {
            var candidate = name;
            for (var suffix = 2; compilation.GetTypeByMetadataName(ns is null ? candidate : ns + "." + candidate) is not null; suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private static string Identifier(string name)
        {
            var identifier = new StringBuilder();
            var upper = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    identifier.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            return identifier.ToString();
        }

        private static string MigrationText(string? ns, string name, IReadOnlyList<Drop> drops)
        {
            var up = new List<Call>();
            var down = new List<Call>();
            foreach (var drop in drops)
            {
                if (drop.CopyTo is { } copyTo)
                {
                    up.Add(new Call("migrationBuilder", "Sql", new[] { Call.Literal(ExpandRenameCodeFixProvider.CopySql(drop.Provider, drop.Table, drop.Column, copyTo) + " WHERE " + ExpandRenameCodeFixProvider.Quote(drop.Provider, copyTo) + " IS NULL") }));
                }

                up.Add(new Call("migrationBuilder", "DropColumn", Arguments(drop, definition: false)));
                down.Insert(0, new Call("migrationBuilder", "AddColumn<" + drop.ClrType + ">", Arguments(drop, definition: true)));
            }

            var body = new StringBuilder()
                .Append("using Microsoft.EntityFrameworkCore.Migrations;\n\n#nullable disable\n\n");
            var indent = ns is null ? string.Empty : "    ";
            if (ns is not null)
            {
                body.Append("namespace ").Append(ns).Append("\n{\n");
            }

            body.Append(indent).Append("/// <inheritdoc />\n")
                .Append(indent).Append("public partial class ").Append(name).Append(" : Migration\n")
                .Append(indent).Append("{\n");
            Method(body, indent + "    ", "Up", up);
            body.Append('\n');
            Method(body, indent + "    ", "Down", down);
            body.Append(indent).Append("}\n");
            if (ns is not null)
            {
                body.Append("}\n");
            }

            return body.ToString();
        }

        private static void Method(StringBuilder body, string indent, string name, List<Call> calls)
        {
            body.Append(indent).Append("/// <inheritdoc />\n")
                .Append(indent).Append("protected override void ").Append(name).Append("(MigrationBuilder migrationBuilder)\n")
                .Append(indent).Append("{\n")
                .Append(string.Join("\n\n", calls.Select(call => indent + "    " + call.Format(indent + "    ", "\n")))).Append('\n')
                .Append(indent).Append("}\n");
        }

        private static List<string> Arguments(Drop drop, bool definition)
        {
            var arguments = new List<string> { "name: " + Call.Literal(drop.Column) };
            if (drop.Table.Schema is not null)
            {
                arguments.Add("schema: " + Call.Literal(drop.Table.Schema));
            }

            arguments.Add("table: " + Call.Literal(drop.Table.Name));
            if (definition)
            {
                if (drop.StoreType is not null)
                {
                    arguments.Add("type: " + Call.Literal(drop.StoreType));
                }

                arguments.Add("nullable: " + (drop.Nullable ? "true" : "false"));
                if (drop.DefaultArgument is not null)
                {
                    arguments.Add(drop.DefaultArgument);
                }
                else if (!drop.Nullable && Call.ClrDefault(drop.ClrType) is { } clrDefault)
                {
                    // Re-creating a NOT NULL column in a table with rows needs a value for them, as EF scaffolds it.
                    arguments.Add("defaultValue: " + clrDefault);
                }
            }

            return arguments;
        }

        /// <summary>The designer: the snapshot's usings and model, as BuildTargetModel of the new migration.</summary>
        private static string DesignerText(MethodDeclarationSyntax snapshot, BlockSyntax model, string? ns, string name, string id, string context)
        {
            var usings = snapshot.SyntaxTree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>().Select(directive => directive.ToString()).ToList();
            if (!usings.Contains("using Microsoft.EntityFrameworkCore.Migrations;"))
            {
                usings.Add("using Microsoft.EntityFrameworkCore.Migrations;");
            }

            // By namespace, as EF orders them ("X" before "X.Y").
            usings.Sort((left, right) => string.CompareOrdinal(left.TrimEnd(';'), right.TrimEnd(';')));
            var text = model.SyntaxTree.GetText();
            var body = text.ToString(TextSpan.FromBounds(model.OpenBraceToken.Span.End, model.CloseBraceToken.SpanStart)).Replace("\r\n", "\n");
            var designer = new StringBuilder("// <auto-generated />\n").Append(string.Join("\n", usings)).Append("\n\n#nullable disable\n\n");
            var indent = ns is null ? string.Empty : "    ";
            if (ns is not null)
            {
                designer.Append("namespace ").Append(ns).Append("\n{\n");
            }

            designer.Append(indent).Append("[DbContext(typeof(").Append(context).Append("))]\n")
                .Append(indent).Append("[Migration(").Append(Call.Literal(id)).Append(")]\n")
                .Append(indent).Append("partial class ").Append(name).Append('\n')
                .Append(indent).Append("{\n")
                .Append(indent).Append("    /// <inheritdoc />\n")
                .Append(indent).Append("    protected override void BuildTargetModel(ModelBuilder ").Append(snapshot.ParameterList.Parameters[0].Identifier.ValueText).Append(")\n")
                .Append(indent).Append("    {").Append(body).Append("}\n")
                .Append(indent).Append("}\n");
            if (ns is not null)
            {
                designer.Append("}\n");
            }

            return designer.ToString();
        }

        /// <summary>One ready drop, as the checker described it.</summary>
        private sealed class Drop
        {
            private Drop(string context, TableKey table, string column, string clrType, string? storeType, bool nullable, string? defaultArgument, string? copyTo, string? provider)
            {
                Context = context;
                Table = table;
                Column = column;
                ClrType = clrType;
                StoreType = storeType;
                Nullable = nullable;
                DefaultArgument = defaultArgument;
                CopyTo = copyTo;
                Provider = provider;
            }

            public string Context { get; }

            public TableKey Table { get; }

            public string Column { get; }

            public string ClrType { get; }

            public string? StoreType { get; }

            public bool Nullable { get; }

            public string? DefaultArgument { get; }

            public string? CopyTo { get; }

            public string? Provider { get; }

            /// <summary>Null for a table (dropped by hand) or a column whose CLR type the replay does not know (Down cannot re-create it).</summary>
            public static Drop? From(Diagnostic diagnostic)
            {
                string? Get(string key) => diagnostic.Properties.TryGetValue(key, out var value) ? value : null;
                return Get(FixProperties.Context) is { } context && Get(FixProperties.Table) is { } table && Get(FixProperties.Column) is { } column && Get(FixProperties.ClrType) is { } clrType
                    ? new Drop(context, new TableKey(Get(FixProperties.Schema), table), column, clrType, Get(FixProperties.StoreType), Get(FixProperties.Nullable) != "False", Get(FixProperties.DefaultArgument), Get(FixProperties.CopyTo), Get(FixProperties.Provider))
                    : null;
            }
        }

        /// <summary>One migration per DbContext for every ready drop in scope.</summary>
        private sealed class AddAll : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
                Task.FromResult<CodeAction?>(CodeAction.Create(
                    "Add migrations that drop every column ready to drop",
                    async cancellationToken =>
                    {
                        var solution = fixAllContext.Solution;
                        var projects = fixAllContext.Scope == FixAllScope.Solution ? solution.Projects.ToList() : new List<Project> { fixAllContext.Project };
                        foreach (var project in projects)
                        {
                            var diagnostics = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } document
                                ? await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                                : await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                            var drops = diagnostics.Select(Drop.From).OfType<Drop>().ToList();
                            if (drops.Count > 0)
                            {
                                solution = await AddAsync(solution.GetProject(project.Id)!, drops, cancellationToken).ConfigureAwait(false);
                            }
                        }

                        return solution;
                    },
                    EquivalenceKey));
        }
    }
}
