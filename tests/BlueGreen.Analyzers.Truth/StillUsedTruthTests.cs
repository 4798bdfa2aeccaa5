using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.CodeAnalysis.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// BG0011 judged by the databases: each query below runs on the database as the first migration left it (it must:
    /// a query that never worked proves nothing), then on the database after every migration of the truth scenario
    /// (Fax dropped, Name renamed, on SQLite Phone lost in a rebuild). BG0011 must flag exactly the queries that now fail.
    /// </summary>
    public class StillUsedTruthTests
    {
        private static readonly string[] SqliteQueries =
        {
            "SELECT Fax FROM Customers",
            "SELECT c.Fax FROM Customers AS c",
            "SELECT \"Fax\" FROM [Customers]",
            "SELECT `fax` FROM customers",
            "SELECT Customers.Fax FROM Orders JOIN Customers ON Customers.Id = Orders.CustomerId",
            "UPDATE Customers SET Fax = 'x' WHERE 1 = 0",
            "SELECT o.Note FROM Orders o, Customers c WHERE c.Id = o.CustomerId AND c.Name = 'x'",
            "SELECT Phone FROM Customers",
            "SELECT Id FROM Customers WHERE Email = 'Fax'",
            "SELECT Id FROM Customers -- Fax",
            "SELECT Name FROM Animals",
            "SELECT Breed FROM Animals",
            "SELECT Note FROM Orders /* Name */",
        };

        private static readonly string[] PostgresQueries =
        {
            "SELECT \"Fax\" FROM \"Customers\"",
            "SELECT c.\"Fax\" FROM public.\"Customers\" AS c",
            "UPDATE \"Customers\" SET \"Fax\" = 'x' WHERE 1 = 0",
            "SELECT o.\"Note\" FROM \"Orders\" o JOIN \"Customers\" c ON c.\"Id\" = o.\"CustomerId\" WHERE c.\"Name\" = 'x'",
            "SELECT \"Phone\" FROM \"Customers\"",
            "SELECT \"Id\" FROM \"Customers\" WHERE \"Email\" = 'Fax'",
            "SELECT \"Id\" FROM \"Customers\" -- \"Fax\"",
            "SELECT \"Name\" FROM \"Animals\"",
            "SELECT \"Breed\" FROM \"Animals\"",
            "SELECT $$Fax$$ FROM \"Customers\"",
        };

        [Theory]
        [InlineData("truth-ef10-sqlite")]
        [InlineData("truth-ef10-postgres")]
        public async Task BG0011_flags_exactly_the_queries_the_migrated_database_rejects(string historyName)
        {
            var provider = AgreementTests.ProviderOf(historyName);
            var queries = provider == DatabaseProvider.Sqlite ? SqliteQueries : PostgresQueries;

            // The analyzer: each query as a command's text, one per line of the application code.
            var workspace = HistoryWorkspace.FromCorpus(historyName);
            var code = "namespace Fixtures\n{\n    public static class Reports\n    {\n        public static void Run(System.Data.Common.DbCommand command)\n        {\n"
                + string.Concat(queries.Select(query => "            command.CommandText = " + Literal(query) + ";\n"))
                + "        }\n    }\n}\n";
            var project = workspace.Project.AddDocument("Reports.cs", SourceText.From(code), filePath: "/app/Reports.cs").Project;
            var diagnostics = await workspace.With(project).AnalyzeAsync();
            const int firstLine = 7;
            var flagged = diagnostics
                .Where(diagnostic => diagnostic.Id == "BG0011" && diagnostic.Location.GetLineSpan().Path == "/app/Reports.cs")
                .Select(diagnostic => queries[diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1 - firstLine])
                .ToHashSet(StringComparer.Ordinal);

            // The databases.
            var history = workspace.Compile();
            var before = Outcomes(history, provider, queries, history.Migrations[0]);
            Assert.True(before.All(outcome => outcome.Value is null), "queries that fail before any drop:\n" + string.Join("\n", before.Where(outcome => outcome.Value is not null)));
            var after = Outcomes(history, provider, queries, history.Migrations[^1]);

            var disagreements = queries
                .Where(query => flagged.Contains(query) != (after[query] is not null))
                .Select(query => $"{query}: BG0011 {(flagged.Contains(query) ? "flags it" : "is silent")}, the database {(after[query] is null ? "runs it" : "rejects it: " + after[query])}")
                .ToList();
            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));

            // Both outcomes occur, or the comparison proves little.
            Assert.Contains(after.Values, error => error is not null);
            Assert.Contains(after.Values, error => error is null);
        }

        /// <summary>Each query's error on a fresh database migrated to <paramref name="migration"/>, or null where it runs.</summary>
        private static Dictionary<string, string?> Outcomes(CompiledHistory history, DatabaseProvider provider, IEnumerable<string> queries, string migration)
        {
            using var database = TestDatabase.Create(provider);
            using var context = history.CreateContext(database);
            context.GetService<IMigrator>().Migrate(migration);
            var outcomes = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var query in queries)
            {
                try
                {
                    using var command = database.Connection.CreateCommand();
                    command.CommandText = query;
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                    }

                    outcomes[query] = null;
                }
                catch (DbException exception)
                {
                    outcomes[query] = exception.Message.Split('\n')[0].Trim();
                }
            }

            return outcomes;
        }

        private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
