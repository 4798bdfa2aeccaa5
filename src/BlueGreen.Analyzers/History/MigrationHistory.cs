using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.History
{
    /// <summary>The migrations of one DbContext, ordered by id as EF orders them, and its model snapshot.</summary>
    internal sealed class MigrationHistory
    {
        private readonly System.Func<INamedTypeSymbol>? _findContext;
        private INamedTypeSymbol? _context;

        public MigrationHistory(INamedTypeSymbol context, IReadOnlyList<MigrationEntry> migrations, MethodDeclarationSyntax? snapshotModel)
        {
            _context = context;
            Migrations = migrations;
            SnapshotModelMethod = snapshotModel;
        }

        /// <summary>A history whose context is looked up (<paramref name="findContext"/>) only if asked for.</summary>
        public MigrationHistory(System.Func<INamedTypeSymbol> findContext, IReadOnlyList<MigrationEntry> migrations, MethodDeclarationSyntax? snapshotModel)
        {
            _findContext = findContext;
            Migrations = migrations;
            SnapshotModelMethod = snapshotModel;
        }

        public INamedTypeSymbol Context => _context ??= _findContext!();

        public IReadOnlyList<MigrationEntry> Migrations { get; }

        /// <summary>The snapshot's <c>BuildModel</c>: the current model; null without a snapshot.</summary>
        public MethodDeclarationSyntax? SnapshotModelMethod { get; }

        /// <summary>The provider the snapshot, else the newest designer, was written for (see <see cref="ProviderDetection"/>).</summary>
        public Provider? Provider(CancellationToken cancellationToken)
        {
            var method = SnapshotModelMethod ?? (Migrations.Count > 0 ? Migrations[Migrations.Count - 1].TargetModelMethod : null);
            return method is null ? null : TreeFacts.Get(method.SyntaxTree, cancellationToken).Provider(method);
        }

        /// <param name="entities">Entities the history's designers configure with the same code (a speed-up only).</param>
        public TargetModel? CurrentModel(CancellationToken cancellationToken, EntityDefinitions? entities = null) =>
            SnapshotModelMethod is null ? null : TreeFacts.Get(SnapshotModelMethod.SyntaxTree, cancellationToken).Model(SnapshotModelMethod, cancellationToken, entities);
    }
}
