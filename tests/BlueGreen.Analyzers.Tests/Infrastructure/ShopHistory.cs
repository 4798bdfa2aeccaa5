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

        public static string Customer(params string[] properties) => CustomerKeeping(System.Array.Empty<(string, string?)>(), properties);

        /// <summary>
        /// The Customer entity as a designer declares it, with the <paramref name="kept"/> columns among its properties as the
        /// fixes keep a column in a designer for SQLite's rebuilds: the default the fix gives it, and the kept-in-database marker.
        /// </summary>
        public static string CustomerKeeping((string Name, string? Default)[] kept, params string[] properties)
        {
            var names = new System.Collections.Generic.List<string>(properties);
            names.AddRange(System.Array.ConvertAll(kept, column => column.Name));
            names.Sort(System.StringComparer.Ordinal);

            // At the indentation of the entity's other statements, as EF writes them.
            string Declaration(string p) => System.Array.FindIndex(kept, column => column.Name == p) is var index && index < 0
                ? $"\n        b.Property<string>(\"{p}\")\n            .HasColumnType(\"TEXT\");\n"
                : $"\n        b.Property<string>(\"{p}\")\n            .HasColumnType(\"TEXT\")"
                    + (kept[index].Default is { } defaultValue ? $"\n            .HasDefaultValue({defaultValue})" : string.Empty)
                    + "\n            .HasAnnotation(\"BlueGreen:KeptInDatabase\", true);\n";
            return $$"""
                modelBuilder.Entity("App.Customer", b =>
                    {
                        b.Property<int>("Id")
                            .ValueGeneratedOnAdd()
                            .HasColumnType("INTEGER");
                {{string.Concat(names.ConvertAll(Declaration))}}
                        b.HasKey("Id");

                        b.ToTable("Customers");
                    });
                """;
        }

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
