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
    /// BG0002 (b) "Expand now, contract later": instead of renaming, the migration adds the new column
    /// (nullable) and copies the values over; the old column stays, made nullable if it would reject the
    /// new version's inserts, and becomes a model-only removal to drop in a later release.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExpandRenameCodeFixProvider))]
    [Shared]
    public sealed class ExpandRenameCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Expand now, contract later";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RenameColumn.Id);

        // The new column is written as AddColumn<T>: the replay must know the old column's CLR type.
        private protected override IEnumerable<string> Titles(Diagnostic diagnostic) =>
            Property(diagnostic, FixProperties.ClrType) is null && Property(diagnostic, FixProperties.Shape) == "Rename" ? System.Array.Empty<string>() : new[] { Title };

        // For a drop and an add the analyzer only presumes a rename; the copy is what the user opts into.
        private protected override string DisplayTitle(string title, Diagnostic diagnostic) =>
            Property(diagnostic, FixProperties.Shape) == "DropAdd"
                ? $"{Title} (copy {Property(diagnostic, FixProperties.Column)} into {Property(diagnostic, FixProperties.NewColumn)})"
                : title;

        private protected override void Fix(MigrationEdits edits, string title, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (node is not InvocationExpressionSyntax call
                || Statement(call) is not { } statement
                || Table(diagnostic) is not { } table
                || Property(diagnostic, FixProperties.Column) is not { } oldColumn
                || Property(diagnostic, FixProperties.NewColumn) is not { } newColumn)
            {
                return;
            }

            var copy = new Call(Receiver(call), "Sql", new[] { Call.Literal(CopySql(Property(diagnostic, FixProperties.Provider), table, oldColumn, newColumn)) });
            if (Property(diagnostic, FixProperties.Shape) == "DropAdd")
            {
                // The add of the new column stays; the drop of the old one goes, and the copy follows the add.
                SplitDropColumnCodeFixProvider.KeepColumn(edits, call, statement, table, oldColumn, diagnostic, cancellationToken);
                var add = OperationReader.Read(call.FirstAncestorOrSelf<MethodDeclarationSyntax>(), cancellationToken).Operations
                    .FirstOrDefault(operation => operation.Kind == SchemaOperationKind.AddColumn && operation.Table.Equals(table) && operation.Column == newColumn);
                if (Statement(add?.Syntax) is { } addStatement)
                {
                    edits.InsertAfter(addStatement, copy);
                }

                return;
            }

            var clrType = Property(diagnostic, FixProperties.ClrType)!;
            var storeType = Property(diagnostic, FixProperties.StoreType);
            var makeNullable = Property(diagnostic, FixProperties.MakeNullable) == "True";
            var receiver = Receiver(call);
            var up = new List<Call> { AddColumn(receiver, clrType, newColumn, table, storeType), copy };
            if (makeNullable)
            {
                up.Add(Call.AlterNullability(receiver, clrType, oldColumn, table.Schema, table.Name, storeType, nullable: true, defaultValue: null));
            }

            edits.Replace(statement, up.ToArray());

            // Down: the inverse rename becomes the drop of the new column (and the old one's NOT NULL back).
            var inverse = Down(call, cancellationToken).Operations.FirstOrDefault(operation =>
                operation.Kind == SchemaOperationKind.RenameColumn && operation.Table.Equals(table) && operation.Column == newColumn && operation.NewName == oldColumn);
            if (inverse is not null && Statement(inverse.Syntax) is { } inverseStatement)
            {
                var downReceiver = Receiver(inverse.Syntax);
                var down = new List<Call>();
                if (makeNullable)
                {
                    down.Add(Call.AlterNullability(downReceiver, clrType, oldColumn, table.Schema, table.Name, storeType, nullable: false, Call.ClrDefault(clrType)));
                }

                down.Add(DropColumn(downReceiver, newColumn, table));
                edits.Replace(inverseStatement, down.ToArray());
            }
        }

        /// <summary>The UPDATE copying old values into the new column, with the provider's identifier quoting.</summary>
        internal static string CopySql(string? provider, TableKey table, string oldColumn, string newColumn)
        {
            var name = table.Schema is null ? Quote(provider, table.Name) : Quote(provider, table.Schema) + "." + Quote(provider, table.Name);
            return "UPDATE " + name + " SET " + Quote(provider, newColumn) + " = " + Quote(provider, oldColumn);
        }

        /// <summary>An identifier quoted for the provider: [x] on SQL Server, backticks on MySQL, the standard "x" elsewhere.</summary>
        internal static string Quote(string? provider, string identifier) => provider switch
        {
            Providers.SqlServer => "[" + identifier.Replace("]", "]]") + "]",
            Providers.MySql => "`" + identifier.Replace("`", "``") + "`",
            _ => "\"" + identifier.Replace("\"", "\"\"") + "\"",
        };

        private static Call AddColumn(string receiver, string clrType, string column, TableKey table, string? storeType)
        {
            var arguments = new List<string> { "name: " + Call.Literal(column) };
            if (table.Schema is not null)
            {
                arguments.Add("schema: " + Call.Literal(table.Schema));
            }

            arguments.Add("table: " + Call.Literal(table.Name));
            if (storeType is not null)
            {
                arguments.Add("type: " + Call.Literal(storeType));
            }

            arguments.Add("nullable: true");
            return new Call(receiver, "AddColumn<" + clrType + ">", arguments);
        }

        private static Call DropColumn(string receiver, string column, TableKey table)
        {
            var arguments = new List<string> { "name: " + Call.Literal(column) };
            if (table.Schema is not null)
            {
                arguments.Add("schema: " + Call.Literal(table.Schema));
            }

            arguments.Add("table: " + Call.Literal(table.Name));
            return new Call(receiver, "DropColumn", arguments);
        }
    }
}
