using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0002 to BG0008 and their fixes on small hand-written states, for what EF's scaffolder does not
    /// produce (hand edits, removed defaults, raw SQL, disguised renames); scaffolded cases: <see cref="HistoryTests"/>.
    /// The initial migration (ShopHistory) creates Customers: Id, Name, Fax (nullable), Phone (NOT NULL, no default), Points (default 0).
    /// </summary>
    public class RuleTests
    {
        private const string SecondId = "20240201000000_Second";

        private static readonly string AllColumns = ShopHistory.Customer("Fax", "Name", "Phone", "Points");

        private static Test<TAnalyzer, TFix> Second<TAnalyzer, TFix>(string up, string down, string model)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
            where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
            ShopHistory.Create<TAnalyzer, TFix>(Sources.Migration("Second", up, down), Sources.Designer("Second", SecondId, model));

        private static void FixedSecond<TAnalyzer, TFix>(Test<TAnalyzer, TFix> test, string up, string down, string model)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
            where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
            ShopHistory.Fixed(test, Sources.Migration("Second", up, down), Sources.Designer("Second", SecondId, model));

        [Fact]
        public async Task BG0002_rename_is_reported_and_not_expanded_on_SQLite_whose_rebuilds_would_drop_the_old_column_and_its_triggers()
        {
            // The expand fix is PostgreSQL's (RuleHistoryTests, and the oracle in BlueGreen.Analyzers.Truth); here the
            // diagnostic stands, and no fix of this provider changes anything.
            var model = ShopHistory.Customer("Mobile", "Name", "Phone", "Points");
            var test = Second<RenameColumnAnalyzer, ExpandRenameCodeFixProvider>(
                """
                {|#0:migrationBuilder.RenameColumn(
                    name: "Fax",
                    table: "Customers",
                    newName: "Mobile")|};
                """,
                """
                migrationBuilder.RenameColumn(
                    name: "Mobile",
                    table: "Customers",
                    newName: "Fax");
                """,
                model);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RenameColumn).WithLocation(0)
                .WithArguments(SecondId, "Fax", "Customers", "Mobile", string.Empty, "20240101000000_Initial"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0002_keep_the_database_name_maps_the_renamed_property_to_the_old_column_everywhere()
        {
            const string entity = """
                namespace App
                {
                    public class Customer
                    {
                        public int Id { get; set; }

                        public string? Mobile { get; set; }
                    }
                }
                """;
            const string mapped = """
                namespace App
                {
                    public class Customer
                    {
                        public int Id { get; set; }

                        [System.ComponentModel.DataAnnotations.Schema.Column("Fax")]
                        public string? Mobile { get; set; }
                    }
                }
                """;
            var renamed = ShopHistory.Customer("Mobile", "Name", "Phone", "Points");
            var kept = renamed.Replace("""
                b.Property<string>("Mobile")
                            .HasColumnType("TEXT");
                """, """
                b.Property<string>("Mobile")
                            .HasColumnType("TEXT")
                            .HasColumnName("Fax");
                """);
            Assert.NotEqual(renamed, kept);
            var test = ShopHistory.Create<RenameColumnAnalyzer, KeepColumnNameCodeFixProvider>(
                entity,
                Sources.Migration(
                    "Second",
                    "{|#0:migrationBuilder.RenameColumn(name: \"Fax\", table: \"Customers\", newName: \"Mobile\")|};",
                    "migrationBuilder.RenameColumn(name: \"Mobile\", table: \"Customers\", newName: \"Fax\");"),
                Sources.Designer("Second", SecondId, renamed),
                Sources.Snapshot(renamed));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RenameColumn).WithLocation(0)
                .WithArguments(SecondId, "Fax", "Customers", "Mobile", string.Empty, "20240101000000_Initial"));
            ShopHistory.Fixed(test, mapped, Sources.Migration("Second", string.Empty, string.Empty), Sources.Designer("Second", SecondId, kept), Sources.Snapshot(kept));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0002_drop_and_add_can_also_be_split_without_copying()
        {
            // Fax and Mobile may be unrelated: the split keeps Fax (no copy) and leaves the add alone.
            var model = ShopHistory.Customer("Mobile", "Name", "Phone", "Points");
            const string add = "migrationBuilder.AddColumn<string>(name: \"Mobile\", table: \"Customers\", type: \"TEXT\", nullable: true);";
            var test = Second<RenameColumnAnalyzer, SplitDropColumnCodeFixProvider>(
                "{|#0:migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\")|};\n\n" + add,
                "migrationBuilder.DropColumn(name: \"Mobile\", table: \"Customers\");\n\nmigrationBuilder.AddColumn<string>(name: \"Fax\", table: \"Customers\", type: \"TEXT\", nullable: true);",
                model);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RenameColumn).WithLocation(0)
                .WithArguments(SecondId, "Fax", "Customers", "Mobile", " (as a DropColumn and an AddColumn of the same type)", "20240101000000_Initial"));
            FixedSecond(test, add, "migrationBuilder.DropColumn(name: \"Mobile\", table: \"Customers\");", model);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0002_is_silent_for_a_rename_of_a_column_the_running_version_does_not_map()
        {
            // Fax was removed from the model in the release before: renaming the leftover column harms nobody.
            var withoutFax = ShopHistory.Customer("Name", "Phone", "Points");
            var test = ShopHistory.Create<RenameColumnAnalyzer, ExpandRenameCodeFixProvider>(
                Sources.Migration("Second", string.Empty, string.Empty),
                Sources.Designer("Second", SecondId, withoutFax),
                Sources.Migration("Third", "migrationBuilder.RenameColumn(name: \"Fax\", table: \"Customers\", newName: \"OldFax\");", string.Empty),
                Sources.Designer("Third", "20240301000000_Third", withoutFax));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0003_drop_table_is_reported_and_the_table_kept()
        {
            var test = Second<DropTableAnalyzer, KeepTableCodeFixProvider>(
                """
                {|#0:migrationBuilder.DropTable(
                    name: "Customers")|};
                """,
                ShopHistory.InitialUp,
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropTable).WithLocation(0).WithArguments(SecondId, "Customers", "20240101000000_Initial"));
            FixedSecond(test, string.Empty, string.Empty, string.Empty);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0003_is_silent_for_a_table_only_keyless_entities_map()
        {
            // EF 2/3 "query types": ToTable without HasKey, read through raw SQL; EF 3 even created such tables by mistake.
            var withReport = ShopHistory.Customer("Fax", "Name", "Phone", "Points") + "\n" + """
                modelBuilder.Entity("App.SalesReport", b =>
                    {
                        b.Property<int>("Total")
                            .HasColumnType("INTEGER");

                        b.ToTable("SalesReports");
                    });
                """;
            await ShopHistory.Create<DropTableAnalyzer, KeepTableCodeFixProvider>(
                Sources.Migration("AddReport", "migrationBuilder.CreateTable(name: \"SalesReports\", columns: table => new { Total = table.Column<int>(type: \"INTEGER\", nullable: false) });", string.Empty),
                Sources.Designer("AddReport", "20240115000000_AddReport", withReport),
                Sources.Migration("Second", "migrationBuilder.DropTable(name: \"SalesReports\");", string.Empty),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0002_and_BG0001_read_an_expression_bodied_Up()
        {
            // Up written as => migrationBuilder.X(...): one operation, judged as any other (no fix: there is no statement to edit).
            var renamed = ShopHistory.Create<RenameColumnAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                Sources.Migration("Second", string.Empty, string.Empty)
                    .Replace("protected override void Up(MigrationBuilder migrationBuilder)\n        {\n        }", "protected override void Up(MigrationBuilder migrationBuilder) =>\n            {|#0:migrationBuilder.RenameColumn(name: \"Fax\", table: \"Customers\", newName: \"Mobile\")|};"),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Mobile", "Name", "Phone", "Points")));
            renamed.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RenameColumn).WithLocation(0)
                .WithArguments(SecondId, "Fax", "Customers", "Mobile", string.Empty, "20240101000000_Initial"));
            await renamed.RunAsync(CancellationToken.None);

            var dropped = ShopHistory.Create<DropColumnAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                Sources.Migration("Second", string.Empty, string.Empty)
                    .Replace("protected override void Up(MigrationBuilder migrationBuilder)\n        {\n        }", "protected override void Up(MigrationBuilder migrationBuilder) => {|#0:migrationBuilder.DropColumn(\"Fax\", \"Customers\")|};"),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Name", "Phone", "Points")));
            dropped.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0).WithArguments(SecondId, "Fax", "Customers", "20240101000000_Initial"));
            await dropped.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0003_is_silent_for_a_table_the_running_version_does_not_map()
        {
            await Second<DropTableAnalyzer, KeepTableCodeFixProvider>(
                "migrationBuilder.DropTable(name: \"Legacy\");",
                string.Empty,
                AllColumns).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0004_rename_table_is_reported_and_a_schema_move_is_not_on_SQLite_which_has_no_schemas()
        {
            var test = Second<RenameTableAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.RenameTable(
                    name: "Customers",
                    newName: "Clients")|};

                migrationBuilder.RenameTable(
                    name: "Clients",
                    newSchema: "crm");
                """,
                string.Empty,
                AllColumns.Replace("b.ToTable(\"Customers\");", "b.ToTable(\"Clients\", \"crm\");"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RenameTable).WithLocation(0).WithArguments(SecondId, "Customers", "Clients", "20240101000000_Initial"));

            // EF's SQLite provider writes nothing for the schema move (SQL Server's is reported: CorpusTests, shapes-*-sqlserver).
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0005_required_column_without_default_gets_a_default()
        {
            var model = ShopHistory.Customer("Fax", "Name", "Phone", "Points", "Rank");
            var test = Second<AddRequiredColumnAnalyzer, AddRequiredColumnCodeFixProvider>(
                """
                {|#0:migrationBuilder.AddColumn<int>(
                    name: "Rank",
                    table: "Customers",
                    type: "INTEGER",
                    nullable: false)|};
                """,
                "migrationBuilder.DropColumn(name: \"Rank\", table: \"Customers\");",
                model);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.AddRequiredColumn).WithLocation(0).WithArguments(SecondId, "Rank", "Customers", "as NOT NULL without a default", "20240101000000_Initial", "those inserts fail", "give it a default value or make it nullable"));
            FixedSecond(
                test,
                """
                migrationBuilder.AddColumn<int>(
                    name: "Rank",
                    table: "Customers",
                    type: "INTEGER",
                    nullable: false,
                    defaultValue: 0);
                """,
                "migrationBuilder.DropColumn(name: \"Rank\", table: \"Customers\");",
                model);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0005_second_fix_makes_the_column_nullable()
        {
            var model = ShopHistory.Customer("Fax", "Name", "Phone", "Points", "Rank");
            var test = Second<AddRequiredColumnAnalyzer, AddRequiredColumnCodeFixProvider>(
                "{|#0:migrationBuilder.AddColumn<string>(name: \"Rank\", table: \"Customers\", type: \"TEXT\", nullable: false)|};",
                string.Empty,
                model);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.AddRequiredColumn).WithLocation(0).WithArguments(SecondId, "Rank", "Customers", "as NOT NULL without a default", "20240101000000_Initial", "those inserts fail", "give it a default value or make it nullable"));
            test.CodeActionEquivalenceKey = AddRequiredColumnCodeFixProvider.MakeNullableKey;
            test.CodeActionIndex = 1;
            FixedSecond(test, "migrationBuilder.AddColumn<string>(name: \"Rank\", table: \"Customers\", type: \"TEXT\", nullable: true);", string.Empty, model);
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(AddRequiredColumnCodeFixProvider.MakeNullableKey, "migrationBuilder.AddColumn<string>(\"Rank\", \"Customers\", \"TEXT\", null, null, false, null, true);")]
        [InlineData(AddRequiredColumnCodeFixProvider.AddDefaultKey, "migrationBuilder.AddColumn<string>(\"Rank\", \"Customers\", \"TEXT\", null, null, false, null, false, defaultValue: \"\");")]
        public async Task BG0005_fixes_find_nullable_given_by_position(string key, string expected)
        {
            // nullable is AddColumn's eighth parameter: the fixes change that argument, never add a second nullable (CS1744).
            var model = ShopHistory.Customer("Fax", "Name", "Phone", "Points", "Rank");
            var test = Second<AddRequiredColumnAnalyzer, AddRequiredColumnCodeFixProvider>(
                "{|#0:migrationBuilder.AddColumn<string>(\"Rank\", \"Customers\", \"TEXT\", null, null, false, null, false)|};",
                string.Empty,
                model);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.AddRequiredColumn).WithLocation(0).WithArguments(SecondId, "Rank", "Customers", "as NOT NULL without a default", "20240101000000_Initial", "those inserts fail", "give it a default value or make it nullable"));
            test.CodeActionEquivalenceKey = key;
            test.CodeActionIndex = key == AddRequiredColumnCodeFixProvider.AddDefaultKey ? 0 : 1;
            FixedSecond(test, expected, string.Empty, model);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0005_is_silent_for_defaults_nullable_columns_and_new_tables()
        {
            var model = ShopHistory.Customer("Fax", "Name", "Phone", "Points", "A", "B", "C");
            await Second<AddRequiredColumnAnalyzer, AddRequiredColumnCodeFixProvider>(
                """
                migrationBuilder.AddColumn<int>(name: "A", table: "Customers", type: "INTEGER", nullable: false, defaultValue: 0);
                migrationBuilder.AddColumn<string>(name: "B", table: "Customers", type: "TEXT", nullable: true);
                migrationBuilder.AddColumn<System.DateTime>(name: "C", table: "Customers", type: "TEXT", nullable: false, defaultValueSql: "CURRENT_TIMESTAMP");
                migrationBuilder.CreateTable(name: "Orders", columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) });
                migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", type: "INTEGER", nullable: false);
                """,
                string.Empty,
                model).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0006_nullable_to_NOT_NULL_is_reported_on_SQLite_and_a_shorter_type_is_not_since_SQLite_enforces_none()
        {
            var test = Second<TightenColumnAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.AlterColumn<string>(
                    name: "Fax",
                    table: "Customers",
                    type: "TEXT",
                    nullable: false,
                    defaultValue: "",
                    oldClrType: typeof(string),
                    oldType: "TEXT",
                    oldNullable: true)|};

                migrationBuilder.AlterColumn<string>(
                    name: "Name",
                    table: "Customers",
                    type: "varchar(50)",
                    maxLength: 50,
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "TEXT",
                    oldMaxLength: 200);

                migrationBuilder.AlterColumn<string>(
                    name: "Phone",
                    table: "Customers",
                    type: "nvarchar(max)",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "nvarchar(20)");

                migrationBuilder.AlterColumn<int>(
                    name: "Points",
                    table: "Customers",
                    type: "bigint",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "int");
                """,
                string.Empty,
                AllColumns);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TightenColumn).WithLocation(0).WithArguments(SecondId, "Fax", "Customers", "nullable to NOT NULL", "20240101000000_Initial"));

            // Shorter and narrower types on providers that enforce them: RuleHistoryTests (SQL Server, PostgreSQL).
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0007_model_only_removal_of_a_required_column_gets_a_database_default_kept_in_the_designer_on_SQLite()
        {
            var withoutPhone = ShopHistory.Customer("Fax", "Name", "Points");
            var test = ShopHistory.Create<RequiredColumnLeftBehindAnalyzer, KeepColumnCodeFixProvider>(
                """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public partial class RemovePhoneFromModel : Migration
                    {
                        protected override void {|#0:Up|}(MigrationBuilder migrationBuilder)
                        {
                        }

                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                        }
                    }
                }
                """,
                Sources.Designer("RemovePhoneFromModel", "20240201000000_RemovePhoneFromModel", withoutPhone),
                Sources.Snapshot(withoutPhone));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RequiredColumnLeftBehind).WithLocation(0).WithArguments("20240201000000_RemovePhoneFromModel", "Phone", "Customers"));
            ShopHistory.Fixed(
                test,
                """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public partial class RemovePhoneFromModel : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.AlterColumn<string>(
                                name: "Phone",
                                table: "Customers",
                                type: "TEXT",
                                nullable: false,
                                defaultValue: "",
                                oldClrType: typeof(string),
                                oldType: "TEXT");
                        }

                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.AlterColumn<string>(
                                name: "Phone",
                                table: "Customers",
                                type: "TEXT",
                                nullable: false,
                                oldClrType: typeof(string),
                                oldType: "TEXT",
                                oldDefaultValue: "");
                        }
                    }
                }
                """,
                Sources.Designer("RemovePhoneFromModel", "20240201000000_RemovePhoneFromModel", ShopHistory.CustomerKeeping(new[] { ("Phone", (string?)"\"\"") }, "Fax", "Name", "Points")),
                Sources.Snapshot(withoutPhone));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0007_is_silent_for_nullable_columns_defaults_and_removals_the_snapshot_disagrees_with()
        {
            // Fax is nullable, Points has a default; Phone is still in the snapshot (a merge from another branch).
            await ShopHistory.Create<RequiredColumnLeftBehindAnalyzer, KeepColumnCodeFixProvider>(
                Sources.Migration("Second", string.Empty, string.Empty),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Name")),
                Sources.Snapshot(ShopHistory.Customer("Name", "Phone"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0012_a_column_the_running_version_requires_made_nullable_or_left_without_its_default_is_reported()
        {
            // Phone and Points are required in the running version's model; the second migration makes Phone nullable and,
            // no longer mapping Points, takes away the default that filled it. Fax, optional, may be made nullable freely.
            var required = ShopHistory.Customer("Fax", "Name", "Phone", "Points")
                .Replace("b.Property<string>(\"Phone\")", "b.Property<string>(\"Phone\")\n                .IsRequired()")
                .Replace("b.Property<string>(\"Points\")", "b.Property<string>(\"Points\")\n                .IsRequired()");
            var test = ShopHistory.Create<LoosenColumnAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                Sources.Migration("Required", string.Empty, string.Empty),
                Sources.Designer("Required", "20240115000000_Required", required),
                Sources.Migration(
                    "Second",
                    """
                    {|#0:migrationBuilder.AlterColumn<string>(name: "Phone", table: "Customers", type: "TEXT", nullable: true, oldClrType: typeof(string), oldType: "TEXT")|};
                    {|#1:migrationBuilder.AlterColumn<int>(name: "Points", table: "Customers", type: "INTEGER", nullable: false, oldClrType: typeof(int), oldType: "INTEGER", oldDefaultValue: 0)|};
                    migrationBuilder.AlterColumn<string>(name: "Fax", table: "Customers", type: "TEXT", nullable: true, oldClrType: typeof(string), oldType: "TEXT");
                    """,
                    string.Empty),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone")));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LoosenColumn).WithLocation(0).WithArguments(SecondId, "makes nullable", "Phone", "Customers", "20240115000000_Required"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LoosenColumn).WithLocation(1).WithArguments(SecondId, "removes the default of", "Points", "Customers", "20240115000000_Required"));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("ALTER TABLE [Customers] DROP COLUMN [Fax]", "drops column", "Customers.Fax")]
        [InlineData("alter table customers drop column if exists fax, phone; -- two at once", "drops column", "Customers.Fax")]
        [InlineData("ALTER TABLE \\\"Customers\\\" RENAME COLUMN \\\"Fax\\\" TO \\\"Mobile\\\"", "renames column", "Customers.Fax")]
        [InlineData("EXEC sp_rename 'dbo.Customers.Fax', 'Mobile', 'COLUMN'", "renames column", "Customers.Fax")]
        [InlineData("/* cleanup */ DROP TABLE IF EXISTS `Customers`", "drops table", "Customers")]
        [InlineData("ALTER TABLE Customers RENAME TO Clients", "renames table", "Customers")]
        public async Task BG0008_raw_sql_that_drops_or_renames_mapped_things_is_reported(string sql, string verb, string what)
        {
            var test = Second<RawSqlAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>($"{{|#0:migrationBuilder.Sql(\"{sql}\")|}};", string.Empty, AllColumns);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RawSqlBreaksRunningVersion).WithLocation(0).WithArguments(SecondId, verb, what, "20240101000000_Initial"));
            if (sql.Contains("phone", System.StringComparison.Ordinal))
            {
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RawSqlBreaksRunningVersion).WithLocation(0).WithArguments(SecondId, verb, "Customers.Phone", "20240101000000_Initial"));
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0008_folds_verbatim_and_concatenated_text_and_ignores_what_it_cannot_fold_or_what_is_unmapped()
        {
            var test = Second<RawSqlAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.Sql(@"ALTER TABLE Customers " + "DROP COLUMN Fax")|};
                var column = "Phone";
                migrationBuilder.Sql($"ALTER TABLE Customers DROP COLUMN {column}");
                migrationBuilder.Sql("ALTER TABLE Customers DROP CONSTRAINT FK_Customers_Fax");
                migrationBuilder.Sql("ALTER TABLE Legacy DROP COLUMN Fax; UPDATE Customers SET Name = 'x'");
                """,
                string.Empty,
                AllColumns);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RawSqlBreaksRunningVersion).WithLocation(0).WithArguments(SecondId, "drops column", "Customers.Fax", "20240101000000_Initial"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0008_a_table_rebuilt_by_hand_drops_the_columns_the_new_table_lacks_not_the_table()
        {
            // SQLite's recipe for what ALTER TABLE cannot do, in one Sql call: Fax and Points are left out, the table stays.
            var test = Second<RawSqlAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.Sql(@"CREATE TABLE ""Customers_New"" (""Id"" INTEGER NOT NULL CONSTRAINT ""PK_Customers"" PRIMARY KEY AUTOINCREMENT, ""Name"" TEXT NOT NULL, ""Phone"" TEXT NULL, CONSTRAINT ""AK_Name"" UNIQUE (""Name""));
                    INSERT INTO ""Customers_New"" (""Id"", ""Name"", ""Phone"") SELECT ""Id"", ""Name"", ""Phone"" FROM ""Customers"";
                    DROP TABLE ""Customers"";
                    ALTER TABLE ""Customers_New"" RENAME TO ""Customers"";")|};
                """,
                string.Empty,
                AllColumns);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RawSqlBreaksRunningVersion).WithLocation(0).WithArguments(SecondId, "drops column", "Customers.Fax", "20240101000000_Initial"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RawSqlBreaksRunningVersion).WithLocation(0).WithArguments(SecondId, "drops column", "Customers.Points", "20240101000000_Initial"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0008_a_rebuild_by_hand_across_several_Sql_calls_and_raw_string_literals_is_one_rebuild()
        {
            var test = Second<RawSqlAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                """"
                migrationBuilder.Sql("""
                    CREATE TABLE Customers_New (Id INTEGER NOT NULL, Name TEXT NOT NULL, Fax TEXT NULL, Points INTEGER NOT NULL DEFAULT (0), PRIMARY KEY (Id))
                    """);
                migrationBuilder.Sql("INSERT INTO Customers_New SELECT Id, Name, Fax, Points FROM Customers");
                migrationBuilder.Sql("DROP TABLE Customers");
                {|#0:migrationBuilder.Sql("ALTER TABLE Customers_New RENAME TO Customers")|};
                """",
                string.Empty,
                AllColumns);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RawSqlBreaksRunningVersion).WithLocation(0).WithArguments(SecondId, "drops column", "Customers.Phone", "20240101000000_Initial"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Up_split_into_a_helper_method_or_a_local_function_is_read_where_they_are_called()
        {
            var test = ShopHistory.Create<DropColumnAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public partial class Second : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            void DropPhone() => {|#1:migrationBuilder.DropColumn(name: "Phone", table: "Customers")|};

                            DropFax(migrationBuilder);
                            DropPhone();
                        }

                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                        }

                        private static void DropFax(MigrationBuilder builder)
                        {
                            {|#0:builder.DropColumn(name: "Fax", table: "Customers")|};
                        }
                    }
                }
                """,
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Name", "Points")));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0).WithArguments(SecondId, "Fax", "Customers", "20240101000000_Initial"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(1).WithArguments(SecondId, "Phone", "Customers", "20240101000000_Initial"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task An_Up_the_reader_cannot_follow_whole_is_not_taken_for_a_model_only_removal()
        {
            // The drop runs on one provider only: the reader cannot tell whether the column stays, so BG0007 says nothing.
            var withoutPhone = ShopHistory.Customer("Fax", "Name", "Points");
            var test = ShopHistory.Create<RequiredColumnLeftBehindAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                Sources.Migration(
                    "RemovePhone",
                    """
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
                    {
                        migrationBuilder.DropColumn(name: "Phone", table: "Customers");
                    }
                    """,
                    string.Empty),
                Sources.Designer("RemovePhone", "20240201000000_RemovePhone", withoutPhone),
                Sources.Snapshot(withoutPhone));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0007_on_SQLite_a_default_only_a_migration_gave_is_lost_when_a_later_migration_rebuilds_the_table()
        {
            // Points got its default from the CreateTable, not from the model (no HasDefaultValue in the designers); Second's
            // AlterColumn of Fax makes SQLite rebuild Customers from Second's model, without that default. Third stops
            // mapping Points: NOT NULL without a default now, it rejects the new version's inserts (found by the random
            // evolutions against a real SQLite).
            var test = ShopHistory.Create<RequiredColumnLeftBehindAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(
                Sources.Migration(
                    "Second",
                    "migrationBuilder.AlterColumn<string>(name: \"Fax\", table: \"Customers\", type: \"TEXT\", maxLength: 20, nullable: true, oldClrType: typeof(string), oldType: \"TEXT\", oldNullable: true);",
                    string.Empty),
                Sources.Designer("Second", SecondId, AllColumns),
                """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public partial class Third : Migration
                    {
                        protected override void {|#0:Up|}(MigrationBuilder migrationBuilder)
                        {
                        }

                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                        }
                    }
                }
                """,
                Sources.Designer("Third", "20240301000000_Third", ShopHistory.Customer("Fax", "Name", "Phone")),
                Sources.Snapshot(ShopHistory.Customer("Fax", "Name", "Phone")));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RequiredColumnLeftBehind).WithLocation(0).WithArguments("20240301000000_Third", "Points", "Customers"));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
