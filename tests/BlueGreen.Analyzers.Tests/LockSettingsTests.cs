using System;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// The target database settings of <c>.editorconfig</c>: <c>bluegreen.postgresql_version</c> (what PostgreSQL before 8.2,
    /// 9.3, 11 and 12 lacks) and <c>bluegreen.sqlserver_edition</c> (BG0201 on SQL Server, for the editions that build
    /// indexes online). Unset, or set to a value not understood, the rules judge as they always did.
    /// </summary>
    public class LockSettingsTests
    {
        private const string SecondId = PostgresHistory.SecondId;

        private const string AddConstantDefaults = """
            {|#0:migrationBuilder.AddColumn<int>(
                name: "Tier",
                table: "Customers",
                type: "integer",
                nullable: false,
                defaultValue: 0)|};

            {|#1:migrationBuilder.AddColumn<System.DateTime>(
                name: "Created",
                table: "Customers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()")|};

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Customers",
                type: "text",
                nullable: true,
                defaultValue: null);

            migrationBuilder.AddColumn<string>(name: "Remark", table: "Customers", type: "text", nullable: true);
            """;

        private const string NumberIndex = "migrationBuilder.CreateIndex(name: \"IX_Customers_Number\", table: \"Customers\", column: \"Number\")";

        private const string DropNumberIndex = "migrationBuilder.DropIndex(name: \"IX_Customers_Number\", table: \"Customers\");";

        [Theory]
        [InlineData("10")]
        [InlineData("9.6")]
        [InlineData(" 10.23 ")]
        public async Task BG0203_before_PostgreSQL_11_any_default_rewrites_the_table(string version)
        {
            var test = PostgresHistory.Create<VolatileDefaultAnalyzer, EmptyCodeFixProvider>(AddConstantDefaults, string.Empty);
            Configure(test, "bluegreen.postgresql_version = " + version);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VolatileDefault).WithLocation(0)
                .WithArguments(SecondId, "Tier", "Customers", "the default 0 (before PostgreSQL 11, any default)"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VolatileDefault).WithLocation(1)
                .WithArguments(SecondId, "Created", "Customers", "the default now() (before PostgreSQL 11, any default)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("11")]
        [InlineData("16")]
        [InlineData("abc")]
        [InlineData("")]
        [InlineData("10.x")]
        [InlineData("-10")]
        [InlineData("5")]
        [InlineData("99999999999")]
        public async Task BG0203_from_PostgreSQL_11_and_when_the_version_is_unset_or_not_understood_a_constant_default_is_not_reported(string? version)
        {
            var test = PostgresHistory.Create<VolatileDefaultAnalyzer, EmptyCodeFixProvider>(Unmarked(AddConstantDefaults), string.Empty);
            Configure(test, version is null ? null : "bluegreen.postgresql_version = " + version);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task A_global_config_sets_the_version_for_every_file()
        {
            var test = PostgresHistory.Create<VolatileDefaultAnalyzer, EmptyCodeFixProvider>(AddConstantDefaults, string.Empty);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\nbluegreen.postgresql_version = 10\n"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VolatileDefault).WithLocation(0)
                .WithArguments(SecondId, "Tier", "Customers", "the default 0 (before PostgreSQL 11, any default)"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VolatileDefault).WithLocation(1)
                .WithArguments(SecondId, "Created", "Customers", "the default now() (before PostgreSQL 11, any default)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task The_editorconfig_of_the_migrations_wins_over_a_global_config()
        {
            var test = PostgresHistory.Create<VolatileDefaultAnalyzer, EmptyCodeFixProvider>(Unmarked(AddConstantDefaults), string.Empty);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\nbluegreen.postgresql_version = 10\n"));
            Configure(test, "bluegreen.postgresql_version = 16");
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("11", true)]
        [InlineData("9.6", true)]
        [InlineData("12", false)]
        [InlineData(null, false)]
        [InlineData("twelve", false)]
        public async Task BG0205_before_PostgreSQL_12_the_recipe_s_check_constraint_does_not_spare_the_scan(string? version, bool reported)
        {
            const string recipe = """
                migrationBuilder.Sql("ALTER TABLE \"Customers\" ADD CONSTRAINT \"CK_Customers_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");

                migrationBuilder.Sql("ALTER TABLE \"Customers\" VALIDATE CONSTRAINT \"CK_Customers_Email_NotNull\";");

                {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true)|};
                """;
            var test = PostgresHistory.Create<NotNullScanAnalyzer, EmptyCodeFixProvider>(reported ? recipe : Unmarked(recipe), string.Empty);
            Configure(test, version is null ? null : "bluegreen.postgresql_version = " + version);
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotNullScan).WithLocation(0).WithArguments(SecondId, "Email", "Customers", string.Empty));
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("8.1", false)]
        [InlineData("7.4", false)]
        [InlineData("8.2", true)]
        [InlineData("16", true)]
        public async Task BG0201_before_PostgreSQL_8_2_which_has_no_CONCURRENTLY_is_silent(string version, bool reported)
        {
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, EmptyCodeFixProvider>((reported ? "{|#0:" + NumberIndex + "|}" : NumberIndex) + ";", DropNumberIndex);
            Configure(test, "bluegreen.postgresql_version = " + version);
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Number", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("9.2", false)]
        [InlineData("9.3", true)]
        [InlineData("not a version", true)]
        public async Task BG0208_before_PostgreSQL_9_3_which_has_no_lock_timeout_is_silent(string version, bool reported)
        {
            const string addTier = "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"integer\", nullable: true)";
            var test = PostgresHistory.Create<LockTimeoutAnalyzer, EmptyCodeFixProvider>((reported ? "{|#0:" + addTier + "|}" : addTier) + ";", string.Empty);
            Configure(test, "dotnet_diagnostic.BG0208.severity = warning\nbluegreen.postgresql_version = " + version);
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LockTimeoutMissing).WithLocation(0).WithArguments(SecondId, "AddColumn", "Customers"));
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("standard")]
        [InlineData("express")]
        [InlineData("web")]
        [InlineData("ultimate")]
        [InlineData("")]
        public async Task BG0201_on_SQL_Server_is_silent_unless_the_edition_builds_indexes_online(string? edition)
        {
            var test = SqlServerHistory<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(NumberIndex + ";", DropNumberIndex);
            Configure(test, edition is null ? null : "bluegreen.sqlserver_edition = " + edition);
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("enterprise")]
        [InlineData("Developer")]
        [InlineData("evaluation")]
        [InlineData(" azure ")]
        public async Task BG0201_on_SQL_Server_an_edition_that_builds_online_reports_the_index_and_the_fix_builds_it_online(string edition)
        {
            var test = SqlServerHistory<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>("{|#0:" + NumberIndex + "|};", DropNumberIndex);
            Configure(test, "bluegreen.sqlserver_edition = " + edition);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Number", "Customers", "without ONLINE = ON", "build it online (annotation SqlServer:Online)"));
            SqlServerFixed(test, NumberIndex + "\n    .Annotation(\"SqlServer:Online\", true);", DropNumberIndex);
            test.CodeActionEquivalenceKey = CreateIndexConcurrentlyCodeFixProvider.OnlineKey;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_on_SQL_Server_an_online_annotation_that_says_false_is_turned_to_true()
        {
            var test = SqlServerHistory<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                "{|#0:" + NumberIndex + "|}\n    .Annotation(\"SqlServer:Online\", false);", DropNumberIndex);
            Configure(test, "bluegreen.sqlserver_edition = enterprise");
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Number", "Customers", "without ONLINE = ON", "build it online (annotation SqlServer:Online)"));
            SqlServerFixed(test, NumberIndex + "\n    .Annotation(\"SqlServer:Online\", true);", DropNumberIndex);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_on_SQL_Server_is_silent_for_an_online_index_a_table_created_with_it_or_earlier_in_the_release()
        {
            // Orders is created in Second with its index; Third indexes it again, in the same (unshipped) release: still empty.
            const string createOrders = """
                migrationBuilder.CreateTable(
                    name: "Orders",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "int", nullable: false),
                        Total = table.Column<int>(type: "int", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Orders", x => x.Id);
                    });

                migrationBuilder.CreateIndex(name: "IX_Orders_Id", table: "Orders", column: "Id");

                migrationBuilder.CreateIndex(name: "IX_Customers_Number", table: "Customers", column: "Number")
                    .Annotation("SqlServer:Online", true);
                """;
            var test = SqlServerHistory<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(createOrders, "migrationBuilder.DropTable(name: \"Orders\");");
            test.TestState.Sources.Add(Sources.Migration("Third", "migrationBuilder.CreateIndex(name: \"IX_Orders_Total\", table: \"Orders\", column: \"Total\");", string.Empty));
            test.TestState.Sources.Add(Sources.Designer("Third", "20240301000000_Third", LockRuleTests.SqlServerModel));
            test.TestState.AdditionalFiles.Add(("ShippedMigrations.md", "## 2024.01\n- " + PostgresHistory.InitialId + "\n"));
            Configure(test, "bluegreen.sqlserver_edition = enterprise");
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task The_SQL_Server_edition_changes_nothing_on_PostgreSQL_and_the_PostgreSQL_version_nothing_on_SQL_Server()
        {
            var postgres = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>("{|#0:" + NumberIndex + "|};", DropNumberIndex);
            Configure(postgres, "bluegreen.sqlserver_edition = enterprise");
            postgres.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Number", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            PostgresHistory.Fixed(postgres, NumberIndex + "\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);", DropNumberIndex);
            postgres.FixedState.AnalyzerConfigFiles.AddRange(postgres.TestState.AnalyzerConfigFiles);
            postgres.CodeActionEquivalenceKey = CreateIndexConcurrentlyCodeFixProvider.Key;
            await postgres.RunAsync(CancellationToken.None);

            var sqlServer = SqlServerHistory<VolatileDefaultAnalyzer, EmptyCodeFixProvider>(
                "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"int\", nullable: false, defaultValue: 0);", string.Empty);
            Configure(sqlServer, "bluegreen.postgresql_version = 10\nbluegreen.sqlserver_edition = enterprise");
            await sqlServer.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("16", 16, 0)]
        [InlineData("9.6", 9, 6)]
        [InlineData("9.6.24", 9, 6)]
        [InlineData("8.2", 8, 2)]
        [InlineData("16.", null, null)]
        [InlineData("1.2.3.4", null, null)]
        [InlineData("v16", null, null)]
        [InlineData("16 beta", null, null)]
        [InlineData(null, null, null)]
        public void The_version_is_a_major_and_an_optional_minor_number(string? text, int? major, int? minor)
        {
            Assert.Equal(major is null ? null : new Version(major.Value, minor!.Value), DatabaseTarget.ParseVersion(text));
        }

        /// <summary>The setting as a user writes it in <c>.editorconfig</c> beside the migrations; none when null.</summary>
        private static void Configure<TAnalyzer, TCodeFix>(Test<TAnalyzer, TCodeFix> test, string? settings)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            if (settings is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + settings + "\n"));
            }
        }

        private static string Unmarked(string source) => source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty);

        /// <summary>A SQL Server history: Customers (Id, Number) created by Initial, and Second with the Up and Down given.</summary>
        private static Test<TAnalyzer, TCodeFix> SqlServerHistory<TAnalyzer, TCodeFix>(string up, string down)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new Test<TAnalyzer, TCodeFix>();
            foreach (var source in SqlServerSources(up, down))
            {
                test.TestState.Sources.Add(source);
            }

            return test;
        }

        private static void SqlServerFixed<TAnalyzer, TCodeFix>(Test<TAnalyzer, TCodeFix> test, string up, string down)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            foreach (var source in SqlServerSources(up, down))
            {
                test.FixedState.Sources.Add(source);
            }

            test.FixedState.AnalyzerConfigFiles.AddRange(test.TestState.AnalyzerConfigFiles);
        }

        private static string[] SqlServerSources(string up, string down) => new[]
        {
            Sources.Context,
            Sources.Migration("Initial", LockRuleTests.SqlServerInitialUp, "migrationBuilder.DropTable(name: \"Customers\");"),
            Sources.Designer("Initial", PostgresHistory.InitialId, LockRuleTests.SqlServerModel),
            Sources.Migration("Second", up, down),
            Sources.Designer("Second", SecondId, LockRuleTests.SqlServerModel),
        };
    }
}
