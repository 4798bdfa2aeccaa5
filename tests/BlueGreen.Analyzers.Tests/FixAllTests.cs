using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// Every fix provider is exported for the IDE and for dotnet format, and its Fix All makes the same edits as fixing
    /// each diagnostic in turn (BatchFixedState), where one document holds several of its diagnostics.
    /// (Split: DropColumnTests; each fix on real histories, single and Fix All, judged by real databases: BlueGreen.Analyzers.Truth.)
    /// </summary>
    public class FixAllTests
    {
        private const string SecondId = "20240201000000_Second";

        [Fact]
        public void Every_fix_provider_is_exported_shared_and_has_a_fix_all()
        {
            var providers = typeof(SplitDropColumnCodeFixProvider).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
                .ToList();
            Assert.True(providers.Count >= 8, string.Join(", ", providers.Select(type => type.Name)));
            foreach (var type in providers)
            {
                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                Assert.True(export is not null && export.Languages.Contains(LanguageNames.CSharp), type.Name + " is not exported for C#");
                Assert.True(type.GetCustomAttribute<System.Composition.SharedAttribute>() is not null, type.Name + " is not [Shared]");
                var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
                Assert.NotNull(provider.GetFixAllProvider());
                Assert.NotEmpty(provider.FixableDiagnosticIds);
            }
        }

        [Fact]
        public async Task BG0003_keeps_every_dropped_table()
        {
            var orders = "migrationBuilder.CreateTable(name: \"Orders\", columns: table => new { Id = table.Column<int>(type: \"INTEGER\", nullable: false) });";
            var both = ShopHistory.Customer("Fax", "Name", "Phone", "Points") + "\n" + """
                modelBuilder.Entity("App.Order", b =>
                    {
                        b.Property<int>("Id")
                            .HasColumnType("INTEGER");

                        b.HasKey("Id");

                        b.ToTable("Orders");
                    });
                """;
            var test = ShopHistory.Create<DropTableAnalyzer, KeepTableCodeFixProvider>(
                Sources.Migration("AddOrders", orders, string.Empty),
                Sources.Designer("AddOrders", "20240115000000_AddOrders", both),
                Sources.Migration("Second", "{|#0:migrationBuilder.DropTable(name: \"Customers\")|};\n\n{|#1:migrationBuilder.DropTable(name: \"Orders\")|};", string.Empty),
                Sources.Designer("Second", SecondId, string.Empty));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropTable).WithLocation(0).WithArguments(SecondId, "Customers", "20240115000000_AddOrders"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropTable).WithLocation(1).WithArguments(SecondId, "Orders", "20240115000000_AddOrders"));
            ShopHistory.Fixed(
                test,
                Sources.Migration("AddOrders", orders, string.Empty),
                Sources.Designer("AddOrders", "20240115000000_AddOrders", both),
                Sources.Migration("Second", string.Empty, string.Empty),
                Sources.Designer("Second", SecondId, string.Empty));
            test.BatchFixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
            foreach (var source in test.FixedState.Sources)
            {
                test.BatchFixedState.Sources.Add(source);
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0005_adds_a_default_to_every_required_column_added()
        {
            var model = ShopHistory.Customer("A", "B", "Fax", "Name", "Phone", "Points");
            var test = ShopHistory.Create<AddRequiredColumnAnalyzer, AddRequiredColumnCodeFixProvider>(
                Sources.Migration(
                    "Second",
                    "{|#0:migrationBuilder.AddColumn<int>(name: \"A\", table: \"Customers\", type: \"INTEGER\", nullable: false)|};\n\n{|#1:migrationBuilder.AddColumn<string>(name: \"B\", table: \"Customers\", type: \"TEXT\", nullable: false)|};",
                    string.Empty),
                Sources.Designer("Second", SecondId, model));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.AddRequiredColumn).WithLocation(0).WithArguments(SecondId, "A", "Customers", "as NOT NULL without a default", "20240101000000_Initial", "those inserts fail", "give it a default value or make it nullable"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.AddRequiredColumn).WithLocation(1).WithArguments(SecondId, "B", "Customers", "as NOT NULL without a default", "20240101000000_Initial", "those inserts fail", "give it a default value or make it nullable"));
            test.CodeActionEquivalenceKey = AddRequiredColumnCodeFixProvider.AddDefaultKey;
            var fixedSecond = Sources.Migration(
                "Second",
                "migrationBuilder.AddColumn<int>(name: \"A\", table: \"Customers\", type: \"INTEGER\", nullable: false, defaultValue: 0);\n\nmigrationBuilder.AddColumn<string>(name: \"B\", table: \"Customers\", type: \"TEXT\", nullable: false, defaultValue: \"\");",
                string.Empty);
            ShopHistory.Fixed(test, fixedSecond, Sources.Designer("Second", SecondId, model));
            foreach (var source in test.FixedState.Sources)
            {
                test.BatchFixedState.Sources.Add(source);
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0007_gives_every_required_column_left_behind_a_default_and_keeps_each_in_the_designer_on_SQLite()
        {
            // Name and Phone are NOT NULL without default in the initial migration; the second migration's model maps neither.
            var without = ShopHistory.Customer("Fax", "Points");
            var test = ShopHistory.Create<RequiredColumnLeftBehindAnalyzer, KeepColumnCodeFixProvider>(
                Sources.Migration("Second", string.Empty, string.Empty).Replace("void Up", "void {|#0:Up|}").Replace("{|#0:Up|}", "{|#0:Up|}"),
                Sources.Designer("Second", SecondId, without),
                Sources.Snapshot(without));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RequiredColumnLeftBehind).WithLocation(0).WithArguments(SecondId, "Name", "Customers"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.RequiredColumnLeftBehind).WithLocation(0).WithArguments(SecondId, "Phone", "Customers"));
            string Alter(string column, bool up) => up
                ? $"migrationBuilder.AlterColumn<string>(\n    name: \"{column}\",\n    table: \"Customers\",\n    type: \"TEXT\",\n    nullable: false,\n    defaultValue: \"\",\n    oldClrType: typeof(string),\n    oldType: \"TEXT\");"
                : $"migrationBuilder.AlterColumn<string>(\n    name: \"{column}\",\n    table: \"Customers\",\n    type: \"TEXT\",\n    nullable: false,\n    oldClrType: typeof(string),\n    oldType: \"TEXT\",\n    oldDefaultValue: \"\");";
            var kept = Sources.Designer("Second", SecondId, ShopHistory.CustomerKeeping(new[] { ("Name", (string?)"\"\""), ("Phone", "\"\"") }, "Fax", "Points"));

            // One at a time: Name's fix comes first, and its AlterColumn makes SQLite rebuild Customers from a designer that
            // keeps Name but not Phone: the rebuild drops Phone, so BG0007 has nothing left to fix (BG0009 reports the loss).
            // Fix All keeps both.
            ShopHistory.Fixed(
                test,
                Sources.Migration("Second", Alter("Name", true), Alter("Name", false)),
                Sources.Designer("Second", SecondId, ShopHistory.CustomerKeeping(new[] { ("Name", (string?)"\"\"") }, "Fax", "Points")),
                Sources.Snapshot(without));
            test.BatchFixedState.Sources.Add(Sources.Context);
            test.BatchFixedState.Sources.Add(Sources.Migration("Initial", ShopHistory.InitialUp, ShopHistory.InitialDown));
            test.BatchFixedState.Sources.Add(ShopHistory.InitialDesigner);
            test.BatchFixedState.Sources.Add(Sources.Migration("Second", Alter("Name", true) + "\n\n" + Alter("Phone", true), Alter("Phone", false) + "\n\n" + Alter("Name", false)));
            test.BatchFixedState.Sources.Add(kept);
            test.BatchFixedState.Sources.Add(Sources.Snapshot(without));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
