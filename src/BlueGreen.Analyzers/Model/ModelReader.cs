using System;
using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Reads the model a designer's <c>BuildTargetModel</c> or a snapshot's <c>BuildModel</c> builds, into
    /// the columns each table maps, following EF's mapping conventions rather than only what is spelled
    /// out: owned types share their owner's table with <c>Navigation_Property</c> columns, TPH derived
    /// types live in their base's table. Matches entities by the names used in the same file only, so
    /// hand-edited entity names in old designers do not matter.
    /// </summary>
    internal static class ModelReader
    {
        // Mapping shapes this reader does not place yet; the tables they touch become "unknown".
        private static readonly HashSet<string> UncertainCalls = new HashSet<string>
        {
            "SplitToTable", "SplitToView", "ToFunction", "ToSqlQuery", "ComplexProperty", "ComplexCollection",
            "UseTpcMappingStrategy", "UseTptMappingStrategy", "HasComplexProperty",
        };

        public static TargetModel Read(MethodDeclarationSyntax? method, CancellationToken cancellationToken)
        {
            if (method?.Body is not { } body)
            {
                return TargetModel.Empty;
            }

            var modelBuilder = method.ParameterList.Parameters.Count == 1 ? method.ParameterList.Parameters[0].Identifier.ValueText : "modelBuilder";
            var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
            var order = new List<Entity>();
            string? defaultSchema = null;
            foreach (var statement in body.Statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Calls.StatementExpression(statement) is not { } expression)
                {
                    continue;
                }

                foreach (var call in Calls.Chain(expression))
                {
                    switch (Calls.MethodName(call))
                    {
                        case "HasDefaultSchema" when call.ArgumentList.Arguments.Count == 1:
                            defaultSchema = Arguments.Fold(call.ArgumentList.Arguments[0].Expression).Value;
                            break;
                        case "Entity" when IsOn(call, modelBuilder) && call.ArgumentList.Arguments.Count == 2:
                            var name = Arguments.Fold(call.ArgumentList.Arguments[0].Expression);
                            if (name.Value is null)
                            {
                                continue;
                            }

                            if (!entities.TryGetValue(name.Value, out var entity))
                            {
                                entity = new Entity(owned: null);
                                entities.Add(name.Value, entity);
                                order.Add(entity);
                            }

                            ReadEntity(entity, call.ArgumentList.Arguments[1].Expression, cancellationToken);
                            break;
                    }
                }
            }

            return Place(entities, order, defaultSchema, cancellationToken);
        }

        private static bool IsOn(InvocationExpressionSyntax call, string receiver) =>
            Calls.Receiver(call) is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == receiver;

        private static void ReadEntity(Entity entity, ExpressionSyntax lambda, CancellationToken cancellationToken)
        {
            var builder = LambdaParameter(lambda);
            foreach (var statement in Calls.LambdaStatements(lambda))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Calls.StatementExpression(statement) is not { } expression)
                {
                    continue;
                }

                var chain = Calls.Chain(expression);
                if (chain.Count == 0 || !IsOn(chain[0], builder))
                {
                    // e.g. SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id")): a property already listed.
                    continue;
                }

                var root = chain[0];
                var arguments = root.ArgumentList.Arguments;
                var method = Calls.MethodName(root);
                switch (method)
                {
                    case "Property":
                        ReadProperty(entity, chain);
                        break;
                    case "HasBaseType" when arguments.Count == 1:
                        entity.BaseType = Arguments.Fold(arguments[0].Expression).Value;
                        break;
                    case "ToTable":
                        ReadToTable(entity, arguments);
                        break;
                    case "ToView":
                        entity.HasView = true;
                        break;
                    case "ToJson":
                        entity.JsonColumn = arguments.Count == 1 ? Arguments.Fold(arguments[0].Expression) : Folded.Null;
                        break;
                    case "HasKey":
                    case "WithOwner":
                        foreach (var call in chain)
                        {
                            if (Calls.MethodName(call) is "HasKey" or "HasForeignKey")
                            {
                                foreach (var argument in call.ArgumentList.Arguments)
                                {
                                    if (Arguments.Fold(argument.Expression).Value is { } key)
                                    {
                                        entity.Keys.Add(key);
                                    }
                                }
                            }
                        }

                        break;
                    case "OwnsOne":
                    case "OwnsMany":
                        ReadOwned(entity, method == "OwnsMany", arguments, cancellationToken);
                        break;
                    default:
                        if (method is not null && UncertainCalls.Contains(method))
                        {
                            entity.Uncertain = true;
                        }

                        break;
                }
            }
        }

        private static void ReadProperty(Entity entity, List<InvocationExpressionSyntax> chain)
        {
            var arguments = chain[0].ArgumentList.Arguments;

            // Property<T>("Name"), or Property(typeof(T), "Name") in some versions.
            var name = arguments.Count switch
            {
                1 => Arguments.Fold(arguments[0].Expression),
                2 => Arguments.Fold(arguments[1].Expression),
                _ => Folded.Unknown,
            };

            if (name.Value is null)
            {
                entity.Uncertain = true;
                return;
            }

            entity.Properties.TryGetValue(name.Value, out var column);
            foreach (var call in chain)
            {
                var method = Calls.MethodName(call);
                var callArguments = call.ArgumentList.Arguments;
                if (method == "HasColumnName" && callArguments.Count == 1)
                {
                    column = Arguments.Fold(callArguments[0].Expression).Value;
                }
                else if (method == "HasAnnotation" && callArguments.Count == 2
                    && Arguments.Fold(callArguments[0].Expression).Value == "Relational:ColumnName")
                {
                    // EF 2.x and 3.x designers spell a column name as an annotation.
                    column = Arguments.Fold(callArguments[1].Expression).Value;
                }
            }

            entity.Properties[name.Value] = column;
        }

        private static void ReadToTable(Entity entity, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            if (arguments.Count == 0)
            {
                return;
            }

            var name = Arguments.Fold(arguments[0].Expression);
            if (!name.IsKnown)
            {
                entity.Uncertain = true;
                return;
            }

            entity.HasTableCall = true;
            entity.Table = name.Value;

            // ToTable("X", "schema"), ToTable("X", (string)null), ToTable("X", t => ...), ToTable("X", "s", t => ...).
            foreach (var argument in arguments)
            {
                if (argument.Expression is LambdaExpressionSyntax lambda)
                {
                    // Table-specific column overrides (TPC, entity splitting) are not read yet.
                    foreach (var node in lambda.DescendantNodes())
                    {
                        if (node is InvocationExpressionSyntax invocation && Calls.MethodName(invocation) == "Property")
                        {
                            entity.Uncertain = true;
                        }
                    }
                }
            }

            if (arguments.Count >= 2 && arguments[1].Expression is not LambdaExpressionSyntax)
            {
                var schema = Arguments.Fold(arguments[1].Expression);
                entity.SchemaSpecified = true;
                entity.Schema = schema.Value;
                if (!schema.IsKnown)
                {
                    entity.Uncertain = true;
                }
            }
        }

        private static void ReadOwned(Entity owner, bool many, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
        {
            // OwnsOne("Ns.Type", "Navigation", b1 => { ... }); the navigation is the string before the lambda.
            if (arguments.Count < 2 || arguments[arguments.Count - 1].Expression is not LambdaExpressionSyntax lambda)
            {
                owner.Uncertain = true;
                return;
            }

            var navigation = Arguments.Fold(arguments[arguments.Count - 2].Expression).Value;
            if (navigation is null)
            {
                owner.Uncertain = true;
                return;
            }

            if (!owner.Owned.TryGetValue(navigation, out var owned))
            {
                owned = new Entity(new Ownership(navigation, many));
                owner.Owned.Add(navigation, owned);
            }

            ReadEntity(owned, lambda, cancellationToken);
        }

        private static string LambdaParameter(ExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized =>
                parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>Puts every entity's properties into the columns of the table EF maps them to.</summary>
        private static TargetModel Place(Dictionary<string, Entity> entities, List<Entity> order, string? defaultSchema, CancellationToken cancellationToken)
        {
            var tables = new Dictionary<TableKey, HashSet<string>>();
            var uncertain = new HashSet<TableKey>();
            var unplaced = false;

            foreach (var entity in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var table = TableOf(entity, entities, defaultSchema, out var known);
                if (!known)
                {
                    unplaced = true;
                    continue;
                }

                if (table is { } key)
                {
                    PlaceColumns(entity, key, prefix: null, tables, uncertain, defaultSchema, ref unplaced);
                    if (entity.Uncertain || IsUncertainHierarchy(entity, entities))
                    {
                        uncertain.Add(key);
                    }
                }
            }

            return new TargetModel(tables, uncertain, unplaced);
        }

        /// <summary>
        /// The table of a top-level entity: its own <c>ToTable</c>, else its TPH base's table; null when it
        /// maps to no table (a view, <c>ToTable((string)null)</c>). <paramref name="known"/> is false when
        /// EF's choice cannot be told from the file.
        /// </summary>
        private static TableKey? TableOf(Entity entity, Dictionary<string, Entity> entities, string? defaultSchema, out bool known)
        {
            var current = entity;
            for (var depth = 0; depth < 64; depth++)
            {
                if (current.HasTableCall)
                {
                    known = true;
                    return current.Table is null ? null : new TableKey(current.SchemaSpecified ? current.Schema ?? defaultSchema : defaultSchema, current.Table);
                }

                if (current.HasView)
                {
                    known = true;
                    return null;
                }

                if (current.BaseType is null || !entities.TryGetValue(current.BaseType, out var baseEntity))
                {
                    break;
                }

                current = baseEntity;
            }

            known = false;
            return null;
        }

        private static bool IsUncertainHierarchy(Entity entity, Dictionary<string, Entity> entities)
        {
            var current = entity;
            for (var depth = 0; depth < 64 && current.BaseType is not null && entities.TryGetValue(current.BaseType, out var baseEntity); depth++)
            {
                if (baseEntity.Uncertain)
                {
                    return true;
                }

                current = baseEntity;
            }

            return false;
        }

        private static void PlaceColumns(
            Entity entity,
            TableKey table,
            string? prefix,
            Dictionary<TableKey, HashSet<string>> tables,
            HashSet<TableKey> uncertain,
            string? defaultSchema,
            ref bool unplaced)
        {
            if (!tables.TryGetValue(table, out var columns))
            {
                columns = new HashSet<string>(StringComparer.Ordinal);
                tables.Add(table, columns);
            }

            foreach (var property in entity.Properties)
            {
                // An owned type's key in its owner's table is the owner's key, not a column of its own.
                if (prefix is not null && entity.Keys.Contains(property.Key))
                {
                    continue;
                }

                columns.Add(property.Value ?? (prefix is null ? property.Key : prefix + "_" + property.Key));
            }

            foreach (var owned in entity.Owned.Values)
            {
                var navigation = owned.Ownership!.Navigation;
                if (owned.JsonColumn is { } json)
                {
                    // A JSON-mapped owned type (and all it owns) is one column of its owner's table.
                    if (json.IsKnown)
                    {
                        columns.Add(json.Value ?? navigation);
                    }
                    else
                    {
                        uncertain.Add(table);
                    }

                    continue;
                }

                TableKey? ownedTable;
                if (owned.HasTableCall)
                {
                    ownedTable = owned.Table is null ? null : new TableKey(owned.SchemaSpecified ? owned.Schema ?? defaultSchema : table.Schema, owned.Table);
                }
                else if (owned.HasView)
                {
                    ownedTable = null;
                }
                else if (!owned.Ownership.Many)
                {
                    ownedTable = table;
                }
                else
                {
                    unplaced = true;
                    continue;
                }

                if (ownedTable is not { } target)
                {
                    continue;
                }

                if (owned.Uncertain)
                {
                    uncertain.Add(target);
                }

                var shared = target.Equals(table) && !owned.Ownership.Many;
                var ownedPrefix = shared ? (prefix is null ? navigation : prefix + "_" + navigation) : null;
                PlaceColumns(owned, target, ownedPrefix, tables, uncertain, defaultSchema, ref unplaced);
            }
        }

        private sealed class Entity
        {
            public Entity(Ownership? owned)
            {
                Ownership = owned;
            }

            public Ownership? Ownership { get; }

            /// <summary>Property name to its explicit column name (null: by convention).</summary>
            public Dictionary<string, string?> Properties { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

            public HashSet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal);

            public Dictionary<string, Entity> Owned { get; } = new Dictionary<string, Entity>(StringComparer.Ordinal);

            public string? BaseType { get; set; }

            public bool HasTableCall { get; set; }

            public string? Table { get; set; }

            public bool SchemaSpecified { get; set; }

            public string? Schema { get; set; }

            public bool HasView { get; set; }

            public Folded? JsonColumn { get; set; }

            public bool Uncertain { get; set; }
        }

        private sealed class Ownership
        {
            public Ownership(string navigation, bool many)
            {
                Navigation = navigation;
                Many = many;
            }

            public string Navigation { get; }

            public bool Many { get; }
        }
    }
}
