using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// What SPEC promises of every host: never throws (no AD0001, no fix that crashes or writes C# that does not parse),
    /// whatever state a developer's typing or hand edits leave the migrations in; honours cancellation; deterministic.
    /// </summary>
    public class RobustnessTests
    {
        // Scaffolder-made histories of every EF version and provider, the rule scenario, the shapes and the hand-written noise.
        private static readonly string[] MutatedHistories =
        {
            "ef10-sqlite", "ef8-sqlserver", "rules-ef10-sqlserver", "rules-ef9-postgres", "shapes-ef10-sqlserver", "shapes-ef8-sqlite", "handwritten/noise-sqlite",
        };

        private readonly ITestOutputHelper _output;

        public RobustnessTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>
        /// Mutants from a fixed seed (BLUEGREEN_MUTANT_SEED), BLUEGREEN_MUTANTS of them (2000 by default), or the one
        /// BLUEGREEN_MUTANT names, to reproduce a failure. Each is analyzed in its changed file, as the IDE does while
        /// typing; every BLUEGREEN_THOROUGH_EVERY-th (5th by default) in the whole compilation, as a build does, and
        /// every code action of every fix provider applied to each of its diagnostics.
        /// </summary>
        [Fact]
        public async Task Mutated_histories_never_make_an_analyzer_or_a_fix_throw_and_fixes_never_break_parsing()
        {
            var seed = Setting("BLUEGREEN_MUTANT_SEED", 20261126);
            var count = Setting("BLUEGREEN_MUTANTS", 2000);
            var thoroughEvery = Setting("BLUEGREEN_THOROUGH_EVERY", 5);
            var indices = Environment.GetEnvironmentVariable("BLUEGREEN_MUTANT") is { Length: > 0 } only
                ? new[] { int.Parse(only, CultureInfo.InvariantCulture) }
                : Enumerable.Range(0, count).ToArray();
            var subjects = new List<MutationSubject>();
            foreach (var history in MutatedHistories)
            {
                subjects.Add(await MutationSubject.LoadAsync(history));
            }

            var stopwatch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var failures = new ConcurrentBag<(int Index, Mutation Mutation, MutantFailure Failure)>();
            var kinds = new ConcurrentDictionary<MutationKind, int>();
            var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (index, cancellationToken) =>
            {
                var subject = subjects[index % subjects.Count];
                var mutation = Mutator.Create(new Random(unchecked((seed * 1_000_003) + index)), subject);
                kinds.AddOrUpdate(mutation.Kind, 1, (_, n) => n + 1);
                List<MutantFailure> found;
                try
                {
                    // A mutant that makes an analyzer loop forever fails here instead of hanging the run.
                    found = await subject.RunAsync(mutation, thorough: index % thoroughEvery == 0, counts, cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
                }
                catch (Exception exception)
                {
                    found = new List<MutantFailure> { MutantFailure.From(exception, "the harness", "mutant " + index.ToString(CultureInfo.InvariantCulture)) };
                }

                foreach (var failure in found)
                {
                    failures.Add((index, mutation, failure));
                }
            });

            _output.WriteLine($"{indices.Length} mutants (seed {seed}) of {subjects.Count} histories in {stopwatch.Elapsed.TotalSeconds:F1} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU): "
                + string.Join(", ", kinds.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
            _output.WriteLine("Diagnostics, and fixes applied: " + string.Join(", ", counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}")));
            var idle = MutationSubject.FixProviders.Select(provider => provider.GetType().Name).Where(name => !counts.ContainsKey(name)).ToList();
            _output.WriteLine(idle.Count == 0 ? "Every fix provider ran." : "Fix providers no mutant reached: " + string.Join(", ", idle));

            // One report per distinct failure, with its first mutant (the seed and index reproduce it) made as small as it
            // still fails: the regions it changes, with the lines around them.
            var report = new StringBuilder();
            foreach (var group in failures.GroupBy(failure => failure.Failure.Signature).OrderBy(group => group.Min(failure => failure.Index)))
            {
                var (index, mutation, failure) = group.OrderBy(failure => failure.Index).First();
                var subject = subjects[index % subjects.Count];
                var smallest = await ShrinkAsync(subject, mutation, index % thoroughEvery == 0, failure.Signature);
                report.AppendLine($"{failure.Signature}: {group.Select(failure => failure.Index).Distinct().Count()} mutant(s); first: "
                    + $"BLUEGREEN_MUTANT_SEED={seed} BLUEGREEN_THOROUGH_EVERY={thoroughEvery} BLUEGREEN_MUTANT={index}, {subject.Name}, {mutation.Kind}")
                    .Append(smallest.Describe())
                    .AppendLine("    " + failure.Details)
                    .AppendLine();
            }

            Assert.True(failures.IsEmpty, report.ToString());

            if (indices.Length >= 100)
            {
                // A run whose mutants got no diagnostic, or no fix, would pass without testing anything.
                Assert.Contains(counts.Keys, key => key.StartsWith("BG", StringComparison.Ordinal));
                Assert.True(idle.Count < MutationSubject.FixProviders.Length, "no mutant reached any fix");
            }
        }

        /// <summary>
        /// Found by the mutants (InsertSql): a <c>migrationBuilder.Sql(...)</c> after a <c>RenameTable</c> in the same
        /// migration threw NullReferenceException in every analyzer (the checker looked the SQL's absent table up among
        /// the migration's renames). Renaming a table and fixing data with SQL in one migration is common.
        /// </summary>
        [Fact]
        public async Task Raw_SQL_after_a_table_rename_in_the_same_migration_is_judged_without_throwing()
        {
            var subject = await HandwrittenAsync(
                Sources.Migration("RenameCustomers", "migrationBuilder.RenameTable(name: \"Customers\", newName: \"Clients\");\n\nmigrationBuilder.Sql(\"UPDATE \\\"Clients\\\" SET \\\"Name\\\" = ''\");", string.Empty),
                Sources.Designer("RenameCustomers", "20240201000000_RenameCustomers", ShopHistory.Customer("Fax", "Name", "Phone", "Points").Replace("\"Customers\"", "\"Clients\"")));
            var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

            var failures = await subject.RunAsync(Mutation.ManifestOnly(null), thorough: true, counts, CancellationToken.None);

            Assert.True(failures.Count == 0, string.Join("\n", failures.Select(failure => failure.Signature + "\n" + failure.Details)));
            Assert.Equal(1, counts.GetValueOrDefault("BG0004"));
        }

        /// <summary>
        /// A hand-made id at the last second EF's timestamps can name (99991231235959): the fix adding the drop migration
        /// threw ArgumentOutOfRangeException looking for a later timestamp. No id can sort after it: the fix changes nothing.
        /// </summary>
        [Fact]
        public async Task The_drop_migration_fix_does_not_throw_when_no_timestamp_can_sort_after_the_last_id()
        {
            const string Last = "99991231235959_RemoveFaxFromModel";
            var withoutFax = ShopHistory.Customer("Name", "Phone", "Points");
            var subject = await HandwrittenAsync(
                Sources.Migration("RemoveFaxFromModel", string.Empty, string.Empty),
                Sources.Designer("RemoveFaxFromModel", Last, withoutFax),
                Sources.Snapshot(withoutFax));
            var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

            var failures = await subject.RunAsync(Mutation.ManifestOnly("- " + Last + "\n"), thorough: true, counts, CancellationToken.None);

            Assert.True(failures.Count == 0, string.Join("\n", failures.Select(failure => failure.Signature + "\n" + failure.Details)));
            Assert.Equal(1, counts.GetValueOrDefault("BG0100"));
        }

        /// <summary>
        /// Found reading the code the mutants exercise (no single edit of the corpus makes it): a designer whose base types
        /// form a cycle of three or more entities with schema-less <c>ToTable("X")</c> (SQLite, EF Core 3.1 to 5) made
        /// ModelReader's TableKeyOf recurse forever: a stack overflow that took the compiler or the IDE down with it.
        /// </summary>
        [Fact]
        public void A_designer_whose_base_types_form_a_cycle_is_read_without_recursing_forever()
        {
            var entities = string.Join("\n", Enumerable.Range(0, 3).Select(i => $$"""
                modelBuilder.Entity("E{{i}}", b =>
                    {
                        b.HasBaseType("E{{(i + 1) % 3}}");
                        b.Property<int>("P{{i}}");
                        b.ToTable("T{{i}}");
                    });
                """));
            var designer = CSharpSyntaxTree.ParseText(Sources.Designer("Cycle", "20240201000000_Cycle", entities));
            var method = designer.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();

            // Where the entities live cannot be told: their tables are uncertain, never "not mapped".
            var model = Model.ModelReader.Read(method, CancellationToken.None);
            Assert.Equal(3, model.Tables.Count(model.IsUncertain));
        }

        /// <summary>ShopHistory's context and initial migration, plus <paramref name="sources"/>.</summary>
        private static Task<MutationSubject> HandwrittenAsync(params string[] sources)
        {
            var trees = new[] { Sources.Context, Sources.Migration("Initial", ShopHistory.InitialUp, ShopHistory.InitialDown), ShopHistory.InitialDesigner }
                .Concat(sources)
                .Select((source, index) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), $"/handwritten/File{index}.cs"));
            return MutationSubject.CreateAsync(
                "handwritten",
                CSharpCompilation.Create("Handwritten", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));
        }

        /// <summary>
        /// SPEC: honours cancellation. A long history (a scaffolded migration and its big designer, copied with later ids)
        /// analyzed by the checker alone (history, replay, every designer's model, the judgments: the work no driver can
        /// interrupt), then by the driver with every analyzer, each with a token cancelled a tenth of the way through the
        /// time an uncancelled run takes: each throws OperationCanceledException within a quarter of that time, and what
        /// the cancelled run cached leaves the next run's result complete.
        /// </summary>
        [Fact]
        public async Task Analysis_of_a_long_history_stops_promptly_when_cancelled_and_leaves_nothing_half_done()
        {
            var corpus = CorpusHistory.Get("shapes-ef10-sqlserver");
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            List<string> Findings(Compilation compilation, CancellationToken cancellationToken)
            {
                var analysis = BlueGreen.Analyzers.Rules.CompilationAnalysis.Get(compilation, options, cancellationToken);
                return compilation.SyntaxTrees.SelectMany(analysis.DiagnosticsIn)
                    .Select(diagnostic => $"{diagnostic.Location.GetLineSpan()}: {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                    .ToList();
            }

            // Warm up (JIT), so the uncancelled runs are not slowed by what the cancelled ones would not pay.
            await AnalyzeAsync(LongHistory(corpus, 2), CancellationToken.None);

            var timer = Stopwatch.StartNew();
            var expected = Findings(LongHistory(corpus, 200), CancellationToken.None);
            var uncancelled = timer.Elapsed;
            Compilation? cancelled = null;
            var stopped = await StoppedAfterCancellationAsync(() => cancelled = LongHistory(corpus, 200), (compilation, token) => Task.Run(() => Findings(compilation, token), CancellationToken.None), uncancelled);
            _output.WriteLine($"checker, 200 copies: {uncancelled.TotalMilliseconds:F0} ms uncancelled; stopped {stopped.TotalMilliseconds:F0} ms after the cancellation");
            Assert.True(stopped < uncancelled / 4, $"the checker took {stopped.TotalMilliseconds:F0} ms to stop; an uncancelled run takes {uncancelled.TotalMilliseconds:F0} ms");
            Assert.Equal(expected, Findings(cancelled!, CancellationToken.None));

            // The driver binds every tree too, so a shorter history.
            timer.Restart();
            await AnalyzeAsync(LongHistory(corpus, 40), CancellationToken.None);
            uncancelled = timer.Elapsed;
            stopped = await StoppedAfterCancellationAsync(() => LongHistory(corpus, 40), (compilation, token) => AnalyzeAsync(compilation, token), uncancelled);
            _output.WriteLine($"driver, 40 copies: {uncancelled.TotalMilliseconds:F0} ms uncancelled; stopped {stopped.TotalMilliseconds:F0} ms after the cancellation");
            Assert.True(stopped < uncancelled / 4, $"the driver took {stopped.TotalMilliseconds:F0} ms to stop; an uncancelled run takes {uncancelled.TotalMilliseconds:F0} ms");
        }

        /// <summary>
        /// SPEC: deterministic. One compilation analyzed five times, each with a fresh CompilationWithAnalyzers and
        /// concurrent analysis, then again from freshly parsed trees (nothing cached), gives the same diagnostics (ids,
        /// locations, messages, properties) in the same order once sorted as the compiler sorts them, by location.
        /// The driver's own order is not asserted: with concurrent analysis it follows which tree finished first.
        /// </summary>
        [Theory]
        [InlineData("rules-ef10-sqlserver")]
        [InlineData("shapes-ef10-sqlserver")]
        [InlineData("ef10-sqlite")]
        public async Task The_same_compilation_always_gets_the_same_diagnostics(string history)
        {
            var corpus = CorpusHistory.Get(history);
            var ids = corpus.History.Migrations.Select(migration => migration.Id).ToList();

            // Shipped up to the middle (BG0100 where a removal shipped), a wrong fingerprint (BG0010), the manifest's own problems.
            var manifest = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(MutationSubject.ManifestPath, SourceText.From(
                $"# Deployed\n## 1.0\n- {ids[0]}\n- {ids[1]} sha256:000000000000000000000000\n## 1.1\n- {ids[ids.Count / 2]}\n- {ids[1]}\nnot an id!\n- 29991231235959_Unknown\n")));
            var reparsed = corpus.Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(corpus.Compilation.SyntaxTrees.Select(tree =>
                CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath)));
            var runs = new List<ImmutableArray<Diagnostic>>();
            foreach (var compilation in Enumerable.Repeat(corpus.Compilation, 5).Append(reparsed))
            {
                var failures = new List<MutantFailure>();
                var diagnostics = await MutationSubject.AnalyzeAsync(compilation, manifest, null, failures, CancellationToken.None);
                Assert.Empty(failures);
                runs.Add(diagnostics);
            }

            var sorted = runs.Select(run => Sorted(run)).ToList();
            var unsorted = runs.Select(run => run.Select(Describe).ToList()).ToList();
            Assert.Contains(sorted[0], line => line.Contains(" BG0901 ", StringComparison.Ordinal));
            Assert.True(sorted[0].Count > 3, string.Join("\n", sorted[0]));
            for (var run = 1; run < runs.Count; run++)
            {
                Assert.True(sorted[0].SequenceEqual(sorted[run]), $"run {run + 1} differs from run 1:\n{string.Join("\n", sorted[run])}\n---\n{string.Join("\n", sorted[0])}");
            }

            _output.WriteLine($"{sorted[0].Count} diagnostics; the driver's unsorted order was the same as run 1's in {unsorted.Count(run => run.SequenceEqual(unsorted[0]))} of {runs.Count} runs");
        }

        /// <summary>Every analyzer's diagnostics over the whole compilation, described, sorted by location; fails on any analyzer exception.</summary>
        private static async Task<List<string>> AnalyzeAsync(Compilation compilation, CancellationToken cancellationToken)
        {
            var failures = new List<MutantFailure>();
            var diagnostics = await MutationSubject.AnalyzeAsync(compilation, ImmutableArray<AdditionalText>.Empty, null, failures, cancellationToken);
            Assert.True(failures.Count == 0, string.Join("\n", failures.Select(failure => failure.Signature + "\n" + failure.Details)));
            return Sorted(diagnostics);
        }

        /// <summary>In the compiler's order: by file, then position; each with its id, location, message and properties.</summary>
        private static List<string> Sorted(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .OrderBy(diagnostic => diagnostic.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
                .ThenBy(diagnostic => diagnostic.Location.SourceSpan.End)
                .ThenBy(Describe, StringComparer.Ordinal)
                .Select(Describe)
                .ToList();

        private static string Describe(Diagnostic diagnostic) =>
            $"{diagnostic.Location.GetLineSpan()}: {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)} "
            + string.Join(";", diagnostic.Properties.OrderBy(property => property.Key, StringComparer.Ordinal).Select(property => property.Key + "=" + property.Value));

        /// <summary>
        /// Starts <paramref name="analyze"/> on a fresh history, cancels it after a tenth of <paramref name="uncancelled"/>
        /// and returns how long it took to throw OperationCanceledException after that. Should a busy machine have made
        /// the uncancelled run slow enough that this one ends first, it tries again, cancelling four times sooner.
        /// </summary>
        private static async Task<TimeSpan> StoppedAfterCancellationAsync(Func<Compilation> history, Func<Compilation, CancellationToken, Task> analyze, TimeSpan uncancelled)
        {
            for (var delay = uncancelled / 10; ; delay /= 4)
            {
                var compilation = history();
                using var source = new CancellationTokenSource();
                var running = Task.Run(() => analyze(compilation, source.Token), CancellationToken.None);
                await Task.Delay(delay);
                var timer = Stopwatch.StartNew();
                source.Cancel();
                var exception = await Record.ExceptionAsync(() => running);
                var stopped = timer.Elapsed;
                if (exception is not null || delay < uncancelled / 1000)
                {
                    Assert.True(exception is OperationCanceledException, exception?.ToString() ?? "the analysis ended before the cancellation");
                    return stopped;
                }
            }
        }

        /// <summary>
        /// The history plus <paramref name="copies"/> copies of its migration with the most operations (and its designer),
        /// renamed, with ids after every other: a history as long as a big project's, with a designer as big as the
        /// scaffolder makes for each step. Freshly parsed on each call, so nothing is cached for its trees.
        /// </summary>
        private static Compilation LongHistory(CorpusHistory corpus, int copies)
        {
            var source = corpus.History.Migrations
                .Where(migration => migration.Up is not null && migration.TargetModelMethod is not null && migration.Up.SyntaxTree != migration.TargetModelMethod.SyntaxTree)
                .OrderByDescending(migration => migration.Up!.Body?.Statements.Count ?? 0)
                .First();
            var name = source.Symbol.Name;
            var trees = corpus.Compilation.SyntaxTrees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath)).ToList();
            for (var copy = 0; copy < copies; copy++)
            {
                var id = "2099" + copy.ToString("D10", CultureInfo.InvariantCulture) + "_" + name + "Copy" + copy.ToString(CultureInfo.InvariantCulture);
                foreach (var tree in new[] { source.Up!.SyntaxTree, source.TargetModelMethod!.SyntaxTree })
                {
                    var text = Regex.Replace(tree.GetText().ToString().Replace(source.Id, id), $@"\b{name}\b", name + "Copy" + copy.ToString(CultureInfo.InvariantCulture));
                    trees.Add(CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath.Replace(source.Id, id)));
                }
            }

            return corpus.Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        }

        /// <summary>The smallest form of a failing mutant that still fails the same way, one smaller step at a time.</summary>
        private static async Task<Mutation> ShrinkAsync(MutationSubject subject, Mutation mutation, bool thorough, string signature)
        {
            var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            for (var steps = 0; steps < 50; steps++)
            {
                Mutation? smaller = null;
                foreach (var candidate in mutation.Smaller())
                {
                    if ((await subject.RunAsync(candidate, thorough, counts, CancellationToken.None)).Exists(failure => failure.Signature == signature))
                    {
                        smaller = candidate;
                        break;
                    }
                }

                if (smaller is null)
                {
                    break;
                }

                mutation = smaller;
            }

            return mutation;
        }

        private static int Setting(string name, int defaultValue) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : defaultValue;
    }
}
