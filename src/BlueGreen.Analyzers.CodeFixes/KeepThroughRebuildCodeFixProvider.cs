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
    /// BG0009 "Keep the column in this migration's designer": SQLite rebuilds the table from the designer's model, so the
    /// column kept there (marked as kept in the database only, with a default where the new version's rows need one)
    /// survives the rebuild; the drop comes later, through BG0100 (see <see cref="ColumnKeeping"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepThroughRebuildCodeFixProvider))]
    [Shared]
    public sealed class KeepThroughRebuildCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Keep the column in this migration's designer";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ColumnLostInRebuild.Id);

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            await ColumnKeeping.CanKeepAsync(document, data, cancellationToken).ConfigureAwait(false)
                ? new[] { new FixOption("BG0009.KeepInDesigner", Title) }
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
