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
    /// BG0007 "Give the column a database default in this migration": the column the model stopped mapping takes the new
    /// version's inserts, and the running version reads the default, not NULL, in their rows (nullable would not do:
    /// the running version maps the column as required). Down removes the default again. On SQLite the migration's
    /// designer keeps the column, or the AlterColumn's table rebuild would drop it (see <see cref="ColumnKeeping"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddColumnDefaultCodeFixProvider))]
    [Shared]
    public sealed class AddColumnDefaultCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Give the column a database default in this migration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RequiredColumnLeftBehind.Id);

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            await ColumnKeeping.CanKeepAsync(document, data, cancellationToken).ConfigureAwait(false)
                ? new[] { new FixOption("BG0007.AddDefault", Title) }
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
