using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.History
{
    /// <summary>
    /// Finds every EF Core migration and model snapshot of a compilation and groups them into one
    /// history per DbContext. Candidates come from the per-tree syntactic facts; whether a class is a
    /// migration is decided by its symbol (it derives from EF's <c>Migration</c>, directly or through a
    /// custom base class), never by its name, so FluentMigrator's <c>Migration</c> does not count.
    /// </summary>
    internal static class HistoryBuilder
    {
        public const string MigrationTypeName = "Microsoft.EntityFrameworkCore.Migrations.Migration";
        public const string SnapshotTypeName = "Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot";
        private const string MigrationAttributeName = "Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute";
        private const string DbContextAttributeName = "Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute";

        public static IReadOnlyList<MigrationHistory> Build(Compilation compilation, CancellationToken cancellationToken)
        {
            if (!KnowsDeclarations(compilation, cancellationToken) && compilation.GetTypeByMetadataName(MigrationTypeName) is null)
            {
                return Array.Empty<MigrationHistory>();
            }

            // Which classes are migrations, with which id and context, is decided by symbol once for compilations that
            // declare the same (see Lineage); each compilation only finds their methods in its trees.
            var lineage = Lineage.Of(compilation, cancellationToken);
            var shape = lineage.Epoch.Get(() => Find(compilation, lineage.Trees, cancellationToken));
            var binder = new ConstantBinder(compilation, cancellationToken);
            var histories = new List<MigrationHistory>(shape.Count);
            foreach (var context in shape)
            {
                var migrations = new List<MigrationEntry>(context.Migrations.Count);
                foreach (var migration in context.Migrations)
                {
                    var (up, down, target) = Methods(migration.Declarations(lineage.Trees, cancellationToken), "Up", "Down", "BuildTargetModel");
                    migrations.Add(new MigrationEntry(migration.Id, compilation, migration.MetadataName, up, down, target, binder));
                }

                var snapshot = context.Snapshot is { } snapshotClass ? Method(snapshotClass.Declarations(lineage.Trees, cancellationToken), "BuildModel") : null;
                var first = migrations[0];
                histories.Add(new MigrationHistory(() => ContextOf(first.Symbol, compilation)!, migrations, snapshot));
            }

            return histories;
        }

        /// <summary>
        /// Whether an earlier compilation of the same declarations found the migration classes already: then
        /// <see cref="Build"/> binds no symbol.
        /// </summary>
        /// <remarks>
        /// Such a compilation has EF's <c>Migration</c> type as the earlier one had (same references): it is not looked up,
        /// as the first lookup in a new compilation builds its symbol tables.
        /// </remarks>
        public static bool KnowsDeclarations(Compilation compilation, CancellationToken cancellationToken) =>
            Lineage.Known(compilation, cancellationToken)?.Epoch.Has<List<ContextShape>>() == true;

        /// <summary>The migration and snapshot classes of a compilation, by symbol, grouped and ordered as the histories are.</summary>
        private static List<ContextShape> Find(Compilation compilation, IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
        {
            var migrationType = compilation.GetTypeByMetadataName(MigrationTypeName);
            if (migrationType is null)
            {
                return new List<ContextShape>();
            }

            var snapshotType = compilation.GetTypeByMetadataName(SnapshotTypeName);
            var treeIndexes = new Dictionary<SyntaxTree, int>();
            for (var index = 0; index < trees.Count; index++)
            {
                treeIndexes[trees[index]] = index;
            }

            var migrations = new Dictionary<INamedTypeSymbol, List<(MigrationShape Shape, string DisplayName)>>(SymbolEqualityComparer.Default);
            var snapshots = new Dictionary<INamedTypeSymbol, ClassShape>(SymbolEqualityComparer.Default);
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var declaration in TreeFacts.Get(tree, cancellationToken).Classes)
                {
                    var metadataName = MetadataName(declaration);
                    if (compilation.GetTypeByMetadataName(metadataName) is not { } type
                        || type.IsAbstract
                        || !seen.Add(type))
                    {
                        continue;
                    }

                    var isMigration = DerivesFrom(type, migrationType);
                    if (!isMigration && (snapshotType is null || !DerivesFrom(type, snapshotType)))
                    {
                        continue;
                    }

                    var (id, context) = Attributes(type, compilation);

                    // EF itself only applies migrations that name their id and their context.
                    if (context is null)
                    {
                        continue;
                    }

                    var shape = new ClassShape(metadataName, Declarations(type, metadataName, treeIndexes, cancellationToken));
                    if (!isMigration)
                    {
                        if (Method(shape.Declarations(trees, cancellationToken), "BuildModel") is not null && !snapshots.ContainsKey(context))
                        {
                            snapshots.Add(context, shape);
                        }

                        continue;
                    }

                    if (id is null)
                    {
                        continue;
                    }

                    if (!migrations.TryGetValue(context, out var list))
                    {
                        list = new List<(MigrationShape, string)>();
                        migrations.Add(context, list);
                    }

                    list.Add((new MigrationShape(id, shape), type.ToDisplayString()));
                }
            }

            var contexts = new List<ContextShape>();
            foreach (var pair in migrations.OrderBy(pair => pair.Key.ToDisplayString(), StringComparer.Ordinal))
            {
                // Ordinal id order, as EF applies them; ties (duplicate ids) broken by class name for determinism.
                var ordered = pair.Value
                    .OrderBy(migration => migration.Shape.Id, StringComparer.Ordinal)
                    .ThenBy(migration => migration.DisplayName, StringComparer.Ordinal)
                    .Select(migration => migration.Shape)
                    .ToList();
                snapshots.TryGetValue(pair.Key, out var snapshot);
                contexts.Add(new ContextShape(ordered, snapshot));
            }

            return contexts;
        }

        /// <summary>The id of <c>[Migration]</c> and the context of <c>[DbContext]</c>; null where not given.</summary>
        private static (string? Id, INamedTypeSymbol? Context) Attributes(INamedTypeSymbol type, Compilation compilation)
        {
            var migrationAttribute = compilation.GetTypeByMetadataName(MigrationAttributeName);
            var contextAttribute = compilation.GetTypeByMetadataName(DbContextAttributeName);
            string? id = null;
            INamedTypeSymbol? context = null;
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, migrationAttribute) && attribute.ConstructorArguments.Length == 1)
                {
                    id = attribute.ConstructorArguments[0].Value as string;
                }
                else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, contextAttribute) && attribute.ConstructorArguments.Length == 1)
                {
                    context = attribute.ConstructorArguments[0].Value as INamedTypeSymbol;
                }
            }

            return (id, context);
        }

        private static INamedTypeSymbol? ContextOf(INamedTypeSymbol migration, Compilation compilation) => Attributes(migration, compilation).Context;

        /// <summary>Where the type is declared: for each of its declarations, in order, the tree (by index) and which of the tree's declarations of that name.</summary>
        private static List<(int Tree, int Ordinal)> Declarations(INamedTypeSymbol type, string metadataName, Dictionary<SyntaxTree, int> treeIndexes, CancellationToken cancellationToken)
        {
            var declarations = new List<(int, int)>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration && treeIndexes.TryGetValue(reference.SyntaxTree, out var tree))
                {
                    var ordinal = 0;
                    foreach (var candidate in TreeFacts.Get(reference.SyntaxTree, cancellationToken).ClassesNamed(metadataName, cancellationToken))
                    {
                        if (candidate.Span == declaration.Span)
                        {
                            declarations.Add((tree, ordinal));
                            break;
                        }

                        ordinal++;
                    }
                }
            }

            return declarations;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The method declared with a body in any partial of the type (Up in one file, BuildTargetModel in the designer).</summary>
        private static MethodDeclarationSyntax? Method(IReadOnlyList<ClassDeclarationSyntax> declarations, string name) =>
            Methods(declarations, name, null, null).First;

        /// <summary>
        /// The first one-parameter method of each name among the declarations' members, in one walk of them (a migration's
        /// three are looked for in every compilation).
        /// </summary>
        private static (MethodDeclarationSyntax? First, MethodDeclarationSyntax? Second, MethodDeclarationSyntax? Third) Methods(
            IReadOnlyList<ClassDeclarationSyntax> declarations, string first, string? second, string? third)
        {
            MethodDeclarationSyntax? one = null, two = null, three = null;
            foreach (var declaration in declarations)
            {
                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } method)
                    {
                        var name = method.Identifier.ValueText;
                        if (name == first)
                        {
                            one ??= method;
                        }
                        else if (name == second)
                        {
                            two ??= method;
                        }
                        else if (name == third)
                        {
                            three ??= method;
                        }
                    }
                }
            }

            return (one, two, three);
        }

        /// <summary>The metadata name of a declared class: <c>Ns.Outer+Inner`1</c>.</summary>
        internal static string MetadataName(ClassDeclarationSyntax declaration)
        {
            var parts = new List<string>();
            SyntaxNode? node = declaration;
            var name = string.Empty;
            while (node is not null)
            {
                switch (node)
                {
                    case TypeDeclarationSyntax type:
                        var typeName = type.Identifier.ValueText + (type.Arity > 0 ? "`" + type.Arity : string.Empty);
                        name = name.Length == 0 ? typeName : typeName + "+" + name;
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        parts.Insert(0, ns.Name.ToString());
                        break;
                }

                node = node.Parent;
            }

            parts.Add(name);
            return string.Join(".", parts.Where(part => part.Length > 0)).Replace(" ", string.Empty);
        }

        /// <summary>The classes of one context's history, as symbols told them, in history order; no symbol or tree is kept.</summary>
        private sealed class ContextShape
        {
            public ContextShape(List<MigrationShape> migrations, ClassShape? snapshot)
            {
                Migrations = migrations;
                Snapshot = snapshot;
            }

            public List<MigrationShape> Migrations { get; }

            public ClassShape? Snapshot { get; }
        }

        private sealed class MigrationShape : ClassShape
        {
            public MigrationShape(string id, ClassShape shape)
                : base(shape.MetadataName, shape.DeclarationIndexes)
            {
                Id = id;
            }

            public string Id { get; }
        }

        /// <summary>A class by metadata name, and where its declarations are: as tree index and rank among the tree's declarations of that name.</summary>
        private class ClassShape
        {
            public ClassShape(string metadataName, List<(int Tree, int Ordinal)> declarations)
            {
                MetadataName = metadataName;
                DeclarationIndexes = declarations;
            }

            public string MetadataName { get; }

            public List<(int Tree, int Ordinal)> DeclarationIndexes { get; }

            /// <summary>The declarations in the trees of a compilation of the same declarations, in the symbol's order.</summary>
            public List<ClassDeclarationSyntax> Declarations(IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
            {
                var declarations = new List<ClassDeclarationSyntax>(DeclarationIndexes.Count);
                foreach (var (tree, ordinal) in DeclarationIndexes)
                {
                    declarations.Add(TreeFacts.Get(trees[tree], cancellationToken).ClassesNamed(MetadataName, cancellationToken)[ordinal]);
                }

                return declarations;
            }
        }
    }
}
