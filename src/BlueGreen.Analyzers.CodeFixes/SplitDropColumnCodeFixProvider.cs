using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0001 (and BG0002 for a drop and an add) "Split into two releases": the migration keeps only the model removal.
    /// The DropColumn leaves Up and its re-creating AddColumn leaves Down; the column stays for the running version, with a
    /// database default where the new version's inserts would leave it NULL (see <see cref="ColumnKeeping"/>). The drop
    /// comes back in a later release, through BG0100.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitDropColumnCodeFixProvider))]
    [Shared]
    public sealed class SplitDropColumnCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Split into two releases";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DropColumn.Id, Descriptors.RenameColumn.Id);

        // For a drop and an add, the columns may be unrelated: keeping the old one without copying is the right split.
        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            (diagnostic.Id == Descriptors.DropColumn.Id || data.Shape == RenameShape.DropAndAdd) && await ColumnKeeping.CanKeepAsync(document, data, cancellationToken).ConfigureAwait(false)
                ? new[] { new FixOption(diagnostic.Id + ".Split", "split", Title) }
                : None;

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.OperationAtAsync<DropColumn>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (migration, drop))
            {
                return;
            }

            var inverse = migration.DownOperations(cancellationToken).OfType<AddColumn>().FirstOrDefault(add => add.Table.Equals(drop.Table) && add.Column == drop.Column);
            await ColumnKeeping.KeepAsync(edits, document, migration, data, MigrationSyntax.Statement(drop), MigrationSyntax.Statement(inverse), cancellationToken).ConfigureAwait(false);
        }
    }
}
