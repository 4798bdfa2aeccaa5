using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Reads the model a designer's <c>BuildTargetModel</c> or a snapshot's <c>BuildModel</c> builds, into the
    /// columns each table maps, following EF's mapping conventions (as EF Core 3.1 to 10 write and read them)
    /// rather than only what is spelled out:
    /// <list type="bullet">
    /// <item>owned types sharing their owner's table get <c>Navigation_Property</c> columns, nested owners chained;
    /// owned types with a table of their own (<c>OwnsMany</c>, or <c>ToTable</c>) keep their names and key;</item>
    /// <item>complex types (EF 8+) get <c>Property_Nested_Name</c> columns in their entity's table;</item>
    /// <item>JSON-mapped owned and complex types (<c>ToJson</c>, complex collections) are one column;</item>
    /// <item>TPH derived types live in their base's table; a derived type with a table of its own (TPT, and EF 5
    /// and 6 which had no strategy annotation) maps its own properties there, plus the key; TPC concrete types map
    /// every inherited property too;</item>
    /// <item>entity splitting (<c>SplitToTable</c>) puts the listed properties in the fragment table, plus the key;</item>
    /// <item>table-specific column names (<c>ToTable("X", t =&gt; t.Property("P").HasColumnName("c"))</c>);</item>
    /// <item>views, functions and SQL queries map no table; <c>ExcludeFromMigrations</c> tables are mapped but not
    /// managed by migrations.</item>
    /// </list>
    /// Entities are matched by the names used in the same file only, so hand-edited entity names in old designers
    /// do not matter: models are compared by tables and columns. What cannot be told from the file makes the
    /// tables it touches "uncertain" (<see cref="Mapping.Unknown"/>), never "not mapped".
    /// </summary>
    internal static class ModelReader
    {
        private const string TpcStrategy = "TPC";
        private const string TptStrategy = "TPT";
        private const string TphStrategy = "TPH";

        // CLR types EF writes in Property<T> that cannot hold null (unless written T?).
        private static readonly HashSet<string> ValueTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char",
            "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly", "Guid",
            "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
            "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Char",
            "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Guid",
        };

        public static TargetModel Read(MethodDeclarationSyntax? method, CancellationToken cancellationToken)
        {
            if (method?.Body is not { } body)
            {
                return TargetModel.Empty;
            }

            var modelBuilder = method.ParameterList.Parameters.Count == 1 ? method.ParameterList.Parameters[0].Identifier.ValueText : "modelBuilder";
            var model = new ModelDefinition();
            foreach (var statement in body.Statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Calls.StatementExpression(statement) is not { } expression)
                {
                    continue;
                }

                var chain = Calls.Chain(expression);
                if (chain.Count == 0 || !IsOn(chain[0], modelBuilder))
                {
                    // e.g. SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder): no table or column.
                    continue;
                }

                foreach (var call in chain)
                {
                    var arguments = call.ArgumentList.Arguments;
                    switch (Calls.MethodName(call))
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
                                    model.MaxIdentifierLength = IntLiteral(arguments[1].Expression);
                                    break;
                            }

                            break;
                        case "Entity" when arguments.Count == 2:
                            var name = Arguments.Fold(arguments[0].Expression);
                            if (name.Value is null || arguments[1].Expression is not LambdaExpressionSyntax lambda)
                            {
                                model.Unreadable = true;
                                continue;
                            }

                            if (!model.Entities.TryGetValue(name.Value, out var entity))
                            {
                                entity = new TypeDefinition(TypeKind.Entity, name.Value, parent: null);
                                model.Entities.Add(name.Value, entity);
                                model.Order.Add(entity);
                            }

                            ReadType(entity, lambda, cancellationToken);
                            break;
                    }
                }
            }

            return new Placer(model, cancellationToken).Place();
        }

        private static bool IsOn(InvocationExpressionSyntax call, string receiver) =>
            Calls.Receiver(call) is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == receiver;

        private static int? IntLiteral(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int value
                ? value
                : null;

        private static bool? BoolArgument(InvocationExpressionSyntax call, bool absent)
        {
            var arguments = call.ArgumentList.Arguments;
            if (arguments.Count == 0)
            {
                return absent;
            }

            return arguments[0].Expression.Kind() switch
            {
                SyntaxKind.TrueLiteralExpression => true,
                SyntaxKind.FalseLiteralExpression => false,
                _ => null,
            };
        }

        /// <summary>Reads the statements of an entity, owned or complex type's builder lambda.</summary>
        private static void ReadType(TypeDefinition type, LambdaExpressionSyntax lambda, CancellationToken cancellationToken)
        {
            var builder = LambdaParameter(lambda);
            foreach (var statement in Calls.LambdaStatements(lambda))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Calls.StatementExpression(statement) is not { } expression)
                {
                    type.Uncertain = true;
                    continue;
                }

                var chain = Calls.Chain(expression);
                if (chain.Count == 0 || !IsOn(chain[0], builder))
                {
                    // Provider calls written type-qualified, e.g. SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"), 1L, 1):
                    // a property already listed, never a table or column name.
                    continue;
                }

                var root = chain[0];
                var arguments = root.ArgumentList.Arguments;
                switch (Calls.MethodName(root))
                {
                    case "Property":
                    case "PrimitiveCollection":
                    case "IndexerProperty":
                        ReadProperty(type, root, chain);
                        break;
                    case "HasBaseType" when arguments.Count == 1 && type.Kind == TypeKind.Entity:
                        var baseType = Arguments.Fold(arguments[0].Expression);
                        type.BaseType = baseType.Value;
                        type.Uncertain |= !baseType.IsKnown;
                        break;
                    case "ToTable":
                        type.Table = ReadTable(type, arguments, type.Table) ?? type.Table;
                        break;
                    case "SplitToTable":
                        if (ReadTable(type, arguments, existing: null) is { } fragment)
                        {
                            type.Fragments.Add(fragment);
                        }

                        break;
                    case "ToView":
                        if (arguments.Count > 0)
                        {
                            var view = Arguments.Fold(arguments[0].Expression);
                            type.HasView = view.Value is not null || !view.IsKnown;
                        }

                        break;
                    case "ToFunction":
                    case "ToSqlQuery":
                        type.HasView = true;
                        break;
                    case "ToJson":
                        type.JsonColumn = arguments.Count == 1 ? Arguments.Fold(arguments[0].Expression) : Folded.Null;
                        break;
                    case "UseTpcMappingStrategy":
                        type.Strategy = TpcStrategy;
                        break;
                    case "UseTptMappingStrategy":
                        type.Strategy = TptStrategy;
                        break;
                    case "UseTphMappingStrategy":
                        type.Strategy = TphStrategy;
                        break;
                    case "HasAnnotation" when arguments.Count == 2:
                        ReadTypeAnnotation(type, Arguments.Fold(arguments[0].Expression).Value, arguments[1].Expression);
                        break;
                    case "HasKey":
                        type.PrimaryKey.Clear();
                        foreach (var argument in arguments)
                        {
                            var key = Arguments.Fold(argument.Expression);
                            if (key.Value is { } keyName)
                            {
                                type.PrimaryKey.Add(keyName);
                            }
                            else
                            {
                                type.Uncertain = true;
                            }
                        }

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
                        ReadOwned(type, Calls.MethodName(root) == "OwnsMany", arguments, cancellationToken);
                        break;
                    case "ComplexProperty":
                    case "ComplexCollection":
                        ReadComplex(type, Calls.MethodName(root) == "ComplexCollection", arguments, cancellationToken);
                        break;
                    case "IsRequired" when type.Kind == TypeKind.Complex:
                        type.Required = BoolArgument(root, absent: true);
                        break;
                    case "Navigation" when arguments.Count == 1:
                        foreach (var call in chain)
                        {
                            if (Calls.MethodName(call) == "IsRequired" && BoolArgument(call, absent: true) == true
                                && Arguments.Fold(arguments[0].Expression).Value is { } navigation)
                            {
                                type.RequiredNavigations.Add(navigation);
                            }
                        }

                        break;
                }
            }
        }

        private static void ReadTypeAnnotation(TypeDefinition type, string? annotation, ExpressionSyntax value)
        {
            switch (annotation)
            {
                // EF 2.x and hand-written forms of ToTable, ToView, mapping strategies and ToJson.
                case "Relational:TableName":
                    var table = type.Table ?? new TableDefinition();
                    table.HasName = true;
                    table.Name = Arguments.Fold(value).Value;
                    type.Uncertain |= !Arguments.Fold(value).IsKnown;
                    type.Table = table;
                    break;
                case "Relational:Schema":
                    var schemaTable = type.Table ?? new TableDefinition();
                    schemaTable.SchemaSpecified = true;
                    schemaTable.Schema = Arguments.Fold(value).Value;
                    type.Uncertain |= !Arguments.Fold(value).IsKnown;
                    type.Table = schemaTable;
                    break;
                case "Relational:ViewName":
                    type.HasView = Arguments.Fold(value).Value is not null;
                    break;
                case "Relational:FunctionName":
                case "Relational:SqlQuery":
                    type.HasView = true;
                    break;
                case "Relational:MappingStrategy":
                    type.Strategy = Arguments.Fold(value).Value;
                    break;
                case "Relational:ContainerColumnName":
                    type.JsonColumn = Arguments.Fold(value);
                    break;
                case "Relational:IsTableExcludedFromMigrations":
                    var excludedTable = type.Table ?? new TableDefinition();
                    excludedTable.Excluded = value.IsKind(SyntaxKind.TrueLiteralExpression);
                    type.Table = excludedTable;
                    break;
            }
        }

        private static void ReadForeignKeyToOwner(TypeDefinition type, List<InvocationExpressionSyntax> chain, string? navigation)
        {
            if (type.Kind != TypeKind.Owned)
            {
                return;
            }

            var linksOwner = navigation is null;
            foreach (var call in chain)
            {
                var arguments = call.ArgumentList.Arguments;
                switch (Calls.MethodName(call))
                {
                    case "WithOne" when navigation is not null:
                        linksOwner = arguments.Count == 1 && Arguments.Fold(arguments[0].Expression).Value == navigation;
                        break;
                    case "HasForeignKey" when linksOwner:
                        // HasForeignKey("CustomerId"), or HasForeignKey("Ns.Address", "CustomerId") in one-to-one form.
                        var first = navigation is null ? 0 : 1;
                        for (var i = first; i < arguments.Count; i++)
                        {
                            if (Arguments.Fold(arguments[i].Expression).Value is { } property)
                            {
                                type.OwnerForeignKey.Add(property);
                            }
                        }

                        break;
                }
            }
        }

        private static void ReadProperty(TypeDefinition type, InvocationExpressionSyntax root, List<InvocationExpressionSyntax> chain)
        {
            var arguments = root.ArgumentList.Arguments;

            // Property<T>("Name"), Property(typeof(T), "Name"), Property("Name").
            var name = arguments.Count switch
            {
                1 => Arguments.Fold(arguments[0].Expression),
                2 => Arguments.Fold(arguments[1].Expression),
                _ => Folded.Unknown,
            };

            if (name.Value is null)
            {
                type.Uncertain = true;
                return;
            }

            var clrType = Calls.TypeArgument(root)
                ?? (arguments.Count == 2 && arguments[0].Expression is TypeOfExpressionSyntax typeOf ? typeOf.Type.ToString() : null);

            if (!type.Properties.TryGetValue(name.Value, out var property))
            {
                property = new PropertyDefinition(name.Value);
                type.Properties.Add(name.Value, property);
                type.PropertyOrder.Add(property);
            }

            if (clrType is not null)
            {
                property.ClrType = clrType;
            }

            foreach (var call in chain)
            {
                var callArguments = call.ArgumentList.Arguments;
                switch (Calls.MethodName(call))
                {
                    case "HasColumnName" when callArguments.Count == 1:
                        SetColumn(type, property, Arguments.Fold(callArguments[0].Expression));
                        break;
                    case "HasAnnotation" when callArguments.Count == 2
                        && Arguments.Fold(callArguments[0].Expression).Value == "Relational:ColumnName":
                        // EF 2.x and 3.x designers spell a column name as an annotation.
                        SetColumn(type, property, Arguments.Fold(callArguments[1].Expression));
                        break;
                    case "IsRequired":
                        property.Required = BoolArgument(call, absent: true);
                        break;
                }
            }
        }

        private static void SetColumn(TypeDefinition type, PropertyDefinition property, Folded column)
        {
            if (!column.IsKnown)
            {
                type.Uncertain = true;
            }

            // HasColumnName(null) restores the convention.
            property.Column = column.Value;
        }

        /// <summary>
        /// <c>ToTable</c> and <c>SplitToTable</c> in every form EF wrote: <c>("X")</c>, <c>("X", "s")</c>,
        /// <c>("X", (string)null)</c>, <c>((string)null)</c>, <c>("X", t =&gt; ...)</c>, <c>("X", "s", t =&gt; ...)</c>,
        /// <c>("X", null, t =&gt; ...)</c>, <c>(t =&gt; ...)</c> (the table is unchanged), EF 5's
        /// <c>("X", excludedFromMigrations: true)</c> for owned types; arguments by name too.
        /// </summary>
        private static TableDefinition? ReadTable(TypeDefinition type, SeparatedSyntaxList<ArgumentSyntax> arguments, TableDefinition? existing)
        {
            var table = existing ?? new TableDefinition();
            var position = 0;
            foreach (var argument in arguments)
            {
                var parameter = argument.NameColon?.Name.Identifier.ValueText;
                if (argument.Expression is LambdaExpressionSyntax lambda && parameter is null or "buildAction")
                {
                    ReadTableBuilder(type, table, lambda);
                    continue;
                }

                parameter ??= position switch
                {
                    0 => "name",
                    1 => "schema",
                    _ => null,
                };
                position++;

                var value = Arguments.Fold(argument.Expression);
                switch (parameter)
                {
                    case "name":
                        if (!value.IsKnown)
                        {
                            // The table cannot be told: the entity is placed nowhere, so nothing is "not mapped".
                            type.UnknownTable = true;
                            return null;
                        }

                        table.HasName = true;
                        table.Name = value.Value;
                        break;
                    case "schema":
                        table.SchemaSpecified = true;
                        table.Schema = value.Value;
                        type.Uncertain |= !value.IsKnown;
                        break;
                    case "excludedFromMigrations":
                        table.Excluded = argument.Expression.IsKind(SyntaxKind.TrueLiteralExpression);
                        break;
                    default:
                        type.Uncertain = true;
                        break;
                }
            }

            return table;
        }

        /// <summary>The table builder lambda: ExcludeFromMigrations and table-specific column names (property overrides).</summary>
        private static void ReadTableBuilder(TypeDefinition type, TableDefinition table, LambdaExpressionSyntax lambda)
        {
            var builder = LambdaParameter(lambda);
            foreach (var statement in Calls.LambdaStatements(lambda))
            {
                var chain = Calls.StatementExpression(statement) is { } expression ? Calls.Chain(expression) : null;
                if (chain is null || chain.Count == 0 || !IsOn(chain[0], builder))
                {
                    if (statement.DescendantNodes().Any(IsPropertyCall))
                    {
                        type.Uncertain = true;
                    }

                    continue;
                }

                var root = chain[0];
                switch (Calls.MethodName(root))
                {
                    case "ExcludeFromMigrations":
                        table.Excluded = BoolArgument(root, absent: true) ?? true;
                        break;
                    case "Property" when root.ArgumentList.Arguments.Count == 1:
                        var property = Arguments.Fold(root.ArgumentList.Arguments[0].Expression);
                        if (property.Value is null)
                        {
                            type.Uncertain = true;
                            break;
                        }

                        table.Overrides.TryGetValue(property.Value, out var column);
                        foreach (var call in chain)
                        {
                            if (Calls.MethodName(call) == "HasColumnName" && call.ArgumentList.Arguments.Count == 1)
                            {
                                var name = Arguments.Fold(call.ArgumentList.Arguments[0].Expression);
                                type.Uncertain |= !name.IsKnown;
                                column = name.Value;
                            }
                        }

                        table.Overrides[property.Value] = column;
                        break;
                    case "Property":
                    case "ComplexProperty":
                        type.Uncertain = true;
                        break;
                    default:
                        // HasComment, HasTrigger, HasCheckConstraint, IsTemporal (its period columns are declared on the entity),
                        // UseSqlOutputClause, HasAnnotation: no column names.
                        break;
                }
            }
        }

        private static bool IsPropertyCall(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation && Calls.MethodName(invocation) is "Property" or "ComplexProperty";

        private static void ReadOwned(TypeDefinition owner, bool many, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
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
                owned = new TypeDefinition(TypeKind.Owned, navigation, owner) { Ownership = new Ownership(navigation, many) };
                owner.Owned.Add(navigation, owned);
            }

            ReadType(owned, lambda, cancellationToken);
        }

        /// <summary>
        /// <c>ComplexProperty&lt;Dictionary&lt;string, object&gt;&gt;("Address", "Ns.Customer.Address#Address", b1 =&gt; ...)</c> (EF 8, 9),
        /// <c>ComplexProperty(typeof(Dictionary&lt;string, object&gt;), "Address", "...", b1 =&gt; ...)</c> and
        /// <c>ComplexCollection(typeof(List&lt;...&gt;), "Tags", "...", b1 =&gt; ...)</c> (EF 10).
        /// </summary>
        private static void ReadComplex(TypeDefinition container, bool collection, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
        {
            if (arguments.Count < 2 || arguments[arguments.Count - 1].Expression is not LambdaExpressionSyntax lambda)
            {
                container.Uncertain = true;
                return;
            }

            var first = arguments[0].Expression is TypeOfExpressionSyntax ? 1 : 0;
            var name = Arguments.Fold(arguments[first].Expression).Value;
            if (name is null || first >= arguments.Count - 1)
            {
                container.Uncertain = true;
                return;
            }

            var complex = container.Complex.Find(candidate => candidate.Name == name);
            if (complex is null)
            {
                complex = new TypeDefinition(TypeKind.Complex, name, container) { IsCollection = collection };
                container.Complex.Add(complex);
            }

            ReadType(complex, lambda, cancellationToken);
        }

        private static string LambdaParameter(LambdaExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized =>
                parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>Whether a property's values can be null, from its CLR type and IsRequired; null when the type is not known.</summary>
        private static bool? IsNullable(PropertyDefinition property, bool isKey)
        {
            if (isKey || property.Required == true)
            {
                return false;
            }

            var clrType = property.ClrType?.Replace(" ", string.Empty);
            if (clrType is null)
            {
                return property.Required == false ? true : null;
            }

            if (clrType.EndsWith("?", StringComparison.Ordinal) || clrType.StartsWith("Nullable<", StringComparison.Ordinal)
                || clrType.StartsWith("System.Nullable<", StringComparison.Ordinal))
            {
                return true;
            }

            if (ValueTypes.Contains(clrType))
            {
                return false;
            }

            var isReference = clrType is "string" or "System.String" or "object"
                || clrType.EndsWith("[]", StringComparison.Ordinal)
                || clrType.StartsWith("List<", StringComparison.Ordinal)
                || clrType.StartsWith("System.Collections.Generic.List<", StringComparison.Ordinal)
                || clrType.StartsWith("Dictionary<", StringComparison.Ordinal);
            return isReference ? true : null;
        }

        /// <summary>Puts every type's properties into the columns of the tables EF maps them to.</summary>
        private sealed class Placer
        {
            private readonly ModelDefinition _model;
            private readonly CancellationToken _cancellationToken;
            private readonly Dictionary<TableKey, Dictionary<string, bool?>> _tables = new Dictionary<TableKey, Dictionary<string, bool?>>();
            private readonly HashSet<TableKey> _uncertain = new HashSet<TableKey>();
            private readonly Dictionary<TableKey, bool> _excluded = new Dictionary<TableKey, bool>();

            // The key columns each hierarchy maps in each table, to see whether hierarchies sharing a table agree.
            private readonly Dictionary<TableKey, Dictionary<TypeDefinition, HashSet<string>>> _rowKeys =
                new Dictionary<TableKey, Dictionary<TypeDefinition, HashSet<string>>>();

            private bool _unplaced;

            public Placer(ModelDefinition model, CancellationToken cancellationToken)
            {
                _model = model;
                _cancellationToken = cancellationToken;
            }

            private string? DefaultSchema => _model.DefaultSchema.Value;

            public TargetModel Place()
            {
                if (_model.Unreadable || !_model.DefaultSchema.IsKnown)
                {
                    _unplaced = true;
                }

                foreach (var entity in _model.Order)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    PlaceEntity(entity);
                }

                // Table splitting: a dependent's key maps to its principal's key column, which is not told here; only
                // where all hierarchies sharing the table spell their key columns alike is the table certain.
                foreach (var pair in _rowKeys)
                {
                    HashSet<string>? first = null;
                    foreach (var columns in pair.Value.Values)
                    {
                        if (first is null)
                        {
                            first = columns;
                        }
                        else if (!first.SetEquals(columns))
                        {
                            _uncertain.Add(pair.Key);
                        }
                    }
                }

                var excluded = new HashSet<TableKey>();
                foreach (var pair in _excluded)
                {
                    if (pair.Value)
                    {
                        excluded.Add(pair.Key);
                    }
                }

                return new TargetModel(_tables, _uncertain, excluded, _unplaced);
            }

            private void PlaceEntity(TypeDefinition entity)
            {
                // The entity and its bases, root first.
                var hierarchy = new List<TypeDefinition>();
                var brokenHierarchy = false;
                for (var current = entity; current is not null;)
                {
                    if (hierarchy.Contains(current) || hierarchy.Count == 64)
                    {
                        brokenHierarchy = true;
                        break;
                    }

                    hierarchy.Insert(0, current);
                    if (current.BaseType is null)
                    {
                        break;
                    }

                    if (!_model.Entities.TryGetValue(current.BaseType, out var baseType))
                    {
                        // A base named differently (a hand edit): what it adds to this entity's table is not known.
                        brokenHierarchy = true;
                        break;
                    }

                    current = baseType;
                }

                var root = hierarchy[0];
                var table = TableOf(entity, out var known);
                if (!known)
                {
                    if (HasColumns(entity) || brokenHierarchy)
                    {
                        _unplaced = true;
                    }

                    PlaceOwnedOfUnknownOwner(entity);
                    return;
                }

                var strategy = root.Strategy;
                var isTpc = strategy == TpcStrategy;
                var isDerived = hierarchy.Count > 1;
                var startsTable = !isDerived || !Equals(TableOf(hierarchy[hierarchy.Count - 2], out _), table);
                var tphDerived = isDerived && !startsTable;
                var uncertain = brokenHierarchy || hierarchy.Exists(type => type.Uncertain);
                if (table is not { } key)
                {
                    // A view, function or query, or TPC's abstract root: no table, and its owned types share none.
                    PlaceOwned(entity, ownerTable: null, prefix: null, ownerOptional: false, uncertain, fragments: null);
                    return;
                }

                NoteExcluded(key, ExcludedFlag(hierarchy));
                var overrides = OverridesFor(hierarchy, key);
                var keyColumns = new List<string>();
                foreach (var keyName in root.PrimaryKey)
                {
                    keyColumns.Add(root.Properties.TryGetValue(keyName, out var keyProperty) ? ColumnName(keyProperty, overrides, prefix: null) : keyName);
                }

                NoteRowKeys(key, isTpc || startsTable ? entity : root, keyColumns);

                if (entity.Fragments.Count > 0)
                {
                    if (isDerived || _model.Order.Exists(other => other.BaseType == entity.Name) || entity.Complex.Count > 0)
                    {
                        // Entity splitting in a hierarchy or with complex types: not seen made by EF, not read.
                        uncertain = true;
                    }

                    PlaceSplit(entity, key, uncertain);
                    PlaceOwned(entity, key, prefix: null, ownerOptional: false, uncertain, entity.Fragments);
                    return;
                }

                if (isTpc)
                {
                    // TPC: every concrete table holds all inherited properties; types in between add theirs.
                    foreach (var type in hierarchy)
                    {
                        foreach (var property in type.PropertyOrder)
                        {
                            AddProperty(key, property, overrides, prefix: null, IsNullable(property, root.PrimaryKey.Contains(property.Name)));
                        }

                        if (type != entity && (type.Complex.Count > 0 || type.Owned.Count > 0))
                        {
                            // EF maps a TPC type's own complex properties only to its own table (dotnet/efcore#31248); not read.
                            uncertain = true;
                        }
                    }

                    // Owned types of TPC hierarchies: not seen made by EF, not read.
                    uncertain |= entity.Owned.Count > 0;
                }
                else
                {
                    if (isDerived && startsTable)
                    {
                        // TPT (and EF 5 and 6's derived types with a table of their own): the key, then its own properties.
                        foreach (var keyName in root.PrimaryKey)
                        {
                            if (root.Properties.TryGetValue(keyName, out var keyProperty))
                            {
                                AddProperty(key, keyProperty, overrides, prefix: null, nullable: false);
                            }
                            else
                            {
                                uncertain = true;
                            }
                        }
                    }

                    foreach (var property in entity.PropertyOrder)
                    {
                        // A TPH derived type's columns are nullable: the other types' rows have no value.
                        var nullable = tphDerived ? true : IsNullable(property, root.PrimaryKey.Contains(property.Name));
                        AddProperty(key, property, overrides, prefix: null, nullable);
                    }
                }

                if (uncertain)
                {
                    MarkUncertain(key);
                }

                PlaceComplex(entity, key, prefix: null, optional: tphDerived ? true : false, overrides, uncertain);
                PlaceOwned(entity, key, prefix: null, ownerOptional: tphDerived, uncertain || isTpc, fragments: null);
            }

            private static bool HasColumns(TypeDefinition entity) => entity.PropertyOrder.Count > 0 || entity.Complex.Count > 0;

            /// <summary>
            /// The table of a top-level entity: its own <c>ToTable</c>, else its base's table; null when it maps to no table
            /// (a view, <c>ToTable((string)null)</c>). <paramref name="known"/> is false when EF's choice cannot be told.
            /// </summary>
            private TableKey? TableOf(TypeDefinition entity, out bool known)
            {
                var current = entity;
                for (var depth = 0; depth < 64; depth++)
                {
                    if (current.UnknownTable)
                    {
                        break;
                    }

                    if (current.Table is { HasName: true } table)
                    {
                        known = true;
                        return table.Name is null ? null : TableKeyOf(current);
                    }

                    if (current.HasView)
                    {
                        known = true;
                        return null;
                    }

                    if (current.BaseType is null || !_model.Entities.TryGetValue(current.BaseType, out var baseEntity))
                    {
                        break;
                    }

                    current = baseEntity;
                }

                known = false;
                return null;
            }

            /// <summary>
            /// The key of the table an entity names. Without a schema: the default schema for a root, the root's schema
            /// for a derived type (EF 3.1 to 5 wrote a schema only where one was configured; EF 6 and later always do).
            /// </summary>
            private TableKey TableKeyOf(TypeDefinition entity)
            {
                var table = entity.Table!;
                if (table.SchemaSpecified)
                {
                    return new TableKey(table.Schema ?? DefaultSchema, table.Name!);
                }

                var root = entity;
                for (var depth = 0; depth < 64 && root.BaseType is { } baseName && _model.Entities.TryGetValue(baseName, out var baseType); depth++)
                {
                    root = baseType;
                }

                // The root's own schema, not through TableKeyOf: bases that form a cycle (a hand edit) would recurse forever.
                var schema = root != entity && root.Table is { HasName: true, Name: not null, SchemaSpecified: true } rootTable ? rootTable.Schema ?? DefaultSchema : DefaultSchema;
                return new TableKey(schema, table.Name!);
            }

            private TableKey? FragmentKey(TableDefinition fragment) =>
                fragment.HasName && fragment.Name is not null ? new TableKey(fragment.SchemaSpecified ? fragment.Schema ?? DefaultSchema : DefaultSchema, fragment.Name) : null;

            /// <summary>
            /// The table-specific column names in <paramref name="table"/>: those of the nearest type naming that table
            /// (EF writes, in each type's <c>ToTable</c>, the overrides of all its properties, inherited ones too).
            /// </summary>
            private Dictionary<string, string?> OverridesFor(List<TypeDefinition> hierarchy, TableKey table)
            {
                for (var i = hierarchy.Count - 1; i >= 0; i--)
                {
                    if (hierarchy[i].Table is { HasName: true, Name: not null } definition && TableKeyOf(hierarchy[i]).Equals(table))
                    {
                        return definition.Overrides;
                    }
                }

                return hierarchy[hierarchy.Count - 1].Table?.Overrides ?? new Dictionary<string, string?>();
            }

            /// <summary>ExcludeFromMigrations as EF reads it: the type's own setting, else (TPH) its base's.</summary>
            private bool? ExcludedFlag(List<TypeDefinition> hierarchy)
            {
                for (var i = hierarchy.Count - 1; i >= 0; i--)
                {
                    if (hierarchy[i].Table?.Excluded is { } excluded)
                    {
                        return excluded;
                    }

                    if (i > 0 && !Equals(TableOf(hierarchy[i], out _), TableOf(hierarchy[i - 1], out _)))
                    {
                        return null;
                    }
                }

                return null;
            }

            private void NoteExcluded(TableKey table, bool? excluded)
            {
                // A table is excluded as the first type mapped to it says (EF: Table.IsExcludedFromMigrations).
                if (!_excluded.ContainsKey(table))
                {
                    _excluded.Add(table, excluded == true);
                }
            }

            private void NoteRowKeys(TableKey table, TypeDefinition rowRoot, List<string> columns)
            {
                if (!_rowKeys.TryGetValue(table, out var roots))
                {
                    _rowKeys.Add(table, roots = new Dictionary<TypeDefinition, HashSet<string>>());
                }

                if (!roots.TryGetValue(rowRoot, out var set))
                {
                    roots.Add(rowRoot, set = new HashSet<string>(StringComparer.Ordinal));
                }

                set.UnionWith(columns);
            }

            /// <summary>Entity splitting: the properties a fragment lists (and the key) in its table, the rest in the main table.</summary>
            private void PlaceSplit(TypeDefinition entity, TableKey main, bool uncertain)
            {
                var mainOverrides = entity.Table?.Overrides ?? new Dictionary<string, string?>();
                foreach (var fragment in entity.Fragments)
                {
                    if (FragmentKey(fragment) is { } fragmentKey)
                    {
                        NoteExcluded(fragmentKey, fragment.Excluded ?? entity.Table?.Excluded);
                        if (uncertain)
                        {
                            MarkUncertain(fragmentKey);
                        }
                    }
                    else
                    {
                        _unplaced = true;
                    }
                }

                foreach (var property in entity.PropertyOrder)
                {
                    var isKey = entity.PrimaryKey.Contains(property.Name);
                    var inFragment = false;
                    foreach (var fragment in entity.Fragments)
                    {
                        if (FragmentKey(fragment) is { } fragmentKey && (isKey || fragment.Overrides.ContainsKey(property.Name)))
                        {
                            inFragment |= !isKey;
                            AddProperty(fragmentKey, property, fragment.Overrides, prefix: null, IsNullable(property, isKey));
                        }
                    }

                    if (isKey || !inFragment || mainOverrides.ContainsKey(property.Name))
                    {
                        AddProperty(main, property, mainOverrides, prefix: null, IsNullable(property, isKey));
                    }
                }

                if (uncertain)
                {
                    MarkUncertain(main);
                }
            }

            /// <summary>
            /// Complex types: their properties in the containing type's table, as <c>Complex_Nested_Property</c>; a JSON-mapped
            /// complex type (EF 10; complex collections always are) is one column.
            /// </summary>
            /// <param name="optional">Whether the containing type's row may lack a value (its columns are then nullable); null: unknown.</param>
            private void PlaceComplex(TypeDefinition container, TableKey table, string? prefix, bool? optional, Dictionary<string, string?> overrides, bool uncertain)
            {
                foreach (var complex in container.Complex)
                {
                    if (complex.Uncertain || uncertain || complex.Owned.Count > 0 || complex.Table is not null || complex.Fragments.Count > 0)
                    {
                        MarkUncertain(table);
                    }

                    if (complex.JsonColumn is not null || complex.IsCollection)
                    {
                        if (complex.JsonColumn is { IsKnown: true } json)
                        {
                            AddColumn(table, json.Value ?? complex.Name, nullable: null, defaultName: false);
                        }
                        else
                        {
                            MarkUncertain(table);
                        }

                        continue;
                    }

                    // IsRequired() is written for a required complex property; without it, a struct or (EF 10) an optional one.
                    var complexOptional = optional == true ? true
                        : complex.Required == false ? true
                        : complex.Required == true ? optional
                        : (bool?)null;
                    var complexPrefix = (prefix ?? string.Empty) + complex.Name + "_";
                    foreach (var property in complex.PropertyOrder)
                    {
                        var nullable = IsNullable(property, isKey: false);
                        nullable = nullable == true || complexOptional == true ? true
                            : nullable == false && complexOptional == false ? false
                            : (bool?)null;
                        AddProperty(table, property, overrides, complexPrefix, nullable);
                    }

                    PlaceComplex(complex, table, complexPrefix, complexOptional, overrides, uncertain);
                }
            }

            /// <summary>
            /// Owned types: in their owner's table with prefixed columns (OwnsOne, or a table of the same name), in a table
            /// of their own with their own key, or as one JSON column.
            /// </summary>
            /// <param name="ownerTable">The owner's table; null when the owner maps to no table.</param>
            private void PlaceOwned(TypeDefinition owner, TableKey? ownerTable, string? prefix, bool ownerOptional, bool uncertain, List<TableDefinition>? fragments)
            {
                foreach (var owned in owner.Owned.Values)
                {
                    var navigation = owned.Ownership!.Navigation;
                    var many = owned.Ownership.Many;
                    var optional = ownerOptional || !owner.RequiredNavigations.Contains(navigation);
                    TableKey? ownedTable;
                    if (owned.UnknownTable)
                    {
                        _unplaced = true;
                        continue;
                    }

                    if (owned.Table is { HasName: true } definition)
                    {
                        // Without a schema: the owner's (OwnsOne); EF 3.1 and 5 put an owned collection in the default schema.
                        ownedTable = definition.Name is null
                            ? null
                            : new TableKey(definition.SchemaSpecified ? definition.Schema ?? DefaultSchema : many ? DefaultSchema : ownerTable?.Schema ?? DefaultSchema, definition.Name);
                    }
                    else if (owned.HasView || !many || owned.JsonColumn is not null)
                    {
                        ownedTable = owned.HasView ? null : ownerTable;
                    }
                    else
                    {
                        // An owned collection's default table name changed across EF versions; EF writes it in every designer.
                        _unplaced = true;
                        continue;
                    }

                    if (ownedTable is not { } target)
                    {
                        continue;
                    }

                    var ownedUncertain = uncertain || owned.Uncertain;
                    if (owned.JsonColumn is { } json)
                    {
                        // A JSON-mapped owned type (and all it owns) is one column of its owner's table.
                        if (json.IsKnown)
                        {
                            AddColumn(target, json.Value ?? navigation, nullable: null, defaultName: false);
                        }
                        else
                        {
                            ownedUncertain = true;
                        }

                        if (ownedUncertain)
                        {
                            MarkUncertain(target);
                        }

                        continue;
                    }

                    var shared = target.Equals(ownerTable) && !many;
                    if (owned.Fragments.Count > 0
                        || fragments is not null && fragments.Exists(fragment => FragmentKey(fragment) is { } key && key.Equals(target)))
                    {
                        // An owned type split over tables, or in its owner's split-off table: not seen made by EF, not read.
                        ownedUncertain = true;
                        foreach (var fragment in owned.Fragments)
                        {
                            if (FragmentKey(fragment) is { } fragmentKey)
                            {
                                MarkUncertain(fragmentKey);
                            }
                        }
                    }

                    if (!shared)
                    {
                        NoteExcluded(target, owned.Table?.Excluded);
                    }

                    var ownedPrefix = shared ? (prefix ?? string.Empty) + navigation + "_" : null;
                    var overrides = owned.Table?.Overrides ?? new Dictionary<string, string?>();
                    foreach (var property in owned.PropertyOrder)
                    {
                        var isKey = owned.PrimaryKey.Contains(property.Name) || owned.OwnerForeignKey.Contains(property.Name);

                        // An owned type's key in its owner's table is the owner's key, not a column of its own.
                        if (shared && isKey)
                        {
                            continue;
                        }

                        AddProperty(target, property, overrides, ownedPrefix, shared && optional ? true : IsNullable(property, isKey));
                    }

                    if (ownedUncertain)
                    {
                        MarkUncertain(target);
                    }

                    PlaceComplex(owned, target, ownedPrefix, shared && optional, overrides, ownedUncertain);
                    PlaceOwned(owned, target, ownedPrefix, shared && optional, ownedUncertain, fragments: null);
                }
            }

            /// <summary>The owned types of an entity whose table is not known: the tables they name are uncertain, the rest unplaced.</summary>
            private void PlaceOwnedOfUnknownOwner(TypeDefinition owner)
            {
                foreach (var owned in owner.Owned.Values)
                {
                    if (owned.Table is { HasName: true, Name: not null } definition && !owned.UnknownTable)
                    {
                        // The table is known; whether its columns are prefixed (shared with the owner) is not.
                        MarkUncertain(new TableKey(definition.SchemaSpecified ? definition.Schema ?? DefaultSchema : DefaultSchema, definition.Name));
                        PlaceOwnedOfUnknownOwner(owned);
                    }
                    else if (owned.Table is not { HasName: true, Name: null } && !owned.HasView)
                    {
                        _unplaced = true;
                    }
                }
            }

            private static string ColumnName(PropertyDefinition property, Dictionary<string, string?> overrides, string? prefix) =>
                overrides.TryGetValue(property.Name, out var overridden) && overridden is not null
                    ? overridden
                    : property.Column ?? (prefix ?? string.Empty) + property.Name;

            private void AddProperty(TableKey table, PropertyDefinition property, Dictionary<string, string?> overrides, string? prefix, bool? nullable)
            {
                var isDefault = !(overrides.TryGetValue(property.Name, out var overridden) && overridden is not null) && property.Column is null;
                AddColumn(table, ColumnName(property, overrides, prefix), nullable, isDefault);
            }

            private void AddColumn(TableKey table, string column, bool? nullable, bool defaultName)
            {
                if (!_tables.TryGetValue(table, out var columns))
                {
                    _tables.Add(table, columns = new Dictionary<string, bool?>(StringComparer.Ordinal));
                }

                // EF truncates (and uniquifies) default column names longer than the provider allows.
                if (defaultName && _model.MaxIdentifierLength is { } max && column.Length > max)
                {
                    _uncertain.Add(table);
                }

                // A column several properties share is NOT NULL if any of them is required (EF: Column.IsNullable).
                if (columns.TryGetValue(column, out var existing))
                {
                    columns[column] = existing == false || nullable == false ? false : existing == true && nullable == true ? true : null;
                }
                else
                {
                    columns.Add(column, nullable);
                }
            }

            private void MarkUncertain(TableKey table)
            {
                if (!_tables.ContainsKey(table))
                {
                    _tables.Add(table, new Dictionary<string, bool?>(StringComparer.Ordinal));
                }

                _uncertain.Add(table);
            }
        }

        private enum TypeKind
        {
            Entity,
            Owned,
            Complex,
        }

        private sealed class ModelDefinition
        {
            public Dictionary<string, TypeDefinition> Entities { get; } = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);

            public List<TypeDefinition> Order { get; } = new List<TypeDefinition>();

            public Folded DefaultSchema { get; set; } = Folded.Null;

            public int? MaxIdentifierLength { get; set; }

            /// <summary>An entity whose name cannot be read: nothing can be concluded about what is not mapped.</summary>
            public bool Unreadable { get; set; }
        }

        /// <summary>An entity, owned or complex type as the file configures it.</summary>
        private sealed class TypeDefinition
        {
            public TypeDefinition(TypeKind kind, string name, TypeDefinition? parent)
            {
                Kind = kind;
                Name = name;
                Parent = parent;
            }

            public TypeKind Kind { get; }

            /// <summary>The entity type name; the navigation of an owned type; the property of a complex type.</summary>
            public string Name { get; }

            public TypeDefinition? Parent { get; }

            public Ownership? Ownership { get; set; }

            public Dictionary<string, PropertyDefinition> Properties { get; } = new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);

            public List<PropertyDefinition> PropertyOrder { get; } = new List<PropertyDefinition>();

            public List<string> PrimaryKey { get; } = new List<string>();

            public HashSet<string> OwnerForeignKey { get; } = new HashSet<string>(StringComparer.Ordinal);

            public Dictionary<string, TypeDefinition> Owned { get; } = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);

            public List<TypeDefinition> Complex { get; } = new List<TypeDefinition>();

            public HashSet<string> RequiredNavigations { get; } = new HashSet<string>(StringComparer.Ordinal);

            public string? BaseType { get; set; }

            public string? Strategy { get; set; }

            public TableDefinition? Table { get; set; }

            public List<TableDefinition> Fragments { get; } = new List<TableDefinition>();

            /// <summary>A ToTable whose name is not a constant.</summary>
            public bool UnknownTable { get; set; }

            /// <summary>Mapped to a view, function or SQL query: no table unless ToTable names one.</summary>
            public bool HasView { get; set; }

            public Folded? JsonColumn { get; set; }

            public bool IsCollection { get; set; }

            /// <summary>A complex property's IsRequired(); null when not written.</summary>
            public bool? Required { get; set; }

            public bool Uncertain { get; set; }
        }

        private sealed class PropertyDefinition
        {
            public PropertyDefinition(string name)
            {
                Name = name;
            }

            public string Name { get; }

            /// <summary>The explicit column name (HasColumnName); null: by convention.</summary>
            public string? Column { get; set; }

            public string? ClrType { get; set; }

            public bool? Required { get; set; }
        }

        /// <summary>What a <c>ToTable</c> or <c>SplitToTable</c> says.</summary>
        private sealed class TableDefinition
        {
            public bool HasName { get; set; }

            /// <summary>Null: no table (<c>ToTable((string)null)</c>).</summary>
            public string? Name { get; set; }

            public bool SchemaSpecified { get; set; }

            public string? Schema { get; set; }

            public bool? Excluded { get; set; }

            /// <summary>Property name to its column name in this table (null: overridden, but not renamed).</summary>
            public Dictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);
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
