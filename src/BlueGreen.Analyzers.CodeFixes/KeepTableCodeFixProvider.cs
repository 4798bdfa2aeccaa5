using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0003 "Keep the table until the next release": the migration only removes the entity from the model; the
    /// DropTable leaves Up and the CreateTable that re-creates it leaves Down. The running version keeps writing the
    /// table; the new one never touches it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepTableCodeFixProvider))]
    [Shared]
    public sealed class KeepTableCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Keep the table until the next release";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DropTable.Id);

        private protected override Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            Offer(new FixOption("BG0003.KeepTable", "keep_table", Title));

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.OperationAtAsync<DropTable>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (migration, drop)
                || MigrationSyntax.Statement(drop) is not { } statement
                || await edits.ForAsync(drop.Syntax, cancellationToken).ConfigureAwait(false) is not { } code)
            {
                return;
            }

            code.Remove(statement);
            var create = migration.DownOperations(cancellationToken).OfType<CreateTable>().FirstOrDefault(operation => operation.Table.Equals(drop.Table));
            if (MigrationSyntax.Statement(create) is { } inverse)
            {
                code.Remove(inverse);
            }
        }
    }
}
