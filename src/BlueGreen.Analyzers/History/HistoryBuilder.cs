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
            var migrationType = compilation.GetTypeByMetadataName(MigrationTypeName);
            if (migrationType is null)
            {
                return Array.Empty<MigrationHistory>();
            }

            var snapshotType = compilation.GetTypeByMetadataName(SnapshotTypeName);
            var migrationAttribute = compilation.GetTypeByMetadataName(MigrationAttributeName);
            var contextAttribute = compilation.GetTypeByMetadataName(DbContextAttributeName);

            var migrations = new Dictionary<INamedTypeSymbol, List<MigrationEntry>>(SymbolEqualityComparer.Default);
            var snapshots = new Dictionary<INamedTypeSymbol, MethodDeclarationSyntax>(SymbolEqualityComparer.Default);
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var binder = new ConstantBinder(compilation, cancellationToken);

            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var declaration in TreeFacts.Get(tree, cancellationToken).Classes)
                {
                    if (compilation.GetTypeByMetadataName(MetadataName(declaration)) is not { } type
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

                    // EF itself only applies migrations that name their id and their context.
                    if (context is null)
                    {
                        continue;
                    }

                    if (!isMigration)
                    {
                        if (Method(type, "BuildModel", cancellationToken) is { } buildModel && !snapshots.ContainsKey(context))
                        {
                            snapshots.Add(context, buildModel);
                        }

                        continue;
                    }

                    if (id is null)
                    {
                        continue;
                    }

                    if (!migrations.TryGetValue(context, out var list))
                    {
                        list = new List<MigrationEntry>();
                        migrations.Add(context, list);
                    }

                    list.Add(new MigrationEntry(
                        id,
                        type,
                        Method(type, "Up", cancellationToken),
                        Method(type, "Down", cancellationToken),
                        Method(type, "BuildTargetModel", cancellationToken),
                        binder));
                }
            }

            var histories = new List<MigrationHistory>();
            foreach (var pair in migrations.OrderBy(pair => pair.Key.ToDisplayString(), StringComparer.Ordinal))
            {
                // Ordinal id order, as EF applies them; ties (duplicate ids) broken by class name for determinism.
                var ordered = pair.Value
                    .OrderBy(migration => migration.Id, StringComparer.Ordinal)
                    .ThenBy(migration => migration.Symbol.ToDisplayString(), StringComparer.Ordinal)
                    .ToList();
                snapshots.TryGetValue(pair.Key, out var snapshot);
                histories.Add(new MigrationHistory(pair.Key, ordered, snapshot));
            }

            return histories;
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
        private static MethodDeclarationSyntax? Method(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax method && method.Identifier.ValueText == name && method.ParameterList.Parameters.Count == 1)
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        /// <summary>The metadata name of a declared class: <c>Ns.Outer+Inner`1</c>.</summary>
        private static string MetadataName(ClassDeclarationSyntax declaration)
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
    }
}
