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
        private const string EquivalenceKey = "BG0100.AddDropMigration";

        private static readonly DateTime LastTimestamp = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        private readonly Func<DateTime> _clock;

#pragma warning disable RS0030 // The clock is read here and only here, and only by a code fix (to name a migration as EF does).
        public AddDropMigrationCodeFixProvider()
            : this(() => DateTime.UtcNow)
#pragma warning restore RS0030
        {
        }

        /// <param name="clock">The UTC time a new migration's id is made from.</param>
        internal AddDropMigrationCodeFixProvider(Func<DateTime> clock)
        {
            _clock = clock;
        }

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ReadyToDrop.Id);

        public override FixAllProvider GetFixAllProvider() =>
            new ProjectFixAll("Add migrations that drop every column ready to drop", (project, diagnostics, cancellationToken) =>
                AddAsync(project, diagnostics.Select(Drop.From).OfType<Drop>().ToList(), cancellationToken));

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Drop.From(diagnostic) is { } drop)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(drop.Column is null ? $"Add a migration that drops table {drop.Table}" : $"Add a migration that drops {drop.Table.Name}.{drop.Column}", cancellationToken => AddAsync(context.Document.Project, new[] { drop }, cancellationToken), EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private async Task<Solution> AddAsync(Project project, IReadOnlyList<Drop> drops, CancellationToken cancellationToken)
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
                var name = Unique(compilation, ns, mine.Count == 1 ? "Drop" + MigrationCode.Identifier(mine[0].Table.Name) + MigrationCode.Identifier(mine[0].Column ?? string.Empty) : "DropRemovedColumns");
                var id = timestamp + "_" + name;
                var directory = beside.FilePath is null ? null : System.IO.Path.GetDirectoryName(beside.FilePath);
                var schema = mine.Any(drop => drop.Column is null) ? CompatibilityChecker.Replay(history, cancellationToken) : null;
                if (MigrationText(ns, name, mine, schema) is not { } migration)
                {
                    continue;
                }

                var designer = DesignerText(snapshot, model, ns, name, id, context);
                var target = beside.Project.AddDocument(id + ".cs", SourceText.From(migration), beside.Folders, directory is null ? null : System.IO.Path.Combine(directory, id + ".cs")).Project;
                target = target.AddDocument(id + ".Designer.cs", SourceText.From(designer), beside.Folders, directory is null ? null : System.IO.Path.Combine(directory, id + ".Designer.cs")).Project;
                solution = target.Solution;
            }

            return solution;
        }

        /// <summary>
        /// EF's id timestamp, from the fix's clock, but always after every existing id so the drop runs last; null when
        /// none can be: a hand-made id at the last second a timestamp can name (adding a second to it would throw).
        /// </summary>
        private string? Timestamp(MigrationHistory history)
        {
            var now = _clock();
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

        /// <summary>The migration's text; null when a dropped table has a column whose CLR type the replay does not know (Down could not re-create it).</summary>
        private static string? MigrationText(string? ns, string name, IReadOnlyList<Drop> drops, DatabaseSchema? schema)
        {
            const string Receiver = "migrationBuilder";
            var indent = ns is null ? string.Empty : "    ";
            var up = new List<MigrationCall>();
            var down = new List<MigrationCall>();
            foreach (var drop in drops)
            {
                if (drop.Column is null)
                {
                    if (schema is null || MigrationCode.CreateTable(Receiver, drop.Table, schema.Columns(drop.Table), indent + "        ", "\n") is not { } create)
                    {
                        return null;
                    }

                    up.Add(MigrationCode.DropTable(Receiver, drop.Table));
                    down.Insert(0, create);
                    continue;
                }

                if (drop.Data.CopyTo is { } copyTo)
                {
                    // The expand step's trigger goes first (it names the column); then the rows the old version wrote since.
                    if (drop.Data.Provider == Provider.Npgsql)
                    {
                        up.Add(MigrationCode.Sql(Receiver, SqlText.DropSyncTrigger(drop.Table, drop.Column, copyTo)));
                    }

                    up.Add(MigrationCode.Sql(Receiver, SqlText.Copy(drop.Data.Provider, drop.Table, drop.Column, copyTo, onlyMissing: true)));
                    if (drop.Data.RequireCopy && drop.ClrType is { } copyType && MigrationCode.ClrDefault(copyType) is { } copyDefault)
                    {
                        up.Add(MigrationCode.AlterColumn(Receiver, copyType, copyTo, drop.Table, drop.Data.StoreType, nullable: false, copyDefault, oldNullable: true, oldDefaultValue: null));
                        down.Insert(0, MigrationCode.AlterColumn(Receiver, copyType, copyTo, drop.Table, drop.Data.StoreType, nullable: true, null, oldNullable: false, oldDefaultValue: null));
                    }
                }

                up.Add(MigrationCode.DropColumn(Receiver, drop.Column, drop.Table));
                if (drop.ClrType is not { } clrType)
                {
                    return null;
                }

                // Re-creating a NOT NULL column in a table with rows needs a value for them, as EF scaffolds it.
                var nullable = drop.Data.Nullable != false;
                var defaultArgument = drop.Data.DefaultArgument
                    ?? (!nullable && MigrationCode.ClrDefault(drop.ClrType) is { } clrDefault ? "defaultValue: " + clrDefault : null);
                down.Insert(0, MigrationCode.AddColumn(Receiver, clrType, drop.Column, drop.Table, drop.Data.StoreType, nullable, defaultArgument));
            }

            var body = new StringBuilder()
                .Append("using Microsoft.EntityFrameworkCore.Migrations;\n\n#nullable disable\n\n");
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

        private static void Method(StringBuilder body, string indent, string name, List<MigrationCall> calls)
        {
            body.Append(indent).Append("/// <inheritdoc />\n")
                .Append(indent).Append("protected override void ").Append(name).Append("(MigrationBuilder migrationBuilder)\n")
                .Append(indent).Append("{\n")
                .Append(string.Join("\n\n", calls.Select(call => indent + "    " + call.Format(indent + "    ", "\n")))).Append('\n')
                .Append(indent).Append("}\n");
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
                .Append(indent).Append("[Migration(").Append(MigrationCode.Literal(id)).Append(")]\n")
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

        /// <summary>One ready drop, as the checker described it: a column, or a whole table (no column).</summary>
        private sealed record Drop(string Context, TableKey Table, string? Column, string? ClrType, FixData Data)
        {
            /// <summary>Null for a column whose CLR type the replay does not know (Down could not re-create it), or that code still names (BG0011).</summary>
            public static Drop? From(Diagnostic diagnostic) =>
                FixData.Of(diagnostic) is { Context: { } context, Table: { } table, StillUsed: false } data && (data.Column is null || data.ClrType is not null)
                    ? new Drop(context, table, data.Column, data.ClrType, data)
                    : null;
        }
    }
}
