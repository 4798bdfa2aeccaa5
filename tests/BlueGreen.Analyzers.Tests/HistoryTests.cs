using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// Judgments on histories made by EF Core's real scaffolder (tests/HistoryGenerator): the same scenario
    /// for each EF version and provider. Steps: Initial; AddLoyaltyPoints (a drop in Down only);
    /// RemoveFaxFromModel + DropFax (the safe two-step); then four unsafe drops in the migration that removes
    /// the property: a required column (Phone), an owned-type column (Home_City), a HasColumnName column
    /// (email_address) and a TPH derived type's column (Animals.Breed).
    /// </summary>
    public class HistoryTests
    {
        public static readonly TheoryData<string> Histories = new TheoryData<string> { "ef10-sqlite", "ef10-sqlserver", "ef9-postgres", "ef8-sqlserver" };

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Reports_exactly_the_drops_made_in_the_release_that_removes_the_property(string history)
        {
            var diagnostics = await HistoryProject.Load(history).AnalyzeAsync();

            Assert.Equal(
                new[]
                {
                    "RemoveBreed.cs(13,13): BG0001 Animals.Breed",
                    "RemoveEmail.cs(13,13): BG0001 Customers.email_address",
                    "RemoveHomeCity.cs(13,13): BG0001 Customers.Home_City",
                    "RemovePhone.cs(13,13): BG0001 Customers.Phone",
                },
                diagnostics.Select(HistoryProject.Describe).OrderBy(line => line, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("ef10-sqlserver")]
        [InlineData("rules-ef10-sqlserver")]
        public async Task Once_the_declarations_are_known_only_rules_with_something_to_report_are_called_back_for_every_tree(string history)
        {
            var project = HistoryProject.Load(history);
            var (cold, first) = await project.AnalyzeWithTelemetryAsync();
            var (again, second) = await project.AnalyzeWithTelemetryAsync();

            Assert.Equal(cold.Select(HistoryProject.Describe).OrderBy(line => line), again.Select(HistoryProject.Describe).OrderBy(line => line));
            // The rules with diagnostics in the analysis are those the driver reports here: these histories suppress none
            // (no #pragma, no rule set to none), and the rules off by default report nothing in them.
            var reporting = second.Keys
                .Where(analyzer => again.Any(diagnostic => diagnostic.Location.IsInSource && analyzer.SupportedDiagnostics.Any(descriptor => descriptor.Id == diagnostic.Id)))
                .ToList();
            Assert.NotEmpty(reporting);
            Assert.NotEqual(second.Count, reporting.Count);
            foreach (var analyzer in second.Keys)
            {
                // The driver starts only analyzers with a rule on (a rule off by default is off here). The first compilation is
                // analyzed at its first tree (a rule the driver starts after that may already take the path below); the next,
                // of the same declarations, up front, and only the rules it has diagnostics for ask for every tree.
                var on = analyzer.SupportedDiagnostics.Any(descriptor => descriptor.IsEnabledByDefault);
                Assert.True(first[analyzer].CompilationStartActionsCount == (on ? 1 : 0), analyzer.GetType().Name);
                Assert.True(second[analyzer].CompilationStartActionsCount == (on ? 1 : 0), analyzer.GetType().Name);
                Assert.True(second[analyzer].SemanticModelActionsCount == (reporting.Contains(analyzer) ? 1 : 0), analyzer.GetType().Name);
            }
        }

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task The_split_fix_leaves_a_history_that_compiles_and_is_safe(string history)
        {
            var fixedHistory = await HistoryProject.Load(history).FixAllAsync(new SplitDropColumnCodeFixProvider());

            Assert.Empty(await fixedHistory.AnalyzeAsync());
            var removePhone = (await fixedHistory.Document("_RemovePhone.cs").GetTextAsync()).ToString().Replace("\r\n", "\n");

            // Phone, NOT NULL, stays so with a default (the running version reads it as required; NULL would not do).
            Assert.DoesNotContain("DropColumn", removePhone);
            Assert.DoesNotContain("nullable: true", removePhone);
            Assert.Contains("nullable: false,\n                defaultValue: \"\",", removePhone);
            Assert.Contains("oldDefaultValue: \"\");", removePhone);
            var removeEmail = (await fixedHistory.Document("_RemoveEmail.cs").GetTextAsync()).ToString();
            Assert.DoesNotContain("migrationBuilder.", removeEmail);
        }

        [Fact]
        public async Task The_split_fix_writes_what_a_careful_developer_would_on_EF_10_SQLite()
        {
            var project = HistoryProject.Load("ef10-sqlite");
            var fixedHistory = await project.FixAllAsync(new SplitDropColumnCodeFixProvider());

            // Phone is NOT NULL without default: kept so, with a database default for the new version's inserts; Down removes
            // the default.
            Assert.Equal(
                """
                using Microsoft.EntityFrameworkCore.Migrations;

                #nullable disable

                namespace Fixtures.Migrations
                {
                    /// <inheritdoc />
                    public partial class RemovePhone : Migration
                    {
                        /// <inheritdoc />
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

                        /// <inheritdoc />
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

                """.Replace("\r\n", "\n"),
                (await fixedHistory.Document("_RemovePhone.cs").GetTextAsync()).ToString());

            // That AlterColumn makes SQLite rebuild Customers from the designer: the designer keeps Phone, with the default,
            // marked as kept in the database only, between the properties EF lists around it.
            Assert.Contains(
                string.Join("\n", new[]
                {
                    "                    b.Property<string>(\"Name\")",
                    "                        .IsRequired()",
                    "                        .HasColumnType(\"TEXT\");",
                    string.Empty,
                    "                    b.Property<string>(\"Phone\")",
                    "                        .IsRequired()",
                    "                        .HasColumnType(\"TEXT\")",
                    "                        .HasDefaultValue(\"\")",
                    "                        .HasAnnotation(\"BlueGreen:KeptInDatabase\", true);",
                    string.Empty,
                    "                    b.HasKey(\"Id\");",
                }),
                (await fixedHistory.Document("_RemovePhone.Designer.cs").GetTextAsync()).ToString().Replace("\r\n", "\n"));

            // Home_City is nullable: the migration keeps only the model removal, as the hand-split RemoveFaxFromModel
            // does (where EF leaves a blank line in an empty body, the fix leaves none).
            var removeFaxFromModel = (await project.Document("_RemoveFaxFromModel.cs").GetTextAsync()).ToString();
            var removeHomeCity = (await fixedHistory.Document("_RemoveHomeCity.cs").GetTextAsync()).ToString();
            Assert.Equal(removeFaxFromModel.Replace("RemoveFaxFromModel", "RemoveHomeCity").Replace("{\n\n        }", "{\n        }"), removeHomeCity);
        }
    }
}
