using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// The split fixes (BG0202's, and BG0201's "in a migration of its own") judged by the PostgreSQL server the tests start,
    /// on the scaffolded locks histories: the split history applies with EF's migrator, each moved index is valid, and the
    /// database ends as the unsplit history leaves it. And the point of the split, seen on the server: when the concurrent
    /// index fails (a relation of its name already exists), the unsplit migration is left half applied (its column added,
    /// the migration not recorded, and applying it again fails on the column), while the split one stays recorded and only
    /// the index's own migration is left to run again.
    /// </summary>
    public class LockSplitTruthTests
    {
        private readonly ITestOutputHelper _output;

        public LockSplitTruthTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> LocksHistories { get; } = new TheoryData<string>
        {
            "locks-ef8-postgres", "locks-ef9-postgres", "locks-ef10-postgres",
        };

        [Theory]
        [MemberData(nameof(LocksHistories))]
        public async Task The_split_history_applies_with_valid_indexes_and_ends_with_the_unsplit_schema(string history)
        {
            var workspace = HistoryWorkspace.FromCorpus(history);
            var split = await SplitAsync(workspace);
            var diagnostics = await split.AnalyzeAsync();
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "BG0202");
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "BG0201" && diagnostic.Properties["MigrationId"]!.EndsWith("_AddOrderStore", StringComparison.Ordinal));

            var compiled = split.Compile();
            using var database = TestDatabase.Create(DatabaseProvider.Postgres);
            using (var context = compiled.CreateContext(database))
            {
                context.GetService<IMigrator>().Migrate();
            }

            Assert.Equal(compiled.Migrations, Applied(database));
            Assert.True(Valid(database, "IX_Customers_Tier") && Valid(database, "IX_Orders_StoreId"));

            var unsplit = workspace.Compile();
            using var control = TestDatabase.Create(DatabaseProvider.Postgres);
            using (var context = unsplit.CreateContext(control))
            {
                context.GetService<IMigrator>().Migrate();
            }

            var schema = Schema(database);
            _output.WriteLine(string.Join("\n", schema));
            Assert.Equal(Schema(control), schema);
        }

        [Theory]
        [MemberData(nameof(LocksHistories))]
        public async Task A_failing_concurrent_index_leaves_the_unsplit_migration_half_applied_and_the_split_one_applied(string history)
        {
            var workspace = HistoryWorkspace.FromCorpus(history);

            // Unsplit: the AddColumn commits before the index runs outside the transaction; the index fails; EF does not
            // record the migration, and running it again fails on the column it already added.
            var unsplit = workspace.Compile();
            var mixed = unsplit.Migrations.Single(id => id.EndsWith("_AddTierWithIndex", StringComparison.Ordinal));
            using (var database = TestDatabase.Create(DatabaseProvider.Postgres))
            using (var context = unsplit.CreateContext(database))
            {
                var migrator = context.GetService<IMigrator>();
                migrator.Migrate(unsplit.Migrations[unsplit.Migrations.ToList().IndexOf(mixed) - 1]);
                Execute(database, "CREATE TABLE \"Blocker\" (\"Id\" integer); CREATE INDEX \"IX_Customers_Tier\" ON \"Blocker\" (\"Id\")");
                _output.WriteLine("unsplit: " + Assert.ThrowsAny<Exception>(() => migrator.Migrate(mixed)).Message);
                Assert.True(HasColumn(database, "Customers", "Tier"));
                Assert.DoesNotContain(mixed, Applied(database));
                Execute(database, "DROP TABLE \"Blocker\"");
                _output.WriteLine("unsplit, again: " + Assert.ThrowsAny<Exception>(() => migrator.Migrate(mixed)).Message);
            }

            // Split: the migration with the AddColumn commits and is recorded; only the index's migration fails, and it
            // applies once the conflict is gone.
            var compiled = (await SplitAsync(workspace)).Compile();
            var moved = compiled.Migrations.Single(id => id.EndsWith("_CreateIXCustomersTier", StringComparison.Ordinal));
            Assert.Equal(compiled.Migrations.ToList().IndexOf(mixed) + 1, compiled.Migrations.ToList().IndexOf(moved));
            using (var database = TestDatabase.Create(DatabaseProvider.Postgres))
            using (var context = compiled.CreateContext(database))
            {
                var migrator = context.GetService<IMigrator>();
                migrator.Migrate(compiled.Migrations[compiled.Migrations.ToList().IndexOf(mixed) - 1]);
                Execute(database, "CREATE TABLE \"Blocker\" (\"Id\" integer); CREATE INDEX \"IX_Customers_Tier\" ON \"Blocker\" (\"Id\")");
                _output.WriteLine("split: " + Assert.ThrowsAny<Exception>(() => migrator.Migrate(moved)).Message);
                Assert.Contains(mixed, Applied(database));
                Assert.DoesNotContain(moved, Applied(database));
                Execute(database, "DROP TABLE \"Blocker\"");
                migrator.Migrate(moved);
                Assert.True(Valid(database, "IX_Customers_Tier"));

                // Each migration's Down undoes its Up: back before the split migration, then forward again.
                migrator.Migrate(compiled.Migrations[compiled.Migrations.ToList().IndexOf(mixed) - 1]);
                Assert.False(HasColumn(database, "Customers", "Tier"));
                migrator.Migrate();
                Assert.Equal(compiled.Migrations, Applied(database));
            }
        }

        /// <summary>BG0202's fix on every mixed migration, then BG0201's "in a migration of its own" on AddOrderStore's index.</summary>
        private static async Task<HistoryWorkspace> SplitAsync(HistoryWorkspace workspace)
        {
            var split = await FixApplier.FixAllAsync(workspace, "BG0202", MoveNonTransactionalCodeFixProvider.Key);
            var index = (await split.AnalyzeAsync()).Single(diagnostic => diagnostic.Id == "BG0201" && diagnostic.Properties["MigrationId"]!.EndsWith("_AddOrderStore", StringComparison.Ordinal));
            return await FixApplier.ApplyAsync(split, index, CreateIndexConcurrentlyCodeFixProvider.OwnMigrationKey);
        }

        private static List<string> Applied(TestDatabase database) =>
            Query(database, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"");

        private static bool Valid(TestDatabase database, string index) =>
            Query(database, $"SELECT i.indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '{index}'").SequenceEqual(new[] { "true" });

        private static bool HasColumn(TestDatabase database, string table, string column) =>
            Query(database, $"SELECT column_name::text FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'").Count == 1;

        /// <summary>Every column (type, nullability, default), index (its definition) and constraint of the user tables.</summary>
        private static List<string> Schema(TestDatabase database) =>
            Query(database, """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%'
                UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%'
                UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%EFMigrations%'
                ORDER BY 1
                """);

        private static List<string> Query(TestDatabase database, string sql)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }

        private static void Execute(TestDatabase database, string sql)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
