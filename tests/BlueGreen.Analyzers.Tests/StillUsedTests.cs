using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0011 on the truth scenario made by EF's scaffolder (RemoveFax drops Customers.Fax, RenameNameToFullName renames
    /// Customers.Name), with application code calling the real APIs: EF Core 10's raw SQL, Dapper from NuGet, ADO.NET,
    /// <c>EF.Property</c>, a shadow property in <c>OnModelCreating</c>, in each provider's dialect. A line of the
    /// application code ending in <c>// BG0011: Customers.Fax</c> expects exactly those names reported there; every other
    /// line expects nothing.
    /// </summary>
    public class StillUsedTests
    {
        private static readonly MetadataReference[] AppReferences =
        {
            MetadataReference.CreateFromFile(typeof(Dapper.SqlMapper).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Npgsql.NpgsqlCommand).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Data.SqlClient.SqlCommand).Assembly.Location),
        };

        public static readonly TheoryData<string> Histories = new TheoryData<string> { "truth-ef10-sqlite", "truth-ef10-sqlserver", "truth-ef10-postgres" };

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Each_use_of_a_dropped_or_renamed_column_is_reported_where_it_is_and_at_the_drop(string history)
        {
            var dialect = Dialect.Of(history);
            var code = AppCode(dialect);
            var diagnostics = await CorpusHistory.Get(history).AnalyzeWithAsync(code, AppReferences);
            var stillUsed = diagnostics.Where(diagnostic => diagnostic.Id == "BG0011").ToList();

            Assert.Equal(Expected(code), Actual(stillUsed.Where(diagnostic => diagnostic.Location.GetLineSpan().Path == "/app/App.cs")));

            // At the drop and the rename: every use as an additional location.
            var atMigrations = stillUsed.Where(diagnostic => diagnostic.Location.GetLineSpan().Path != "/app/App.cs").ToList();
            Assert.Equal(
                new[] { "RemoveFax.cs(13,13): BG0011 Customers.Fax", "RenameNameToFullName.cs(13,13): BG0011 Customers.Name" },
                atMigrations.Select(CorpusHistory.Describe).OrderBy(line => line, StringComparer.Ordinal));
            var faxUses = Expected(code).Count(line => line.EndsWith("Customers.Fax", StringComparison.Ordinal));
            Assert.Equal(faxUses, atMigrations.Single(diagnostic => diagnostic.Properties["Column"] == "Fax").AdditionalLocations.Count);
            Assert.Contains("which this migration drops: App.cs(", atMigrations.Single(diagnostic => diagnostic.Properties["Column"] == "Fax").GetMessage(), StringComparison.Ordinal);

            var first = stillUsed.First(diagnostic => diagnostic.Location.GetLineSpan().Path == "/app/App.cs" && diagnostic.Properties["Column"] == "Fax");
            Assert.Contains("still names column 'Customers.Fax', which migration '", first.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("_RemoveFax' drops", first.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_top_level_local_written_again_in_a_later_statement_is_not_folded_to_its_first_value()
        {
            // Top-level statements are one GlobalStatementSyntax each: the reassignment stands in another one.
            const string program = """
                using System.Data.Common;
                using Dapper;

                DbConnection connection = null!;
                var sql = "SELECT Fax FROM Customers";
                sql = "SELECT Email FROM Customers";
                connection.Query(sql);
                var report = "SELECT Fax FROM Customers";
                connection.Query(report); // BG0011: Customers.Fax
                """;
            var diagnostics = await CorpusHistory.Get("truth-ef10-sqlite").AnalyzeWithAsync(program, AppReferences, outputKind: OutputKind.ConsoleApplication);
            Assert.Equal(Expected(program), Actual(diagnostics.Where(diagnostic => diagnostic.Id == "BG0011" && diagnostic.Location.GetLineSpan().Path == "/app/App.cs")));
        }

        [Fact]
        public async Task A_later_migrations_SQL_naming_a_dropped_column_is_reported()
        {
            const string backfill = """
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace Fixtures.Migrations
                {
                    [DbContext(typeof(ShopContext))]
                    [Migration("20991231000000_Backfill")]
                    public class Backfill : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.Sql("UPDATE Customers SET Email = Fax WHERE Email = ''"); // BG0011: Customers.Fax
                            migrationBuilder.Sql("UPDATE Orders SET Note = 'Fax'");
                            migrationBuilder.Sql("ALTER TABLE Customers ADD Fax TEXT NULL");
                        }
                    }
                }
                """;
            var diagnostics = await CorpusHistory.Get("truth-ef10-sqlite").AnalyzeWithAsync(backfill, AppReferences);
            Assert.Equal(Expected(backfill), Actual(diagnostics.Where(diagnostic => diagnostic.Id == "BG0011" && diagnostic.Location.GetLineSpan().Path == "/app/App.cs")));
        }

        [Fact]
        public async Task A_column_ready_to_drop_that_code_still_names_gets_no_drop_and_BG0100_says_where()
        {
            // Everything shipped: on PostgreSQL, Phone (cut from RemovePhoneDefaultPoints) and Animals.Breed are ready to drop.
            var corpus = CorpusHistory.Get("truth-ef10-postgres");
            var manifest = string.Concat(corpus.History.Migrations.Select(migration => "- " + migration.Id + "\n"));
            const string code = """
                using System.Data.Common;
                using Dapper;

                namespace Fixtures
                {
                    public static class Reports
                    {
                        public static object Phones(DbConnection connection) =>
                            connection.Query<string>("SELECT \"Phone\" FROM \"Customers\""); // BG0011: Customers.Phone
                    }
                }
                """;
            var diagnostics = await corpus.AnalyzeWithAsync(code, AppReferences, manifest);
            Assert.Equal(Expected(code), Actual(diagnostics.Where(diagnostic => diagnostic.Id == "BG0011")));
            Assert.Contains("BG0100 lists as ready to drop", diagnostics.Single(diagnostic => diagnostic.Id == "BG0011").GetMessage(), StringComparison.Ordinal);

            var phone = diagnostics.Single(diagnostic => diagnostic.Id == "BG0100" && diagnostic.Properties.GetValueOrDefault("Column") == "Phone");
            var breed = diagnostics.Single(diagnostic => diagnostic.Id == "BG0100" && diagnostic.Properties.GetValueOrDefault("Column") == "Breed");
            Assert.Contains("but code still names it at App.cs(9) (BG0011)", phone.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("can be dropped now", breed.GetMessage(), StringComparison.Ordinal);

            // The drop is offered for Breed, not for Phone.
            var (document, _) = await Workspace(corpus, code, manifest);
            Assert.Empty(await FixesAsync(document, phone));
            Assert.NotEmpty(await FixesAsync(document, breed));
        }

        [Fact]
        public void Only_calls_that_can_pass_a_name_in_text_are_bound()
        {
            // Fluent configuration by lambda, the bulk of an OnModelCreating, names no column in text: binding it would cost a
            // semantic model of the method for nothing.
            var root = CSharpSyntaxTree.ParseText("""
                class App
                {
                    void Configure(dynamic modelBuilder, dynamic db, dynamic connection, dynamic command, string sql)
                    {
                        modelBuilder.Entity<Customer>().Property(c => c.Name).HasMaxLength(20);
                        modelBuilder.Entity<Customer>().Property((Customer c) => c.Name);
                        modelBuilder.Entity<Customer>().Property<string>("Fax");
                        db.Set<Customer>().Select(c => EF.Property<string>(c, "Fax"));
                        connection.Query<string>(sql);
                        connection.Execute(sql, new { id = 1 });
                        command.ExecuteNonQuery();
                        db.Database.ExecuteSql($"DELETE FROM Customers");
                    }
                }
                """).GetRoot();

            Assert.Equal(
                new[]
                {
                    "modelBuilder.Entity<Customer>().Property<string>(\"Fax\")",
                    "EF.Property<string>(c, \"Fax\")",
                    "connection.Query<string>(sql)",
                    "connection.Execute(sql, new { id = 1 })",
                    "db.Database.ExecuteSql($\"DELETE FROM Customers\")",
                },
                BlueGreen.Analyzers.Usage.UsageCandidates.Find(root, CancellationToken.None).Select(node => node.ToString()));
        }

        private static string AppCode(Dialect d)
        {
            var uses = new List<string>
            {
                // EF Core's raw SQL APIs.
                $"db.Set<Customer>().FromSqlRaw({d.Sql("SELECT {Id}, {Fax} FROM {Customers}")}); // BG0011: Customers.Fax",
                $"await db.Database.ExecuteSqlRawAsync({d.Sql("UPDATE {Customers} SET {Fax} = NULL WHERE {Id} = {0}")}, id); // BG0011: Customers.Fax",
                $"db.Database.SqlQueryRaw<string>({d.Sql("SELECT c.{Fax} FROM {Customers} AS c")}); // BG0011: Customers.Fax",
                $"db.Database.SqlQuery<string>(${d.Sql("SELECT {Customers}.{Fax} FROM {Customers} WHERE {Id} = {id}", interpolated: true)}); // BG0011: Customers.Fax",
                $"db.Database.ExecuteSql(${d.Sql("DELETE FROM {Customers} WHERE {Name} = {table}", interpolated: true)}); // BG0011: Customers.Name",
                $"db.Set<Customer>().FromSqlRaw({d.Sql("SELECT {Fax} ")} + {d.Sql("FROM {Customers} WHERE {Id} = ")} + id); // BG0011: Customers.Fax",

                // Dapper.
                $"connection.Query<string>({d.Sql("SELECT {Fax} FROM {Customers} WHERE {Id} = @id")}, new {{ id }}); // BG0011: Customers.Fax",
                $"await connection.ExecuteAsync({d.Sql("INSERT INTO {Customers} ({Name}, {Fax}) VALUES (@n, @f)")}); // BG0011: Customers.Fax, Customers.Name",
                $"var sql = {d.Sql("SELECT o.{Note}, c.{Fax} FROM {Orders} o JOIN {Customers} c ON c.{Id} = o.{CustomerId}")};",
                "connection.Query(sql); // BG0011: Customers.Fax",

                // ADO.NET.
                $"command.CommandText = {d.Sql("SELECT {Fax} FROM {Customers}")}; // BG0011: Customers.Fax",
                $"legacy.CommandText = {d.Sql("SELECT {Customers}.{Name} FROM {Customers}")}; // BG0011: Customers.Name",

                // Property names.
                "db.Set<Customer>().Select(c => EF.Property<string>(c, \"Fax\")); // BG0011: Customers.Fax",

                // True negatives: not an API that runs SQL, a string literal, comments, another table's column of the same
                // name, a table the code does not say, another entity's property, a local assigned twice, the new name.
                $"System.Console.WriteLine({d.Sql("SELECT {Fax} FROM {Customers}")});",
                $"db.Set<Customer>().FromSqlRaw({d.Sql("SELECT {Id} FROM {Customers} WHERE {Email} = 'Fax'")});",
                $"db.Set<Customer>().FromSqlRaw({d.Sql("-- Fax\\nSELECT {Id} FROM {Customers} /* Name, Fax */")});",
                $"connection.Query<string>({d.Sql("SELECT {Name} FROM {Animals}")});",
                $"connection.Query<string>({d.Sql("SELECT {Fax} FROM ")} + table);",
                "db.Set<Animal>().Select(a => EF.Property<string>(a, \"Fax\"));",
                $"var other = {d.Sql("SELECT {Fax} FROM {Customers}")};",
                "other = table;",
                "connection.Query(other);",
                $"connection.Query<string>({d.Sql("SELECT {FullName} FROM {Customers}")});",
            };
            uses.AddRange(d.Specific);

            var body = string.Join("\n", uses.Select(line => "            " + line));
            return $$"""
                using System.Data;
                using System.Data.Common;
                using System.Linq;
                using System.Threading.Tasks;
                using Dapper;
                using Microsoft.EntityFrameworkCore;

                namespace Fixtures
                {
                    public class Customer { public int Id { get; set; } public string FullName { get; set; } = ""; }

                    public class Animal { public int Id { get; set; } public string Name { get; set; } = ""; }

                    public class ReportContext : DbContext
                    {
                        protected override void OnModelCreating(ModelBuilder modelBuilder)
                        {
                            modelBuilder.Entity<Customer>().Property<string>("Fax"); // BG0011: Customers.Fax
                            modelBuilder.Entity<Animal>().Property<string>("Fax");
                        }
                    }

                    public static class Reports
                    {
                        public static async Task Run(ReportContext db, DbConnection connection, DbCommand command, IDbCommand legacy, int id, string table)
                        {
                {{body}}
                        }
                    }
                }
                """;
        }

        /// <summary>"App.cs(12): Customers.Fax" for each name a line's <c>// BG0011:</c> comment lists.</summary>
        private static List<string> Expected(string code)
        {
            var expected = new List<string>();
            var lines = code.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = lines[i].IndexOf("// BG0011: ", StringComparison.Ordinal);
                if (marker >= 0)
                {
                    expected.AddRange(lines[i].Substring(marker + "// BG0011: ".Length).Split(", ").Select(name => $"App.cs({i + 1}): {name.Trim()}"));
                }
            }

            return expected.OrderBy(line => line, StringComparer.Ordinal).ToList();
        }

        private static List<string> Actual(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .Select(diagnostic => $"{Path.GetFileName(diagnostic.Location.GetLineSpan().Path)}({diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}): {diagnostic.Properties["Table"]}.{diagnostic.Properties["Column"]}")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

        private static async Task<(Document Document, Project Project)> Workspace(CorpusHistory corpus, string code, string manifest)
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "App", "App", LanguageNames.CSharp,
                compilationOptions: corpus.Compilation.Options, parseOptions: corpus.Compilation.SyntaxTrees.First().Options,
                metadataReferences: corpus.Compilation.References.Concat(AppReferences)));
            foreach (var tree in corpus.Compilation.SyntaxTrees)
            {
                project = project.AddDocument(Path.GetFileName(tree.FilePath), await tree.GetTextAsync(), filePath: tree.FilePath).Project;
            }

            var document = project.AddDocument("App.cs", code, filePath: "/app/App.cs");
            project = document.Project.AddAdditionalDocument("ShippedMigrations.md", manifest, filePath: "/history/ShippedMigrations.md").Project;
            return (project.GetDocument(document.Id)!, project);
        }

        /// <summary>The fixes the BG0100 provider offers for a diagnostic, found again in the workspace's own analysis.</summary>
        private static async Task<List<CodeAction>> FixesAsync(Document anyDocument, Diagnostic diagnostic)
        {
            var project = anyDocument.Project;
            var document = project.Documents.Single(candidate => candidate.FilePath == diagnostic.Location.GetLineSpan().Path);
            var actions = new List<CodeAction>();
            var provider = new AddDropMigrationCodeFixProvider();
            var tree = await document.GetSyntaxTreeAsync();
            var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree!, diagnostic.Location.SourceSpan), diagnostic.Properties);
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None));
            return actions;
        }

        /// <summary>How a provider's SQL quotes names: <c>{Fax}</c> in a template becomes the dialect's identifier.</summary>
        private sealed class Dialect
        {
            private readonly Func<string, string> _quote;

            private Dialect(Func<string, string> quote, params string[] specific)
            {
                _quote = quote;
                Specific = specific;
            }

            /// <summary>Lines only this dialect has: its quoting and case rules, its command types.</summary>
            public string[] Specific { get; }

            public static Dialect Of(string history) => history switch
            {
                // SQLite takes any of the three quotes, and bare names, case-insensitively.
                var h when h.EndsWith("-sqlite", StringComparison.Ordinal) => new Dialect(name => name,
                    "connection.Query<string>(\"SELECT \\\"Fax\\\" FROM [Customers]\"); // BG0011: Customers.Fax",
                    "connection.Query<string>(\"SELECT `fax` FROM customers\"); // BG0011: Customers.Fax",
                    "connection.Query<string>(\"SELECT FAX FROM main.CUSTOMERS\"); // BG0011: Customers.Fax"),

                // SQL Server: brackets, the dbo schema, case-insensitive by default.
                var h when h.EndsWith("-sqlserver", StringComparison.Ordinal) => new Dialect(name => "[" + name + "]",
                    "connection.Query<string>(\"SELECT [Fax] FROM [dbo].[Customers]\"); // BG0011: Customers.Fax",
                    "connection.Query<string>(\"SELECT fax FROM dbo.customers\"); // BG0011: Customers.Fax",
                    "new Microsoft.Data.SqlClient.SqlCommand(\"UPDATE Customers SET Fax = @f\"); // BG0011: Customers.Fax"),

                // PostgreSQL: an unquoted name folds to lower case, so bare Fax is the column "fax", which Customers lacks.
                _ => new Dialect(name => "\\\"" + name + "\\\"",
                    "connection.Query<string>(\"SELECT \\\"Fax\\\" FROM public.\\\"Customers\\\"\"); // BG0011: Customers.Fax",
                    "connection.Query<string>(\"SELECT Fax FROM \\\"Customers\\\"\");",
                    "connection.Query<string>(\"SELECT \\\"fax\\\" FROM \\\"Customers\\\"\");",
                    "new Npgsql.NpgsqlCommand(\"SELECT $$Fax$$, \\\"Fax\\\" FROM \\\"Customers\\\"\"); // BG0011: Customers.Fax"),
            };

            /// <summary>A C# string literal of the template's SQL, names quoted as the dialect quotes them.</summary>
            public string Sql(string template, bool interpolated = false)
            {
                // {id} and {table} are C# holes of an interpolated string, not names.
                var text = Regex.Replace(template, @"\{([A-Za-z]+)\}", match => interpolated && match.Groups[1].Value is "id" or "table" ? match.Value : _quote(match.Groups[1].Value));
                return "\"" + text + "\"";
            }
        }
    }
}
