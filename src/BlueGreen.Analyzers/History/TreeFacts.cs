using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.History
{
    /// <summary>
    /// What one syntax tree contributes, computed once per tree and kept as long as the tree lives.
    /// Trees are immutable and shared between successive compilations, so an IDE edit to one migration
    /// re-reads that tree only. Everything here is syntactic; symbols are looked up per compilation.
    /// </summary>
    internal sealed class TreeFacts
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> Cache = new ConditionalWeakTable<SyntaxTree, TreeFacts>();

        private readonly ConcurrentDictionary<TextSpan, MigrationOperations> _operations = new ConcurrentDictionary<TextSpan, MigrationOperations>();
        private readonly ConcurrentDictionary<TextSpan, TargetModel> _models = new ConcurrentDictionary<TextSpan, TargetModel>();
        private readonly ConcurrentDictionary<TextSpan, Provider?> _providers = new ConcurrentDictionary<TextSpan, Provider?>();

        private readonly SyntaxTree _tree;
        private IReadOnlyList<SyntaxNode>? _usageCandidates;
        private Dictionary<string, List<ClassDeclarationSyntax>>? _classesByName;

        private TreeFacts(SyntaxTree tree, IReadOnlyList<ClassDeclarationSyntax> classes)
        {
            _tree = tree;
            Classes = classes;
        }

        /// <summary>Class declarations that could be a migration or snapshot: those with a base list (a designer partial is found from its symbol).</summary>
        public IReadOnlyList<ClassDeclarationSyntax> Classes { get; }

        public static TreeFacts Get(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(tree, out var facts))
            {
                return facts;
            }

            facts = new TreeFacts(tree, FindClasses(tree.GetRoot(cancellationToken), cancellationToken));
            return Cache.GetValue(tree, _ => facts);
        }

        /// <summary>
        /// Nodes that may pass a database name to an API BG0011 follows (see <see cref="Usage.UsageCandidates"/>): walked
        /// once per tree, syntax only.
        /// </summary>
        public IReadOnlyList<SyntaxNode> UsageCandidates(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _usageCandidates) is { } candidates)
            {
                return candidates;
            }

            candidates = Usage.UsageCandidates.Find(_tree.GetRoot(cancellationToken), cancellationToken);
            Interlocked.CompareExchange(ref _usageCandidates, candidates, null);
            return candidates;
        }

        /// <summary>
        /// The declarations (partial or not) of the class with this metadata name in the tree, in order: where a class
        /// found by symbol in an earlier compilation of the same declarations is, in this tree.
        /// </summary>
        public IReadOnlyList<ClassDeclarationSyntax> ClassesNamed(string metadataName, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _classesByName) is not { } byName)
            {
                byName = new Dictionary<string, List<ClassDeclarationSyntax>>(System.StringComparer.Ordinal);
                foreach (var node in _tree.GetRoot(cancellationToken).DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    if (node is ClassDeclarationSyntax declaration)
                    {
                        var name = HistoryBuilder.MetadataName(declaration);
                        if (!byName.TryGetValue(name, out var list))
                        {
                            byName.Add(name, list = new List<ClassDeclarationSyntax>());
                        }

                        list.Add(declaration);
                    }
                }

                byName = Interlocked.CompareExchange(ref _classesByName, byName, null) ?? byName;
            }

            return byName.TryGetValue(metadataName, out var classes) ? classes : (IReadOnlyList<ClassDeclarationSyntax>)System.Array.Empty<ClassDeclarationSyntax>();
        }

        // Looked up first, and read in methods of their own: the replay asks for every migration's operations and models
        // once per compilation, and a method whose lambda captures its parameters allocates the closure on entry, found or not.
        public MigrationOperations Operations(MethodDeclarationSyntax? method, CancellationToken cancellationToken) =>
            method is null ? MigrationOperations.Empty
            : _operations.TryGetValue(method.Span, out var operations) ? operations
            : ReadOperations(method, cancellationToken);

        public TargetModel Model(MethodDeclarationSyntax method, CancellationToken cancellationToken, EntityDefinitions? entities = null) =>
            _models.TryGetValue(method.Span, out var model) ? model : ReadModel(method, cancellationToken, entities);

        private MigrationOperations ReadOperations(MethodDeclarationSyntax method, CancellationToken cancellationToken) =>
            _operations.GetOrAdd(method.Span, _ => OperationReader.Read(method, cancellationToken));

        private TargetModel ReadModel(MethodDeclarationSyntax method, CancellationToken cancellationToken, EntityDefinitions? entities) =>
            _models.GetOrAdd(method.Span, _ => ModelReader.Read(method, cancellationToken, entities));

        public Provider? Provider(MethodDeclarationSyntax method) =>
            _providers.GetOrAdd(method.Span, _ => ProviderDetection.Of(method));

        private static List<ClassDeclarationSyntax> FindClasses(SyntaxNode root, CancellationToken cancellationToken)
        {
            var classes = new List<ClassDeclarationSyntax>();

            // Only namespaces and types are descended into: member bodies are never walked here.
            foreach (var node in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is ClassDeclarationSyntax declaration && declaration.BaseList is not null)
                {
                    classes.Add(declaration);
                }
            }

            return classes;
        }
    }
}
