using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Usage;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>BG0011 reads SQL as SQL: which table a name belongs to, each dialect's quoting and case, no names in strings or comments.</summary>
    public class SqlReferencesTests
    {
        [Theory]
        // PostgreSQL folds unquoted names to lower case: bare FAX is the column fax; quoted "FAX" is not.
        [InlineData("SELECT FAX FROM customers", null, "customers", "fax", "Npgsql", true)]
        [InlineData("SELECT \"FAX\" FROM customers", null, "customers", "fax", "Npgsql", false)]
        [InlineData("SELECT fax FROM \"Customers\"", null, "Customers", "Fax", "Npgsql", false)]
        [InlineData("SELECT \"Fax\" FROM \"Customers\"", null, "Customers", "Fax", "Npgsql", true)]

        // SQL Server and SQLite ignore case; brackets, double quotes and backticks quote.
        [InlineData("SELECT c.[Fax] FROM [sales].[Customers] c", "sales", "Customers", "Fax", "SqlServer", true)]
        [InlineData("SELECT c.[Fax] FROM [other].[Customers] c", "sales", "Customers", "Fax", "SqlServer", false)]
        [InlineData("select `fax` from CUSTOMERS", null, "Customers", "Fax", "Sqlite", true)]

        // Which table: aliases, comma joins, a qualifier naming another table.
        [InlineData("SELECT c.Fax FROM Orders o, Customers c", null, "Customers", "Fax", "Sqlite", true)]
        [InlineData("SELECT o.Fax FROM Orders o JOIN Customers c ON c.Id = o.CustomerId", null, "Customers", "Fax", "Sqlite", false)]
        [InlineData("SELECT Fax FROM Orders", null, "Customers", "Fax", "Sqlite", false)]
        [InlineData("SELECT Customers.Fax FROM Orders JOIN Customers ON 1 = 1", null, "Customers", "Fax", "Sqlite", true)]
        [InlineData("UPDATE Customers SET Fax = NULL", null, "Customers", "Fax", "Sqlite", true)]
        [InlineData("INSERT INTO Customers (Name, Fax) VALUES ('a', 'b')", null, "Customers", "Fax", "Sqlite", true)]

        // Not names: string literals (with escaped quotes), comments, dollar-quoted bodies, DDL.
        [InlineData("SELECT Id FROM Customers WHERE Note = 'it''s the Fax'", null, "Customers", "Fax", "Sqlite", false)]
        [InlineData("SELECT Id FROM Customers -- Fax\n/* Fax */", null, "Customers", "Fax", "Sqlite", false)]
        [InlineData("DO $body$ SELECT Fax FROM Customers $body$", null, "Customers", "Fax", "Npgsql", false)]
        [InlineData("ALTER TABLE Customers ADD Fax TEXT NULL", null, "Customers", "Fax", "Sqlite", false)]

        // Statements are read one by one: the table of one does not explain a bare name in another.
        [InlineData("SELECT Id FROM Customers; SELECT Fax FROM Orders", null, "Customers", "Fax", "Sqlite", false)]
        public void A_column_is_named_only_where_the_SQL_says_its_table(string sql, string? schema, string table, string column, string provider, bool named)
        {
            Assert.Equal(named, SqlReferences.Read(sql).NamesColumn(new TableKey(schema, table), column, System.Enum.Parse<Provider>(provider)));
        }

        [Theory]
        [InlineData("SELECT * FROM dbo.Customers", true)]
        [InlineData("DELETE FROM [Customers] WHERE 1 = 1", true)]
        [InlineData("SELECT Customers FROM Orders", false)]
        [InlineData("SELECT 'Customers' FROM Orders", false)]
        public void A_table_is_named_where_a_statement_reads_or_writes_it(string sql, bool named)
        {
            Assert.Equal(named, SqlReferences.Read(sql).NamesTable(new TableKey(null, "Customers"), Provider.SqlServer));
        }

        [Theory]
        [InlineData("UPDATE \"Customers\" SET \"Tier\" = \"Number\"", "UPDATE", "Customers", false)]
        [InlineData("update sales.Customers c set Tier = 0", "UPDATE", "Customers", false)]
        [InlineData("DELETE FROM [Customers]", "DELETE", "Customers", false)]

        // A WHERE, JOIN or LIMIT of a subquery restricts the subquery, not the statement.
        [InlineData("UPDATE Customers SET Tier = (SELECT max(Tier) FROM Orders WHERE Orders.CustomerId = Customers.Id LIMIT 1)", "UPDATE", "Customers", false)]
        [InlineData("UPDATE Customers SET Tier = 0 WHERE Tier IS NULL", "UPDATE", "Customers", true)]
        [InlineData("UPDATE TOP (1000) Customers SET Tier = 0", "UPDATE", null, true)]
        [InlineData("UPDATE c SET Tier = 0 FROM Customers c JOIN Orders o ON o.CustomerId = c.Id", "UPDATE", "c", true)]
        [InlineData("DELETE FROM Customers USING Orders", "DELETE", "Customers", true)]
        [InlineData("DELETE Customers", "DELETE", null, false)]
        [InlineData("WITH x AS (SELECT 1) UPDATE Customers SET Tier = 0", "WITH", null, false)]
        [InlineData("SELECT 1; UPDATE Orders SET Number = 0", "UPDATE", "Orders", false)]
        public void The_last_statement_s_verb_target_and_restriction_are_read(string sql, string verb, string? target, bool restricted)
        {
            var statements = SqlReferences.Read(sql).Statements;
            var statement = statements[statements.Count - 1];
            Assert.Equal(verb, statement.Verb);
            Assert.Equal(target, statement.Target?.Name.Text);
            Assert.Equal(restricted, statement.IsRestricted);
        }
    }
}
