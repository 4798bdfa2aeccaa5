using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// A small hand-written history for rule tests: an initial migration creating Customers (Id, Name, Fax
    /// nullable, Phone NOT NULL without default, Points NOT NULL with default) and its designer.
    /// </summary>
    internal static class ShopHistory
    {
        public const string InitialUp = """
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

        public const string InitialDown = """
            migrationBuilder.DropTable(
                name: "Customers");
            """;

        public static string Customer(params string[] properties) => $$"""
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

        public static readonly string InitialDesigner = Sources.Designer("Initial", "20240101000000_Initial", Customer("Fax", "Name", "Phone", "Points"));

        public static Test<TAnalyzer, TCodeFix> Create<TAnalyzer, TCodeFix>(params string[] sources)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new Test<TAnalyzer, TCodeFix>();
            test.TestState.Sources.Add(Sources.Context);
            test.TestState.Sources.Add(Sources.Migration("Initial", InitialUp, InitialDown));
            test.TestState.Sources.Add(InitialDesigner);
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            return test;
        }

        public static void Fixed<TAnalyzer, TCodeFix>(Test<TAnalyzer, TCodeFix> test, params string[] sources)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            test.FixedState.Sources.Add(Sources.Context);
            test.FixedState.Sources.Add(Sources.Migration("Initial", InitialUp, InitialDown));
            test.FixedState.Sources.Add(InitialDesigner);
            foreach (var source in sources)
            {
                test.FixedState.Sources.Add(source);
            }
        }
    }
}
