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
    }
}
