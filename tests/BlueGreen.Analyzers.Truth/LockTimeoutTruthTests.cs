using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using Microsoft.CodeAnalysis.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// BG0208 judged by the PostgreSQL server the tests start. While another transaction holds a lock on Customers (a
    /// running version's SELECT in an open transaction), an ALTER TABLE without a lock timeout waits, and the queries after
    /// it wait behind it: the rule's claim. The fixed migration, applied by EF's migrator, gives up with 55P03 after the
    /// timeout the .editorconfig option gives (1s here), leaves nothing applied and no timeout on the connection, and
    /// applies once the blocker commits.
    /// </summary>
    public class LockTimeoutTruthTests
    {
        private const string InitialId = "20240101000000_Initial";
        private const string SecondId = "20240201000000_AddTier";

        private readonly ITestOutputHelper _output;

        public LockTimeoutTruthTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task BG0208_fixed_migration_fails_fast_while_a_lock_is_held_and_applies_after()
        {
            var initial = "migrationBuilder.CreateTable(name: \"Customers\", columns: table => new { Id = table.Column<int>(type: \"integer\", nullable: false), Name = table.Column<string>(type: \"text\", nullable: true) }, constraints: table => table.PrimaryKey(\"PK_Customers\", x => x.Id));";
            var workspace = HistoryWorkspace.Load("lock-timeout", new[]
            {
                ("Initial.cs", LockTruthTests.Migration(InitialId, "Initial", initial)),
                ("AddTier.cs", LockTruthTests.Migration(SecondId, "AddTier", "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"integer\", nullable: true);")),
                ("ShopContextModelSnapshot.cs", LockTruthTests.Snapshot),
            });
            Assert.DoesNotContain(await workspace.AnalyzeAsync(), diagnostic => diagnostic.Id == "BG0208");

            // Enabled as a user enables it, with the timeout the fix writes.
            workspace = workspace.With(workspace.Project.AddAnalyzerConfigDocument(
                ".editorconfig",
                SourceText.From("root = true\n\n[*.cs]\ndotnet_diagnostic.BG0208.severity = warning\nbluegreen.lock_timeout = 1s\n"),
                filePath: "/history/.editorconfig").Project);
            var diagnostic = (await workspace.AnalyzeAsync()).Single(candidate => candidate.Id == "BG0208");
            Assert.Equal(SecondId, diagnostic.Properties["MigrationId"]);
            var fixedWorkspace = await FixApplier.ApplyAsync(workspace, diagnostic, SetLockTimeoutCodeFixProvider.Key);
            Assert.DoesNotContain(await fixedWorkspace.AnalyzeAsync(), candidate => candidate.Id == "BG0208");
            Assert.Contains("migrationBuilder.Sql(\"SET LOCAL lock_timeout = '1s';\");", fixedWorkspace.Files().Single(file => file.FileName == "AddTier.cs").Text, StringComparison.Ordinal);

            var compiled = fixedWorkspace.Compile();
            using var database = TestDatabase.Create(DatabaseProvider.Postgres);
            using var context = compiled.CreateContext(database);
            var migrator = context.GetService<IMigrator>();
            migrator.Migrate(InitialId);
            Execute(database.Connection, "INSERT INTO \"Customers\" (\"Id\", \"Name\") VALUES (1, 'a')");

            // The running version reads in an open transaction: ACCESS SHARE on Customers until it commits.
            var connectionString = database.Connection.ConnectionString;
            using var blocker = new NpgsqlConnection(connectionString);
            blocker.Open();
            using var reading = blocker.BeginTransaction();
            using (var read = new NpgsqlCommand("SELECT count(*) FROM \"Customers\"", blocker, reading))
            {
                read.ExecuteScalar();
            }

            // The fixed migration gives up after 1s, its transaction rolled back: no column, no history row, no timeout left.
            var clock = Stopwatch.StartNew();
            var refused = Assert.ThrowsAny<Exception>(() => migrator.Migrate(SecondId));
            clock.Stop();
            var postgres = refused as PostgresException ?? refused.InnerException as PostgresException;
            _output.WriteLine($"{SecondId} while Customers is read in an open transaction: {postgres?.SqlState} {postgres?.MessageText} after {clock.ElapsedMilliseconds} ms");
            Assert.NotNull(postgres);
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, postgres!.SqlState);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
            Assert.Equal(new[] { InitialId }, AppliedMigrations(database.Connection));
            Assert.DoesNotContain("Tier", database.Columns()["Customers"]);
            Assert.Equal("0", Scalar(database.Connection, "SHOW lock_timeout"));

            // The control: the same ALTER TABLE without a timeout waits, and a read that comes after it waits behind it.
            using var alterer = new NpgsqlConnection(connectionString);
            using var reader = new NpgsqlConnection(connectionString);
            alterer.Open();
            reader.Open();
            var alter = Task.Run(() => Execute(alterer, "ALTER TABLE \"Customers\" ADD \"Control\" integer"));
            await WaitingOnLocksAsync(database.Connection, 1);
            var laterRead = Task.Run(() => Scalar(reader, "SELECT count(*) FROM \"Customers\""));
            var waiting = await WaitingOnLocksAsync(database.Connection, 2);
            _output.WriteLine($"without a timeout: {waiting} sessions wait on a lock (the ALTER TABLE, and the read behind it)");
            Assert.False(alter.IsCompleted || laterRead.IsCompleted);

            // Once the reader commits, everything goes through, the fixed migration too.
            reading.Commit();
            await Task.WhenAll(alter, laterRead).WaitAsync(TimeSpan.FromSeconds(30));
            clock.Restart();
            migrator.Migrate(SecondId);
            _output.WriteLine($"{SecondId} after the commit: applied in {clock.ElapsedMilliseconds} ms");
            Assert.Equal(new[] { InitialId, SecondId }, AppliedMigrations(database.Connection));
            Assert.Contains("Tier", database.Columns()["Customers"]);
            Assert.Equal("0", Scalar(database.Connection, "SHOW lock_timeout"));
        }

        /// <summary>Waits until at least <paramref name="count"/> other sessions of the database wait on a lock; their number.</summary>
        private static async Task<int> WaitingOnLocksAsync(System.Data.Common.DbConnection connection, int count)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var waiting = Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"), System.Globalization.CultureInfo.InvariantCulture);
                if (waiting >= count || deadline.Elapsed > TimeSpan.FromSeconds(15))
                {
                    Assert.True(waiting >= count, $"{waiting} sessions wait on a lock, expected {count}");
                    return waiting;
                }

                await Task.Delay(100);
            }
        }

        private static string[] AppliedMigrations(System.Data.Common.DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
            using var reader = command.ExecuteReader();
            var ids = new System.Collections.Generic.List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids.ToArray();
        }

        private static void Execute(System.Data.Common.DbConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static string? Scalar(System.Data.Common.DbConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
