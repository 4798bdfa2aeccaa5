using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// Every code fix, on every scaffolded history where it is offered, judged by the real databases: after the fix, the
    /// migration keeps both versions working; and its contract step (BG0100's drop migration, once the migration is marked
    /// shipped) keeps them working too and leaves the database exactly as the new version's model maps it.
    /// </summary>
    public class FixTests
    {
        private const string MarkShipped = "BG.MarkShipped";
        private readonly ITestOutputHelper _output;

        public FixTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> Histories => AgreementTests.Histories;

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Every_fix_keeps_both_versions_working_and_its_contract_step_reaches_the_new_schema(string history)
        {
            var provider = AgreementTests.ProviderOf(history);
            var full = HistoryWorkspace.FromCorpus(history);
            var failures = new List<string>();
            var checkedFixes = 0;
            foreach (var migrationId in (await full.AnalyzeAsync()).Where(Invariant).Select(MigrationOf).OfType<string>().Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList())
            {
                var truncated = full.TruncatedAfter(migrationId);
                foreach (var diagnostic in (await truncated.AnalyzeAsync()).Where(diagnostic => Invariant(diagnostic) && MigrationOf(diagnostic) == migrationId))
                {
                    foreach (var offer in (await FixApplier.OffersAsync(truncated, diagnostic)).Where(offer => offer.Key != MarkShipped))
                    {
                        checkedFixes++;
                        var what = $"{Name(migrationId)} {diagnostic.Id} {Describe(diagnostic)} {offer.Key}";
                        var result = await JudgeFixAsync(truncated, migrationId, diagnostic, offer.Key, provider);
                        _output.WriteLine(what + ": " + (result.Count == 0 ? "passes" : string.Join("; ", result)));
                        failures.AddRange(result.Select(failure => what + ": " + failure));
                    }
                }
            }

            _output.WriteLine($"{checkedFixes} fixes checked");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Fix_all_in_the_project_keeps_both_versions_working(string history)
        {
            var provider = AgreementTests.ProviderOf(history);
            var full = HistoryWorkspace.FromCorpus(history);
            var diagnostics = (await full.AnalyzeAsync()).Where(Invariant).ToList();
            var keys = new List<(string Id, string Key)>();
            foreach (var diagnostic in diagnostics)
            {
                foreach (var offer in (await FixApplier.OffersAsync(full, diagnostic)).Where(offer => offer.Key != MarkShipped))
                {
                    if (!keys.Contains((diagnostic.Id, offer.Key)))
                    {
                        keys.Add((diagnostic.Id, offer.Key));
                    }
                }
            }

            var failures = new List<string>();
            foreach (var (id, key) in keys)
            {
                var fixedHistory = await FixApplier.FixAllAsync(full, id, key);
                var remaining = (await fixedHistory.AnalyzeAsync()).Where(Invariant).Select(MigrationOf).ToHashSet();
                var compiled = fixedHistory.Compile();
                foreach (var migrationId in diagnostics.Where(diagnostic => diagnostic.Id == id).Select(MigrationOf).OfType<string>().Distinct())
                {
                    // A migration with a diagnostic this fix does not address stays broken, as the analyzer says.
                    if (remaining.Contains(migrationId))
                    {
                        continue;
                    }

                    var index = IndexOf(compiled, migrationId);
                    var verdict = TruthOracle.Judge(compiled, index, index - 1, provider);
                    _output.WriteLine($"Fix All {key}: {verdict}");
                    failures.AddRange(verdict.Breaks.Select(failure => $"Fix All {key}, {Name(migrationId)}: {failure}"));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>Applies one fix (and the first fix of every other diagnostic of the migration), then asks the databases.</summary>
        private static async Task<List<string>> JudgeFixAsync(HistoryWorkspace workspace, string migrationId, Diagnostic focus, string key, DatabaseProvider provider)
        {
            var failures = new List<string>();
            var target = (focus.Id, Describe(focus));
            for (var round = 0; round < 20; round++)
            {
                var remaining = (await workspace.AnalyzeAsync()).Where(diagnostic => Invariant(diagnostic) && MigrationOf(diagnostic) == migrationId).ToList();
                if (remaining.Count == 0)
                {
                    break;
                }

                var next = remaining.FirstOrDefault(diagnostic => (diagnostic.Id, Describe(diagnostic)) == target) ?? remaining[0];
                var chosen = (next.Id, Describe(next)) == target ? key
                    : (await FixApplier.OffersAsync(workspace, next)).FirstOrDefault(offer => offer.Key != MarkShipped)?.Key;
                if (chosen is null)
                {
                    // Another rule of this migration has no fix: the migration cannot be made safe by fixes alone.
                    return failures;
                }

                workspace = await FixApplier.ApplyAsync(workspace, next, chosen);
            }

            var compiled = workspace.Compile();
            var index = IndexOf(compiled, migrationId);
            var verdict = TruthOracle.Judge(compiled, index, index - 1, provider);
            failures.AddRange(verdict.Breaks.Select(failure => "after the fix: " + failure));

            // The contract step: the fixed migration ships, BG0100 offers the drop, the drop migration runs.
            var shipped = workspace.WithManifest("## Release\n- " + migrationId + "\n");
            var ready = (await shipped.AnalyzeAsync()).Where(diagnostic => diagnostic.Id == "BG0100").ToList();
            foreach (var diagnostic in ready)
            {
                if (!(await FixApplier.OffersAsync(shipped, diagnostic)).Any(offer => offer.Key == "BG0100.AddDropMigration"))
                {
                    failures.Add("contract step: no drop migration offered for " + Describe(diagnostic));
                }
            }

            if (ready.Count == 0)
            {
                // Nothing to drop: the fixed migration must already leave the database as the new version maps it.
                using var database = TestDatabase.Create(provider);
                TruthOracle.Judge(compiled, index, index - 1, database);
                failures.AddRange(TruthOracle.SchemaMismatches(compiled, migrationId, database).Select(mismatch => "no contract step offered, yet: " + mismatch));
            }
            else if (failures.Count == 0)
            {
                var contracted = await FixApplier.FixAllAsync(shipped, "BG0100", "BG0100.AddDropMigration");
                var compiledContract = contracted.Compile();
                var drop = compiledContract.Migrations.Count - 1;
                using var database = TestDatabase.Create(provider);
                var contract = TruthOracle.Judge(compiledContract, drop, index, database);
                failures.AddRange(contract.Breaks.Select(failure => "contract step: " + failure));
                if (!contract.Broken)
                {
                    failures.AddRange(TruthOracle.SchemaMismatches(compiledContract, compiledContract.Migrations[drop], database).Select(mismatch => "after the contract step: " + mismatch));
                }
            }

            return failures;
        }

        private static int IndexOf(CompiledHistory history, string migrationId)
        {
            for (var i = 0; i < history.Migrations.Count; i++)
            {
                if (history.Migrations[i] == migrationId)
                {
                    return i;
                }
            }

            throw new InvalidOperationException(migrationId + " is not in " + history.Name);
        }

        private static bool Invariant(Diagnostic diagnostic) => AgreementTests.InvariantRules.Contains(diagnostic.Id);

        private static string? MigrationOf(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue("MigrationId", out var id) ? id : null;

        private static string Name(string migrationId) => migrationId.Substring(migrationId.IndexOf('_') + 1);

        private static string Describe(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue("Schema", out var schema);
            diagnostic.Properties.TryGetValue("Table", out var table);
            diagnostic.Properties.TryGetValue("Column", out var column);
            return (schema is null ? string.Empty : schema + ".") + table + (column is null ? string.Empty : "." + column);
        }
    }
}
