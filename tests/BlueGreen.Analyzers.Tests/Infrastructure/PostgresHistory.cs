using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// A small hand-written PostgreSQL history for the lock rules: an initial migration creating Customers (Id identity,
    /// Name character varying(100) NOT NULL, Email text nullable, Number integer NOT NULL), as EF's Npgsql provider writes it.
    /// The lock rules need no model beyond the provider, so later migrations' designers repeat the initial model.
    /// </summary>
    internal static class PostgresHistory
    {
        public const string InitialId = "20240101000000_Initial";

        public const string InitialUp = """
            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false)
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

        public const string Model = """
            NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

            modelBuilder.Entity("App.Customer", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("integer");

                    NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                    b.Property<string>("Email")
                        .HasColumnType("text");

                    b.Property<string>("Name")
                        .IsRequired()
                        .HasMaxLength(100)
                        .HasColumnType("character varying(100)");

                    b.Property<int>("Number")
                        .HasColumnType("integer");

                    b.HasKey("Id");

                    b.ToTable("Customers");
                });
            """;

        /// <summary>A table new in <c>Second</c>, an integer key its only column, created as Npgsql writes it: no rows to lock.</summary>
        public static string CreateTable(string name) => $$"""
            migrationBuilder.CreateTable(
                name: "{{name}}",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_{{name}}", x => x.Id);
                });
            """;

        /// <summary>The initial migration and one more, <c>Second</c>, whose Up and Down are given.</summary>
        public static Test<TAnalyzer, TCodeFix> Create<TAnalyzer, TCodeFix>(string up, string down)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new Test<TAnalyzer, TCodeFix>();
            foreach (var source in Sources(up, down))
            {
                test.TestState.Sources.Add(source);
            }

            return test;
        }

        /// <summary>The test's expected state after the fix: the history with Second's Up and Down as given.</summary>
        public static void Fixed<TAnalyzer, TCodeFix>(Test<TAnalyzer, TCodeFix> test, string up, string down)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            foreach (var source in Sources(up, down))
            {
                test.FixedState.Sources.Add(source);
            }
        }

        private static string[] Sources(string up, string down) => new[]
        {
            Infrastructure.Sources.Context,
            Infrastructure.Sources.Migration("Initial", InitialUp, InitialDown),
            Infrastructure.Sources.Designer("Initial", InitialId, Model),
            Infrastructure.Sources.Migration("Second", up, down),
            Infrastructure.Sources.Designer("Second", SecondId, Model),
        };

        public const string SecondId = "20240201000000_Second";
    }
}
