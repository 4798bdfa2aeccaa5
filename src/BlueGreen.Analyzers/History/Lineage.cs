using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BlueGreen.Analyzers.History
{
    /// <summary>
    /// What a compilation shares with one analyzed before it. An IDE edit makes a new compilation that differs from the
    /// last one in one tree, usually inside one method body; when every difference is inside method bodies (Roslyn's own
    /// top-level equivalence) and the references and options are the same, every declaration is the same, and whatever
    /// was learned by symbol from a tree that did not change still holds. Such compilations share one <see cref="Epoch"/>,
    /// on which the per-compilation work hangs what it can reuse (which classes are migrations, what code names which
    /// column); any other change starts a new epoch, and everything is found again.
    /// </summary>
    internal sealed class Lineage
    {
        private static readonly ConditionalWeakTable<Compilation, Lineage> ByCompilation = new ConditionalWeakTable<Compilation, Lineage>();

        // The lineage of the last compilation seen holding each tree: where a new compilation looks for its predecessor.
        private static readonly ConditionalWeakTable<SyntaxTree, Latest> LatestByTree = new ConditionalWeakTable<SyntaxTree, Latest>();

        // Compilations found to have no predecessor: every rule's start action asks, and the search compares trees.
        private static readonly ConditionalWeakTable<Compilation, object> WithoutPredecessor = new ConditionalWeakTable<Compilation, object>();
        private static readonly object None = new object();

        private readonly SyntaxTree[] _trees;
        private readonly MetadataReference[] _references;
        private readonly CompilationOptions _options;
        private readonly string? _assemblyName;

        private Lineage(SyntaxTree[] trees, MetadataReference[] references, CompilationOptions options, string? assemblyName, Epoch epoch)
        {
            _trees = trees;
            _references = references;
            _options = options;
            _assemblyName = assemblyName;
            Epoch = epoch;
        }

        /// <summary>Shared by the compilations whose declarations are all the same.</summary>
        public Epoch Epoch { get; }

        /// <summary>The compilation's trees, in its order (the order every per-epoch fact's tree indexes refer to).</summary>
        public IReadOnlyList<SyntaxTree> Trees => _trees;

        public static Lineage Of(Compilation compilation, CancellationToken cancellationToken)
        {
            if (Known(compilation, cancellationToken) is { } known)
            {
                return known;
            }

            var trees = compilation.SyntaxTrees.ToArray();
            return Register(compilation, new Lineage(trees, compilation.References.ToArray(), compilation.Options, compilation.AssemblyName, new Epoch()));
        }

        /// <summary>
        /// The compilation's lineage if it has one, or one sharing the epoch of a compilation seen before with the same
        /// declarations; null, registering nothing, when there is none (a compilation never seen, or one that declares anew).
        /// </summary>
        public static Lineage? Known(Compilation compilation, CancellationToken cancellationToken)
        {
            if (ByCompilation.TryGetValue(compilation, out var lineage))
            {
                return lineage;
            }

            if (WithoutPredecessor.TryGetValue(compilation, out _))
            {
                return null;
            }

            SyntaxTree[]? trees = null;
            MetadataReference[]? references = null;
            List<Lineage>? tried = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                // A tree shared with another project's compilation (a linked file) can point elsewhere: a few are tried.
                if (!LatestByTree.TryGetValue(tree, out var latest) || latest.Lineage is not { } candidate || tried?.Contains(candidate) == true)
                {
                    continue;
                }

                trees ??= compilation.SyntaxTrees.ToArray();
                references ??= compilation.References.ToArray();
                if (candidate.SameDeclarations(trees, references, compilation, cancellationToken))
                {
                    return Register(compilation, new Lineage(trees, references, compilation.Options, compilation.AssemblyName, candidate.Epoch));
                }

                (tried ??= new List<Lineage>()).Add(candidate);
                if (tried.Count == 3)
                {
                    break;
                }
            }

            WithoutPredecessor.GetValue(compilation, _ => None);
            return null;
        }

        private static Lineage Register(Compilation compilation, Lineage created)
        {
            var lineage = ByCompilation.GetValue(compilation, _ => created);
            foreach (var tree in lineage._trees)
            {
                LatestByTree.GetValue(tree, _ => new Latest()).Lineage = lineage;
            }

            return lineage;
        }

        /// <summary>Whether the compilation made of these trees and references declares exactly what this one does.</summary>
        private bool SameDeclarations(SyntaxTree[] trees, MetadataReference[] references, Compilation compilation, CancellationToken cancellationToken)
        {
            if (trees.Length != _trees.Length
                || references.Length != _references.Length
                || !ReferenceEquals(compilation.Options, _options) && !compilation.Options.Equals(_options)
                || compilation.AssemblyName != _assemblyName)
            {
                return false;
            }

            for (var index = 0; index < references.Length; index++)
            {
                if (!ReferenceEquals(references[index], _references[index]))
                {
                    return false;
                }
            }

            for (var index = 0; index < trees.Length; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = _trees[index];
                var after = trees[index];
                if (!ReferenceEquals(before, after)
                    && !(before.FilePath == after.FilePath
                        && before.Options.Equals(after.Options)
                        && SyntaxFactory.AreEquivalent(before, after, topLevel: true)))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class Latest
        {
            public Lineage? Lineage;
        }
    }

    /// <summary>
    /// The compilations whose declarations are all the same (see <see cref="Lineage"/>): what they share is computed once
    /// and kept here. Holds no compilation, symbol or tree: only facts about them, and per-tree facts keyed weakly by tree.
    /// </summary>
    internal sealed class Epoch
    {
        private readonly ConcurrentDictionary<Type, object> _facts = new ConcurrentDictionary<Type, object>();
        private readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<Type, object>> _treeFacts =
            new ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<Type, object>>();

        /// <summary>A fact of the epoch's compilations, computed by the first that asks (one per type).</summary>
        public T Get<T>(Func<T> compute)
            where T : class =>
            (T)_facts.GetOrAdd(typeof(T), _ => compute());

        /// <summary>Whether a compilation of the epoch has computed this fact already.</summary>
        public bool Has<T>()
            where T : class =>
            _facts.ContainsKey(typeof(T));

        /// <summary>A fact of one tree in the epoch's compilations, which may depend on symbols declared anywhere (one per type).</summary>
        public T Get<T>(SyntaxTree tree, Func<T> compute)
            where T : class =>
            (T)_treeFacts.GetValue(tree, _ => new ConcurrentDictionary<Type, object>()).GetOrAdd(typeof(T), _ => compute());
    }
}
