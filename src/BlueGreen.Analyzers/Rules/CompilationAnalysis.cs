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

            foreach (var history in histories)
            {
                var releases = ReleasePlan.For(history, shipped);
                analysis.AddRange(CompatibilityChecker.Check(history, releases, compilation, cancellationToken, Target(options.AnalyzerConfigOptionsProvider, history)));
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
                var diagnostic = RuleDiagnostics.Create(finding);
                if (finding.Location.SourceTree is { } tree)
                {
                    Add(_byTree, tree, diagnostic);
                }
                else if (finding.Location.GetLineSpan().Path is { } path)
                {
                    Add(_byFile, path, diagnostic);
                }
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
