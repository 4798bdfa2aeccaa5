using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The histories, release manifests and findings of one compilation, computed once however many rule
    /// analyzers, syntax trees and additional files ask. Each rule analyzer reports the findings of its
    /// rule in the tree or file it is given.
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        /// <summary>The item metadata (surfaced by the package's props) that makes any AdditionalFiles item a manifest.</summary>
        public const string ManifestMetadata = "build_metadata.AdditionalFiles.BlueGreenManifest";

        private static readonly ConditionalWeakTable<Compilation, Slot> Slots = new ConditionalWeakTable<Compilation, Slot>();

        private readonly Dictionary<SyntaxTree, List<Finding>> _findingsByTree = new Dictionary<SyntaxTree, List<Finding>>();
        private readonly Dictionary<string, List<Finding>> _findingsByFile = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);

        private CompilationAnalysis(IReadOnlyList<MigrationHistory> histories)
        {
            Histories = histories;
        }

        public IReadOnlyList<MigrationHistory> Histories { get; }

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

        /// <summary>The manifests among a project's additional files, each parsed once per text version.</summary>
        public static List<Manifest> Manifests(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var manifests = new List<Manifest>();
            var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in options.AdditionalFiles)
            {
                // A manifest the user also lists by hand reaches the compiler twice: read it once.
                options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(ManifestMetadata, out var metadata);
                if (Manifest.IsManifest(file.Path, metadata) && paths.Add(file.Path) && file.GetText(cancellationToken) is { } text)
                {
                    manifests.Add(Manifest.Parse(file.Path, text));
                }
            }

            return manifests;
        }

        public IReadOnlyList<Finding> FindingsIn(SyntaxTree tree) =>
            _findingsByTree.TryGetValue(tree, out var findings) ? findings : (IReadOnlyList<Finding>)Array.Empty<Finding>();

        public IReadOnlyList<Finding> FindingsIn(string additionalFile) =>
            _findingsByFile.TryGetValue(additionalFile, out var findings) ? findings : (IReadOnlyList<Finding>)Array.Empty<Finding>();

        private static CompilationAnalysis Compute(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var analysis = new CompilationAnalysis(HistoryBuilder.Build(compilation, cancellationToken));
            var manifests = Manifests(options, cancellationToken);
            var shipped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var manifest in manifests)
            {
                foreach (var entry in manifest.Entries)
                {
                    shipped.Add(entry.Id);
                }
            }

            foreach (var history in analysis.Histories)
            {
                var releases = ReleasePlan.For(history, shipped);
                analysis.AddRange(CompatibilityChecker.Check(history, releases, cancellationToken));
                analysis.AddRange(HistoryProblems.DuplicateIds(history));
            }

            foreach (var manifest in manifests)
            {
                analysis.AddRange(HistoryProblems.InManifest(manifest, analysis.Histories));
            }

            return analysis;
        }

        private void AddRange(IEnumerable<Finding> findings)
        {
            foreach (var finding in findings)
            {
                if (finding.Location.SourceTree is { } tree)
                {
                    Add(_findingsByTree, tree, finding);
                }
                else if (finding.Location.GetLineSpan().Path is { } path)
                {
                    Add(_findingsByFile, path, finding);
                }
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<Finding>> byKey, TKey key, Finding finding)
            where TKey : notnull
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                list = new List<Finding>();
                byKey.Add(key, list);
            }

            list.Add(finding);
        }

        private sealed class Slot
        {
            public CompilationAnalysis? Value;
        }
    }
}
