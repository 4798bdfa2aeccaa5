using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0201 to BG0206 on histories made by EF Core's real scaffolder (tests/HistoryGenerator, scenario-locks) for EF 8,
    /// 9 and 10 on PostgreSQL, and EF 10 on SQLite and SQL Server, where none of them applies. Steps: Initial (the index
    /// on Orders.CustomerId comes with its new table: nothing); IndexCustomerName (BG0201); IndexRegionConcurrently
    /// (IsCreatedConcurrently, alone in its migration: nothing); AddOrderReference (gen_random_uuid() is volatile: BG0203;
    /// now() is stable: nothing); WidenOrderNumber (integer to bigint: BG0204); WidenCustomerName (a longer varchar:
    /// nothing); RequireCustomerEmail (SET NOT NULL after EF's UPDATE: BG0205, and BG0006 on every provider, since the
    /// running version writes NULL there); AddTierWithIndex (a concurrent index beside an AddColumn: BG0202); AddOrderStore
    /// (a new Stores table, and a foreign key to it from the existing Orders: BG0206, with BG0201 for its index);
    /// CheckCustomerId (a check constraint on the existing Customers: BG0206, fixed NOT VALID with a validation added). On SQL Server
    /// the index on Region first shortens it from nvarchar(max) to nvarchar(450): BG0006.
    /// The real PostgreSQL server of BlueGreen.Analyzers.Truth confirms each rewrite, and that the fixed index applies.
    /// </summary>
    public class LockHistoryTests
    {
        public static readonly TheoryData<string> Histories = new TheoryData<string>
        {
            "locks-ef8-postgres", "locks-ef9-postgres", "locks-ef10-postgres", "locks-ef10-sqlite", "locks-ef10-sqlserver",
        };

        public static readonly TheoryData<string> PostgresHistories = new TheoryData<string>
        {
            "locks-ef8-postgres", "locks-ef9-postgres", "locks-ef10-postgres",
        };

        private static readonly string[] OnPostgres =
        {
            "AddOrderStore.cs(33,13): BG0201 Orders.",
            "AddOrderStore.cs(38,13): BG0206 Orders.",
            "CheckCustomerId.cs(13,13): BG0206 Customers.",
            "IndexCustomerName.cs(13,13): BG0201 Customers.",
            "AddOrderReference.cs(21,13): BG0203 Orders.Reference",
            "WidenOrderNumber.cs(13,13): BG0204 Orders.Number",
            "RequireCustomerEmail.cs(13,13): BG0205 Customers.Email",
            "AddTierWithIndex.cs(20,13): BG0202 Customers.",
        };

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Each_step_reports_the_lock_PostgreSQL_takes_and_nothing_on_the_other_providers(string history)
        {
            var diagnostics = await HistoryProject.Load(history).AnalyzeAsync();
            Assert.Equal(Expected(history), Describe(diagnostics));
            if (!history.EndsWith("-postgres", StringComparison.Ordinal))
            {
                return;
            }

            // The one diagnostic of a rule in a migration.
            string Message(string id, string migration) => diagnostics
                .Single(diagnostic => diagnostic.Id == id && diagnostic.Location.SourceTree!.FilePath.EndsWith("_" + migration + ".cs", StringComparison.Ordinal))
                .GetMessage();
            Assert.Contains("creates index 'IX_Customers_Name' on table 'Customers'", Message("BG0201", "IndexCustomerName"), StringComparison.Ordinal);
            Assert.Contains("runs CREATE INDEX CONCURRENTLY of 'IX_Customers_Tier' outside a transaction, with 1 other operation(s)", Message("BG0202", "AddTierWithIndex"), StringComparison.Ordinal);
            Assert.Contains("with the volatile default gen_random_uuid()", Message("BG0203", "AddOrderReference"), StringComparison.Ordinal);
            Assert.Contains("from integer to bigint", Message("BG0204", "WidenOrderNumber"), StringComparison.Ordinal);
            Assert.Contains("NOT NULL (after EF's UPDATE of its NULL rows to the default, in the same transaction)", Message("BG0205", "RequireCustomerEmail"), StringComparison.Ordinal);
            Assert.Contains("creates index 'IX_Orders_StoreId' on table 'Orders'", Message("BG0201", "AddOrderStore"), StringComparison.Ordinal);
            Assert.Contains(
                "adds foreign key 'FK_Orders_Stores_StoreId' to table 'Orders', which already holds rows: PostgreSQL checks every row for a match in 'Stores' under a SHARE ROW EXCLUSIVE lock on both tables",
                Message("BG0206", "AddOrderStore"),
                StringComparison.Ordinal);
            Assert.Contains(
                "adds check constraint 'CK_Customers_Id' to table 'Customers', which already holds rows: PostgreSQL checks every row under an ACCESS EXCLUSIVE lock",
                Message("BG0206", "CheckCustomerId"),
                StringComparison.Ordinal);
            Assert.All(diagnostics.Where(diagnostic => diagnostic.Id == "BG0206"), diagnostic => Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity));
            Assert.Equal(DiagnosticSeverity.Info, diagnostics.Single(diagnostic => diagnostic.Id == "BG0204").Severity);
            Assert.Equal(DiagnosticSeverity.Info, diagnostics.Single(diagnostic => diagnostic.Id == "BG0205").Severity);
        }

        [Theory]
        [MemberData(nameof(PostgresHistories))]
        public async Task The_concurrently_fix_writes_what_EF_scaffolds_for_IsCreatedConcurrently_and_leaves_the_model_alone(string history)
        {
            var project = HistoryProject.Load(history);
            var fixedHistory = await project.FixAllAsync(new CreateIndexConcurrentlyCodeFixProvider(), CreateIndexConcurrentlyCodeFixProvider.OwnMigrationKey);

            // The index alone in IndexCustomerName is built concurrently in place (the one fix offered there); the foreign
            // key's index, beside other operations in AddOrderStore, goes concurrently to a migration of its own (the fix
            // asked for, else BG0202): the foreign key moves up to its line.
            var expected = Expected(history)
                .Where(line => !line.Contains(" BG0201 ", StringComparison.Ordinal))
                .Select(line => line.Replace("AddOrderStore.cs(38,13)", "AddOrderStore.cs(33,13)", StringComparison.Ordinal))
                .OrderBy(line => line, StringComparer.Ordinal);
            Assert.Equal(expected, Describe(await fixedHistory.AnalyzeAsync()));

            // The fixed Up is, but for the names, the one EF wrote for the index configured IsCreatedConcurrently().
            var fixedUp = Up(await Text(fixedHistory, "_IndexCustomerName.cs"));
            var scaffolded = Up(await Text(project, "_IndexRegionConcurrently.cs")).Replace("Region", "Name", StringComparison.Ordinal);
            Assert.Equal(scaffolded, fixedUp);
            Assert.Contains(".Annotation(\"Npgsql:CreatedConcurrently\", true);", fixedUp, StringComparison.Ordinal);
            await AssertMovedAsync(project, fixedHistory, "AddOrderStore", "CreateIXOrdersStoreId", "Orders", "StoreId");

            foreach (var document in project.Project.Documents.Where(document => !document.Name.EndsWith("_IndexCustomerName.cs", StringComparison.Ordinal)
                && !document.Name.EndsWith("_AddOrderStore.cs", StringComparison.Ordinal)))
            {
                Assert.Equal(await Text(project, document.Name), await Text(fixedHistory, document.Name));
            }
        }

        [Fact]
        public async Task On_SQL_Server_an_edition_that_builds_online_gets_each_index_on_an_existing_table_reported_and_built_online_by_the_fix()
        {
            var project = HistoryProject.Load("locks-ef10-sqlserver");
            Assert.Equal(Expected("locks-ef10-sqlserver"), Describe(await project.AnalyzeAsync()));

            // Initial's index comes with its table; the four others index Customers and Orders, which hold rows by then.
            project = project.WithEditorConfig("bluegreen.sqlserver_edition = enterprise");
            var expected = Expected("locks-ef10-sqlserver").Concat(new[]
            {
                "IndexCustomerName.cs(13,13): BG0201 Customers.",
                "IndexRegionConcurrently.cs(22,13): BG0201 Customers.",
                "AddTierWithIndex.cs(20,13): BG0201 Customers.",
                "AddOrderStore.cs(32,13): BG0201 Orders.",
            });
            Assert.Equal(expected.OrderBy(line => line, StringComparer.Ordinal), Describe(await project.AnalyzeAsync()));

            // The fix adds the annotation IsCreatedOnline() writes; each index is then online and nothing else changes.
            var fixedHistory = await project.FixAllAsync(new CreateIndexConcurrentlyCodeFixProvider());
            Assert.Equal(Expected("locks-ef10-sqlserver"), Describe(await fixedHistory.AnalyzeAsync()));
            Assert.Equal(
                Up(await Text(project, "_IndexCustomerName.cs")).Replace("column: \"Name\");", "column: \"Name\")\n                .Annotation(\"SqlServer:Online\", true);", StringComparison.Ordinal),
                Up(await Text(fixedHistory, "_IndexCustomerName.cs")));
        }

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task The_split_fix_gives_the_concurrent_index_a_migration_of_its_own_right_after_and_nothing_new_is_reported(string history)
        {
            var project = HistoryProject.Load(history);
            var fixedHistory = await project.FixAllAsync(new MoveNonTransactionalCodeFixProvider());
            Assert.Equal(Expected(history).Where(line => !line.Contains(" BG0202 ", StringComparison.Ordinal)), Describe(await fixedHistory.AnalyzeAsync()));
            if (!history.EndsWith("-postgres", StringComparison.Ordinal))
            {
                Assert.Equal(project.Project.DocumentIds.Count, fixedHistory.Project.DocumentIds.Count);
                return;
            }

            await AssertMovedAsync(project, fixedHistory, "AddTierWithIndex", "CreateIXCustomersTier", "Customers", "Tier");
            foreach (var document in project.Project.Documents.Where(document => !document.Name.EndsWith("_AddTierWithIndex.cs", StringComparison.Ordinal)))
            {
                Assert.Equal(await Text(project, document.Name), await Text(fixedHistory, document.Name));
            }
        }

        /// <summary>
        /// The index on <paramref name="table"/>.<paramref name="column"/> left <paramref name="from"/> (Up and Down) for a new
        /// migration whose id sorts right after it (one second later, before the next migration), written as EF scaffolds a
        /// concurrent index alone in its migration, with a copy of <paramref name="from"/>'s designer as its own.
        /// </summary>
        private static async Task AssertMovedAsync(HistoryProject project, HistoryProject fixedHistory, string from, string name, string table, string column)
        {
            var index = "IX_" + table + "_" + column;
            var original = await Text(project, "_" + from + ".cs");
            var split = await Text(fixedHistory, "_" + from + ".cs");
            Assert.Contains(index, original, StringComparison.Ordinal);
            Assert.DoesNotContain(index, split, StringComparison.Ordinal);
            Assert.Equal(Regex.Matches(original, "migrationBuilder\\.").Count - 2, Regex.Matches(split, "migrationBuilder\\.").Count);

            var fromId = project.Document("_" + from + ".cs").Name[..14];
            var added = fixedHistory.Project.Documents.Where(document => project.Project.GetDocument(document.Id) is null).Select(document => document.Name).OrderBy(file => file, StringComparer.Ordinal).ToList();
            var id = (long.Parse(fromId, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + name;
            Assert.Equal(new[] { id + ".Designer.cs", id + ".cs" }, added);
            var ids = fixedHistory.Project.Documents.Where(document => document.Name.EndsWith(".Designer.cs", StringComparison.Ordinal)).Select(document => document.Name).OrderBy(file => file, StringComparer.Ordinal).ToList();
            Assert.Equal(ids.IndexOf(project.Document("_" + from + ".Designer.cs").Name) + 1, ids.IndexOf(id + ".Designer.cs"));

            // The usings are the original's (AddOrderStore's Npgsql one too, for its CreateTable), where EF writes those the code needs.
            var usings = string.Concat(original.TrimStart('\uFEFF').Split('\n').TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal)).Select(line => line + "\n"));
            var scaffolded = (await Text(project, "_IndexRegionConcurrently.cs")).TrimStart('\uFEFF')
                .Replace("using Microsoft.EntityFrameworkCore.Migrations;\n", usings, StringComparison.Ordinal)
                .Replace("IndexRegionConcurrently", name, StringComparison.Ordinal).Replace("Customers", table, StringComparison.Ordinal).Replace("Region", column, StringComparison.Ordinal);
            Assert.Equal(scaffolded, await Text(fixedHistory, id + ".cs"));
            var designer = await Text(project, "_" + from + ".Designer.cs");
            Assert.Equal(designer.Replace(project.Document("_" + from + ".Designer.cs").Name[..^".Designer.cs".Length], id, StringComparison.Ordinal).Replace("partial class " + from, "partial class " + name, StringComparison.Ordinal), await Text(fixedHistory, id + ".Designer.cs"));
        }

        [Theory]
        [MemberData(nameof(PostgresHistories))]
        public async Task The_NOT_VALID_fix_replaces_each_scaffolded_constraint_and_adds_its_validation_right_after(string history)
        {
            var project = HistoryProject.Load(history);
            var fixedHistory = await project.FixAllAsync(new ValidateLaterCodeFixProvider());

            // BG0206 is gone; nothing else moves (each constraint was its migration's last statement, the SQL takes one line).
            Assert.Equal(Expected(history).Where(line => !line.Contains(" BG0206 ", StringComparison.Ordinal)), Describe(await fixedHistory.AnalyzeAsync()));
            Assert.EndsWith(
                "migrationBuilder.Sql(\"ALTER TABLE \\\"Orders\\\" ADD CONSTRAINT \\\"FK_Orders_Stores_StoreId\\\" FOREIGN KEY (\\\"StoreId\\\") REFERENCES \\\"Stores\\\" (\\\"Id\\\") NOT VALID;\");",
                Up(await Text(fixedHistory, "_AddOrderStore.cs")),
                StringComparison.Ordinal);
            Assert.Equal(
                "        {\n            migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" ADD CONSTRAINT \\\"CK_Customers_Id\\\" CHECK (\\\"Id\\\" > 0) NOT VALID;\");",
                Up(await Text(fixedHistory, "_CheckCustomerId.cs")));

            // Each validation beside the migration it completes, named after it, its designer that migration's model.
            foreach (var (migration, validation, sql) in new[]
            {
                ("_AddOrderStore", "ValidateFKOrdersStoresStoreId", "ALTER TABLE \\\"Orders\\\" VALIDATE CONSTRAINT \\\"FK_Orders_Stores_StoreId\\\";"),
                ("_CheckCustomerId", "ValidateCKCustomersId", "ALTER TABLE \\\"Customers\\\" VALIDATE CONSTRAINT \\\"CK_Customers_Id\\\";"),
            })
            {
                var fixedName = project.Document(migration + ".cs").Name;
                var added = fixedHistory.Document(migration + validation + ".cs");
                Assert.Equal(fixedName.Replace(".cs", validation + ".cs", StringComparison.Ordinal), added.Name);
                Assert.Equal("/history/Migrations/" + added.Name, added.FilePath);
                Assert.Equal("        {\n            migrationBuilder.Sql(\"" + sql + "\");", Up(await Text(fixedHistory, added.Name)));
                var designer = await Text(fixedHistory, migration + validation + ".Designer.cs");
                var original = await Text(project, migration + ".Designer.cs");
                Assert.Contains($"[Migration(\"{fixedName.Replace(".cs", validation, StringComparison.Ordinal)}\")]", designer, StringComparison.Ordinal);
                Assert.Contains("modelBuilder.Entity(\"Fixtures.Order\"", Model(designer), StringComparison.Ordinal);
                Assert.Equal(Model(original), Model(designer));
            }

            // Down, the designers and the snapshot are as EF wrote them.
            foreach (var document in project.Project.Documents.Where(document => !document.Name.EndsWith("_AddOrderStore.cs", StringComparison.Ordinal)
                && !document.Name.EndsWith("_CheckCustomerId.cs", StringComparison.Ordinal)))
            {
                Assert.Equal(await Text(project, document.Name), await Text(fixedHistory, document.Name));
            }

            Assert.Equal(Down(await Text(project, "_AddOrderStore.cs")), Down(await Text(fixedHistory, "_AddOrderStore.cs")));
        }

        private static string[] Expected(string history)
        {
            // The running version maps Email as optional and writes NULL there: BG0006 on every provider.
            var expected = new List<string> { "RequireCustomerEmail.cs(13,13): BG0006 Customers.Email" };
            if (history.EndsWith("-postgres", StringComparison.Ordinal))
            {
                expected.AddRange(OnPostgres);
            }

            // SQL Server indexes at most 900 bytes: EF makes the indexed Region nvarchar(450) first, which the running
            // version (nvarchar(max)) may overflow.
            if (history.EndsWith("-sqlserver", StringComparison.Ordinal))
            {
                expected.Add("IndexRegionConcurrently.cs(13,13): BG0006 Customers.Region");
            }

            return expected.OrderBy(line => line, StringComparer.Ordinal).ToArray();
        }

        private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Select(HistoryProject.Describe).OrderBy(line => line, StringComparer.Ordinal).ToArray();

        private static string Down(string migration) =>
            Regex.Match(migration.Replace("\r\n", "\n", StringComparison.Ordinal), @"void Down\(MigrationBuilder migrationBuilder\)\n(.*?)\n        \}", RegexOptions.Singleline).Groups[1].Value;

        private static string Model(string designer) =>
            Regex.Match(designer.Replace("\r\n", "\n", StringComparison.Ordinal), @"void BuildTargetModel\(ModelBuilder modelBuilder\)\n(.*)\n        \}", RegexOptions.Singleline).Groups[1].Value;

        private static string Up(string migration) =>
            Regex.Match(migration.Replace("\r\n", "\n", StringComparison.Ordinal), @"void Up\(MigrationBuilder migrationBuilder\)\n(.*?)\n        \}", RegexOptions.Singleline).Groups[1].Value;

        private static async Task<string> Text(HistoryProject project, string nameEndsWith) =>
            (await project.Document(nameEndsWith).GetTextAsync()).ToString();
    }
}
