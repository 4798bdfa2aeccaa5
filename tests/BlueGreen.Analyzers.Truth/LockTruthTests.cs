using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// The lock rules judged by the PostgreSQL server the tests start. A table rewrite is observable: PostgreSQL writes the
    /// rewritten table to new storage, so its <c>pg_class.relfilenode</c> changes while its oid stays. BG0203 and BG0204
    /// claim exactly that, so they must name exactly the tables whose storage each migration replaced, on every PostgreSQL
    /// history of the corpus. And BG0201's fix must give a migration EF applies on the real server, where PostgreSQL
    /// refuses CREATE INDEX CONCURRENTLY inside a transaction, leaving a valid index.
    /// </summary>
    public class LockTruthTests
    {
        private static readonly HashSet<string> RewriteRules = new HashSet<string>(StringComparer.Ordinal) { "BG0203", "BG0204" };

        private readonly ITestOutputHelper _output;

        public LockTruthTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> PostgresHistories { get; } = new TheoryData<string>
        {
            "locks-ef8-postgres", "locks-ef9-postgres", "locks-ef10-postgres",
            "ef9-postgres", "rules-ef9-postgres", "shapes-ef10-postgres", "truth-ef10-postgres", "tph-ef10-postgres", "merge-ef10-postgres",
        };

        public static TheoryData<string> LocksHistories { get; } = new TheoryData<string>
        {
            "locks-ef8-postgres", "locks-ef9-postgres", "locks-ef10-postgres",
        };

        [Theory]
        [MemberData(nameof(PostgresHistories))]
        public async Task BG0203_and_BG0204_name_exactly_the_tables_PostgreSQL_rewrites(string history)
        {
            var disagreements = await RewriteDisagreementsAsync(HistoryWorkspace.FromCorpus(history), (compiled, context, database, index) =>
            {
                // Rows in every table, as the running version writes them: what a rewrite has to copy.
                new Workload("blue", compiled.TargetModel(context, compiled.Migrations[index - 1]), database).Insert();
            });
            Assert.True(disagreements.Count == 0, history + " disagrees:\n" + string.Join("\n", disagreements));
        }

        [Fact]
        public async Task BG0203_and_BG0204_name_exactly_the_tables_PostgreSQL_rewrites_for_each_type_change_and_default_they_know()
        {
            // One table per case, so that each rewrite is seen on its own: T<n> has a column C whose type changes, D<n> gets a
            // column with a default. The cases PostgresRewrites cannot tell (U<n>) must stay silent; what the server does
            // there is logged.
            var sql = new System.Text.StringBuilder("migrationBuilder.Sql(\"CREATE SEQUENCE lock_sequence\");\n");
            var changes = new System.Text.StringBuilder();
            var defaults = new System.Text.StringBuilder();
            var unknown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (table, change) in TypeChanges.Select((change, i) => ("T" + i, change)).Concat(UnknownTypeChanges.Select((change, i) => ("U" + i, change))))
            {
                sql.Append(CreateTable(table, change.Old));
                changes.Append($"migrationBuilder.AlterColumn<string>(name: \"C\", table: \"{table}\", type: \"{change.New}\", nullable: true, oldClrType: typeof(string), oldType: \"{change.Old}\", oldNullable: true);\n");
                if (table.StartsWith('U'))
                {
                    unknown.Add(table);
                }
            }

            for (var i = 0; i < Defaults.Length; i++)
            {
                sql.Append(CreateTable("D" + i, "integer"));
                defaults.Append($"migrationBuilder.AddColumn<string>(name: \"V\", table: \"D{i}\", type: \"{Defaults[i].Type}\", nullable: true, defaultValueSql: {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(Defaults[i].Sql, quote: true)});\n");
            }

            var workspace = HistoryWorkspace.Load("locks-handwritten", new[]
            {
                ("Initial.cs", Migration("20240101000000_Initial", "Initial", sql.ToString())),
                ("ChangeTypes.cs", Migration("20240201000000_ChangeTypes", "ChangeTypes", changes.ToString())),
                ("AddDefaults.cs", Migration("20240301000000_AddDefaults", "AddDefaults", defaults.ToString())),
                ("ShopContextModelSnapshot.cs", Snapshot),
            });
            var disagreements = await RewriteDisagreementsAsync(workspace, (compiled, context, database, index) =>
            {
                using var command = database.Connection.CreateCommand();
                command.CommandText = string.Concat(Storage(database).Values.Select(table => $"INSERT INTO {TestDatabase.Quote(table.Name)} (\"Id\") VALUES ({index});"));
                command.ExecuteNonQuery();
            }, unknown);
            Assert.True(disagreements.Count == 0, "disagrees:\n" + string.Join("\n", disagreements));
        }

        /// <summary>
        /// Each migration of a history applied in turn to one real database (after <paramref name="beforeEach"/> wrote rows):
        /// the tables whose storage PostgreSQL replaced, against those BG0203 and BG0204 report; a line per disagreement. The
        /// <paramref name="unknown"/> tables must not be reported, whatever the server did to them.
        /// </summary>
        private async Task<List<string>> RewriteDisagreementsAsync(HistoryWorkspace workspace, Action<CompiledHistory, DbContext, TestDatabase, int> beforeEach, ISet<string>? unknown = null)
        {
            var diagnostics = await workspace.AnalyzeAsync();
            var compiled = workspace.Compile();
            using var database = TestDatabase.Create(DatabaseProvider.Postgres);
            using var context = compiled.CreateContext(database);
            var migrator = context.GetService<IMigrator>();
            var disagreements = new List<string>();
            for (var index = 0; index < compiled.Migrations.Count; index++)
            {
                var id = compiled.Migrations[index];
                if (index > 0)
                {
                    beforeEach(compiled, context, database, index);
                }

                var before = Storage(database);
                try
                {
                    migrator.Migrate(id);
                }
                catch (System.Data.Common.DbException exception)
                {
                    // The running version's rows do not fit the new schema (a break other rules report, such as BG0006's
                    // shorter varchar): what PostgreSQL does to the table is the question here, so ask it of empty tables.
                    _output.WriteLine($"{id}: fails on the running version's rows ({exception.Message.Split('\n')[0]}); applied to empty tables");
                    Truncate(database);
                    before = Storage(database);
                    migrator.Migrate(id);
                }

                var rewritten = Storage(database)
                    .Where(table => before.TryGetValue(table.Key, out var old) && old.FileNode != table.Value.FileNode)
                    .Select(table => table.Value.Name)
                    .OrderBy(name => name, StringComparer.Ordinal)
                    .ToList();
                var reported = diagnostics
                    .Where(diagnostic => RewriteRules.Contains(diagnostic.Id) && diagnostic.Properties.TryGetValue("MigrationId", out var migration) && migration == id)
                    .Select(diagnostic => (diagnostic.Properties.TryGetValue("Schema", out var schema) && schema is not null ? schema + "." : string.Empty) + diagnostic.Properties["Table"])
                    .Distinct()
                    .OrderBy(name => name, StringComparer.Ordinal)
                    .ToList();
                var row = $"{id}: rewritten [{string.Join(", ", rewritten)}], reported [{string.Join(", ", reported)}]";
                _output.WriteLine(row);
                if (unknown is not null)
                {
                    rewritten.RemoveAll(unknown.Contains);
                }

                if (!rewritten.SequenceEqual(reported))
                {
                    disagreements.Add(row);
                }
            }

            return disagreements;
        }

        [Theory]
        [MemberData(nameof(LocksHistories))]
        public async Task BG0201_fixed_index_is_built_concurrently_outside_the_transaction_and_valid(string history)
        {
            var workspace = HistoryWorkspace.FromCorpus(history);
            // The index alone in its migration (the foreign key's index in AddOrderStore shares one with other operations).
            var diagnostic = (await workspace.AnalyzeAsync()).Single(candidate => candidate.Id == "BG0201" && candidate.GetMessage().Contains("'IX_Customers_Name'", StringComparison.Ordinal));
            var migrationId = diagnostic.Properties["MigrationId"]!;
            var fixedWorkspace = await FixApplier.ApplyAsync(workspace, diagnostic, CreateIndexConcurrentlyCodeFixProvider.Key);
            Assert.DoesNotContain(await fixedWorkspace.AnalyzeAsync(), candidate => candidate.Id == "BG0201" && candidate.Properties["MigrationId"] == migrationId);

            var compiled = fixedWorkspace.Compile();
            var index = compiled.Migrations.ToList().IndexOf(migrationId);
            using var database = TestDatabase.Create(DatabaseProvider.Postgres);

            // EF's migrator applies it (PostgreSQL would refuse CONCURRENTLY in a transaction block), and both versions
            // still write and read.
            var verdict = TruthOracle.Judge(compiled, index, index - 1, database);
            _output.WriteLine(verdict.ToString());
            Assert.False(verdict.Broken, verdict.ToString());

            using (var context = compiled.CreateContext(database))
            {
                var script = context.GetService<IMigrator>().GenerateScript(compiled.Migrations[index - 1], migrationId);
                Assert.Contains("CREATE INDEX CONCURRENTLY \"IX_Customers_Name\" ON \"Customers\" (\"Name\");", script, StringComparison.Ordinal);

                // The rest of the history still applies after it.
                context.GetService<IMigrator>().Migrate();
            }

            using (var command = database.Connection.CreateCommand())
            {
                command.CommandText = "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'IX_Customers_Name'";
                Assert.Equal(true, command.ExecuteScalar());
            }

            // The control: the statement as the fix makes EF write it is refused inside a transaction, so the migrator
            // really ran it outside one.
            using var transaction = database.Connection.BeginTransaction();
            using var control = database.Connection.CreateCommand();
            control.Transaction = transaction;
            control.CommandText = "CREATE INDEX CONCURRENTLY \"IX_Control\" ON \"Customers\" (\"Name\")";
            var refused = Assert.Throws<PostgresException>(() => control.ExecuteNonQuery());
            Assert.Equal(PostgresErrorCodes.ActiveSqlTransaction, refused.SqlState);
        }

        /// <summary>
        /// BG0206 claims PostgreSQL checks every existing row when EF adds a foreign key or a check constraint. A check of
        /// existing rows is observable: with a row that breaks the constraint in the table, the migration fails at once. So
        /// before each migration a row that breaks every constraint of the history goes into each table (N = -1: below the
        /// checks' 0, and no region has that id); the migrations the server refuses must be exactly those BG0206 reports.
        /// The recipe's NOT VALID constraints apply over the bad rows (no scan); its VALIDATE, in a later migration, is the
        /// scan again, refused too (reported by no rule: it scans without blocking reads or writes).
        /// </summary>
        [Fact]
        public async Task BG0206_names_exactly_the_migrations_whose_constraints_PostgreSQL_checks_against_existing_rows()
        {
            var tables = new[] { "C1", "C2", "C3", "C4" };
            var initial = string.Concat(tables.Select(table => CreateTable(table, "integer").Replace("C = table.Column<string>", "N = table.Column<int>", StringComparison.Ordinal)))
                + "migrationBuilder.CreateTable(name: \"Regions\", columns: table => new { Id = table.Column<int>(type: \"integer\", nullable: false) }, constraints: table => table.PrimaryKey(\"PK_Regions\", x => x.Id));\n";
            const string notValid = "migrationBuilder.Sql(\"ALTER TABLE \\\"C3\\\" ADD CONSTRAINT \\\"CK_C3_N\\\" CHECK (\\\"N\\\" >= 0) NOT VALID;\");\n"
                + "migrationBuilder.Sql(\"ALTER TABLE \\\"C3\\\" ADD CONSTRAINT \\\"FK_C3_Regions_N\\\" FOREIGN KEY (\\\"N\\\") REFERENCES \\\"Regions\\\" (\\\"Id\\\") NOT VALID;\");\n";
            var workspace = HistoryWorkspace.Load("locks-constraints", new[]
            {
                ("Initial.cs", Migration("20240101000000_Initial", "Initial", initial)),
                ("AddCheck.cs", Migration("20240201000000_AddCheck", "AddCheck", "migrationBuilder.AddCheckConstraint(name: \"CK_C1_N\", table: \"C1\", sql: \"\\\"N\\\" >= 0\");")),
                ("AddForeignKey.cs", Migration("20240301000000_AddForeignKey", "AddForeignKey", "migrationBuilder.AddForeignKey(name: \"FK_C2_Regions_N\", table: \"C2\", column: \"N\", principalTable: \"Regions\", principalColumn: \"Id\");")),
                ("AddNotValid.cs", Migration("20240401000000_AddNotValid", "AddNotValid", notValid)),
                ("Validate.cs", Migration("20240501000000_Validate", "Validate", "migrationBuilder.Sql(\"ALTER TABLE \\\"C3\\\" VALIDATE CONSTRAINT \\\"CK_C3_N\\\";\");")),
                ("ShopContextModelSnapshot.cs", Snapshot),
            });
            var reported = (await workspace.AnalyzeAsync())
                .Where(diagnostic => diagnostic.Id == "BG0206")
                .Select(diagnostic => diagnostic.Properties["MigrationId"]!)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();

            var compiled = workspace.Compile();
            using var database = TestDatabase.Create(DatabaseProvider.Postgres);
            using var context = compiled.CreateContext(database);
            var migrator = context.GetService<IMigrator>();
            migrator.Migrate(compiled.Migrations[0]);
            var refused = new List<string>();
            var row = 0;
            foreach (var id in compiled.Migrations.Skip(1))
            {
                foreach (var table in tables)
                {
                    try
                    {
                        Execute(database, $"INSERT INTO \"{table}\" (\"Id\", \"N\") VALUES ({++row}, -1)");
                    }
                    catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation)
                    {
                        // A constraint already checks this table's new rows: none of its rows breaks it.
                    }
                }

                try
                {
                    migrator.Migrate(id);
                    _output.WriteLine(id + ": applied over rows that break its constraints");
                }
                catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation)
                {
                    _output.WriteLine(id + ": refused (" + exception.MessageText + ")");
                    refused.Add(id);
                    Execute(database, string.Concat(tables.Select(table => $"DELETE FROM \"{table}\" WHERE \"N\" = -1;")));
                    migrator.Migrate(id);
                }
            }

            Assert.Equal(new[] { "20240201000000_AddCheck", "20240301000000_AddForeignKey" }, reported);
            Assert.Equal(new[] { "20240201000000_AddCheck", "20240301000000_AddForeignKey", "20240501000000_Validate" }, refused);
        }

        private static void Execute(TestDatabase database, string sql)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        // Type changes PostgresRewrites tells (a rewrite or none), and two it cannot (left silent).
        private static readonly (string Old, string New)[] TypeChanges =
        {
            ("integer", "bigint"), ("bigint", "integer"), ("integer", "numeric(20,0)"), ("real", "double precision"),
            ("character varying(100)", "character varying(50)"), ("character varying", "character varying(50)"), ("text", "character varying(10)"),
            ("numeric(18,2)", "numeric(18,4)"), ("numeric(18,2)", "numeric(12,2)"), ("numeric", "numeric(18,2)"),
            ("timestamp(6) with time zone", "timestamp(3) with time zone"), ("time(6) without time zone", "time(2) without time zone"),
            ("character varying(50)", "character varying(100)"), ("character varying(50)", "character varying"), ("character varying(50)", "text"),
            ("text", "character varying"), ("numeric(18,2)", "numeric(20,2)"), ("numeric(18,2)", "numeric"),
            ("timestamp(3) without time zone", "timestamp without time zone"), ("timestamp(3) with time zone", "timestamp(6) with time zone"),
            ("integer", "int4"), ("character(10)", "character(20)"),
        };

        // Type changes PostgresRewrites cannot tell, which the analyzer leaves alone whatever the server does: timestamp to
        // timestamptz rewrites unless the session's time zone is UTC; char(n) to text trims every value.
        private static readonly (string Old, string New)[] UnknownTypeChanges =
        {
            ("timestamp without time zone", "timestamp with time zone"), ("character(10)", "text"), ("integer", "text"),
        };

        // Defaults with the column type they fit: volatile ones (a rewrite), stable and constant ones (none).
        private static readonly (string Type, string Sql)[] Defaults =
        {
            ("uuid", "gen_random_uuid()"), ("double precision", "random()"), ("timestamp with time zone", "clock_timestamp()"), ("text", "timeofday()"),
            ("bigint", "nextval('lock_sequence')"),
            ("timestamp with time zone", "now()"), ("timestamp with time zone", "CURRENT_TIMESTAMP"), ("timestamp with time zone", "statement_timestamp()"),
            ("integer", "42"), ("text", "'random()'"),
        };

        internal const string Snapshot = """
            // <auto-generated />
            using Fixtures;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;

            namespace Fixtures.Migrations
            {
                [DbContext(typeof(ShopContext))]
                partial class ShopContextModelSnapshot : ModelSnapshot
                {
                    protected override void BuildModel(ModelBuilder modelBuilder)
                    {
                        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);
                    }
                }
            }
            """;

        private static string CreateTable(string name, string type) =>
            $"migrationBuilder.CreateTable(name: \"{name}\", columns: table => new {{ Id = table.Column<int>(type: \"integer\", nullable: false), C = table.Column<string>(type: \"{type}\", nullable: true) }});\n";

        /// <summary>A migration without designer, its attributes on the class (the analyzer and EF read it so).</summary>
        internal static string Migration(string id, string name, string up) => $$"""
            using Fixtures;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Fixtures.Migrations
            {
                [DbContext(typeof(ShopContext))]
                [Migration("{{id}}")]
                public partial class {{name}} : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        {{up}}
                    }
                }
            }
            """;

        private static void Truncate(TestDatabase database)
        {
            var tables = string.Join(", ", Storage(database).Values.Select(table => string.Join(".", table.Name.Split('.').Select(TestDatabase.Quote))));
            using var command = database.Connection.CreateCommand();
            command.CommandText = "TRUNCATE " + tables + " CASCADE";
            command.ExecuteNonQuery();
        }

        /// <summary>Each user table by oid: its name (schema-qualified outside public) and the file its rows are stored in.</summary>
        private static Dictionary<uint, (string Name, uint FileNode)> Storage(TestDatabase database)
        {
            var tables = new Dictionary<uint, (string Name, uint FileNode)>();
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT c.oid, n.nspname, c.relname, c.relfilenode FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relname NOT LIKE '__EFMigrations%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var schema = reader.GetString(1);
                tables.Add(reader.GetFieldValue<uint>(0), ((schema == "public" ? string.Empty : schema + ".") + reader.GetString(2), reader.GetFieldValue<uint>(3)));
            }

            return tables;
        }
    }
}
