using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Reads the statements of a <c>BuildTargetModel</c> or <c>BuildModel</c> body into the entity, owned and complex
    /// types they configure, as written: which table, which properties, which key. Where each property lands is
    /// <see cref="ColumnPlacer"/>'s business.
    /// </summary>
    internal sealed partial class DefinitionReader
    {
        private readonly bool _syntax;
        private readonly string? _onlyEntity;
        private readonly CancellationToken _cancellationToken;

        private DefinitionReader(bool syntax, string? onlyEntity, CancellationToken cancellationToken)
        {
            _syntax = syntax;
            _onlyEntity = onlyEntity;
            _cancellationToken = cancellationToken;
        }

        /// <summary>
        /// What the method configures, without syntax: the model kept per tree holds no nodes, so the same definitions can
        /// serve every designer that configures an entity with the same code (<see cref="EntityDefinitions"/>).
        /// </summary>
        /// <param name="modelBuilder">The name of the method's <c>ModelBuilder</c> parameter.</param>
        /// <param name="entities">Definitions of entities already read from identical code; null: read every entity.</param>
        public static ModelDefinition Read(BlockSyntax body, string modelBuilder, CancellationToken cancellationToken, EntityDefinitions? entities = null) =>
            entities?.Read(body, modelBuilder, cancellationToken)
            ?? new DefinitionReader(syntax: false, onlyEntity: null, cancellationToken).ReadModel(body, modelBuilder);

        /// <summary>
        /// The one entity's definition with the statements that declare it (<see cref="TypeDefinition.Body"/>,
        /// <see cref="PropertyDefinition.Statement"/>): what a code fix edits.
        /// </summary>
        public static ModelDefinition ReadWithSyntax(BlockSyntax body, string modelBuilder, string entity, CancellationToken cancellationToken) =>
            new DefinitionReader(syntax: true, entity, cancellationToken).ReadModel(body, modelBuilder);

        /// <summary>The lambdas configuring one entity, in order, into a new definition (<see cref="EntityDefinitions"/>).</summary>
        public static TypeDefinition ReadEntityLambdas(string name, IReadOnlyList<LambdaExpressionSyntax> lambdas, CancellationToken cancellationToken)
        {
            var reader = new DefinitionReader(syntax: false, onlyEntity: null, cancellationToken);
            var entity = new TypeDefinition(TypeKind.Entity, name, parent: null);
            foreach (var lambda in lambdas)
            {
                reader.ReadType(entity, lambda);
            }

            return entity;
        }

        private ModelDefinition ReadModel(BlockSyntax body, string modelBuilder)
        {
            var model = new ModelDefinition();
            foreach (var (_, chain) in BuilderSyntax.ChainsOn(body, modelBuilder, _cancellationToken))
            {
                foreach (var call in chain)
                {
                    ReadModelCall(model, call);
                }
            }

            return model;
        }

        /// <summary>A call on the model builder setting the model's own defaults (schema, identifier length); an entity's configuration is not read here.</summary>
        public static void ReadModelSetting(ModelDefinition model, InvocationExpressionSyntax call)
        {
            var arguments = call.ArgumentList.Arguments;
            switch (Invocations.MethodName(call))
            {
                case "HasDefaultSchema" when arguments.Count == 1:
                    model.DefaultSchema = Arguments.Fold(arguments[0].Expression);
                    break;
                case "HasAnnotation" when arguments.Count == 2:
                    switch (Arguments.Fold(arguments[0].Expression).Value)
                    {
                        case "Relational:DefaultSchema":
                            model.DefaultSchema = Arguments.Fold(arguments[1].Expression);
                            break;
                        case "Relational:MaxIdentifierLength":
                            model.MaxIdentifierLength = BuilderSyntax.IntLiteral(arguments[1].Expression);
                            break;
                    }

                    break;
            }
        }

        private void ReadModelCall(ModelDefinition model, InvocationExpressionSyntax call)
        {
            if (Invocations.MethodName(call) == "Entity" && call.ArgumentList.Arguments.Count == 2)
            {
                ReadEntity(model, call.ArgumentList.Arguments);
            }
            else
            {
                ReadModelSetting(model, call);
            }
        }

        /// <summary><c>modelBuilder.Entity("Ns.Type", b =&gt; { ... })</c>: designers configure an entity once or twice.</summary>
        private void ReadEntity(ModelDefinition model, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            var name = Arguments.Fold(arguments[0].Expression).Value;
            if (name is null || arguments[1].Expression is not LambdaExpressionSyntax lambda)
            {
                model.Unreadable = true;
                return;
            }

            if (_onlyEntity is not null && name != _onlyEntity)
            {
                return;
            }

            if (!model.Entities.TryGetValue(name, out var entity))
            {
                entity = new TypeDefinition(TypeKind.Entity, name, parent: null);
                model.Entities.Add(name, entity);
                model.Order.Add(entity);
            }

            ReadType(entity, lambda);
        }

        /// <summary>Reads the statements of an entity, owned or complex type's builder lambda.</summary>
        private void ReadType(TypeDefinition type, LambdaExpressionSyntax lambda)
        {
            if (lambda.Body is BlockSyntax statements)
            {
                type.ExpectProperties(statements.Statements.Count);
            }

            var propertiesBefore = type.PropertyOrder.Count;
            ReadTypeStatements(type, lambda);
            if (lambda.Body is BlockSyntax block && (!type.HasBody || propertiesBefore == 0 && type.PropertyOrder.Count > 0))
            {
                type.HasBody = true;
                type.Body = _syntax ? block : null;
            }
        }

        private void ReadTypeStatements(TypeDefinition type, LambdaExpressionSyntax lambda)
        {
            var builder = BuilderSyntax.LambdaParameter(lambda);

            // One list for the lambda's statements (a nested owned or complex type's lambda has its own).
            var chain = new List<InvocationExpressionSyntax>();
            foreach (var statement in Invocations.LambdaStatements(lambda))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (Invocations.StatementExpression(statement) is not { } expression)
                {
                    type.Uncertain = true;
                    continue;
                }

                Invocations.Chain(expression, chain);
                if (chain.Count == 0 || !BuilderSyntax.IsOn(chain[0], builder))
                {
                    // Provider calls written type-qualified, e.g. SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"), 1L, 1):
                    // a property already listed, never a table or column name.
                    continue;
                }

                // An expression-bodied lambda's statement is made up: only a block's is in the file.
                ReadTypeCall(type, chain, statement.Parent is BlockSyntax ? statement as ExpressionStatementSyntax : null);
            }
        }

        /// <summary>One statement of a type's lambda: <paramref name="chain"/> starts on the type's builder.</summary>
        /// <param name="statement">The statement in the file; null when the lambda has no block.</param>
        private void ReadTypeCall(TypeDefinition type, List<InvocationExpressionSyntax> chain, ExpressionStatementSyntax? statement)
        {
            var root = chain[0];
            var arguments = root.ArgumentList.Arguments;
            switch (Invocations.MethodName(root))
            {
                case "Property":
                case "PrimitiveCollection":
                case "IndexerProperty":
                    PropertyReader.Read(type, chain, statement, _syntax);
                    break;
                case "HasBaseType" when arguments.Count == 1 && type.Kind == TypeKind.Entity:
                    var baseType = Arguments.Fold(arguments[0].Expression);
                    type.BaseType = baseType.Value;
                    type.Uncertain |= !baseType.IsKnown;
                    break;
                case "ToTable":
                    type.Table = TableCallReader.ReadTable(type, arguments, type.Table) ?? type.Table;
                    break;
                case "SplitToTable":
                    if (TableCallReader.ReadTable(type, arguments, existing: null) is { } fragment)
                    {
                        type.Fragments.Add(fragment);
                    }

                    break;
                case "ToView" when arguments.Count > 0:
                    var view = Arguments.Fold(arguments[0].Expression);
                    type.HasView = view.Value is not null || !view.IsKnown;
                    break;
                case "ToFunction":
                case "ToSqlQuery":
                    type.HasView = true;
                    break;
                case "ToJson":
                    type.JsonColumn = arguments.Count == 1 ? Arguments.Fold(arguments[0].Expression) : Folded.Null;
                    break;
                case "UseTpcMappingStrategy":
                    type.Strategy = MappingStrategies.Tpc;
                    break;
                case "UseTptMappingStrategy":
                    type.Strategy = MappingStrategies.Tpt;
                    break;
                case "UseTphMappingStrategy":
                    type.Strategy = MappingStrategies.Tph;
                    break;
                case "HasAnnotation" when arguments.Count == 2:
                    ReadTypeAnnotation(type, Arguments.Fold(arguments[0].Expression).Value, arguments[1].Expression);
                    break;
                case "HasKey":
                    ReadKey(type, arguments);
                    break;
                case "HasDiscriminator" when type.Kind == TypeKind.Entity:
                    ReadDiscriminator(type, chain);
                    break;
                case "HasNoKey":
                    type.Keyed = false;
                    type.PrimaryKey.Clear();
                    break;
                case "WithOwner":
                    ReadForeignKeyToOwner(type, chain, navigation: null);
                    break;
                case "HasOne":
                    // EF 2.x wrote an owned type's link to its owner as HasOne(owner).WithOne(navigation).HasForeignKey(...).
                    ReadForeignKeyToOwner(type, chain, navigation: type.Ownership?.Navigation);
                    break;
                case "OwnsOne":
                case "OwnsMany":
                    ReadOwned(type, Invocations.MethodName(root) == "OwnsMany", arguments);
                    break;
                case "ComplexProperty":
                case "ComplexCollection":
                    ReadComplex(type, Invocations.MethodName(root) == "ComplexCollection", arguments);
                    break;
                case "IsRequired" when type.Kind == TypeKind.Complex:
                    type.Required = BuilderSyntax.BoolArgument(root, absent: true);
                    break;
                case "Navigation" when arguments.Count == 1:
                    ReadRequiredNavigation(type, Arguments.Fold(arguments[0].Expression).Value, chain);
                    break;
            }
        }
    }
}
