using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Databases;
using BlueGreen.Analyzers.Truth.Evolutions;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// Random model evolutions, each step scaffolded by EF's own scaffolder and judged by the analyzer and by a real database,
    /// migration by migration: they must agree everywhere. A few fixed seeds run by default; the environment asks for more:
    /// <list type="bullet">
    /// <item><c>BLUEGREEN_EVOLUTIONS_SQLITE</c>, <c>BLUEGREEN_EVOLUTIONS_POSTGRES</c>: how many evolutions per database (8 and 4);</item>
    /// <item><c>BLUEGREEN_EVOLUTION_SEED</c>: the first seed (1); evolution i of a database has seed first + i;</item>
    /// <item><c>BLUEGREEN_EVOLUTION_REPLAY</c>: <c>sqlite:SEED</c>, <c>postgres:SEED</c> or <c>SEED</c> (both), to run that evolution alone.</item>
    /// </list>
    /// See docs/truth.md.
    /// </summary>
    public abstract class RandomEvolutionTests
    {
        private readonly ITestOutputHelper _output;
        private readonly DatabaseProvider _provider;
        private readonly string _countVariable;
        private readonly int _defaultCount;

        private RandomEvolutionTests(ITestOutputHelper output, DatabaseProvider provider, string countVariable, int defaultCount)
        {
            _output = output;
            _provider = provider;
            _countVariable = countVariable;
            _defaultCount = defaultCount;
        }

        [Fact]
        public async Task Evolutions_agree_with_the_database()
        {
            var clock = Stopwatch.StartNew();
            var results = new List<Result>();
            var replay = Environment.GetEnvironmentVariable("BLUEGREEN_EVOLUTION_REPLAY");
            var harnessFailures = new List<string>();
            foreach (var seed in Seeds(replay))
            {
                var name = Name(_provider) + ":" + seed.ToString(CultureInfo.InvariantCulture);
                try
                {
                    var result = await JudgeAsync(name, seed, replay is { Length: > 0 });
                    _output.WriteLine(result.Summary);
                    results.Add(result);
                }
                catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
                {
                    // The generator, the scaffolder or the oracle failed: the run goes on, and fails at the end naming the seed.
                    _output.WriteLine($"{name}: HARNESS FAILURE {exception.Message}");
                    harnessFailures.Add($"{name}: {exception}");
                }
            }

            var rows = results.SelectMany(result => result.Rows).ToList();
            _output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Name(_provider)}: {results.Count} evolutions, {rows.Count} migrations judged, {rows.Count(row => row.Row.Verdict.Broken)} broken by the database, {rows.Count(row => row.Row.Warnings.Count > 0)} warned by the analyzer, {rows.Count(row => !row.Row.Agrees)} disagreements, {clock.Elapsed.TotalSeconds:F0} s ({Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F0} s of CPU in the test process so far)"));
            foreach (var kind in rows.GroupBy(row => row.Step.Step.Kind).OrderBy(group => group.Key))
            {
                _output.WriteLine($"  {kind.Key}: {kind.Count()} steps, {kind.Count(row => row.Row.Verdict.Broken)} broken, {kind.Count(row => row.Row.Warnings.Count > 0)} warned, {kind.Count(row => !row.Row.Agrees)} disagreements");
            }

            var failures = rows.Where(row => !row.Row.Agrees).Select(row => row.Describe()).Concat(harnessFailures).ToList();
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }

        /// <summary>Each database in a class of its own, so that xunit runs the two side by side.</summary>
        public sealed class Sqlite : RandomEvolutionTests
        {
            public Sqlite(ITestOutputHelper output)
                : base(output, DatabaseProvider.Sqlite, "BLUEGREEN_EVOLUTIONS_SQLITE", 8)
            {
            }
        }

        public sealed class Postgres : RandomEvolutionTests
        {
            public Postgres(ITestOutputHelper output)
                : base(output, DatabaseProvider.Postgres, "BLUEGREEN_EVOLUTIONS_POSTGRES", 4)
            {
            }
        }

        private async Task<Result> JudgeAsync(string name, int seed, bool replaying)
        {
            var scaffolded = ScaffoldedEvolution.Scaffold(EvolutionGenerator.Generate(seed), _provider);
            if (replaying)
            {
                // A replay is for reading: the project as scaffolded, to open or to diff.
                var folder = Path.Combine(Path.GetTempPath(), "bluegreen-evolution-" + name.Replace(':', '-'));
                scaffolded.WriteTo(folder);
                _output.WriteLine($"{name}: the scaffolded project is in {folder}");
            }

            var judged = await Agreement.JudgeAsync(HistoryWorkspace.Load(name, scaffolded.Files.Select(file => (file.Key, file.Value))), _provider);
            return new Result(name, scaffolded.Steps.Zip(judged, (step, row) => new StepRow(name, step, row)).ToList());
        }

        private IEnumerable<int> Seeds(string? replay)
        {
            if (replay is { Length: > 0 })
            {
                var parts = replay.Split(':');
                return parts.Length == 1 || parts[0].Equals(Name(_provider), StringComparison.OrdinalIgnoreCase)
                    ? new[] { int.Parse(parts[^1], CultureInfo.InvariantCulture) }
                    : Array.Empty<int>();
            }

            return Enumerable.Range(Number("BLUEGREEN_EVOLUTION_SEED", 1), Number(_countVariable, _defaultCount));
        }

        private static int Number(string variable, int defaultValue) =>
            Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : defaultValue;

        private static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

        private sealed record Result(string Name, List<StepRow> Rows)
        {
            public string Summary =>
                $"{Name}: {Rows.Count} steps, " + (Rows.All(row => row.Row.Agrees)
                    ? "agree"
                    : "DISAGREE at " + string.Join(", ", Rows.Where(row => !row.Row.Agrees).Select(row => row.Step.Step.MigrationName)));
        }

        /// <summary>One migration of an evolution, with what a reader needs to replay and judge a disagreement.</summary>
        private sealed record StepRow(string Evolution, ScaffoldedStep Step, AgreementRow Row)
        {
            public string Describe() =>
                $"{Evolution} {Step.MigrationId}: {Step.Step.Description}\n"
                + $"  analyzer: [{string.Join(", ", Row.Warnings)}]\n"
                + $"  database: {(Row.Verdict.Broken ? string.Join("; ", Row.Verdict.Breaks) : "no break")}\n"
                + "  Up: " + Regex.Replace(Up(Step.MigrationCode), @"\s+", " ");

            private static string Up(string code)
            {
                var start = code.IndexOf("protected override void Up", StringComparison.Ordinal);
                var end = code.IndexOf("protected override void Down", StringComparison.Ordinal);
                return start < 0 || end < start ? code : code.Substring(start, end - start);
            }
        }
    }
}
