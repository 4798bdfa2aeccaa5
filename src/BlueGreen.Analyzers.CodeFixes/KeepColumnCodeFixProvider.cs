using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// Keeps, in the migration it is reported on, a column the new version no longer maps, for the version still running
    /// (see <see cref="ColumnKeeping"/>):
    /// <list type="bullet">
    /// <item>BG0007 "Give the column a database default in this migration": the column takes the new version's inserts and
    /// the running version reads the default, not NULL, in their rows (nullable would not do: the running version maps
    /// the column as required). Down removes the default. On SQLite the designer keeps the column, or the AlterColumn's
    /// table rebuild would drop it.</item>
    /// <item>BG0009 "Keep the column in this migration's designer": SQLite rebuilds the table from the designer's model, so
    /// the column kept there (marked as kept in the database only, with a default where the new version's rows need one)
    /// survives the rebuild.</item>
    /// </list>
    /// The drop comes later, through BG0100.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepColumnCodeFixProvider))]
    [Shared]
    public sealed class KeepColumnCodeFixProvider : MigrationCodeFixProvider
    {
        public const string AddDefaultTitle = "Give the column a database default in this migration";
        public const string KeepInDesignerTitle = "Keep the column in this migration's designer";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RequiredColumnLeftBehind.Id, Descriptors.ColumnLostInRebuild.Id);

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            await ColumnKeeping.CanKeepAsync(document, data, cancellationToken).ConfigureAwait(false)
                ? new[]
                {
                    diagnostic.Id == Descriptors.RequiredColumnLeftBehind.Id
                        ? new FixOption("BG0007.AddDefault", "add_default", AddDefaultTitle)
                        : new FixOption("BG0009.KeepInDesigner", "keep_in_designer", KeepInDesignerTitle),
                }
                : None;

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.AtAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } migration)
            {
                await ColumnKeeping.KeepAsync(edits, document, migration, data, upStatement: null, downStatement: null, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
