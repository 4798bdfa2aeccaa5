using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0208, opt-in: the first lock a migration takes on a table that holds rows with no lock_timeout set before it, on
    /// the hand-written PostgreSQL history (<see cref="PostgresHistory"/>: Customers exists before Second), and the fix's
    /// SET LOCAL. Enabled here as a user enables it, with <c>dotnet_diagnostic.BG0208.severity = warning</c>.
    /// </summary>
    public class LockTimeoutTests
    {
        private const string SecondId = PostgresHistory.SecondId;

        private static readonly string CreateOrders = PostgresHistory.CreateTable("Orders") + "\n\n" + """
            migrationBuilder.CreateIndex(
                name: "IX_Orders_Id",
                table: "Orders",
                column: "Id");

            migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", type: "integer", nullable: false, defaultValue: 0);
            """;

        private const string Enable = "root = true\n\n[*]\ndotnet_diagnostic.BG0208.severity = warning\n";

        private const string AddTier = "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"integer\", nullable: true)";

        private const string DropTier = "migrationBuilder.DropColumn(name: \"Tier\", table: \"Customers\");";

        private const string ConcurrentIndex = """
            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name",
                table: "Customers",
                column: "Name")
                .Annotation("Npgsql:CreatedConcurrently", true);
            """;

        [Theory]
        [InlineData(null, "5s")]
        [InlineData("1s", "1s")]
        [InlineData("250ms", "250ms")]
        [InlineData("five seconds", "5s")]
        public async Task The_first_lock_on_a_table_that_holds_rows_is_reported_and_the_fix_sets_a_local_lock_timeout_first(string? configured, string written)
        {
            // The new Orders and its index lock nothing the running version uses; the AddColumn on Customers does, and the
            // DropColumn after it is covered by the same fix.
            var up = CreateOrders + "\n\n{|#0:" + AddTier + "|};\n\nmigrationBuilder.DropColumn(name: \"Email\", table: \"Customers\");";
            var test = Create(up, configured);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(0).WithArguments(SecondId, "AddColumn", "Customers"));
            Fixed(test, $"migrationBuilder.Sql(\"SET LOCAL lock_timeout = '{written}';\");\n\n" + up.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal), configured);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Every_operation_that_alters_the_table_counts_and_only_the_first_is_reported()
        {
            await Verify("{|#0:migrationBuilder.AddCheckConstraint(name: \"CK_Customers_Number\", table: \"Customers\", sql: \"\\\"Number\\\" >= 0\")|};\n\n" + AddTier + ";", "AddCheckConstraint");
            await Verify("{|#0:migrationBuilder.RenameColumn(name: \"Email\", table: \"Customers\", newName: \"Mail\")|};", "RenameColumn");
            await Verify("{|#0:migrationBuilder.RenameTable(name: \"Customers\", newName: \"Clients\")|};\n\nmigrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Clients\", type: \"integer\", nullable: true);", "RenameTable");
            await Verify("{|#0:migrationBuilder.DropTable(name: \"Customers\")|};", "DropTable");
            await Verify("{|#0:migrationBuilder.AlterColumn<string>(name: \"Email\", table: \"Customers\", type: \"character varying(200)\", nullable: true, oldClrType: typeof(string), oldType: \"text\", oldNullable: true)|};", "AlterColumn");
            await Verify("{|#0:migrationBuilder.CreateIndex(name: \"IX_Customers_Name\", table: \"Customers\", column: \"Name\")|};", "CreateIndex");
            await Verify("{|#0:migrationBuilder.AddUniqueConstraint(name: \"AK_Customers_Number\", table: \"Customers\", column: \"Number\")|};", "AddUniqueConstraint");
        }

        [Theory]
        [InlineData("SET lock_timeout = '5s'")]
        [InlineData("SET LOCAL lock_timeout = '5s';")]
        [InlineData("set local LOCK_TIMEOUT to 5000")]
        [InlineData("SET SESSION lock_timeout = '1min'")]
        [InlineData("-- fail fast\nSET statement_timeout = '1min'; SET LOCAL lock_timeout = '5s';")]
        [InlineData("SELECT set_config('lock_timeout', '2s', true)")]
        public async Task Is_silent_when_SQL_before_the_lock_sets_a_lock_timeout(string sql)
        {
            await Verify($"migrationBuilder.Sql({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(sql, quote: true)});\n\n{AddTier};");
        }

        [Theory]
        [InlineData("SET LOCAL lock_timeout = '5s'; RESET lock_timeout;")]
        [InlineData("SET lock_timeout = 0")]
        [InlineData("SET lock_timeout TO DEFAULT")]
        [InlineData("SET lock_timeout = '5s'; RESET ALL")]
        [InlineData("SET statement_timeout = '5s'")]
        [InlineData("SELECT 'SET lock_timeout = 5s'")]
        public async Task Is_reported_when_the_SQL_before_turns_the_timeout_off_or_sets_something_else(string sql)
        {
            await Verify($"migrationBuilder.Sql({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(sql, quote: true)});\n\n{{|#0:{AddTier}|}};", "AddColumn");
        }

        [Fact]
        public async Task A_SET_LOCAL_ends_where_EF_commits_for_an_operation_outside_the_transaction_so_the_fix_sets_and_resets_the_session()
        {
            // EF commits before the concurrent index: the AddColumn after it runs in a new transaction without the timeout.
            var up = "migrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s';\");\n\n" + ConcurrentIndex + "\n\n{|#0:" + AddTier + "|};";
            var test = Create(up, "2s");
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(0).WithArguments(SecondId, "AddColumn", "Customers"));
            Fixed(test, "migrationBuilder.Sql(\"SET lock_timeout = '2s';\");\n\n" + up.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)
                + "\n\nmigrationBuilder.Sql(\"RESET lock_timeout;\");", "2s");
            await test.RunAsync(CancellationToken.None);

            // Outside a transaction SET LOCAL does nothing; a plain SET there holds for the session.
            await Verify("migrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s'\", suppressTransaction: true);\n\n{|#0:" + AddTier + "|};", "AddColumn");
            await Verify("migrationBuilder.Sql(\"SET lock_timeout = '5s'\", suppressTransaction: true);\n\n" + ConcurrentIndex + "\n\n" + AddTier + ";");
        }

        [Fact]
        public async Task Is_silent_for_new_tables_a_concurrent_index_and_locks_that_block_no_query()
        {
            await Verify(CreateOrders);
            await Verify(ConcurrentIndex);
            await Verify("migrationBuilder.Sql(\"UPDATE \\\"Customers\\\" SET \\\"Number\\\" = 0 WHERE \\\"Id\\\" = 1\");\n\nmigrationBuilder.InsertData(table: \"Customers\", columns: new[] { \"Id\", \"Name\", \"Number\" }, values: new object[] { 1, \"a\", 0 });");
            await Verify("migrationBuilder.AlterTable(name: \"Customers\", comment: \"The customers\");");
        }

        [Fact]
        public async Task Is_silent_on_SQLite_and_SQL_Server()
        {
            var sqlite = ShopHistory.Create<LockTimeoutAnalyzer, SetLockTimeoutCodeFixProvider>(
                Sources.Migration("Second", "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"INTEGER\", nullable: true);", DropTier),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone", "Points")));
            sqlite.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Enable));
            await sqlite.RunAsync(CancellationToken.None);

            var sqlServer = new Test<LockTimeoutAnalyzer, SetLockTimeoutCodeFixProvider>();
            sqlServer.TestState.Sources.Add(Sources.Context);
            sqlServer.TestState.Sources.Add(Sources.Migration("Initial", LockRuleTests.SqlServerInitialUp, "migrationBuilder.DropTable(name: \"Customers\");"));
            sqlServer.TestState.Sources.Add(Sources.Designer("Initial", PostgresHistory.InitialId, LockRuleTests.SqlServerModel));
            sqlServer.TestState.Sources.Add(Sources.Migration("Second", "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"int\", nullable: true);", DropTier));
            sqlServer.TestState.Sources.Add(Sources.Designer("Second", SecondId, LockRuleTests.SqlServerModel));
            sqlServer.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Enable));
            await sqlServer.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Disabled by default: the testing library turns on every rule it tests, so what a build does without
        /// <c>.editorconfig</c> is checked on the scaffolded histories (<see cref="On_the_scaffolded_histories_each_migration_that_locks_an_existing_table_is_reported_once_enabled"/>).
        /// </summary>
        [Fact]
        public void Is_a_warning_disabled_by_default()
        {
            Assert.False(Descriptors.LockTimeoutMissing.IsEnabledByDefault);
            Assert.Equal(DiagnosticSeverity.Warning, Descriptors.LockTimeoutMissing.DefaultSeverity);
        }

        [Fact]
        public async Task An_expression_bodied_Up_gets_no_fix()
        {
            var test = new Test<LockTimeoutAnalyzer, SetLockTimeoutCodeFixProvider>();
            test.TestState.Sources.Add(Sources.Context);
            test.TestState.Sources.Add(Sources.Migration("Initial", PostgresHistory.InitialUp, PostgresHistory.InitialDown));
            test.TestState.Sources.Add(Sources.Designer("Initial", PostgresHistory.InitialId, PostgresHistory.Model));
            test.TestState.Sources.Add("""
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public partial class Second : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder) => {|#0:migrationBuilder.DropColumn(name: "Email", table: "Customers")|};
                    }
                }
                """);
            test.TestState.Sources.Add(Sources.Designer("Second", SecondId, PostgresHistory.Model));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Enable));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(0).WithArguments(SecondId, "DropColumn", "Customers"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Fix_all_sets_the_timeout_in_each_migration()
        {
            const string thirdId = "20240301000000_Third";
            const string dropEmail = "migrationBuilder.DropColumn(name: \"Email\", table: \"Customers\")";
            const string setLocal = "migrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s';\");\n\n";
            var test = Create("{|#0:" + AddTier + "|};", null);
            test.TestState.Sources.Add(Sources.Migration("Third", "{|#1:" + dropEmail + "|};", string.Empty));
            test.TestState.Sources.Add(Sources.Designer("Third", thirdId, PostgresHistory.Model));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(0).WithArguments(SecondId, "AddColumn", "Customers"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(1).WithArguments(thirdId, "DropColumn", "Customers"));
            Fixed(test, setLocal + AddTier + ";", null);
            test.FixedState.Sources.Add(Sources.Migration("Third", setLocal + dropEmail + ";", string.Empty));
            test.FixedState.Sources.Add(Sources.Designer("Third", thirdId, PostgresHistory.Model));
            test.BatchFixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
            foreach (var source in test.FixedState.Sources)
            {
                test.BatchFixedState.Sources.Add(source);
            }

            await test.RunAsync(CancellationToken.None);
        }

        public static readonly TheoryData<string> LockHistories = new TheoryData<string>
        {
            "locks-ef8-postgres", "locks-ef9-postgres", "locks-ef10-postgres", "locks-ef10-sqlite", "locks-ef10-sqlserver",
        };

        /// <summary>
        /// On the scaffolded locks histories, enabled: every PostgreSQL migration that alters Customers or Orders (both hold
        /// rows from Initial on) but IndexRegionConcurrently, whose only lock blocks no query; nothing on SQLite and SQL Server.
        /// Disabled, as by default, the corpus tests see no BG0208 at all.
        /// </summary>
        [Theory]
        [MemberData(nameof(LockHistories))]
        public async Task On_the_scaffolded_histories_each_migration_that_locks_an_existing_table_is_reported_once_enabled(string history)
        {
            var project = HistoryProject.Load(history);
            Assert.DoesNotContain(await project.AnalyzeAsync(), diagnostic => diagnostic.Id == "BG0208");

            var diagnostics = (await project.Enabling("BG0208").AnalyzeAsync()).Where(diagnostic => diagnostic.Id == "BG0208").ToList();
            var reported = diagnostics
                .Select(HistoryProject.Describe)
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
            var expected = history.EndsWith("-postgres", StringComparison.Ordinal)
                ? new List<string>
                {
                    "AddOrderReference.cs(14,13): BG0208 Orders.",
                    "AddOrderStore.cs(14,13): BG0208 Orders.",
                    "AddTierWithIndex.cs(13,13): BG0208 Customers.",
                    "CheckCustomerId.cs(13,13): BG0208 Customers.",
                    "IndexCustomerName.cs(13,13): BG0208 Customers.",
                    "RequireCustomerEmail.cs(13,13): BG0208 Customers.",
                    "WidenCustomerName.cs(13,13): BG0208 Customers.",
                    "WidenOrderNumber.cs(13,13): BG0208 Orders.",
                }
                : new List<string>();
            Assert.Equal(expected, reported);

            // Only AddTierWithIndex runs an operation (its concurrent index) outside the migration's transaction.
            Assert.Equal(
                expected.Where(line => line.StartsWith("AddTierWithIndex", StringComparison.Ordinal)),
                diagnostics.Where(diagnostic => FixData.Of(diagnostic).OutsideTransaction).Select(HistoryProject.Describe));
        }

        private static Test<LockTimeoutAnalyzer, SetLockTimeoutCodeFixProvider> Create(string up, string? timeout)
        {
            var test = PostgresHistory.Create<LockTimeoutAnalyzer, SetLockTimeoutCodeFixProvider>(up, string.Empty);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config(timeout)));
            return test;
        }

        private static void Fixed(Test<LockTimeoutAnalyzer, SetLockTimeoutCodeFixProvider> test, string up, string? timeout)
        {
            PostgresHistory.Fixed(test, up, string.Empty);
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", Config(timeout)));
        }

        private static string Config(string? timeout) => timeout is null ? Enable : Enable + "bluegreen.lock_timeout = " + timeout + "\n";

        /// <summary>Second's Up with the rule enabled: a BG0208 at the markup {|#0:...|} for <paramref name="operation"/>, or none.</summary>
        private static async Task Verify(string up, string? operation = null)
        {
            var test = PostgresHistory.Create<LockTimeoutAnalyzer, EmptyCodeFixProvider>(up, string.Empty);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Enable));
            if (operation is not null)
            {
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(0).WithArguments(SecondId, operation, "Customers"));
            }

            await test.RunAsync(CancellationToken.None);
        }
    }
}
