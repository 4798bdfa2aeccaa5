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
    /// BG0002 (b) "Expand now, contract later", on PostgreSQL: instead of renaming, the migration adds the new column
    /// (nullable, no default), copies the values over, and installs a trigger that keeps both copies equal while both
    /// versions run (the running version writes the old column, the new version the new one; each reads what the other
    /// wrote). The old column becomes a model-only removal: BG0100's migration later drops the trigger and the column.
    /// Not offered on SQLite (its table rebuilds drop triggers and the old column) nor on providers the tests cannot run.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExpandRenameCodeFixProvider))]
    [Shared]
    public sealed class ExpandRenameCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Expand now, contract later";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RenameColumn.Id);

        // The bigger change (a trigger, a second column, a later drop): applied only when .editorconfig chooses it.
        private protected override bool OffersDefault => false;

        private protected override Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            data is { Shape: RenameShape.Rename, Provider: Provider.Npgsql, ClrType: not null, Table: not null, Column: not null, NewColumn: not null }
                ? Offer(new FixOption("BG0002.Expand", "expand", Title))
                : Task.FromResult(None);

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (data is not { ClrType: { } clrType, Table: { } table, Column: { } oldColumn, NewColumn: { } newColumn }
                || await MigrationSyntax.OperationAtAsync<RenameColumn>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (migration, rename)
                || MigrationSyntax.Statement(rename) is not { } statement
                || await edits.ForAsync(rename.Syntax, cancellationToken).ConfigureAwait(false) is not { } code)
            {
                return;
            }

            var receiver = MigrationSyntax.Receiver(migration.Up);
            code.Replace(
                statement,
                MigrationCode.AddColumn(receiver, clrType, newColumn, table, data.StoreType, nullable: true, defaultArgument: null),
                MigrationCode.Sql(receiver, SqlText.Copy(Provider.Npgsql, table, oldColumn, newColumn, onlyMissing: false)),
                MigrationCode.Sql(receiver, SqlText.CreateSyncTrigger(table, oldColumn, newColumn)));

            // Down: the inverse rename becomes the trigger's removal and the new column's drop.
            var inverse = migration.DownOperations(cancellationToken).OfType<RenameColumn>()
                .FirstOrDefault(operation => operation.Table.Equals(table) && operation.Column == newColumn && operation.NewName == oldColumn);
            if (MigrationSyntax.Statement(inverse) is { } inverseStatement)
            {
                var downReceiver = MigrationSyntax.Receiver(migration.Down);
                code.Replace(
                    inverseStatement,
                    MigrationCode.Sql(downReceiver, SqlText.DropSyncTrigger(table, oldColumn, newColumn)),
                    MigrationCode.DropColumn(downReceiver, newColumn, table));
            }
        }
    }
}
