using System.Linq;
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
    /// BG0206's fix on the hand-written PostgreSQL history (<see cref="PostgresHistory"/>: Customers holds rows before
    /// Second): the constraint added NOT VALID as EF's Npgsql provider writes it, and a new migration, sorting right after
    /// the fixed one, that validates it; no fix where an argument or the shape is unknown. The scaffolded histories:
    /// <see cref="LockHistoryTests"/>; the real server: BlueGreen.Analyzers.Truth's ValidateLaterTruthTests.
    /// </summary>
    public class ValidateLaterFixTests
    {
        private const string SecondId = PostgresHistory.SecondId;

        // Regions is new in Second (no diagnostic there); "ref"."Codes" is a principal in another schema.
        private const string CreateRegions = """
            migrationBuilder.EnsureSchema(name: "ref");

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                    table.UniqueConstraint("AK_Regions_Id_Code", x => new { x.Id, x.Code });
                });
            """;

        private const string ForeignKey = """
            migrationBuilder.AddForeignKey(
                name: "FK_Customers_Regions_Number",
                table: "Customers",
                column: "Number",
                principalTable: "Regions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade)
            """;

        private const string Check = """
            migrationBuilder.AddCheckConstraint(
                name: "CK_Customers_Number",
                table: "Customers",
                sql: "\"Number\" >= 0")
            """;

        private const string Down = """
            migrationBuilder.DropForeignKey(
                name: "FK_Customers_Regions_Number",
                table: "Customers");

            migrationBuilder.DropTable(
                name: "Regions");
            """;

        private const string ForeignKeyNotValid = "migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" ADD CONSTRAINT \\\"FK_Customers_Regions_Number\\\" FOREIGN KEY (\\\"Number\\\") REFERENCES \\\"Regions\\\" (\\\"Id\\\") ON DELETE CASCADE NOT VALID;\");";

        private const string CheckNotValid = "migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" ADD CONSTRAINT \\\"CK_Customers_Number\\\" CHECK (\\\"Number\\\" >= 0) NOT VALID;\");";

        private const string ValidateForeignKey = "migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" VALIDATE CONSTRAINT \\\"FK_Customers_Regions_Number\\\";\");";

        private const string ValidateCheck = "migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" VALIDATE CONSTRAINT \\\"CK_Customers_Number\\\";\");";

        [Fact]
        public async Task BG0206_fix_adds_the_foreign_key_NOT_VALID_and_a_migration_sorting_right_after_validates_it()
        {
            var test = Create(CreateRegions + "\n\n{|#0:" + ForeignKey + "|};", Down);
            test.TestState.ExpectedDiagnostics.Add(ForeignKeyReported(0));
            PostgresHistory.Fixed(test, CreateRegions + "\n\n" + ForeignKeyNotValid, Down);
            AddValidation(test.FixedState, "SecondValidateFKCustomersRegionsNumber", ValidateForeignKey);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0206_fix_writes_every_part_of_the_constraint_EF_writes()
        {
            // Two columns, a principal in another schema and its columns, both referential actions (ON UPDATE first, as EF
            // writes them), named arguments in EF's order and positional ones, a collection expression.
            const string foreignKey = """
                migrationBuilder.AddForeignKey("FK_Customers_Codes", "Customers", new[] { "Id", "Number" }, "Codes", null, "ref",
                    principalColumns: ["RegionId", "Code"], onUpdate: ReferentialAction.Restrict, onDelete: Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.SetNull)
                """;
            const string codes = "migrationBuilder.CreateTable(name: \"Codes\", schema: \"ref\", columns: table => new { RegionId = table.Column<int>(type: \"integer\", nullable: false), Code = table.Column<int>(type: \"integer\", nullable: false) });";
            var test = Create(CreateRegions + "\n\n" + codes + "\n\n{|#0:" + foreignKey + "|};", Down);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(0).WithArguments(
                SecondId, "foreign key", "FK_Customers_Codes", "Customers", " for a match in 'Codes' under a SHARE ROW EXCLUSIVE lock on both tables", "inserts, updates and deletes"));
            PostgresHistory.Fixed(
                test,
                CreateRegions + "\n\n" + codes + "\n\nmigrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" ADD CONSTRAINT \\\"FK_Customers_Codes\\\" FOREIGN KEY (\\\"Id\\\", \\\"Number\\\") REFERENCES \\\"ref\\\".\\\"Codes\\\" (\\\"RegionId\\\", \\\"Code\\\") ON UPDATE RESTRICT ON DELETE SET NULL NOT VALID;\");",
                Down);
            AddValidation(test.FixedState, "SecondValidateFKCustomersCodes", "migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" VALIDATE CONSTRAINT \\\"FK_Customers_Codes\\\";\");");
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0206_fix_all_validates_the_constraints_of_a_migration_in_one_new_migration()
        {
            var test = Create(CreateRegions + "\n\n{|#0:" + ForeignKey + "|};\n\n{|#1:" + Check + "|};", Down);
            test.TestState.ExpectedDiagnostics.Add(ForeignKeyReported(0));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(1).WithArguments(
                SecondId, "check constraint", "CK_Customers_Number", "Customers", " under an ACCESS EXCLUSIVE lock", "reads and writes"));

            // One at a time (the IDE's light bulb, twice): a migration for each, both right after Second.
            PostgresHistory.Fixed(test, CreateRegions + "\n\n" + ForeignKeyNotValid + "\n\n" + CheckNotValid, Down);
            AddValidation(test.FixedState, "SecondValidateFKCustomersRegionsNumber", ValidateForeignKey);
            AddValidation(test.FixedState, "SecondValidateCKCustomersNumber", ValidateCheck);
            test.NumberOfIncrementalIterations = 2;

            // Fix All: one migration validating both, in Up's order.
            test.BatchFixedState.InheritanceMode = StateInheritanceMode.Explicit;
            test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
            foreach (var source in test.FixedState.Sources.Take(5))
            {
                test.BatchFixedState.Sources.Add(source);
            }

            AddValidation(test.BatchFixedState, "SecondValidateConstraints", ValidateForeignKey + "\n\n" + ValidateCheck);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0206_offers_no_fix_where_an_argument_or_the_migration_s_shape_is_unknown()
        {
            // Reported each time (the name and table are known), never fixed: what EF would write is not known for sure,
            // or the validation could not name the constraint after Second.
            var cases = new[]
            {
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", columns: Columns(), principalTable: \"Regions\")|};",
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", columns: new[] { \"Number\", \"Id\" }, principalTable: \"Regions\", principalColumns: new[] { \"Id\", Column() })|};",
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", column: \"Number\", principalTable: \"Regions\", onDelete: Action())|};",
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", column: \"Number\", principalTable: \"Regions\")|}\n    .Annotation(\"Npgsql:Period\", true);",
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", column: \"Number\", principalTable: \"Regions\")|};\n\nmigrationBuilder.RenameTable(name: \"Customers\", newName: \"Clients\");",
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", column: \"Number\", principalTable: \"Regions\")|};\n\nmigrationBuilder.DropForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\");",
                "{|#0:migrationBuilder.AddForeignKey(name: \"FK_Customers_Regions_Number\", table: \"Customers\", column: \"Number\", principalTable: \"Regions\")|};\n\nSeed(migrationBuilder);",
            };
            foreach (var up in cases)
            {
                var test = Create(CreateRegions + "\n\n" + up, Down);
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(0).WithArguments(
                    SecondId, "foreign key", "FK_Customers_Regions_Number", "Customers", " for a match in 'Regions' under a SHARE ROW EXCLUSIVE lock on both tables", "inserts, updates and deletes"));
                test.TestState.Sources.Add(Helpers);
                await NoFix(test).RunAsync(CancellationToken.None);
            }

            // A check whose SQL is not a constant.
            var check = Create("{|#0:migrationBuilder.AddCheckConstraint(name: \"CK_Customers_Number\", table: \"Customers\", sql: Sql())|};", string.Empty);
            check.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(0).WithArguments(
                SecondId, "check constraint", "CK_Customers_Number", "Customers", " under an ACCESS EXCLUSIVE lock", "reads and writes"));
            check.TestState.Sources.Add(Helpers);
            await NoFix(check).RunAsync(CancellationToken.None);

            // An existing migration whose id sorts where the validation's would go (between Second and SecondValidate...).
            var taken = Create(CreateRegions + "\n\n{|#0:" + ForeignKey + "|};", Down);
            taken.TestState.ExpectedDiagnostics.Add(ForeignKeyReported(0));
            taken.TestState.Sources.Add(Sources.Migration("SecondAudit", string.Empty, string.Empty));
            taken.TestState.Sources.Add(Sources.Designer("SecondAudit", SecondId + "Audit", PostgresHistory.Model));
            await NoFix(taken).RunAsync(CancellationToken.None);
        }

        // What Second's Up calls where the reader folds no constant: the fix cannot know what EF would write.
        private const string Helpers = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace App.Migrations
            {
                public partial class Second
                {
                    private static string[] Columns() => new[] { "Number" };

                    private static string Column() => "Code";

                    private static ReferentialAction Action() => ReferentialAction.Cascade;

                    private static string Sql() => "\"Number\" >= 0";

                    private static void Seed(MigrationBuilder builder) => builder.Sql("UPDATE \"Customers\" SET \"Number\" = 0 WHERE \"Number\" < 0");
                }
            }
            """;

        private static Test<ConstraintValidatedUnderLockAnalyzer, ValidateLaterCodeFixProvider> Create(string up, string down)
        {
            var test = PostgresHistory.Create<ConstraintValidatedUnderLockAnalyzer, ValidateLaterCodeFixProvider>(up, down);
            test.CodeActionEquivalenceKey = ValidateLaterCodeFixProvider.Key;
            return test;
        }

        /// <summary>The test expecting the fix to change nothing (with no fixed state given, the framework would not run it).</summary>
        private static Test<ConstraintValidatedUnderLockAnalyzer, ValidateLaterCodeFixProvider> NoFix(Test<ConstraintValidatedUnderLockAnalyzer, ValidateLaterCodeFixProvider> test)
        {
            test.FixedState.Sources.AddRange(test.TestState.Sources);
            test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
            return test;
        }

        private static DiagnosticResult ForeignKeyReported(int location) =>
            new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(location).WithArguments(
                SecondId, "foreign key", "FK_Customers_Regions_Number", "Customers", " for a match in 'Regions' under a SHARE ROW EXCLUSIVE lock on both tables", "inserts, updates and deletes");

        /// <summary>The migration the fix adds beside Second (<c>/0/Test3.cs</c>): Up validates, Down is empty; its designer repeats Second's model.</summary>
        private static void AddValidation(SolutionState state, string name, string up)
        {
            var id = "20240201000000_" + name;
            var migration = Sources.Migration(name, up, string.Empty).Replace("\r\n", "\n") + "\n";
            state.Sources.Add(("/0/" + id + ".cs", migration.Replace("        {\n        }\n    }\n}", "        {\n\n        }\n    }\n}")));
            var designer = Sources.Designer(name, id, PostgresHistory.Model).Replace("\r\n", "\n").Replace("typeof(ShopContext)", "typeof(App.ShopContext)") + "\n";
            state.Sources.Add(("/0/" + id + ".Designer.cs", designer));
        }
    }
}
