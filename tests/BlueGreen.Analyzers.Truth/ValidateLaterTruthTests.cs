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
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// BG0206's fix judged by the PostgreSQL server the tests start. The fixed migration's SQL is EF's own for the
    /// constraint plus NOT VALID (EF's script of the unfixed and the fixed migration differ by that alone). Applied by EF's
    /// migrator: the constraint exists unvalidated after the fixed migration (pg_constraint.convalidated), and the added
    /// migration validates it. That the fixed migration did not check the old rows is observed with a row that breaks the
    /// constraint, inserted before it: the unfixed migration is refused, the fixed one applies, and the validation (a scan)
    /// is refused until the row is gone. The history ends with the database the unfixed one gives.
    /// </summary>
    public class ValidateLaterTruthTests
    {
        private readonly ITestOutputHelper _output;

        public ValidateLaterTruthTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> LocksHistories => LockTruthTests.LocksHistories;

        [Theory]
        [MemberData(nameof(LocksHistories))]
        public async Task BG0206_fixed_scaffolded_constraints_are_added_NOT_VALID_then_validated_and_end_as_EF_adds_them(string history)
        {
            var workspace = HistoryWorkspace.FromCorpus(history);
            var fixedWorkspace = await FixApplier.FixAllAsync(workspace, "BG0206", ValidateLaterCodeFixProvider.Key);
            Assert.DoesNotContain(await fixedWorkspace.AnalyzeAsync(), diagnostic => diagnostic.Id == "BG0206");
            var unfixed = workspace.Compile();
            var compiled = fixedWorkspace.Compile();
            var foreignKey = unfixed.Migrations.Single(id => id.EndsWith("_AddOrderStore", StringComparison.Ordinal));
            var check = unfixed.Migrations.Single(id => id.EndsWith("_CheckCustomerId", StringComparison.Ordinal));

            // Each validation runs right after the migration it completes.
            var expected = unfixed.Migrations.SelectMany(id => id == foreignKey ? new[] { id, id + "ValidateFKOrdersStoresStoreId" } : id == check ? new[] { id, id + "ValidateCKCustomersId" } : new[] { id });
            Assert.Equal(expected, compiled.Migrations);
            AssertScriptsDifferByNotValid(unfixed, compiled, foreignKey, "ALTER TABLE \"Orders\" ADD CONSTRAINT \"FK_Orders_Stores_StoreId\" FOREIGN KEY (\"StoreId\") REFERENCES \"Stores\" (\"Id\");");
            AssertScriptsDifferByNotValid(unfixed, compiled, check, "ALTER TABLE \"Customers\" ADD CONSTRAINT \"CK_Customers_Id\" CHECK (\"Id\" > 0);");

            using var database = TestDatabase.Create(DatabaseProvider.Postgres);
            using (var context = compiled.CreateContext(database))
            {
                var migrator = context.GetService<IMigrator>();
                migrator.Migrate(foreignKey);
                Assert.Equal(false, Validated(database, "FK_Orders_Stores_StoreId"));
                migrator.Migrate(foreignKey + "ValidateFKOrdersStoresStoreId");
                Assert.Equal(true, Validated(database, "FK_Orders_Stores_StoreId"));

                // A customer the check refuses, written before it: the fixed migration does not look at it, the validation does.
                migrator.Migrate(Before(compiled, check));
                Execute(database, BadCustomer);
                migrator.Migrate(check);
                Assert.Equal(false, Validated(database, "CK_Customers_Id"));
                Assert.Equal(PostgresErrorCodes.CheckViolation, Refused(() => Execute(database, BadCustomer.Replace("-1", "-2", StringComparison.Ordinal))));
                Assert.Equal(PostgresErrorCodes.CheckViolation, Refused(() => migrator.Migrate(check + "ValidateCKCustomersId")));
                Execute(database, "DELETE FROM \"Customers\" WHERE \"Id\" = -1");
                migrator.Migrate();
                Assert.Equal(true, Validated(database, "CK_Customers_Id"));
            }

            // The control: the unfixed migration checks the old rows, and is refused over the same customer.
            using var control = TestDatabase.Create(DatabaseProvider.Postgres);
            using (var context = unfixed.CreateContext(control))
            {
                var migrator = context.GetService<IMigrator>();
                migrator.Migrate(Before(unfixed, check));
                Execute(control, BadCustomer);
                Assert.Equal(PostgresErrorCodes.CheckViolation, Refused(() => migrator.Migrate(check)));
                Execute(control, "DELETE FROM \"Customers\" WHERE \"Id\" = -1");
                migrator.Migrate();
            }

            Assert.Equal(Constraints(control), Constraints(database));
            Assert.Equal(control.Columns(), database.Columns());
        }

        [Fact]
        public async Task BG0206_fixed_foreign_key_with_schemas_and_referential_actions_skips_the_old_rows_and_is_EF_s_once_validated()
        {
            // Orders (in schema "shop") holds rows before AddRegion; its foreign key cascades deletes and restricts key updates.
            const string initial = "migrationBuilder.EnsureSchema(name: \"shop\");\n"
                + "migrationBuilder.CreateTable(name: \"Regions\", columns: table => new { Id = table.Column<int>(type: \"integer\", nullable: false) }, constraints: table => table.PrimaryKey(\"PK_Regions\", x => x.Id));\n"
                + "migrationBuilder.CreateTable(name: \"Orders\", schema: \"shop\", columns: table => new { Id = table.Column<int>(type: \"integer\", nullable: false), RegionId = table.Column<int>(type: \"integer\", nullable: false) }, constraints: table => table.PrimaryKey(\"PK_Orders\", x => x.Id));";
            const string addForeignKey = "migrationBuilder.AddForeignKey(name: \"FK_Orders_Regions_RegionId\", schema: \"shop\", table: \"Orders\", column: \"RegionId\", principalTable: \"Regions\", principalColumn: \"Id\", onUpdate: ReferentialAction.Restrict, onDelete: ReferentialAction.Cascade);";
            const string initialId = "20240101000000_Initial";
            const string secondId = "20240201000000_AddRegion";
            const string validateId = secondId + "ValidateFKOrdersRegionsRegionId";
            var workspace = HistoryWorkspace.Load("not-valid", new[]
            {
                ("Initial.cs", Migration("Initial", initial, "migrationBuilder.DropTable(name: \"Orders\", schema: \"shop\");")),
                ("Initial.Designer.cs", Designer("Initial", initialId)),
                ("AddRegion.cs", Migration("AddRegion", addForeignKey, "migrationBuilder.DropForeignKey(name: \"FK_Orders_Regions_RegionId\", schema: \"shop\", table: \"Orders\");")),
                ("AddRegion.Designer.cs", Designer("AddRegion", secondId)),
                ("ShopContextModelSnapshot.cs", LockTruthTests.Snapshot),
            });
            var fixedWorkspace = await FixApplier.ApplyAsync(workspace, (await workspace.AnalyzeAsync()).Single(diagnostic => diagnostic.Id == "BG0206"), ValidateLaterCodeFixProvider.Key);
            var unfixed = workspace.Compile();
            var compiled = fixedWorkspace.Compile();
            Assert.Equal(new[] { initialId, secondId, validateId }, compiled.Migrations);

            // Npgsql leaves the lower-case schema bare; the fix quotes every name (the same name to PostgreSQL).
            AssertScriptsDifferByNotValid(unfixed, compiled, secondId,
                "ALTER TABLE shop.\"Orders\" ADD CONSTRAINT \"FK_Orders_Regions_RegionId\" FOREIGN KEY (\"RegionId\") REFERENCES \"Regions\" (\"Id\") ON UPDATE RESTRICT ON DELETE CASCADE;",
                "ALTER TABLE \"shop\".\"Orders\" ADD CONSTRAINT \"FK_Orders_Regions_RegionId\" FOREIGN KEY (\"RegionId\") REFERENCES \"Regions\" (\"Id\") ON UPDATE RESTRICT ON DELETE CASCADE NOT VALID;");

            // An order of region 2, which does not exist: the fixed migration applies over it, the unfixed one does not.
            const string rows = "INSERT INTO \"Regions\" (\"Id\") VALUES (1); INSERT INTO shop.\"Orders\" (\"Id\", \"RegionId\") VALUES (1, 1), (2, 2);";
            using var database = TestDatabase.Create(DatabaseProvider.Postgres);
            using (var context = compiled.CreateContext(database))
            {
                var migrator = context.GetService<IMigrator>();
                migrator.Migrate(initialId);
                Execute(database, rows);
                migrator.Migrate(secondId);
                Assert.Equal(false, Validated(database, "FK_Orders_Regions_RegionId"));
                Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Refused(() => Execute(database, "INSERT INTO shop.\"Orders\" (\"Id\", \"RegionId\") VALUES (3, 3)")));
                Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Refused(() => migrator.Migrate(validateId)));
                Execute(database, "DELETE FROM shop.\"Orders\" WHERE \"Id\" = 2");
                migrator.Migrate(validateId);
                Assert.Equal(true, Validated(database, "FK_Orders_Regions_RegionId"));

                // The referential actions are EF's: a key update is refused, a delete cascades.
                Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Refused(() => Execute(database, "UPDATE \"Regions\" SET \"Id\" = 5 WHERE \"Id\" = 1")));
                Execute(database, "DELETE FROM \"Regions\" WHERE \"Id\" = 1");
                Assert.Equal("0", Scalar(database, "SELECT count(*) FROM shop.\"Orders\""));
            }

            using var control = TestDatabase.Create(DatabaseProvider.Postgres);
            using (var context = unfixed.CreateContext(control))
            {
                var migrator = context.GetService<IMigrator>();
                migrator.Migrate(initialId);
                Execute(control, rows);
                Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Refused(() => migrator.Migrate(secondId)));
                Execute(control, "DELETE FROM shop.\"Orders\" WHERE \"Id\" = 2");
                migrator.Migrate(secondId);
            }

            Assert.Equal(Constraints(control), Constraints(database));

            // Down as EF wrote it: reverting the two migrations leaves no foreign key.
            using (var context = compiled.CreateContext(database))
            {
                context.GetService<IMigrator>().Migrate(initialId);
                Assert.Null(Validated(database, "FK_Orders_Regions_RegionId"));
            }
        }

        // Customers' required columns at CheckCustomerId (Tier has a default), with an id the check refuses.
        private const string BadCustomer = "INSERT INTO \"Customers\" (\"Id\", \"Name\", \"Email\") VALUES (-1, 'Bad', 'bad@example.com')";

        /// <summary>
        /// EF's script of the fixed migration is its script of the unfixed one with the constraint's statement (as EF writes
        /// it: <paramref name="statement"/>) replaced by the fix's (by default the same, ending in NOT VALID), and nothing else changed.
        /// </summary>
        private void AssertScriptsDifferByNotValid(CompiledHistory unfixed, CompiledHistory compiled, string migration, string statement, string? notValid = null)
        {
            string Script(CompiledHistory history)
            {
                using var database = TestDatabase.Create(DatabaseProvider.Postgres);
                using var context = history.CreateContext(database);
                var script = context.GetService<IMigrator>().GenerateScript(Before(history, migration), migration);
                return string.Join("\n", script.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0));
            }

            var before = Script(unfixed);
            var after = Script(compiled);
            _output.WriteLine(after);
            Assert.Contains(statement, before.Split('\n'));
            Assert.Equal(before.Replace(statement, notValid ?? statement.TrimEnd(';') + " NOT VALID;", StringComparison.Ordinal), after);
        }

        private static string Before(CompiledHistory history, string migration) => history.Migrations[history.Migrations.ToList().IndexOf(migration) - 1];

        /// <summary>pg_constraint.convalidated of a constraint; null when there is none of that name.</summary>
        private static bool? Validated(TestDatabase database, string constraint) =>
            Scalar(database, $"SELECT convalidated::text FROM pg_constraint WHERE conname = '{constraint}'") is { Length: > 0 } value ? value == "true" : null;

        /// <summary>Every constraint of the user's tables as PostgreSQL describes it.</summary>
        private static List<string> Constraints(TestDatabase database)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT n.nspname || '.' || t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated "
                + "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1";
            using var reader = command.ExecuteReader();
            var constraints = new List<string>();
            while (reader.Read())
            {
                constraints.Add(reader.GetString(0));
            }

            return constraints;
        }

        /// <summary>The SQLSTATE a statement or a migration is refused with.</summary>
        private static string Refused(Action action)
        {
            var exception = Assert.ThrowsAny<Exception>(action);
            return (exception as PostgresException ?? exception.InnerException as PostgresException ?? throw exception).SqlState;
        }

        private static void Execute(TestDatabase database, string sql)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static string? Scalar(TestDatabase database, string sql)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string Migration(string name, string up, string down) => $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Fixtures.Migrations
            {
                public partial class {{name}} : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        {{up}}
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        {{down}}
                    }
                }
            }
            """;

        /// <summary>A designer as EF writes one; the model is left empty (the lock rules and the fix need only the provider).</summary>
        private static string Designer(string name, string id) => $$"""
            // <auto-generated />
            using Fixtures;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Fixtures.Migrations
            {
                [DbContext(typeof(ShopContext))]
                [Migration("{{id}}")]
                partial class {{name}}
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);
                    }
                }
            }
            """;
    }
}
