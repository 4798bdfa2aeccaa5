using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>
    /// The histories, release manifests and diagnostics of one compilation, computed once however many rule analyzers,
    /// syntax trees and additional files ask. Each rule analyzer reports the diagnostics of its rule in the tree or file
    /// it is given.
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        private static readonly ConditionalWeakTable<Compilation, Slot> Slots = new ConditionalWeakTable<Compilation, Slot>();

        private readonly Dictionary<SyntaxTree, List<Diagnostic>> _byTree = new Dictionary<SyntaxTree, List<Diagnostic>>();
        private readonly Dictionary<string, List<Diagnostic>> _byFile = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        private readonly HashSet<string> _idsInTrees = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _idsInFiles = new HashSet<string>(StringComparer.Ordinal);

        public static CompilationAnalysis Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var slot = Slots.GetValue(compilation, _ => new Slot());
            if (Volatile.Read(ref slot.Value) is { } analysis)
            {
                return analysis;
            }

            lock (slot)
            {
                // A cancelled computation leaves the slot empty for the next caller.
                slot.Value ??= Compute(compilation, options, cancellationToken);
                return slot.Value;
            }
        }

        public IReadOnlyList<Diagnostic> DiagnosticsIn(SyntaxTree tree) =>
            _byTree.TryGetValue(tree, out var diagnostics) ? diagnostics : (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();

        /// <summary>Whether any tree has a diagnostic with one of these ids.</summary>
        public bool ReportsInTrees(IEnumerable<string> ids) => _idsInTrees.Overlaps(ids);

        /// <summary>Whether any additional file (a release manifest) has a diagnostic with one of these ids.</summary>
        public bool ReportsInFiles(IEnumerable<string> ids) => _idsInFiles.Overlaps(ids);

        public IReadOnlyList<Diagnostic> DiagnosticsIn(string additionalFile) =>
            _byFile.TryGetValue(additionalFile, out var diagnostics) ? diagnostics : (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();

        private static CompilationAnalysis Compute(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var analysis = new CompilationAnalysis();
            var histories = HistoryBuilder.Build(compilation, cancellationToken);
            var manifests = ManifestFiles.Read(options, cancellationToken);

            // The package's BlueGreenMarkShipped target passes the shipped migration as a compiler-visible property.
            var requested = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ShipRequestProperty, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
            var shipped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var manifest in manifests)
            {
                foreach (var entry in manifest.Entries)
                {
                    shipped.Add(entry.Id);
                }
            }

            CheckMemo? memo = null;
            for (var position = 0; position < histories.Count; position++)
            {
                var history = histories[position];
                var releases = ReleasePlan.For(history, shipped);
                memo ??= Lineage.Of(compilation, cancellationToken).Epoch.Get(() => new CheckMemo());
                analysis.Check(memo, position, history, releases, compilation, Target(options.AnalyzerConfigOptionsProvider, history), cancellationToken);
                analysis.AddRange(HistoryProblems.DuplicateIds(history));
                analysis.AddRange(HistoryProblems.ShipRequests(history, requested));
            }

            foreach (var manifest in manifests)
            {
                analysis.AddRange(HistoryProblems.InManifest(manifest, histories));
            }

            return analysis;
        }

        /// <summary>
        /// The checker's diagnostics for one history: those of the migrations the last compilation of the same declarations
        /// judged with the same inputs are taken from it (see <see cref="CheckMemo"/>), the others judged now.
        /// </summary>
        private void Check(CheckMemo memo, int position, MigrationHistory history, ReleasePlan releases, Compilation compilation, DatabaseTarget target, CancellationToken cancellationToken)
        {
            var run = new CheckMemo.Run(history, releases, target, cancellationToken);
            var last = memo.Last(position);
            var known = last?.SharedPrefix(run) ?? 0;
            var ends = new List<int>(history.Migrations.Count);
            var findings = CompatibilityChecker.Check(history, releases, compilation, cancellationToken, target, known, ends);
            var start = 0;
            for (var index = 0; index < history.Migrations.Count; index++)
            {
                var diagnostics = index < known ? last!.Diagnostics[index] : Diagnostics(findings, start, ends[index]);
                run.Diagnostics[index] = diagnostics;
                foreach (var diagnostic in diagnostics)
                {
                    Add(diagnostic);
                }

                start = ends[index];
            }

            // BG0100 and BG0011 look at the whole history: judged again every time.
            foreach (var diagnostic in Diagnostics(findings, start, findings.Count))
            {
                Add(diagnostic);
            }

            memo.Store(position, run);
        }

        private static IReadOnlyList<Diagnostic> Diagnostics(List<Finding> findings, int start, int end)
        {
            if (start == end)
            {
                return Array.Empty<Diagnostic>();
            }

            var diagnostics = new Diagnostic[end - start];
            for (var index = start; index < end; index++)
            {
                diagnostics[index - start] = RuleDiagnostics.Create(findings[index]);
            }

            return diagnostics;
        }

        /// <summary>
        /// The database server a history's migrations run on (<see cref="DatabaseTarget"/>): the settings <c>.editorconfig</c>
        /// gives the newest migration's file (where a <c>[*.cs]</c> section puts them), else a global config's. One value per
        /// history, read once per compilation: one DbContext's migrations may target PostgreSQL and another's SQL Server.
        /// </summary>
        private static DatabaseTarget Target(AnalyzerConfigOptionsProvider provider, MigrationHistory history)
        {
            AnalyzerConfigOptions? file = null;
            for (var i = history.Migrations.Count - 1; i >= 0 && file is null; i--)
            {
                if (history.Migrations[i].Up?.SyntaxTree is { } tree)
                {
                    file = provider.GetOptions(tree);
                }
            }

            string? Value(string key) =>
                file is not null && file.TryGetValue(key, out var value) ? value
                : provider.GlobalOptions.TryGetValue(key, out value) ? value
                : null;
            return DatabaseTarget.Of(Value(DatabaseTarget.PostgresVersionOption), Value(DatabaseTarget.SqlServerEditionOption));
        }

        /// <summary>The MSBuild property BlueGreenShippedMigration, as the compiler sees it.</summary>
        public const string ShipRequestProperty = "build_property.BlueGreenShippedMigration";

        private void AddRange(IEnumerable<Finding> findings)
        {
            foreach (var finding in findings)
            {
                Add(RuleDiagnostics.Create(finding));
            }
        }

        private void Add(Diagnostic diagnostic)
        {
            if (diagnostic.Location.SourceTree is { } tree)
            {
                Add(_byTree, tree, diagnostic);
                _idsInTrees.Add(diagnostic.Id);
            }
            else if (diagnostic.Location.GetLineSpan().Path is { } path)
            {
                Add(_byFile, path, diagnostic);
                _idsInFiles.Add(diagnostic.Id);
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<Diagnostic>> byKey, TKey key, Diagnostic diagnostic)
            where TKey : notnull
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                list = new List<Diagnostic>();
                byKey.Add(key, list);
            }

            list.Add(diagnostic);
        }

        private sealed class Slot
        {
            public CompilationAnalysis? Value;
        }
    }
}
