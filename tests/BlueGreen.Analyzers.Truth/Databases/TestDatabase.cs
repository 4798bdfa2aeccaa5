using System;
using System.Collections.Generic;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BlueGreen.Analyzers.Truth.Databases
{
    internal enum DatabaseProvider
    {
        Sqlite,
        Postgres,
    }

    /// <summary>
    /// One fresh, empty, real database: where EF's migrator applies a history and the versions' workloads run.
    /// SQLite lives in memory for as long as this object; PostgreSQL is a new database on the test run's server.
    /// </summary>
    internal abstract class TestDatabase : IDisposable
    {
        private int _counter;

        /// <summary>A number no other row of this database used: keys and unique values of every version's rows.</summary>
        public int NextValue() => System.Threading.Interlocked.Increment(ref _counter);

        public abstract DatabaseProvider Provider { get; }

        /// <summary>An open connection the workloads use; EF's migrator uses it too, so both see one database.</summary>
        public abstract DbConnection Connection { get; }

        public static TestDatabase Create(DatabaseProvider provider) =>
            provider == DatabaseProvider.Sqlite ? new SqliteTestDatabase() : new PostgresTestDatabase();

        /// <summary>EF's options for a context on this database. EF 9+ refuses to migrate a context whose own model differs
        /// from the snapshot; the contexts here are stubs (the migrations' designers are the models), so that check is off.</summary>
        public DbContextOptions Options()
        {
            var builder = new DbContextOptionsBuilder();
            Configure(builder);
            builder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
            return builder.Options;
        }

        /// <summary>A table as the SQL names it: SQLite has no schemas, EF's SQLite provider drops them.</summary>
        public string Table(string? schema, string name) =>
            Provider == DatabaseProvider.Postgres && schema is not null ? Quote(schema) + "." + Quote(name) : Quote(name);

        public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        /// <summary>The tables and their columns as the database has them now (EF's history table left out).</summary>
        public abstract SortedDictionary<string, SortedSet<string>> Columns();

        public abstract void Dispose();

        protected abstract void Configure(DbContextOptionsBuilder builder);
    }

    internal sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly SqliteConnection _connection = new SqliteConnection("Data Source=:memory:");

        public SqliteTestDatabase()
        {
            _connection.Open();
        }

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override DbConnection Connection => _connection;

        public override SortedDictionary<string, SortedSet<string>> Columns()
        {
            var tables = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Add(tables, reader.GetString(0), reader.GetString(1));
            }

            return tables;
        }

        public override void Dispose() => _connection.Dispose();

        protected override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(_connection);

        internal static void Add(SortedDictionary<string, SortedSet<string>> tables, string table, string column)
        {
            if (!tables.TryGetValue(table, out var columns))
            {
                tables.Add(table, columns = new SortedSet<string>(StringComparer.Ordinal));
            }

            columns.Add(column);
        }
    }

    internal sealed class PostgresTestDatabase : TestDatabase
    {
        private readonly string _name;
        private readonly NpgsqlConnection _connection;

        public PostgresTestDatabase()
        {
            _name = PostgresServer.Instance.CreateDatabase();
            _connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString(_name));
            _connection.Open();
        }

        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        public override DbConnection Connection => _connection;

        public override SortedDictionary<string, SortedSet<string>> Columns()
        {
            var tables = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t "
                + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                + "WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_name NOT LIKE '__EFMigrations%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var schema = reader.GetString(0);
                SqliteTestDatabase.Add(tables, (schema == "public" ? string.Empty : schema + ".") + reader.GetString(1), reader.GetString(2));
            }

            return tables;
        }

        public override void Dispose()
        {
            _connection.Dispose();
            PostgresServer.Instance.DropDatabase(_name);
        }

        protected override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(_connection);
    }
}
