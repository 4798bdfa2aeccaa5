using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>Reads <c>ToTable</c> and <c>SplitToTable</c> calls, with their table builder lambdas, into a <see cref="TableDefinition"/>.</summary>
    internal static class TableCallReader
    {
        /// <summary>
        /// <c>ToTable</c> and <c>SplitToTable</c> in every form EF wrote: <c>("X")</c>, <c>("X", "s")</c>,
        /// <c>("X", (string)null)</c>, <c>((string)null)</c>, <c>("X", t =&gt; ...)</c>, <c>("X", "s", t =&gt; ...)</c>,
        /// <c>("X", null, t =&gt; ...)</c>, <c>(t =&gt; ...)</c> (the table is unchanged), EF 5's
        /// <c>("X", excludedFromMigrations: true)</c> for owned types; arguments by name too.
        /// </summary>
        /// <returns>The table, <paramref name="existing"/> updated or a new one; null when its name cannot be told.</returns>
        public static TableDefinition? ReadTable(TypeDefinition type, SeparatedSyntaxList<ArgumentSyntax> arguments, TableDefinition? existing)
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

                if (!ReadTableArgument(type, table, parameter, argument.Expression))
                {
                    // The table cannot be told: the entity is placed nowhere, so nothing is "not mapped".
                    type.UnknownTable = true;
                    return null;
                }
            }

            return table;
        }

        /// <returns>False when the argument is the table's name and it cannot be folded.</returns>
        private static bool ReadTableArgument(TypeDefinition type, TableDefinition table, string? parameter, ExpressionSyntax expression)
        {
            var value = Arguments.Fold(expression);
            switch (parameter)
            {
                case "name":
                    if (!value.IsKnown)
                    {
                        return false;
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
                    table.Excluded = expression.IsKind(SyntaxKind.TrueLiteralExpression);
                    break;
                default:
                    type.Uncertain = true;
                    break;
            }

            return true;
        }

        /// <summary>The table builder lambda: ExcludeFromMigrations and table-specific column names (property overrides).</summary>
        private static void ReadTableBuilder(TypeDefinition type, TableDefinition table, LambdaExpressionSyntax lambda)
        {
            var builder = BuilderSyntax.LambdaParameter(lambda);
            foreach (var statement in Invocations.LambdaStatements(lambda))
            {
                var chain = Invocations.StatementExpression(statement) is { } expression ? Invocations.Chain(expression) : null;
                if (chain is null || chain.Count == 0 || !BuilderSyntax.IsOn(chain[0], builder))
                {
                    if (statement.DescendantNodes().Any(IsPropertyCall))
                    {
                        type.Uncertain = true;
                    }

                    continue;
                }

                var root = chain[0];
                switch (Invocations.MethodName(root))
                {
                    case "ExcludeFromMigrations":
                        table.Excluded = BuilderSyntax.BoolArgument(root, absent: true) ?? true;
                        break;
                    case "Property" when root.ArgumentList.Arguments.Count == 1:
                        ReadOverride(type, table, Arguments.Fold(root.ArgumentList.Arguments[0].Expression).Value, chain);
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

        /// <summary><c>t.Property("P").HasColumnName("c")</c>: the property's column in this table.</summary>
        private static void ReadOverride(TypeDefinition type, TableDefinition table, string? property, List<InvocationExpressionSyntax> chain)
        {
            if (property is null)
            {
                type.Uncertain = true;
                return;
            }

            table.Overrides.TryGetValue(property, out var column);
            foreach (var call in chain)
            {
                if (Invocations.MethodName(call) == "HasColumnName" && call.ArgumentList.Arguments.Count == 1)
                {
                    var name = Arguments.Fold(call.ArgumentList.Arguments[0].Expression);
                    type.Uncertain |= !name.IsKnown;
                    column = name.Value;
                }
            }

            table.Overrides[property] = column;
        }

        private static bool IsPropertyCall(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation && Invocations.MethodName(invocation) is "Property" or "ComplexProperty";
    }
}
