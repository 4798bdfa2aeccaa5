using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0001 "Split into two releases": the migration keeps only the model removal. The DropColumn
    /// leaves Up and its re-creating AddColumn leaves Down; a NOT NULL column without default is made
    /// nullable instead, so the new version's inserts, which no longer name it, still succeed. The drop
    /// itself comes back in a later release.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitDropColumnCodeFixProvider))]
    [Shared]
    public sealed class SplitDropColumnCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Split into two releases";

        // Also BG0002 when it is a drop paired with an add of the same type: if the two columns are unrelated,
        // keeping the old one without copying is the right split.
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DropColumn.Id, Descriptors.RenameColumn.Id);

        private protected override IEnumerable<string> Titles(Diagnostic diagnostic) =>
            diagnostic.Id == Descriptors.DropColumn.Id || Property(diagnostic, FixProperties.Shape) == "DropAdd" ? new[] { Title } : System.Array.Empty<string>();

        private protected override void Fix(MigrationEdits edits, string title, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (node is InvocationExpressionSyntax drop && Statement(drop) is { } statement && Table(diagnostic) is { } table && Property(diagnostic, FixProperties.Column) is { } column)
            {
                KeepColumn(edits, drop, statement, table, column, diagnostic, cancellationToken);
            }
        }

        /// <summary>
        /// Takes a drop out of Up and its inverse out of Down; where the kept column would reject the new
        /// version's inserts (NOT NULL without default), makes it nullable instead. Shared with BG0002's
        /// expand fix for a drop-and-add rename.
        /// </summary>
        internal static void KeepColumn(MigrationEdits edits, InvocationExpressionSyntax drop, StatementSyntax statement, TableKey table, string column, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var add = Down(drop, cancellationToken).Operations
                .FirstOrDefault(operation => operation.Kind == SchemaOperationKind.AddColumn && operation.Table.Equals(table) && operation.Column == column);
            var inverse = Statement(add?.Syntax);
            var clrType = Property(diagnostic, FixProperties.ClrType) ?? add?.Definition?.ClrType;
            if (Property(diagnostic, FixProperties.MakeNullable) != "True" || clrType is null)
            {
                edits.Remove(statement);
                if (inverse is not null)
                {
                    edits.Remove(inverse);
                }

                return;
            }

            // Up: the column stays, nullable, so inserts that leave it out succeed.
            var storeType = Property(diagnostic, FixProperties.StoreType);
            edits.Replace(statement, Call.AlterNullability(Receiver(drop), clrType, column, table.Schema, table.Name, storeType, nullable: true, defaultValue: null));

            // Down: back to NOT NULL, with the default EF chose when it scaffolded the re-creation.
            if (add is not null && inverse is not null)
            {
                var defaultValue = OperationReader.Argument(add, "defaultValue")?.ToString() ?? Call.ClrDefault(clrType);
                edits.Replace(inverse, Call.AlterNullability(Receiver(add.Syntax), clrType, column, table.Schema, table.Name, storeType, nullable: false, defaultValue));
            }
        }
    }
}
