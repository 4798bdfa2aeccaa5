using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// The analyzer's verdicts against a real database's, migration by migration, over every scaffolder-made history of
    /// the corpus that a database here can run (SQLite and PostgreSQL; SQL Server cannot run on this machine).
    /// </summary>
    public class AgreementTests
    {
        /// <summary>The rules that claim a migration breaks the running or the new version (BG0010 and the BG09xx are about inputs, BG0100 is advice).</summary>
        internal static readonly HashSet<string> InvariantRules = new HashSet<string>(StringComparer.Ordinal)
        {
            "BG0001", "BG0002", "BG0003", "BG0004", "BG0005", "BG0006", "BG0007", "BG0008", "BG0009", "BG0012",
        };

        private readonly ITestOutputHelper _output;

        public AgreementTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> Histories { get; } = new TheoryData<string>
        {
            "ef10-sqlite", "ef9-postgres",
            "rules-ef10-sqlite", "rules-ef9-postgres",
            "shapes-ef8-sqlite", "shapes-ef9-sqlite", "shapes-ef10-sqlite",
            "shapes-ef8-postgres", "shapes-ef9-postgres", "shapes-ef10-postgres",
            "truth-ef8-sqlite", "truth-ef9-sqlite", "truth-ef10-sqlite",
            "truth-ef8-postgres", "truth-ef9-postgres", "truth-ef10-postgres",
            "tph-ef10-sqlite", "tph-ef10-postgres",

            // The merge scenario is not judged here: the oracle's running version is the previous designer's model, which on a
            // merged history is one branch's; the release that shipped had both (MergedHistoryTests).
        };

        internal static DatabaseProvider ProviderOf(string history) =>
            history.Contains("sqlite", StringComparison.Ordinal) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

        /// <summary>
        /// The disagreements known and why, by history prefix and migration name: each must still occur (so the list stays
        /// true), and no other may.
        /// </summary>
        internal static readonly (string HistoryPrefix, string Migration, string Reason)[] KnownDisagreements =
        {
        };

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task The_analyzer_warns_exactly_where_the_database_breaks(string history)
        {
            var workspace = HistoryWorkspace.FromCorpus(history);
            var rows = await Agreement.JudgeAsync(workspace, ProviderOf(history));
            foreach (var row in rows)
            {
                _output.WriteLine(row.ToString());
            }

            var known = KnownDisagreements.Where(known => history.StartsWith(known.HistoryPrefix, StringComparison.Ordinal)).ToList();
            bool IsKnown(AgreementRow row) => known.Any(entry => row.MigrationId.EndsWith("_" + entry.Migration, StringComparison.Ordinal));
            Assert.True(rows.All(row => row.Agrees || IsKnown(row)), history + " disagrees:\n" + string.Join("\n", rows.Where(row => !row.Agrees && !IsKnown(row))));
            Assert.All(known, entry => Assert.Contains(rows, row => !row.Agrees && row.MigrationId.EndsWith("_" + entry.Migration, StringComparison.Ordinal)));
        }
    }
}
