using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0002 to BG0007 on histories made by EF Core's real scaffolder (tests/HistoryGenerator, scenario-rules):
    /// each step makes EF itself write the operation a rule is about. Steps: Initial; RenameSku (RenameColumn,
    /// BG0002); RenameCategories (RenameTable, BG0004); DropCoupons (DropTable, BG0003); ShortenProductName
    /// (nvarchar(200) to (50), BG0006; nothing on SQLite, where EF scaffolds no AlterColumn for a max length);
    /// RequireOrderNote (nullable to NOT NULL with default "", BG0006); AddProductRating (required int, EF
    /// scaffolds defaultValue 0: no BG0005); WidenDescription (max length 100 to 500: nothing);
    /// RemoveSupplierNameFromModel and RemoveSupplierPhoneFromModel (model-only removals by hand edit: the
    /// required Name is left NOT NULL without default, BG0007; the nullable Phone is fine).
    /// </summary>
    public class RuleHistoryTests
    {
        private static readonly string[] HistoryNames = { "rules-ef10-sqlite", "rules-ef10-sqlserver", "rules-ef9-postgres", "rules-ef8-sqlserver" };

        public static readonly TheoryData<string> Histories = new TheoryData<string>(HistoryNames);

        /// <summary>
        /// The fixes for what the scenario reports, with the ids each must leave no trace of. No rules history has a
        /// BG0001 or a BG0005 (see <see cref="Expected"/>), so the split fix and the required-column fix have nothing
        /// to fix here; BG0004 and BG0006 have no fix. The expand fix is PostgreSQL's only.
        /// </summary>
        public static readonly TheoryData<string, string> Fixes = Combine(
            nameof(KeepColumnNameCodeFixProvider),
            nameof(KeepTableCodeFixProvider),
            nameof(KeepColumnCodeFixProvider));

        public static readonly TheoryData<string, string> PostgresFixes = new TheoryData<string, string>
        {
            { "rules-ef9-postgres", nameof(ExpandRenameCodeFixProvider) },
        };

        private static readonly Dictionary<string, CodeFixProvider> Providers = new CodeFixProvider[]
        {
            new SplitDropColumnCodeFixProvider(),
            new ExpandRenameCodeFixProvider(),
            new KeepColumnNameCodeFixProvider(),
            new KeepTableCodeFixProvider(),
            new KeepColumnCodeFixProvider(),
            new AddRequiredColumnCodeFixProvider(),
        }.ToDictionary(provider => provider.GetType().Name, StringComparer.Ordinal);

        /// <summary>What each history must report, sorted ordinally: one diagnostic per unsafe step.</summary>
        private static string[] Expected(string history)
        {
            var expected = new List<string>
            {
                // Npgsql's Down re-creates Coupons with an annotation whose enum needs one more using.
                history == "rules-ef9-postgres" ? "DropCoupons.cs(14,13): BG0003 Coupons." : "DropCoupons.cs(13,13): BG0003 Coupons.",
                "RemoveSupplierNameFromModel.cs(11,33): BG0007 Suppliers.Name",
                "RenameCategories.cs(17,13): BG0004 Categories.",
                "RenameSku.cs(13,13): BG0002 Products.Sku",
                "RequireOrderNote.cs(13,13): BG0006 Orders.Note",
            };

            // SQLite store types carry no length: EF scaffolds an empty migration for the shorter Name.
            if (history != "rules-ef10-sqlite")
            {
                expected.Add("ShortenProductName.cs(13,13): BG0006 Products.Name");
            }

            // PostgreSQL rewrites Products for the shorter varchar (every value is checked against the new length) and
            // scans Orders under an exclusive lock to set Note NOT NULL, after EF's UPDATE of its NULLs: both Infos.
            if (history == "rules-ef9-postgres")
            {
                expected.Add("ShortenProductName.cs(13,13): BG0204 Products.Name");
                expected.Add("RequireOrderNote.cs(13,13): BG0205 Orders.Note");
            }

            return expected.OrderBy(line => line, StringComparer.Ordinal).ToArray();
        }

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Reports_exactly_what_each_scaffolded_step_breaks(string history)
        {
            var diagnostics = await HistoryProject.Load(history).AnalyzeAsync();

            Assert.Equal(Expected(history), Describe(diagnostics));

            // BG0006 carries no column in its properties (it has no fix): its message names the column and the change.
            var tightened = diagnostics.Where(diagnostic => diagnostic.Id == "BG0006").Select(diagnostic => diagnostic.GetMessage()).ToList();
            Assert.Contains(tightened, message => message.Contains("column 'Note' of table 'Orders' (nullable to NOT NULL)", StringComparison.Ordinal));
            var (oldName, newName) = history switch
            {
                "rules-ef9-postgres" => ("character varying(200)", "character varying(50)"),
                _ => ("nvarchar(200)", "nvarchar(50)"),
            };
            Assert.Equal(
                history == "rules-ef10-sqlite" ? 0 : 1,
                tightened.Count(message => message.Contains($"column 'Name' of table 'Products' ({oldName} to {newName})", StringComparison.Ordinal)));
        }

        [Theory]
        [MemberData(nameof(Fixes))]
        [MemberData(nameof(PostgresFixes))]
        public async Task Each_fix_leaves_a_history_that_compiles_without_what_it_fixes(string history, string fix)
        {
            var provider = Providers[fix];
            var project = HistoryProject.Load(history);

            // AnalyzeAsync fails on compiler errors and analyzer exceptions, before and after the fix.
            var before = Describe(await project.AnalyzeAsync());
            Assert.Equal(Expected(history), before);
            Assert.Contains(before, line => provider.FixableDiagnosticIds.Any(id => line.Contains(": " + id + " ", StringComparison.Ordinal)));

            var fixedHistory = await project.FixAllAsync(provider);

            // The fixed diagnostics are gone, and the fix brings no new ones but one true Info: the expand step's copy
            // updates every row of Products in the transaction of its AddColumn, which holds the table's ACCESS EXCLUSIVE
            // lock for as long as the copy takes (BG0207; on a large table the copy belongs in a migration of its own).
            var after = before.Where(line => !provider.FixableDiagnosticIds.Any(id => line.Contains(": " + id + " ", StringComparison.Ordinal))).ToList();
            if (fix == nameof(ExpandRenameCodeFixProvider))
            {
                after.Add("RenameSku.cs(19,13): BG0207 Products.");
            }

            Assert.Equal(after.OrderBy(line => line, StringComparer.Ordinal), Describe(await fixedHistory.AnalyzeAsync()));

            var migration = await Text(fixedHistory, "_RenameSku.cs");
            switch (fix)
            {
                case nameof(KeepColumnNameCodeFixProvider):
                    // The rename leaves the migration; the designer and the snapshot map Code to the Sku column.
                    Assert.DoesNotContain("migrationBuilder.", migration);
                    Assert.Contains(".HasColumnName(\"Sku\")", await Text(fixedHistory, "_RenameSku.Designer.cs"));
                    Assert.Contains(".HasColumnName(\"Sku\")", await Text(fixedHistory, "ShopContextModelSnapshot.cs"));
                    break;

                case nameof(ExpandRenameCodeFixProvider):
                    // Code is added nullable, filled from Sku, and a trigger keeps both equal while both versions run;
                    // Down removes the trigger and the new column.
                    Assert.DoesNotContain("RenameColumn", migration);
                    Assert.DoesNotContain("AlterColumn", migration);
                    Assert.Contains("migrationBuilder.AddColumn<string>(", migration);
                    Assert.Contains("migrationBuilder.Sql(\"UPDATE \\\"Products\\\" SET \\\"Code\\\" = \\\"Sku\\\"\");", migration);
                    Assert.Contains("CREATE TRIGGER \"\"bluegreen_sync_Products_Sku_Code\"\" BEFORE INSERT OR UPDATE ON \"\"Products\"\"", migration);
                    Assert.Contains("DROP TRIGGER IF EXISTS \"\"bluegreen_sync_Products_Sku_Code\"\" ON \"\"Products\"\";", migration);
                    Assert.Contains("migrationBuilder.DropColumn(", migration);
                    break;

                case nameof(KeepTableCodeFixProvider):
                    Assert.DoesNotContain("migrationBuilder.", await Text(fixedHistory, "_DropCoupons.cs"));
                    break;

                case nameof(KeepColumnCodeFixProvider):
                    // NOT NULL stays (the running version requires Name) with a default for the new version's inserts; on
                    // SQLite, whose AlterColumn rebuilds the table from the designer, the designer keeps the column.
                    var removeName = await Text(fixedHistory, "_RemoveSupplierNameFromModel.cs");
                    Assert.Contains("nullable: false,\n                defaultValue: \"\",", removeName.Replace("\r\n", "\n"));
                    Assert.Contains("oldDefaultValue: \"\");", removeName);
                    Assert.Equal(
                        history == "rules-ef10-sqlite",
                        (await Text(fixedHistory, "_RemoveSupplierNameFromModel.Designer.cs")).Contains(".HasAnnotation(\"BlueGreen:KeptInDatabase\", true)", StringComparison.Ordinal));
                    break;
            }
        }

        private static TheoryData<string, string> Combine(params string[] fixes)
        {
            var data = new TheoryData<string, string>();
            foreach (var history in HistoryNames)
            {
                foreach (var fix in fixes)
                {
                    data.Add(history, fix);
                }
            }

            return data;
        }

        private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Select(HistoryProject.Describe).OrderBy(line => line, StringComparer.Ordinal).ToArray();

        private static async Task<string> Text(HistoryProject project, string nameEndsWith) =>
            (await project.Document(nameEndsWith).GetTextAsync()).ToString();
    }
}
