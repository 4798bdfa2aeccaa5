using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// One <c>MigrationBuilder</c> call that changes tables or columns, read from a migration's <c>Up</c> or <c>Down</c>,
    /// at its invocation (where diagnostics are reported). Calls whose names or SQL are not constants are not represented.
    /// </summary>
    internal abstract record SchemaOperation(InvocationExpressionSyntax Syntax);

    /// <summary>An operation on one table, named as the migration names it at that point.</summary>
    internal abstract record TableOperation(TableKey Table, InvocationExpressionSyntax Syntax) : SchemaOperation(Syntax);

    internal sealed record CreateTable(TableKey Table, IReadOnlyList<ColumnDefinition> Columns, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax);

    internal sealed record DropTable(TableKey Table, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax);

    internal sealed record RenameTable(TableKey Table, TableKey NewTable, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax);

    internal sealed record AddColumn(TableKey Table, ColumnDefinition Definition, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax)
    {
        public string Column => Definition.Name;
    }

    internal sealed record DropColumn(TableKey Table, string Column, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax);

    internal sealed record RenameColumn(TableKey Table, string Column, string NewName, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax);

    /// <param name="Old">The column before, as the <c>old...</c> arguments describe it (EF writes only what differs from its defaults).</param>
    internal sealed record AlterColumn(TableKey Table, ColumnDefinition Definition, ColumnDefinition Old, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax)
    {
        public string Column => Definition.Name;
    }

    /// <summary>
    /// A change to a table's keys or constraints (primary key, unique constraint, foreign key, check constraint) or to the
    /// table itself (<c>AlterTable</c>): no column changes, but SQLite can make none of them in place and rebuilds the table.
    /// </summary>
    internal sealed record ConstraintChange(TableKey Table, string Method, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax);

    /// <summary><c>migrationBuilder.Sql(...)</c> with a constant text, and the drops, renames and copies it makes (the text is kept for BG0011: a later migration's SQL can name what an earlier one dropped).</summary>
    /// <param name="Tokens">
    /// <paramref name="Text"/> tokenized once, when the call is read (and cached with it per tree): every rule that reads the
    /// SQL (the replay, the lock rules, BG0011) starts from these.
    /// </param>
    internal sealed record RawSql(IReadOnlyList<SqlEffect> Effects, string Text, IReadOnlyList<SqlToken> Tokens, InvocationExpressionSyntax Syntax) : SchemaOperation(Syntax)
    {
        /// <summary><c>suppressTransaction: true</c>: EF's migrator commits its transaction and runs this SQL outside one (null: not a literal).</summary>
        public bool? SuppressTransaction { get; init; }
    }

    /// <summary>
    /// <c>CreateIndex</c>, with its <c>Npgsql:CreatedConcurrently</c> annotation: <paramref name="Concurrently"/> is false when the
    /// call carries none, null when an annotation's name or value is not a literal.
    /// </summary>
    internal sealed record CreateIndex(TableKey Table, string Name, bool? Concurrently, InvocationExpressionSyntax Syntax) : TableOperation(Table, Syntax)
    {
        /// <summary>Its <c>SqlServer:Online</c> annotation (<c>IsCreatedOnline()</c>), read as <see cref="Concurrently"/> is.</summary>
        public bool? Online { get; init; }
    }
}
