using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// The release manifest: what it marks shipped, the contract phase it enables (BG0100 and its generated
    /// drop migration), baselining, fingerprints (BG0010) and its own problems (BG09xx).
    /// </summary>
    public class ReleaseTests
    {
        private const string Initial = "20240101000000_Initial";
        private const string RemoveFaxFromModel = "20240201000000_RemoveFaxFromModel";
        private static readonly string WithoutFax = ShopHistory.Customer("Name", "Phone", "Points");

        // What the BG0100 fix writes for Customers.Fax (clock set to 2024-03-01 12:00 UTC).
        private static readonly string DropMigration = """
                using Microsoft.EntityFrameworkCore.Migrations;

                #nullable disable

                namespace App.Migrations
                {
                    /// <inheritdoc />
                    public partial class DropCustomersFax : Migration
                    {
                        /// <inheritdoc />
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.DropColumn(
                                name: "Fax",
                                table: "Customers");
                        }

                        /// <inheritdoc />
                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.AddColumn<string>(
                                name: "Fax",
                                table: "Customers",
                                type: "TEXT",
                                nullable: true);
                        }
                    }
                }

                """.Replace("\r\n", "\n");

        /// <summary>The drop migration's fix with the clock at a known time: new ids are <c>20240301120000_...</c>.</summary>
        private static AddDropMigrationCodeFixProvider DropMigrationFix() => new AddDropMigrationCodeFixProvider(() => new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc));

        private static string[] TwoStep(string dropFaxUp) => new[]
        {
            Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
            Sources.Designer("RemoveFaxFromModel", RemoveFaxFromModel, WithoutFax),
            Sources.Migration("DropFax", dropFaxUp, string.Empty),
            Sources.Designer("DropFax", "20240301000000_DropFax", WithoutFax),
            Sources.Snapshot(WithoutFax),
        };

        private static Test<TAnalyzer, EmptyCodeFixProvider> Analyze<TAnalyzer>(string manifest, params string[] sources)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            var test = ShopHistory.Create<TAnalyzer, EmptyCodeFixProvider>(sources);
            test.TestState.AdditionalFiles.Add(("ShippedMigrations.md", manifest));
            return test;
        }

        [Fact]
        public async Task Migrations_after_the_last_listed_id_form_one_release_judged_against_its_model()
        {
            // Only Initial shipped: the model-only removal and the drop are in the same upcoming release.
            var test = Analyze<DropColumnAnalyzer>("## 1.0\n- " + Initial + "\n", TwoStep("{|#0:migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\")|};"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0).WithArguments("20240301000000_DropFax", "Fax", "Customers", Initial));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task A_shipped_model_only_removal_makes_the_drop_safe_and_shipped_migrations_are_not_judged()
        {
            await Analyze<DropColumnAnalyzer>("# deployed\n\n## 1.0\n" + Initial + "\n## 1.1\n- " + RemoveFaxFromModel + "\n", TwoStep("migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\");"))
                .RunAsync(CancellationToken.None);

            // A drop made in a migration that has shipped is history.
            await Analyze<DropColumnAnalyzer>(
                "- 20240201000000_RemoveFax\n",
                Sources.Migration("RemoveFax", "migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\");", string.Empty),
                Sources.Designer("RemoveFax", "20240201000000_RemoveFax", WithoutFax)).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0100_offers_the_drop_once_the_model_only_removal_shipped_and_the_fix_adds_the_migration()
        {
            const string context = """
                using Microsoft.EntityFrameworkCore;

                namespace App
                {
                    public class {|#0:ShopContext|} : DbContext
                    {
                    }
                }
                """;
            var test = new Test<ReadyToDropAnalyzer, AddDropMigrationCodeFixProvider> { CodeFix = DropMigrationFix };
            foreach (var source in new[]
            {
                context,
                Sources.Migration("Initial", ShopHistory.InitialUp, ShopHistory.InitialDown),
                ShopHistory.InitialDesigner,
                Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxFromModel", RemoveFaxFromModel, WithoutFax),
                Sources.Snapshot(WithoutFax),
            })
            {
                test.TestState.Sources.Add(source);
            }

            test.TestState.AdditionalFiles.Add(("ShippedMigrations.md", "- " + RemoveFaxFromModel + "\n"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ReadyToDrop).WithLocation(0).WithArguments("Column", "Customers.Fax", RemoveFaxFromModel, "; no running version uses it, so it can be dropped now"));

            // The fixed project: everything as it was, plus the two new files; the column is gone, so is BG0100.
            test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
            test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
            foreach (var source in test.TestState.Sources)
            {
                test.FixedState.Sources.Add((source.filename, source.content.ToString().Replace("{|#0:ShopContext|}", "ShopContext")));
            }

            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            test.FixedState.Sources.Add(("/0/20240301120000_DropCustomersFax.cs", DropMigration));
            test.FixedState.Sources.Add(("/0/20240301120000_DropCustomersFax.Designer.cs", DropDesigner()));
            await test.RunAsync(CancellationToken.None);
        }

        // The generated designer: the snapshot's usings (plus Migrations) and its model, as BuildTargetModel.
        private static string DropDesigner()
        {
            var snapshot = Sources.Snapshot(WithoutFax).Replace("\r\n", "\n");
            var body = snapshot.Substring(snapshot.IndexOf("{\n#pragma", StringComparison.Ordinal) + 2);
            body = body.Substring(0, body.IndexOf("#pragma warning restore 612, 618\n", StringComparison.Ordinal) + "#pragma warning restore 612, 618\n".Length);
            return "// <auto-generated />\n"
                + "using App;\nusing Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Infrastructure;\nusing Microsoft.EntityFrameworkCore.Migrations;\nusing Microsoft.EntityFrameworkCore.Storage.ValueConversion;\n\n"
                + "#nullable disable\n\nnamespace App.Migrations\n{\n"
                + "    [DbContext(typeof(App.ShopContext))]\n    [Migration(\"20240301120000_DropCustomersFax\")]\n    partial class DropCustomersFax\n    {\n"
                + "        /// <inheritdoc />\n        protected override void BuildTargetModel(ModelBuilder modelBuilder)\n        {\n"
                + body + "        }\n    }\n}\n";
        }

        [Fact]
        public async Task The_generated_drop_migration_reads_back_as_a_proper_second_step()
        {
            // The removal shipped, the generated drop is the upcoming release: no rule objects, nothing left to drop.
            var sources = new[]
            {
                Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxFromModel", RemoveFaxFromModel, WithoutFax),
                DropMigration,
                DropDesigner(),
                Sources.Snapshot(WithoutFax),
            };
            foreach (var analyzer in new Func<Task>[]
            {
                () => Analyze<DropColumnAnalyzer>("- " + RemoveFaxFromModel + "\n", sources).RunAsync(CancellationToken.None),
                () => Analyze<ReadyToDropAnalyzer>("- " + RemoveFaxFromModel + "\n", sources).RunAsync(CancellationToken.None),
                () => Analyze<RequiredColumnLeftBehindAnalyzer>("- " + RemoveFaxFromModel + "\n", sources).RunAsync(CancellationToken.None),
            })
            {
                await analyzer();
            }
        }

        [Fact]
        public async Task Each_DbContext_has_its_own_releases()
        {
            // The manifest lists Shop's RemoveFax (shipped, not judged); Billing's history is not listed and stays
            // in the default mode, where its drop in the same migration as the model removal is reported.
            const string billing = """
                using Microsoft.EntityFrameworkCore;
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Billing
                {
                    public class BillingContext : DbContext
                    {
                    }

                    [DbContext(typeof(BillingContext))]
                    [Migration("20240101000000_Initial")]
                    public class Initial : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.CreateTable(name: "Invoices", columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false), Note = table.Column<string>(type: "TEXT", nullable: true) });
                        }

                        protected override void BuildTargetModel(ModelBuilder modelBuilder)
                        {
                            modelBuilder.Entity("App.Billing.Invoice", b =>
                                {
                                    b.Property<int>("Id");
                                    b.Property<string>("Note");
                                    b.ToTable("Invoices");
                                });
                        }
                    }

                    [DbContext(typeof(BillingContext))]
                    [Migration("20240201000000_RemoveNote")]
                    public class RemoveNote : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            {|#0:migrationBuilder.DropColumn(name: "Note", table: "Invoices")|};
                        }

                        protected override void BuildTargetModel(ModelBuilder modelBuilder)
                        {
                            modelBuilder.Entity("App.Billing.Invoice", b =>
                                {
                                    b.Property<int>("Id");
                                    b.ToTable("Invoices");
                                });
                        }
                    }
                }
                """;
            var test = Analyze<DropColumnAnalyzer>(
                "- 20240201000000_RemoveFax\n",
                billing,
                Sources.Migration("RemoveFax", "migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\");", string.Empty),
                Sources.Designer("RemoveFax", "20240201000000_RemoveFax", WithoutFax));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0).WithArguments("20240201000000_RemoveNote", "Note", "Invoices", Initial));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0100_needs_a_manifest()
        {
            // Without one, nothing says the removal has been deployed: no drop is offered.
            await ShopHistory.Create<ReadyToDropAnalyzer, EmptyCodeFixProvider>(
                Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxFromModel", RemoveFaxFromModel, WithoutFax),
                Sources.Migration("Later", string.Empty, string.Empty),
                Sources.Designer("Later", "20240301000000_Later", WithoutFax),
                Sources.Snapshot(WithoutFax)).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Manifest_problems_are_reported_at_their_lines_and_the_rest_still_counts()
        {
            var test = Analyze<ManifestAnalyzer>(
                """
                # Deployed migrations
                ## 1.0
                - 20240101000000_Initial
                {|#0:this line is not an id|}
                - {|#1:20240101000000_Initail|}
                - {|#2:20240101000000_Initial|}

                ## 1.1
                - 20240301000000_Third
                - {|#3:20240201000000_Second|}
                """,
                Sources.Migration("Second", string.Empty, string.Empty),
                Sources.Designer("Second", "20240201000000_Second", WithoutFax),
                Sources.Migration("Third", string.Empty, string.Empty),
                Sources.Designer("Third", "20240301000000_Third", WithoutFax));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ManifestLine).WithLocation(0).WithArguments(4, "ShippedMigrations.md"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ManifestUnknownId).WithLocation(1).WithArguments("ShippedMigrations.md", "20240101000000_Initail"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ManifestDuplicateId).WithLocation(2).WithArguments("ShippedMigrations.md", "20240101000000_Initial", 3));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ManifestOutOfOrder).WithLocation(3).WithArguments("ShippedMigrations.md", "20240201000000_Second", "20240301000000_Third"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Two_migrations_with_one_id_are_reported()
        {
            var test = ShopHistory.Create<DuplicateMigrationIdAnalyzer, EmptyCodeFixProvider>(
                """
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    [DbContext(typeof(App.ShopContext))]
                    [Migration("20240101000000_Initial")]
                    public class InitialCopy : Migration
                    {
                        protected override void {|#0:Up|}(MigrationBuilder migrationBuilder)
                        {
                        }
                    }
                }
                """);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DuplicateMigrationId).WithLocation(0).WithArguments("InitialCopy", "Initial"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Baselining_writes_the_manifest_with_a_fingerprint_and_BG0010_notices_later_edits()
        {
            var removeFax = Sources.Migration("RemoveFax", "{|#0:migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\")|};", string.Empty);
            var designer = Sources.Designer("RemoveFax", "20240201000000_RemoveFax", WithoutFax);
            var fingerprint = FingerprintOf("20240201000000_RemoveFax", removeFax.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), designer);
            Assert.StartsWith("sha256:", fingerprint, StringComparison.Ordinal);

            var test = ShopHistory.Create<DropColumnAnalyzer, MarkShippedCodeFixProvider>(removeFax, designer);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0).WithArguments("20240201000000_RemoveFax", "Fax", "Customers", Initial));
            test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
            test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
            test.FixedState.MarkupHandling = MarkupMode.Ignore;
            foreach (var source in test.TestState.Sources)
            {
                test.FixedState.Sources.Add(source);
            }

            test.FixedState.AdditionalFiles.Add(("ShippedMigrations.md", $"""
                # Migrations deployed to production, release by release. Listing an id marks it and every earlier
                # migration of its DbContext as shipped (see BlueGreen.Analyzers' README).

                ## Baseline
                - 20240201000000_RemoveFax {fingerprint}

                """.Replace("\r\n", "\n")));
            await test.RunAsync(CancellationToken.None);

            // An edit of the operations after shipping (not of their formatting) is BG0010.
            var edited = ShopHistory.Create<ChangedAfterShippingAnalyzer, EmptyCodeFixProvider>(
                Sources.Migration("RemoveFax", "migrationBuilder.DropColumn(name: \"Phone\", table: \"Customers\");", string.Empty).Replace("void Up", "void {|#0:Up|}"),
                designer);
            edited.TestState.AdditionalFiles.Add(("ShippedMigrations.md", $"- 20240201000000_RemoveFax {fingerprint}\n"));
            edited.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ChangedAfterShipping).WithLocation(0).WithArguments("20240201000000_RemoveFax", "ShippedMigrations.md", 1));
            await edited.RunAsync(CancellationToken.None);

            var reformatted = ShopHistory.Create<ChangedAfterShippingAnalyzer, EmptyCodeFixProvider>(
                Sources.Migration("RemoveFax", "migrationBuilder.DropColumn(\n    name: \"Fax\",   // a comment\n    table: \"Customers\");", string.Empty),
                designer);
            reformatted.TestState.AdditionalFiles.Add(("ShippedMigrations.md", $"- 20240201000000_RemoveFax {fingerprint}\n"));
            await reformatted.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Baselining_writes_the_manifest_the_analyzer_reads_when_the_project_names_another_file_as_its_manifest()
        {
            // <AdditionalFiles Include="Deployments.md" BlueGreenManifest="true" />: the fix must not add a second manifest.
            var removeFax = Sources.Migration("RemoveFax", "{|#0:migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\")|};", string.Empty);
            var designer = Sources.Designer("RemoveFax", "20240201000000_RemoveFax", WithoutFax);
            var fingerprint = FingerprintOf("20240201000000_RemoveFax", removeFax.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), designer);
            const string globalConfig = "is_global = true\n\n[/0/Deployments.md]\nbuild_metadata.AdditionalFiles.BlueGreenManifest = true\n";

            var test = ShopHistory.Create<DropColumnAnalyzer, MarkShippedCodeFixProvider>(removeFax, designer);
            test.TestState.AdditionalFiles.Add(("/0/Deployments.md", "# What production runs\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0).WithArguments("20240201000000_RemoveFax", "Fax", "Customers", Initial));
            test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
            test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
            test.FixedState.MarkupHandling = MarkupMode.Ignore;
            test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
            foreach (var source in test.TestState.Sources)
            {
                test.FixedState.Sources.Add(source);
            }

            test.FixedState.AdditionalFiles.Add(("/0/Deployments.md", $"# What production runs\n- 20240201000000_RemoveFax {fingerprint}\n"));
            await test.RunAsync(CancellationToken.None);
        }

        private static string FingerprintOf(string id, params string[] sources)
        {
            var all = sources.Concat(new[] { Sources.Context, Sources.Migration("Initial", ShopHistory.InitialUp, ShopHistory.InitialDown), ShopHistory.InitialDesigner });
            var compilation = CSharpCompilation.Create("F", all.Select(source => CSharpSyntaxTree.ParseText(source)), TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var migration = HistoryBuilder.Build(compilation, CancellationToken.None).SelectMany(history => history.Migrations).Single(candidate => candidate.Id == id);
            return Fingerprint.Of(migration);
        }
    }
}
