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
        private const string InitialUp = """
            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });
            """;

        private const string InitialDown = """
            migrationBuilder.DropTable(
                name: "Customers");
            """;

        private static string Customer(params string[] properties) => $$"""
            modelBuilder.Entity("App.Customer", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("INTEGER");
            {{string.Concat(System.Array.ConvertAll(properties, p => $"\n            b.Property<string>(\"{p}\")\n                .HasColumnType(\"TEXT\");\n"))}}
                    b.HasKey("Id");

                    b.ToTable("Customers");
                });
            """;

        private static readonly string InitialDesigner = Sources.Designer("Initial", "20240101000000_Initial", Customer("Fax", "Name", "Phone", "Points"));

        [Fact]
        public async Task Drop_in_the_release_that_removes_the_property_is_reported()
        {
            var test = new Test();
            test.TestState.Sources.Add(Sources.Context);
            test.TestState.Sources.Add(Sources.Migration("Initial", InitialUp, InitialDown));
            test.TestState.Sources.Add(InitialDesigner);
            test.TestState.Sources.Add(Sources.Migration(
                "RemoveFax",
                """
                {|#0:migrationBuilder.DropColumn(
                    name: "Fax",
                    table: "Customers")|};
                """,
                """
                migrationBuilder.AddColumn<string>(
                    name: "Fax",
                    table: "Customers",
                    type: "TEXT",
                    nullable: true);
                """));
            test.TestState.Sources.Add(Sources.Designer("RemoveFax", "20240201000000_RemoveFax", Customer("Name", "Phone", "Points")));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DropColumn).WithLocation(0)
                .WithArguments("Fax", "Customers", "20240201000000_RemoveFax", "20240101000000_Initial"));
            test.TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck;
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.FixedState.Sources.Add(Sources.Context);
            test.FixedState.Sources.Add(Sources.Migration("Initial", InitialUp, InitialDown));
            test.FixedState.Sources.Add(InitialDesigner);
            test.FixedState.Sources.Add(Sources.Migration("RemoveFax", string.Empty, string.Empty));
            test.FixedState.Sources.Add(Sources.Designer("RemoveFax", "20240201000000_RemoveFax", Customer("Name", "Phone", "Points")));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
