using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>Shapes of the builder lambdas model methods are made of (<c>b =&gt; { b.Property... }</c>).</summary>
    internal static class BuilderSyntax
    {
        /// <summary>Whether a chain's root is called on the builder named <paramref name="receiver"/>.</summary>
        public static bool IsOn(InvocationExpressionSyntax call, string receiver) =>
            Invocations.Receiver(call) is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == receiver;

        /// <summary>
        /// The statements of a model method that call the model builder, each with its fluent chain, root first. Others
        /// (e.g. <c>SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder)</c>) name no table or column. The
        /// chain's list is reused from one statement to the next.
        /// </summary>
        public static IEnumerable<(StatementSyntax Statement, List<InvocationExpressionSyntax> Chain)> ChainsOn(BlockSyntax body, string modelBuilder, CancellationToken cancellationToken)
        {
            var chain = new List<InvocationExpressionSyntax>();
            foreach (var statement in body.Statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ChainOn(statement, modelBuilder, chain))
                {
                    yield return (statement, chain);
                }
            }
        }

        /// <summary>Whether the statement calls the model builder; its fluent chain, root first, into <paramref name="chain"/>.</summary>
        public static bool ChainOn(StatementSyntax statement, string modelBuilder, List<InvocationExpressionSyntax> chain) =>
            Invocations.StatementExpression(statement) is { } expression && Invocations.Chain(expression, chain).Count > 0 && IsOn(chain[0], modelBuilder);

        /// <summary>The name of a builder lambda's one parameter; empty when it has not exactly one.</summary>
        public static string LambdaParameter(LambdaExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized =>
                parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>A call's first argument as a bool literal (<c>IsRequired(false)</c>); <paramref name="absent"/> without arguments, null when not a literal.</summary>
        public static bool? BoolArgument(InvocationExpressionSyntax call, bool absent)
        {
            var arguments = call.ArgumentList.Arguments;
            return arguments.Count == 0 ? absent : BoolLiteral(arguments[0].Expression);
        }

        /// <summary>An <c>int</c> literal (<c>HasMaxLength(50)</c>); null for anything else.</summary>
        public static int? IntLiteral(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int value
                ? value
                : null;

        /// <summary><c>true</c> or <c>false</c>; null for anything else.</summary>
        public static bool? BoolLiteral(ExpressionSyntax expression) => expression.Kind() switch
        {
            SyntaxKind.TrueLiteralExpression => true,
            SyntaxKind.FalseLiteralExpression => false,
            _ => null,
        };
    }
}
