using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Syntax
{
    /// <summary>Shapes of fluent calls shared by the migration and model readers.</summary>
    internal static class Invocations
    {
        /// <summary>The name of the method an invocation calls: <c>Foo</c> in <c>x.Foo&lt;T&gt;(...)</c>.</summary>
        public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The single type argument's text, e.g. <c>string</c> in <c>AddColumn&lt;string&gt;</c>.</summary>
        public static string? TypeArgument(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression is MemberAccessExpressionSyntax member ? member.Name : invocation.Expression as SimpleNameSyntax;
            return name is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Count == 1
                ? TypeText(generic.TypeArgumentList.Arguments[0])
                : null;
        }

        // "int?" and the like, made once: the type texts designers repeat are few.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NullableTexts =
            new System.Collections.Concurrent.ConcurrentDictionary<string, string>(System.StringComparer.Ordinal);

        /// <summary>
        /// A type as written (<c>ToString()</c>), without building a new string for the shapes designers write on every
        /// property (<c>string</c>, <c>DateTime</c>, <c>int?</c>): those texts are the tokens' own.
        /// </summary>
        public static string TypeText(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.Text,
            IdentifierNameSyntax identifier => identifier.Identifier.Text,
            NullableTypeSyntax { ElementType: PredefinedTypeSyntax or IdentifierNameSyntax } nullable
                when !nullable.ElementType.HasTrailingTrivia && !nullable.QuestionToken.HasLeadingTrivia =>
                NullableTexts.GetOrAdd(TypeText(nullable.ElementType), element => element + "?"),
            _ => type.ToString(),
        };

        /// <summary>The receiver of a member call (<c>x</c> in <c>x.Foo()</c>), or null.</summary>
        public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
            (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;

        /// <summary>
        /// The calls of a fluent chain from its root outwards: <c>b.Property("X").HasColumnName("y")</c>
        /// gives [Property, HasColumnName].
        /// </summary>
        public static List<InvocationExpressionSyntax> Chain(ExpressionSyntax expression) => Chain(expression, new List<InvocationExpressionSyntax>(4));

        /// <summary>
        /// The calls of a fluent chain, into <paramref name="chain"/> (cleared first): the model reader reads hundreds of
        /// statements per designer, one after the other, and a list per statement was a tenth of its allocations.
        /// </summary>
        public static List<InvocationExpressionSyntax> Chain(ExpressionSyntax expression, List<InvocationExpressionSyntax> chain)
        {
            chain.Clear();
            var current = expression;
            while (current is InvocationExpressionSyntax invocation)
            {
                chain.Add(invocation);
                current = Receiver(invocation);
            }

            chain.Reverse();
            return chain;
        }

        /// <summary>
        /// The expression of a statement as generated code writes it, including the
        /// <c>_ = x.Foo();</c> discard form some generators and people use.
        /// </summary>
        public static ExpressionSyntax? StatementExpression(StatementSyntax statement)
        {
            if (statement is not ExpressionStatementSyntax expressionStatement)
            {
                return null;
            }

            var expression = expressionStatement.Expression;
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
                && discard.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return discard.Right;
            }

            return expression;
        }

        /// <summary>The statements of a lambda's body (block or expression body).</summary>
        public static IEnumerable<StatementSyntax> LambdaStatements(ExpressionSyntax? lambda)
        {
            var body = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Body,
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.Body,
                _ => null,
            };

            return body switch
            {
                BlockSyntax block => block.Statements,
                ExpressionSyntax expression => new StatementSyntax[] { SyntaxFactory.ExpressionStatement(expression) },
                _ => System.Array.Empty<StatementSyntax>(),
            };
        }
    }
}
