using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The histories and findings of one compilation, computed once however many rule analyzers and
    /// syntax trees ask. Each rule analyzer reports the findings of its rule in the tree it is given.
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        private static readonly ConditionalWeakTable<Compilation, Slot> Slots = new ConditionalWeakTable<Compilation, Slot>();

        private readonly Dictionary<SyntaxTree, List<Finding>> _findingsByTree;

        private CompilationAnalysis(IReadOnlyList<MigrationHistory> histories, Dictionary<SyntaxTree, List<Finding>> findingsByTree)
        {
            Histories = histories;
            _findingsByTree = findingsByTree;
        }

        public IReadOnlyList<MigrationHistory> Histories { get; }

        public static CompilationAnalysis Get(Compilation compilation, CancellationToken cancellationToken)
        {
            var slot = Slots.GetValue(compilation, _ => new Slot());
            if (Volatile.Read(ref slot.Value) is { } analysis)
            {
                return analysis;
            }

            lock (slot)
            {
                // A cancelled computation leaves the slot empty for the next caller.
                slot.Value ??= Compute(compilation, cancellationToken);
                return slot.Value;
            }
        }

        public IReadOnlyList<Finding> FindingsIn(SyntaxTree tree) =>
            _findingsByTree.TryGetValue(tree, out var findings) ? findings : (IReadOnlyList<Finding>)System.Array.Empty<Finding>();

        private static CompilationAnalysis Compute(Compilation compilation, CancellationToken cancellationToken)
        {
            var histories = HistoryBuilder.Build(compilation, cancellationToken);
            var byTree = new Dictionary<SyntaxTree, List<Finding>>();
            foreach (var history in histories)
            {
                foreach (var finding in CompatibilityChecker.Check(history, Releases.Default(history), cancellationToken))
                {
                    var tree = finding.Location.SourceTree!;
                    if (!byTree.TryGetValue(tree, out var list))
                    {
                        list = new List<Finding>();
                        byTree.Add(tree, list);
                    }

                    list.Add(finding);
                }
            }

            return new CompilationAnalysis(histories, byTree);
        }

        private sealed class Slot
        {
            public CompilationAnalysis? Value;
        }
    }
}
