using System.Threading;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.History
{
    /// <summary>
    /// One EF Core migration of a history: its id, and where its <c>Up</c>, <c>Down</c> and
    /// <c>BuildTargetModel</c> are (usually the migration file and its <c>.Designer.cs</c> partial).
    /// Operations and the target model are read on first use, from the per-tree cache.
    /// </summary>
    internal sealed class MigrationEntry
    {
        private readonly ConstantBinder? _binder;
        private readonly Compilation? _compilation;
        private readonly string? _metadataName;
        private INamedTypeSymbol? _symbol;
        private MigrationOperations? _boundUp;

        // The per-tree reads, kept once found: the checker asks for them several times per migration, and each ask would
        // look the tree and then the method up again (an entry lives for one compilation, as its trees do).
        private MigrationOperations? _up;
        private TargetModel? _targetModel;

        public MigrationEntry(string id, INamedTypeSymbol symbol, MethodDeclarationSyntax? up, MethodDeclarationSyntax? down, MethodDeclarationSyntax? targetModel, ConstantBinder? binder = null)
            : this(id, up, down, targetModel, binder)
        {
            _symbol = symbol;
        }

        /// <summary>A migration whose class is looked up by <paramref name="metadataName"/> in the compilation only if asked for.</summary>
        public MigrationEntry(string id, Compilation compilation, string metadataName, MethodDeclarationSyntax? up, MethodDeclarationSyntax? down, MethodDeclarationSyntax? targetModel, ConstantBinder? binder)
            : this(id, up, down, targetModel, binder)
        {
            _compilation = compilation;
            _metadataName = metadataName;
        }

        private MigrationEntry(string id, MethodDeclarationSyntax? up, MethodDeclarationSyntax? down, MethodDeclarationSyntax? targetModel, ConstantBinder? binder)
        {
            _binder = binder;
            Id = id;
            Up = up;
            Down = down;
            TargetModelMethod = targetModel;
        }

        public string Id { get; }

        /// <summary>The migration's class (found by its metadata name, which the history builder found it by).</summary>
        public INamedTypeSymbol Symbol => _symbol ??= _compilation!.GetTypeByMetadataName(_metadataName!)!;

        public MethodDeclarationSyntax? Up { get; }

        public MethodDeclarationSyntax? Down { get; }

        /// <summary>The designer's <c>BuildTargetModel</c>; null for a migration written without a designer.</summary>
        public MethodDeclarationSyntax? TargetModelMethod { get; }

        /// <summary>
        /// Up's operations: the per-tree syntactic read, cached across compilations; where it could not follow
        /// everything (names in const fields), read again once for this compilation with the constant binder.
        /// </summary>
        public MigrationOperations UpOperations(CancellationToken cancellationToken)
        {
            if (Up is null)
            {
                return MigrationOperations.Empty;
            }

            var operations = _up ??= TreeFacts.Get(Up.SyntaxTree, cancellationToken).Operations(Up, cancellationToken);
            if (operations.IsComplete || _binder is null)
            {
                return operations;
            }

            return _boundUp ??= OperationReader.Read(Up, cancellationToken, _binder);
        }

        /// <summary>The model after this migration; null when there is no designer to read it from.</summary>
        /// <param name="entities">Entities the history's other designers configure with the same code (a speed-up only).</param>
        public TargetModel? TargetModel(CancellationToken cancellationToken, EntityDefinitions? entities = null) =>
            TargetModelMethod is null ? null : _targetModel ??= TreeFacts.Get(TargetModelMethod.SyntaxTree, cancellationToken).Model(TargetModelMethod, cancellationToken, entities);

        public override string ToString() => Id;
    }
}
