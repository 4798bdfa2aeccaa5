using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// A history made on two branches and merged (tests/HistoryGenerator/scenario-merge, EF's scaffolder): branch B's
    /// designers lack the Tags table branch A added, yet the release that shipped before RenameTagLabel had both branches
    /// and maps Tags. Its drop and rename of Tags' columns break that release.
    /// </summary>
    public class MergedHistoryTests
    {
        [Theory]
        [InlineData("merge-ef10-sqlite")]
        [InlineData("merge-ef10-postgres")]
        public async Task A_table_another_branch_added_counts_as_mapped_by_the_merged_release(string history)
        {
            Assert.Equal(
                new[]
                {
                    "RenameTagLabel.cs(13,13): BG0001 Tags.Color",
                    "RenameTagLabel.cs(17,13): BG0002 Tags.Name",
                },
                await CorpusHistory.Get(history).DescribedDiagnosticsAsync());
        }

        [Fact]
        public void Tables_merged_in_from_another_branch_are_judged_in_the_order_the_database_lists_them()
        {
            // b.Foo created before a.FOO; the branch designer in between maps neither; M2's raw SQL drops "Foo", which may
            // denote either (names are matched as the database would): one finding per table, in the database's order,
            // whatever order the designers configure the tables in.
            static string Entity(string name, string table, string schema) =>
                $"modelBuilder.Entity(\"{name}\", b => {{ b.Property<int>(\"Id\"); b.HasKey(\"Id\"); b.ToTable(\"{table}\", \"{schema}\"); }});";
            var tree = CSharpSyntaxTree.ParseText($$"""
                class M0 { void Up(MigrationBuilder migrationBuilder) {
                  migrationBuilder.CreateTable(name: "Foo", schema: "b", columns: table => new { Id = table.Column<int>(nullable: false) });
                  migrationBuilder.CreateTable(name: "FOO", schema: "a", columns: table => new { Id = table.Column<int>(nullable: false) });
                } }
                class D0 { void BuildTargetModel(ModelBuilder modelBuilder) {
                  {{Entity("N.A", "FOO", "a")}}
                  {{Entity("N.B", "Foo", "b")}}
                } }
                class M1 { void Up(MigrationBuilder migrationBuilder) {
                  migrationBuilder.CreateTable(name: "Other", schema: "a", columns: table => new { Id = table.Column<int>(nullable: false) });
                } }
                class D1 { void BuildTargetModel(ModelBuilder modelBuilder) {
                  {{Entity("N.O", "Other", "a")}}
                } }
                class M2 { void Up(MigrationBuilder migrationBuilder) {
                  migrationBuilder.Sql("DROP TABLE Foo;");
                } }
                class D2 { void BuildTargetModel(ModelBuilder modelBuilder) {
                  {{Entity("N.A", "FOO", "a")}}
                  {{Entity("N.B", "Foo", "b")}}
                  {{Entity("N.O", "Other", "a")}}
                } }
                """);
            var compilation = CSharpCompilation.Create("Merged", new[] { tree });
            MethodDeclarationSyntax Method(string type) =>
                tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(declaration => declaration.Identifier.ValueText == type).Members.OfType<MethodDeclarationSyntax>().Single();
            var migrations = new List<MigrationEntry>();
            for (var index = 0; index < 3; index++)
            {
                migrations.Add(new MigrationEntry("2020000000000" + index + "_M" + index, compilation, "M" + index, Method("M" + index), null, Method("D" + index), null));
            }

            var findings = CompatibilityChecker.Check(new MigrationHistory(() => null!, migrations, null), ReleasePlan.Default, null, CancellationToken.None);

            Assert.Equal(new[] { "b.Foo", "a.FOO" }, findings.OfType<RawSqlBreak>().Select(finding => finding.What));
        }
    }
}
