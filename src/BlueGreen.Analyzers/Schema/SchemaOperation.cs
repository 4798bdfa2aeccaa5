using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Schema
{
    internal enum SchemaOperationKind
    {
        CreateTable,
        DropTable,
        RenameTable,
        AddColumn,
        DropColumn,
        RenameColumn,
        AlterColumn,

        /// <summary><c>migrationBuilder.Sql(...)</c> with a constant text.</summary>
        Sql,
    }

    /// <summary>
    /// One <c>MigrationBuilder</c> call that changes tables or columns, read from a migration's
    /// <c>Up</c> or <c>Down</c>. Operations whose names (or SQL text) are not constants are not represented.
    /// </summary>
    internal sealed class SchemaOperation
    {
        public SchemaOperation(
            SchemaOperationKind kind,
            TableKey table,
            InvocationExpressionSyntax syntax,
            string? column = null,
            string? newName = null,
            TableKey? newTable = null,
            ColumnDefinition? definition = null,
            IReadOnlyList<ColumnDefinition>? columns = null,
            ColumnDefinition? oldDefinition = null,
            IReadOnlyList<SqlEffect>? sqlEffects = null)
        {
            Kind = kind;
            Table = table;
            Syntax = syntax;
            Column = column;
            NewName = newName;
            NewTable = newTable;
            Definition = definition;
            Columns = columns ?? System.Array.Empty<ColumnDefinition>();
            OldDefinition = oldDefinition;
            SqlEffects = sqlEffects ?? System.Array.Empty<SqlEffect>();
        }

        public SchemaOperationKind Kind { get; }

        public TableKey Table { get; }

        /// <summary>The <c>migrationBuilder.X(...)</c> invocation, where diagnostics are reported.</summary>
        public InvocationExpressionSyntax Syntax { get; }

        /// <summary>The column an operation on one column names (before a rename).</summary>
        public string? Column { get; }

        /// <summary>The new column name of a RenameColumn.</summary>
        public string? NewName { get; }

        /// <summary>The new table of a RenameTable.</summary>
        public TableKey? NewTable { get; }

        /// <summary>The column as AddColumn and AlterColumn define it.</summary>
        public ColumnDefinition? Definition { get; }

        /// <summary>The columns of a CreateTable.</summary>
        public IReadOnlyList<ColumnDefinition> Columns { get; }

        /// <summary>The column before an AlterColumn, as its <c>old...</c> arguments describe it.</summary>
        public ColumnDefinition? OldDefinition { get; }

        /// <summary>The drops and renames the text of a Sql operation makes.</summary>
        public IReadOnlyList<SqlEffect> SqlEffects { get; }
    }
}
