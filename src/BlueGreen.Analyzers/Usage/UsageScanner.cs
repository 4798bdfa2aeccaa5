using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace BlueGreen.Analyzers.Usage
{
    /// <summary>
    /// BG0011's reader of application code: the strings passed to the APIs that send SQL or name a property, recognised by
    /// symbol (EF Core's raw SQL extensions, Dapper's <c>SqlMapper</c>, ADO.NET's <c>CommandText</c>, <c>EF.Property</c>,
    /// <c>EntityTypeBuilder&lt;T&gt;.Property</c>), folded where the compiler or a single-assignment local can tell their
    /// value, and matched against what the new version's database no longer has. Only the syntactic candidates of each tree
    /// are bound; migrations and snapshots are left to the replay.
    /// </summary>
    internal static class UsageScanner
    {
        // What stands for a part of a string the analyzer cannot fold: a name no table or column has.
        private const string Unknown = " @__unknown ";

        private static readonly HashSet<string> SqlApis = new HashSet<string>(StringComparer.Ordinal)
        {
            "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions",
            "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions",
            "Dapper.SqlMapper",
        };

        public static List<NameUse> Find(Compilation compilation, IReadOnlyList<RemovedName> names, CancellationToken cancellationToken)
        {
            var uses = new List<NameUse>();
            if (names.Count == 0)
            {
                return uses;
            }

            // What a tree's code passes to those APIs depends on the tree and on declarations only: it is found once for the
            // compilations that declare the same (see Lineage), and only matched against the names in each.
            var epoch = Lineage.Of(compilation, cancellationToken).Epoch;
            Scanner? scanner = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var candidates = TreeFacts.Get(tree, cancellationToken).UsageCandidates(cancellationToken);
                if (candidates.Count == 0)
                {
                    continue;
                }

                var passed = epoch.Get(tree, () => (scanner ??= new Scanner(compilation, cancellationToken)).Scan(tree, candidates));
                foreach (var use in passed.Uses)
                {
                    use.Match(names, uses);
                }
            }

            return uses;
        }

        private sealed class Scanner
        {
            private readonly Compilation _compilation;
            private readonly CancellationToken _cancellationToken;
            private readonly INamedTypeSymbol? _migration;
            private readonly INamedTypeSymbol? _snapshot;
            private readonly INamedTypeSymbol? _dbCommand;
            private readonly INamedTypeSymbol? _idbCommand;
            private readonly Dictionary<ClassDeclarationSyntax, bool> _historyClasses = new Dictionary<ClassDeclarationSyntax, bool>();
            private List<PassedName> _uses = new List<PassedName>();
            private SemanticModel? _model;

            public Scanner(Compilation compilation, CancellationToken cancellationToken)
            {
                _compilation = compilation;
                _cancellationToken = cancellationToken;
                _migration = compilation.GetTypeByMetadataName(HistoryBuilder.MigrationTypeName);
                _snapshot = compilation.GetTypeByMetadataName(HistoryBuilder.SnapshotTypeName);
                _dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
                _idbCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
            }

            public TreeUses Scan(SyntaxTree tree, IReadOnlyList<SyntaxNode> candidates)
            {
                _model = _compilation.GetSemanticModel(tree);
                _uses = new List<PassedName>();
                foreach (var candidate in candidates)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    switch (_model.GetOperation(candidate, _cancellationToken))
                    {
                        case IInvocationOperation invocation:
                            Invocation(invocation);
                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "CommandText" } property } } assignment
                            when IsCommandText(property):
                            Sql(assignment.Value, "command text");
                            break;
                        case IObjectCreationOperation { Constructor: { } constructor } creation when DerivesFrom(constructor.ContainingType, _dbCommand):
                            foreach (var argument in creation.Arguments)
                            {
                                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter && parameter.Ordinal == 0)
                                {
                                    Sql(argument.Value, "command text");
                                }
                            }

                            break;
                    }
                }

                return new TreeUses(_uses);
            }

            private void Invocation(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                var container = method.ContainingType?.OriginalDefinition.ToDisplayString();
                if (container is null)
                {
                    return;
                }

                if (SqlApis.Contains(container))
                {
                    if (Argument(invocation, "sql") is { } sql && !InMigrationOrSnapshot(invocation.Syntax))
                    {
                        Sql(sql, (container == "Dapper.SqlMapper" ? "Dapper " : string.Empty) + method.Name + " call");
                    }
                }
                else if (container == "Microsoft.EntityFrameworkCore.EF" && method.Name == "Property")
                {
                    // The instance is the first parameter ("entity" before EF Core 10, "instance" since).
                    Property(Argument(invocation, 0) is { } entity ? Unconverted(entity).Type : null, Argument(invocation, "propertyName"), "EF.Property call");
                }
                else if (method.Name == "Property"
                    && container.StartsWith("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder", StringComparison.Ordinal)
                    && invocation.Instance?.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } builder
                    && !InMigrationOrSnapshot(invocation.Syntax))
                {
                    Property(builder.TypeArguments[0], Argument(invocation, "propertyName"), "Property(string) configuration");
                }
            }

            private void Sql(IOperation value, string api)
            {
                if (Fold(value, depth: 0) is not { } text)
                {
                    return;
                }

                _uses.Add(new PassedSql(value.Syntax.GetLocation(), api, text));
            }

            private void Property(ITypeSymbol? entity, IOperation? propertyName, string api)
            {
                if (entity is null || propertyName is null || Fold(propertyName, depth: 0) is not { } property)
                {
                    return;
                }

                _uses.Add(new PassedProperty(propertyName.Syntax.GetLocation(), api, property, EntityNames(entity)));
            }

            /// <summary>
            /// The string's value as far as it can be known: constants, interpolations and concatenations with unknown parts
            /// standing for themselves as <see cref="Unknown"/>, and a local assigned once. Null when nothing of it is known.
            /// </summary>
            private string? Fold(IOperation value, int depth)
            {
                if (value.ConstantValue is { HasValue: true, Value: string constant })
                {
                    return constant;
                }

                switch (value)
                {
                    case IConversionOperation conversion:
                        return Fold(conversion.Operand, depth);

                    case IInterpolatedStringOperation interpolated:
                    {
                        var text = new StringBuilder();
                        foreach (var part in interpolated.Parts)
                        {
                            text.Append(part switch
                            {
                                IInterpolatedStringTextOperation literal => literal.Text.ConstantValue.Value as string,
                                IInterpolationOperation hole => hole.Expression.ConstantValue.Value as string ?? Unknown,
                                _ => Unknown,
                            });
                        }

                        return text.ToString();
                    }

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    {
                        var left = Fold(concatenation.LeftOperand, depth);
                        var right = Fold(concatenation.RightOperand, depth);
                        return left is null && right is null ? null : (left ?? Unknown) + (right ?? Unknown);
                    }

                    case ILocalReferenceOperation local when depth < 3:
                        return FoldLocal(local.Local, depth);

                    default:
                        return null;
                }
            }

            /// <summary>A local's value when its declaration is its only assignment: <c>var sql = "SELECT ...";</c>.</summary>
            private string? FoldLocal(ILocalSymbol local, int depth)
            {
                if (local.DeclaringSyntaxReferences.Length != 1
                    || local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
                    || declarator.SyntaxTree != _model?.SyntaxTree)
                {
                    return null;
                }

                // Any other write (an assignment, +=, ref or out) of a local of that name in the same body: unknown.
                // A top-level statement's local lives in the whole file's statements, not in its own GlobalStatementSyntax.
                var member = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
                var body = member is null or GlobalStatementSyntax ? declarator.SyntaxTree.GetRoot(_cancellationToken) : member;
                foreach (var node in body.DescendantNodes())
                {
                    if ((node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } && assigned.Identifier.ValueText == local.Name)
                        || (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == local.Name))
                    {
                        return null;
                    }
                }

                return _model.GetOperation(initializer, _cancellationToken) is { } value ? Fold(value, depth + 1) : null;
            }

            private static IOperation? Argument(IInvocationOperation invocation, string parameter)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == ordinal)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            private static IOperation Unconverted(IOperation value) => value is IConversionOperation conversion ? Unconverted(conversion.Operand) : value;

            /// <summary>
            /// <c>DbCommand.CommandText</c> (or an override: <c>SqliteCommand</c>, <c>NpgsqlCommand</c>, <c>SqlCommand</c>), or
            /// <c>IDbCommand.CommandText</c> (or a type implementing it).
            /// </summary>
            private bool IsCommandText(IPropertySymbol property)
            {
                for (var overridden = property; overridden is not null; overridden = overridden.OverriddenProperty)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.ContainingType, _dbCommand) || SymbolEqualityComparer.Default.Equals(overridden.ContainingType, _idbCommand))
                    {
                        return true;
                    }
                }

                foreach (var implemented in property.ContainingType.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, _idbCommand))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
            {
                for (var current = type; current is not null && baseType is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The names EF gives the type and each type it derives from: an entity type it is or derives from has one of them.</summary>
            private static List<string> EntityNames(ITypeSymbol type)
            {
                var names = new List<string>();
                for (var current = type; current is not null; current = current.BaseType)
                {
                    names.Add(ClrName(current));
                }

                return names;
            }

            // EF's name of an entity type: the CLR full name, nested types after a '+'.
            private static string ClrName(ITypeSymbol type) =>
                type.ContainingType is { } outer
                    ? ClrName(outer) + "+" + type.Name
                    : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name : type.Name;

            /// <summary>Designers, snapshots and migrations speak for the history, which the replay reads.</summary>
            private bool InMigrationOrSnapshot(SyntaxNode node)
            {
                var declaration = node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
                if (declaration is null)
                {
                    return false;
                }

                if (!_historyClasses.TryGetValue(declaration, out var inHistory))
                {
                    var type = _model?.GetDeclaredSymbol(declaration, _cancellationToken) as INamedTypeSymbol;
                    inHistory = DerivesFrom(type, _migration) || DerivesFrom(type, _snapshot);
                    _historyClasses.Add(declaration, inHistory);
                }

                return inHistory;
            }
        }

        /// <summary>What one tree's code passes to the APIs the scanner follows, in order, whatever is removed.</summary>
        private sealed class TreeUses
        {
            public TreeUses(List<PassedName> uses)
            {
                Uses = uses;
            }

            public List<PassedName> Uses { get; }
        }

        /// <summary>A string passed to an API the scanner follows, as far as it folds: matched against each compilation's removed names.</summary>
        private abstract class PassedName
        {
            protected PassedName(Location location, string api)
            {
                Location = location;
                Api = api;
            }

            public Location Location { get; }

            public string Api { get; }

            public abstract void Match(IReadOnlyList<RemovedName> names, List<NameUse> uses);
        }

        /// <summary>SQL text (raw SQL, Dapper, command text).</summary>
        private sealed class PassedSql : PassedName
        {
            private readonly string _text;
            private SqlReferences? _references;

            public PassedSql(Location location, string api, string text)
                : base(location, api)
            {
                _text = text;
            }

            public override void Match(IReadOnlyList<RemovedName> names, List<NameUse> uses)
            {
                var references = _references ??= SqlReferences.Read(_text);
                foreach (var name in names)
                {
                    if (name.Column is null ? references.NamesTable(name.Table, name.Provider) : references.NamesColumn(name.Table, name.Column, name.Provider))
                    {
                        uses.Add(new NameUse(Location, name, Api));
                    }
                }
            }
        }

        /// <summary>A property name given with its entity type (<c>EF.Property</c>, <c>Property(string)</c> configuration).</summary>
        private sealed class PassedProperty : PassedName
        {
            private readonly string _property;
            private readonly List<string> _entityNames;

            public PassedProperty(Location location, string api, string property, List<string> entityNames)
                : base(location, api)
            {
                _property = property;
                _entityNames = entityNames;
            }

            public override void Match(IReadOnlyList<RemovedName> names, List<NameUse> uses)
            {
                foreach (var name in names)
                {
                    if (name.Property is { } mapped && mapped.Name == _property && _entityNames.Contains(mapped.Entity))
                    {
                        uses.Add(new NameUse(Location, name, Api));
                    }
                }
            }
        }
    }
}
