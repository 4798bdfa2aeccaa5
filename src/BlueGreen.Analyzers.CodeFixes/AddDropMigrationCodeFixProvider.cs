using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0100, the contract step: Up drops the column (after copying again, for a renamed column, what the old version
    /// wrote since the expand step), Down re-creates it as the migrations defined it. Two places for it:
    /// "Drop &lt;Table&gt;.&lt;Column&gt; in migration &lt;id&gt;" writes it into the newest migration when that one has not
    /// shipped (typically an empty one made by <c>dotnet ef migrations add</c>); "Add a migration that drops ..." writes a
    /// migration and its designer beside the existing ones, as EF would scaffold them, its target model the current
    /// snapshot's (the model does not change). dotnet format keeps no fix that only adds documents, so from the command line
    /// the first one is the way (see docs/rules/BG0100.md). Fix All writes every ready drop of a DbContext in one migration.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDropMigrationCodeFixProvider))]
    [Shared]
    public sealed class AddDropMigrationCodeFixProvider : CodeFixProvider
    {
        private const string DropInMigrationKey = "BG0100.DropInMigration";
        private const string AddMigrationKey = "BG0100.AddDropMigration";

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
            new ProjectFixAll("Drop every column ready to drop", async (project, diagnostics, key, cancellationToken) =>
            {
                var chosen = diagnostics
                    .Select(diagnostic => (Drop: Drop.From(diagnostic), Option: key is null ? Chosen(project, diagnostic) : Offers(diagnostic).FirstOrDefault(offer => offer.Key == key)))
                    .Where(pair => pair.Drop is not null && pair.Option is not null)
                    .ToList();
                var solution = await DropInAsync(project, chosen.Where(pair => pair.Option!.Key == DropInMigrationKey).Select(pair => pair.Drop!).ToList(), cancellationToken).ConfigureAwait(false);
                return solution.GetProject(project.Id) is { } changed
                    ? await AddAsync(changed, chosen.Where(pair => pair.Option!.Key == AddMigrationKey).Select(pair => pair.Drop!).ToList(), cancellationToken).ConfigureAwait(false)
                    : solution;
            });

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var project = context.Document.Project;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Drop.From(diagnostic) is { } drop)
                {
                    FixChoice.Register(
                        context,
                        diagnostic,
                        Offers(diagnostic),
                        Chosen(project, diagnostic),
                        option => CodeAction.Create(
                            option.Title,
                            cancellationToken => option.Key == DropInMigrationKey ? DropInAsync(project, new[] { drop }, cancellationToken) : AddAsync(project, new[] { drop }, cancellationToken),
                            option.Key));
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>Into the unshipped newest migration first, where there is one: the only way dotnet format can apply.</summary>
        private static IReadOnlyList<FixOption> Offers(Diagnostic diagnostic)
        {
            if (Drop.From(diagnostic) is not { } drop)
            {
                return Array.Empty<FixOption>();
            }

            var what = drop.Column is null ? "table " + drop.Table : drop.Table.Name + "." + drop.Column;
            var offers = new List<FixOption>();
            if (drop.Data.DropInto is { } into)
            {
                offers.Add(new FixOption(DropInMigrationKey, "drop_in_migration", $"Drop {what} in migration {into}"));
            }

            offers.Add(new FixOption(AddMigrationKey, "add_migration", $"Add a migration that drops {what}"));
            return offers;
        }

        private static FixOption? Chosen(Project project, Diagnostic diagnostic) =>
            FixChoice.Chosen(Offers(diagnostic), FixChoice.Configured(project, diagnostic), offersDefault: true);

        /// <summary>Writes the drops into the unshipped migration each names: Up's end, Down's start (Down undoes in reverse).</summary>
        private static async Task<Solution> DropInAsync(Project project, IReadOnlyList<Drop> drops, CancellationToken cancellationToken)
        {
            var edits = new SolutionEdits(project.Solution);
            if (drops.Count == 0 || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return edits.Solution;
            }

            foreach (var history in HistoryBuilder.Build(compilation, cancellationToken))
            {
                var context = history.Context.ToDisplayString();
                foreach (var group in drops.Where(drop => drop.Context == context).GroupBy(drop => drop.Data.DropInto))
                {
                    if (history.Migrations.FirstOrDefault(migration => migration.Id == group.Key) is not { Up.Body: { } up, Down.Body: { } down }
                        || await edits.ForAsync(up, cancellationToken).ConfigureAwait(false) is not { } code)
                    {
                        continue;
                    }

                    var mine = group.ToList();
                    var schema = mine.Any(drop => drop.Column is null) ? CompatibilityChecker.Replay(history, cancellationToken) : null;
                    if (Calls(MigrationSyntax.Receiver(up.Parent as MethodDeclarationSyntax), mine, schema, code.IndentationOfLine(up.OpenBraceToken.SpanStart) + "    ", code.NewLineText) is { } calls)
                    {
                        code.Insert(up, atEnd: true, calls.Up.ToArray());
                        code.Insert(down, atEnd: false, calls.Down.ToArray());
                    }
                }
            }

            return edits.Apply();
        }

        private async Task<Solution> AddAsync(Project project, IReadOnlyList<Drop> drops, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var solution = project.Solution;
            if (compilation is null)
            {
                return solution;
            }

            // Two DbContexts in one namespace: each new class its own name.
            var taken = new HashSet<string>(StringComparer.Ordinal);
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

                var writer = NewMigration.Scaffolded(beside, lastUp);
                var schema = mine.Any(drop => drop.Column is null) ? CompatibilityChecker.Replay(history, cancellationToken) : null;
                if (Calls(writer.Receiver, mine, schema, writer.StatementIndent, "\n") is not var (up, down))
                {
                    continue;
                }

                var name = writer.ClassName(compilation, mine.Count == 1 ? "Drop" + MigrationCode.Identifier(mine[0].Table.Name) + MigrationCode.Identifier(mine[0].Column ?? string.Empty) : "DropRemovedColumns", taken);
                var id = NewMigration.Id(timestamp, name);
                solution = writer.AddTo(solution, id, writer.MigrationText(name, id, up, down), writer.DesignerText(snapshot, model, name, id, context));
            }

            return solution;
        }

        /// <summary>
        /// EF's id timestamp, from the fix's clock, but always after every existing id so the drop runs last; null when
        /// none can be: a hand-made id at the last second a timestamp can name (adding a second to it would throw).
        /// </summary>
        private DateTime? Timestamp(MigrationHistory history)
        {
            var now = _clock();
            foreach (var migration in history.Migrations)
            {
                if (NewMigration.TimestampOf(migration.Id) is { } existing && existing >= now)
                {
                    if (existing >= NewMigration.LastTimestamp)
                    {
                        return null;
                    }

                    now = existing.AddSeconds(1);
                }
            }

            return now;
        }

        /// <summary>
        /// Up's and Down's calls for the drops, statements indented by <paramref name="indent"/>; null when a dropped table has
        /// a column whose CLR type the replay does not know (Down could not re-create it).
        /// </summary>
        private static (List<MigrationCall> Up, List<MigrationCall> Down)? Calls(string receiver, IReadOnlyList<Drop> drops, DatabaseSchema? schema, string indent, string newLine)
        {
            var up = new List<MigrationCall>();
            var down = new List<MigrationCall>();
            foreach (var drop in drops)
            {
                if (drop.Column is null)
                {
                    if (schema is null || MigrationCode.CreateTable(receiver, drop.Table, schema.Columns(drop.Table), indent, newLine) is not { } create)
                    {
                        return null;
                    }

                    up.Add(MigrationCode.DropTable(receiver, drop.Table));
                    down.Insert(0, create);
                    continue;
                }

                if (drop.Data.CopyTo is { } copyTo)
                {
                    // The expand step's trigger goes first (it names the column); then the rows the old version wrote since.
                    if (drop.Data.Provider == Provider.Npgsql)
                    {
                        up.Add(MigrationCode.Sql(receiver, SqlText.DropSyncTrigger(drop.Table, drop.Column, copyTo)));
                    }

                    up.Add(MigrationCode.Sql(receiver, SqlText.Copy(drop.Data.Provider, drop.Table, drop.Column, copyTo, onlyMissing: true)));
                    if (drop.Data.RequireCopy && drop.ClrType is { } copyType && MigrationCode.ClrDefault(copyType) is { } copyDefault)
                    {
                        up.Add(MigrationCode.AlterColumn(receiver, copyType, copyTo, drop.Table, drop.Data.StoreType, nullable: false, copyDefault, oldNullable: true, oldDefaultValue: null));
                        down.Insert(0, MigrationCode.AlterColumn(receiver, copyType, copyTo, drop.Table, drop.Data.StoreType, nullable: true, null, oldNullable: false, oldDefaultValue: null));
                    }
                }

                up.Add(MigrationCode.DropColumn(receiver, drop.Column, drop.Table));
                if (drop.ClrType is not { } clrType)
                {
                    return null;
                }

                // Re-creating a NOT NULL column in a table with rows needs a value for them, as EF scaffolds it.
                var nullable = drop.Data.Nullable != false;
                var defaultArgument = drop.Data.DefaultArgument
                    ?? (!nullable && MigrationCode.ClrDefault(drop.ClrType) is { } clrDefault ? "defaultValue: " + clrDefault : null);
                down.Insert(0, MigrationCode.AddColumn(receiver, clrType, drop.Column, drop.Table, drop.Data.StoreType, nullable, defaultArgument));
            }

            return (up, down);
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
