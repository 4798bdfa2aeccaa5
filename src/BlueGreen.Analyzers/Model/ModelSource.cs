using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// The model method a <see cref="TargetModel"/> was read from, for the statements a code fix edits: the models kept per
    /// tree hold no syntax (their definitions may serve several designers, see <see cref="EntityDefinitions"/>), so an
    /// entity's statements are read again, with syntax, from this method when a fix first asks.
    /// </summary>
    internal sealed class ModelSource
    {
        private readonly BlockSyntax _body;
        private readonly string _modelBuilder;
        // Made on first need: most models never serve a fix.
        private ConcurrentDictionary<string, ModelDefinition>? _entities;

        public ModelSource(BlockSyntax body, string modelBuilder)
        {
            _body = body;
            _modelBuilder = modelBuilder;
        }

        /// <summary>The type at <paramref name="typePath"/> with its <see cref="TypeDefinition.Body"/>; null when the method declares none in a block.</summary>
        public TypeDefinition? Type(string typePath)
        {
            var slash = typePath.IndexOf('/');
            var entity = slash < 0 ? typePath : typePath.Substring(0, slash);

            // One entity's statements: small, and what a fix is about to edit anyway, so not worth a cancellation token.
            var entities = LazyInitializer.EnsureInitialized(ref _entities, () => new ConcurrentDictionary<string, ModelDefinition>(StringComparer.Ordinal))!;
            return entities.GetOrAdd(entity, name => DefinitionReader.ReadWithSyntax(_body, _modelBuilder, name, CancellationToken.None)).TypeWithBody(typePath);
        }

        /// <summary>The property declared once in <paramref name="typePath"/>'s block, with its statement; null when there is no such statement.</summary>
        public PropertyDefinition? Property(string typePath, string name) =>
            Type(typePath) is { } type && type.Properties.TryGetValue(name, out var property) && property.Statement is not null ? property : null;
    }
}
