using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = BlueGreen.Analyzers.Tests.Infrastructure.Test<BlueGreen.Analyzers.Rules.DropColumnAnalyzer, BlueGreen.Analyzers.CodeFixes.SplitDropColumnCodeFixProvider>;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>BG0001 and its split fix on small hand-written states (EF's real output: <see cref="HistoryTests"/>).</summary>
    public class DropColumnTests
    {
        private const string AddFaxDown = """
            migrationBuilder.AddColumn<string>(
                name: "Fax",
                table: "Customers",
                type: "TEXT",
                nullable: true);
            """;

        private const string DropFaxUp = """
            {|#0:migrationBuilder.DropColumn(
                name: "Fax",
                table: "Customers")|};
            """;

        private static Test History(params string[] sources) => ShopHistory.Create<DropColumnAnalyzer, SplitDropColumnCodeFixProvider>(sources);

        private static DiagnosticResult Bg0001(int location, string column, string migration, string shipped = "20240101000000_Initial") =>
            new DiagnosticResult(Descriptors.DropColumn).WithLocation(location).WithArguments(migration, column, "Customers", shipped);

        [Fact]
        public async Task Drop_in_the_release_that_removes_the_property_is_reported_and_split()
        {
            var removeFax = Sources.Designer("RemoveFax", "20240201000000_RemoveFax", ShopHistory.Customer("Name", "Phone", "Points"));
            var test = History(Sources.Migration("RemoveFax", DropFaxUp, AddFaxDown), removeFax);
            test.TestState.ExpectedDiagnostics.Add(Bg0001(0, "Fax", "20240201000000_RemoveFax"));
            ShopHistory.Fixed(test, Sources.Migration("RemoveFax", string.Empty, string.Empty), removeFax);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Two_step_removal_is_not_reported()
        {
            // Release N removed Fax from the model only; release N+1 drops it.
            await History(
                Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxFromModel", "20240201000000_RemoveFaxFromModel", ShopHistory.Customer("Name", "Phone", "Points")),
                Sources.Migration("DropFax", "migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\");", AddFaxDown),
                Sources.Designer("DropFax", "20240301000000_DropFax", ShopHistory.Customer("Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Drop_of_a_column_the_running_version_only_keeps_in_the_database_is_not_reported()
        {
            // Release N no longer maps Fax but its designer keeps the column (SQLite rebuilds tables from it); N+1 drops it.
            var keptFax = ShopHistory.Customer("Fax", "Name", "Phone", "Points")
                .Replace("b.Property<string>(\"Fax\")", "b.Property<string>(\"Fax\")\n                .HasAnnotation(\"BlueGreen:KeptInDatabase\", true)");
            await History(
                Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxFromModel", "20240201000000_RemoveFaxFromModel", keptFax),
                Sources.Migration("DropFax", "migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\");", AddFaxDown),
                Sources.Designer("DropFax", "20240301000000_DropFax", ShopHistory.Customer("Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Drop_in_Down_is_not_reported()
        {
            await History(
                Sources.Migration(
                    "AddNotes",
                    "migrationBuilder.AddColumn<string>(name: \"Notes\", table: \"Customers\", type: \"TEXT\", nullable: true);",
                    "migrationBuilder.DropColumn(name: \"Notes\", table: \"Customers\");"),
                Sources.Designer("AddNotes", "20240201000000_AddNotes", ShopHistory.Customer("Fax", "Name", "Notes", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Not_null_column_without_default_gets_a_database_default_and_stays_in_the_designer_on_SQLite()
        {
            var removePhone = Sources.Designer("RemovePhone", "20240201000000_RemovePhone", ShopHistory.Customer("Fax", "Name", "Points"));
            var test = History(
                Sources.Migration(
                    "RemovePhone",
                    """
                    {|#0:migrationBuilder.DropColumn(
                        name: "Phone",
                        table: "Customers")|};
                    """,
                    """
                    migrationBuilder.AddColumn<string>(
                        name: "Phone",
                        table: "Customers",
                        type: "TEXT",
                        nullable: false,
                        defaultValue: "");
                    """),
                removePhone);
            test.TestState.ExpectedDiagnostics.Add(Bg0001(0, "Phone", "20240201000000_RemovePhone"));

            // NOT NULL stays (the running version reads it as required): a default takes the new version's inserts. The
            // AlterColumn makes SQLite rebuild Customers from the designer, which therefore keeps Phone, with that default.
            ShopHistory.Fixed(
                test,
                Sources.Migration(
                    "RemovePhone",
                    """
                    migrationBuilder.AlterColumn<string>(
                        name: "Phone",
                        table: "Customers",
                        type: "TEXT",
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "TEXT");
                    """,
                    """
                    migrationBuilder.AlterColumn<string>(
                        name: "Phone",
                        table: "Customers",
                        type: "TEXT",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldDefaultValue: "");
                    """),
                Sources.Designer("RemovePhone", "20240201000000_RemovePhone", ShopHistory.CustomerKeeping(new[] { ("Phone", (string?)"\"\"") }, "Fax", "Name", "Points")));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Not_null_column_with_a_default_is_only_kept()
        {
            var removePoints = Sources.Designer("RemovePoints", "20240201000000_RemovePoints", ShopHistory.Customer("Fax", "Name", "Phone"));
            var test = History(
                Sources.Migration(
                    "RemovePoints",
                    "{|#0:migrationBuilder.DropColumn(name: \"Points\", table: \"Customers\")|};",
                    "migrationBuilder.AddColumn<int>(name: \"Points\", table: \"Customers\", type: \"INTEGER\", nullable: false, defaultValue: 0);"),
                removePoints);
            test.TestState.ExpectedDiagnostics.Add(Bg0001(0, "Points", "20240201000000_RemovePoints"));
            ShopHistory.Fixed(test, Sources.Migration("RemovePoints", string.Empty, string.Empty), removePoints);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Fix_all_splits_every_drop_in_document_project_and_solution()
        {
            // Two drops in one migration, one in the next: the framework checks Fix All in each scope.
            var removeBoth = Sources.Designer("RemoveFaxAndPoints", "20240201000000_RemoveFaxAndPoints", ShopHistory.Customer("Name", "Phone"));
            var removePhone = Sources.Designer("RemovePhone", "20240301000000_RemovePhone", ShopHistory.Customer("Name"));
            var test = History(
                Sources.Migration(
                    "RemoveFaxAndPoints",
                    """
                    {|#0:migrationBuilder.DropColumn(
                        name: "Fax",
                        table: "Customers")|};

                    {|#1:migrationBuilder.DropColumn(
                        name: "Points",
                        table: "Customers")|};
                    """,
                    """
                    migrationBuilder.AddColumn<string>(
                        name: "Fax",
                        table: "Customers",
                        type: "TEXT",
                        nullable: true);

                    migrationBuilder.AddColumn<int>(
                        name: "Points",
                        table: "Customers",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0);
                    """),
                removeBoth,
                Sources.Migration(
                    "RemovePhone",
                    "{|#2:migrationBuilder.DropColumn(name: \"Phone\", table: \"Customers\")|};",
                    "migrationBuilder.AddColumn<string>(name: \"Phone\", table: \"Customers\", type: \"TEXT\", nullable: false, defaultValue: \"\");"),
                removePhone);
            test.TestState.ExpectedDiagnostics.Add(Bg0001(0, "Fax", "20240201000000_RemoveFaxAndPoints"));
            test.TestState.ExpectedDiagnostics.Add(Bg0001(1, "Points", "20240201000000_RemoveFaxAndPoints"));
            test.TestState.ExpectedDiagnostics.Add(Bg0001(2, "Phone", "20240301000000_RemovePhone", "20240201000000_RemoveFaxAndPoints"));
            // One fix at a time: Fax's split keeps it in the designer, since Points' drop still makes SQLite rebuild Customers;
            // Points' split, after that, has nothing left that rebuilds. Fix All splits both at once: each keeps its column.
            // Phone, NOT NULL, also gets a default.
            var removePhoneFixed = Sources.Migration(
                "RemovePhone",
                """
                migrationBuilder.AlterColumn<string>(
                    name: "Phone",
                    table: "Customers",
                    type: "TEXT",
                    nullable: false,
                    defaultValue: "",
                    oldClrType: typeof(string),
                    oldType: "TEXT");
                """,
                """
                migrationBuilder.AlterColumn<string>(
                    name: "Phone",
                    table: "Customers",
                    type: "TEXT",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "TEXT",
                    oldDefaultValue: "");
                """);
            var removePhoneDesigner = Sources.Designer("RemovePhone", "20240301000000_RemovePhone", ShopHistory.CustomerKeeping(new[] { ("Phone", (string?)"\"\"") }, "Name"));
            ShopHistory.Fixed(
                test,
                Sources.Migration("RemoveFaxAndPoints", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxAndPoints", "20240201000000_RemoveFaxAndPoints", ShopHistory.CustomerKeeping(new[] { ("Fax", (string?)null) }, "Name", "Phone")),
                removePhoneFixed,
                removePhoneDesigner);
            test.BatchFixedState.Sources.Add(Sources.Context);
            test.BatchFixedState.Sources.Add(Sources.Migration("Initial", ShopHistory.InitialUp, ShopHistory.InitialDown));
            test.BatchFixedState.Sources.Add(ShopHistory.InitialDesigner);
            test.BatchFixedState.Sources.Add(Sources.Migration("RemoveFaxAndPoints", string.Empty, string.Empty));
            test.BatchFixedState.Sources.Add(Sources.Designer("RemoveFaxAndPoints", "20240201000000_RemoveFaxAndPoints", ShopHistory.CustomerKeeping(new[] { ("Fax", (string?)null), ("Points", null) }, "Name", "Phone")));
            test.BatchFixedState.Sources.Add(removePhoneFixed);
            test.BatchFixedState.Sources.Add(removePhoneDesigner);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Previous_migration_without_designer_is_not_judged()
        {
            // The running model is unknown: silence, not a guess.
            const string handWritten = """
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    [DbContext(typeof(App.ShopContext))]
                    [Migration("20240115000000_HandWritten")]
                    public class HandWritten : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
                    }
                }
                """;
            await History(
                handWritten,
                Sources.Migration("RemoveFax", "migrationBuilder.DropColumn(name: \"Fax\", table: \"Customers\");", AddFaxDown),
                Sources.Designer("RemoveFax", "20240201000000_RemoveFax", ShopHistory.Customer("Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Custom_base_class_deriving_from_EF_Migration_is_read()
        {
            const string custom = """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public abstract class AuditedMigration : Migration
                    {
                    }

                    public partial class RemoveFax : AuditedMigration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            {|#0:migrationBuilder.DropColumn(name: "Fax", table: "Customers")|};
                        }
                    }
                }
                """;
            var test = History(custom, Sources.Designer("RemoveFax", "20240201000000_RemoveFax", ShopHistory.Customer("Name", "Phone", "Points")));
            test.TestState.ExpectedDiagnostics.Add(Bg0001(0, "Fax", "20240201000000_RemoveFax"));
            test.FixedState.Sources.Add(Sources.Context);
            test.FixedState.Sources.Add(Sources.Migration("Initial", ShopHistory.InitialUp, ShopHistory.InitialDown));
            test.FixedState.Sources.Add(ShopHistory.InitialDesigner);
            test.FixedState.Sources.Add("""
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public abstract class AuditedMigration : Migration
                    {
                    }

                    public partial class RemoveFax : AuditedMigration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                        }
                    }
                }
                """);
            test.FixedState.Sources.Add(Sources.Designer("RemoveFax", "20240201000000_RemoveFax", ShopHistory.Customer("Name", "Phone", "Points")));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task A_Migration_class_that_is_not_EF_Core_is_ignored()
        {
            // FluentMigrator and others have their own Migration base class.
            const string fluent = """
                namespace FluentMigrator
                {
                    public abstract class Migration
                    {
                        public abstract void Up();
                    }

                    public class DropFax : Migration
                    {
                        public override void Up() => DropColumn(name: "Fax", table: "Customers");

                        private void DropColumn(string name, string table)
                        {
                        }
                    }
                }
                """;
            await History(
                fluent,
                Sources.Migration("Later", string.Empty, string.Empty),
                Sources.Designer("Later", "20240201000000_Later", ShopHistory.Customer("Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Constant_names_are_folded_through_the_compilation()
        {
            const string constants = """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public static class Tables
                    {
                        public const string Prefix = "Cust";
                        public const string Customers = Prefix + "omers";
                    }

                    public partial class RemoveFax : Migration
                    {
                        private const string Fax = "Fax";

                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            const string phone = "Phone";
                            {|#0:migrationBuilder.DropColumn(name: Fax, table: Tables.Customers)|};
                            {|#1:migrationBuilder.DropColumn(name: $"{phone}", table: Tables.Customers)|};
                            migrationBuilder.DropColumn(name: "Points".ToString(), table: Tables.Customers);
                        }
                    }
                }
                """;
            var test = ShopHistory.Create<DropColumnAnalyzer, EmptyCodeFixProvider>(constants, Sources.Designer("RemoveFax", "20240201000000_RemoveFax", ShopHistory.Customer("Name")));
            test.TestState.ExpectedDiagnostics.Add(Bg0001(0, "Fax", "20240201000000_RemoveFax"));
            test.TestState.ExpectedDiagnostics.Add(Bg0001(1, "Phone", "20240201000000_RemoveFax"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Non_literal_names_are_not_guessed()
        {
            const string dynamic = """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace App.Migrations
                {
                    public partial class RemoveFax : Migration
                    {
                        private static string Column() => "Fax";

                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.DropColumn(name: Column(), table: "Customers");
                        }
                    }
                }
                """;
            await History(dynamic, Sources.Designer("RemoveFax", "20240201000000_RemoveFax", ShopHistory.Customer("Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }
    }
}
