using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;

namespace BlueGreen.Analyzers.Truth.Analysis
{
    /// <summary>One migration: the warnings the analyzer gives it and what the database says.</summary>
    internal sealed class AgreementRow
    {
        public AgreementRow(string migrationId, IReadOnlyList<string> warnings, Verdict verdict)
        {
            MigrationId = migrationId;
            Warnings = warnings;
            Verdict = verdict;
        }

        public string MigrationId { get; }

        /// <summary>The invariant rules' ids reported on the migration.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public Verdict Verdict { get; }

        public bool Agrees => (Warnings.Count > 0) == Verdict.Broken;

        public override string ToString() =>
            $"{(Agrees ? "agree   " : "DISAGREE")} {MigrationId}: analyzer [{string.Join(", ", Warnings)}], database: {(Verdict.Broken ? string.Join("; ", Verdict.Breaks) : "no break")}";
    }

    internal static class Agreement
    {
        /// <summary>Each migration in the analyzer's default mode (every migration its own release), judged by both.</summary>
        public static async Task<List<AgreementRow>> JudgeAsync(HistoryWorkspace workspace, DatabaseProvider provider)
        {
            var diagnostics = await workspace.AnalyzeAsync();
            var verdicts = TruthOracle.JudgeEach(workspace.Compile(), provider);
            return verdicts.Select(verdict => new AgreementRow(
                    verdict.MigrationId,
                    diagnostics
                        .Where(diagnostic => AgreementTests.InvariantRules.Contains(diagnostic.Id)
                            && diagnostic.Properties.TryGetValue("MigrationId", out var id) && id == verdict.MigrationId)
                        .Select(diagnostic => diagnostic.Id)
                        .Distinct()
                        .OrderBy(id => id, StringComparer.Ordinal)
                        .ToList(),
                    verdict))
                .ToList();
        }
    }
}
