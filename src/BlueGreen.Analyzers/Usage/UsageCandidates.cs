using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Usage
{
    /// <summary>
    /// The syntactic filter before any binding: the invocations, assignments and creations of one tree that could pass a
    /// database name in a string to an API BG0011 knows (<see cref="UsageScanner"/> binds them). Names only: an
    /// invocation named like a raw SQL, Dapper or <c>Property</c> method with an argument that is not a lambda, an
    /// assignment to something named <c>CommandText</c>, a <c>new</c> of a type named <c>...Command</c>.
    /// </summary>
    internal static class UsageCandidates
    {
        public static List<SyntaxNode> Find(SyntaxNode root, CancellationToken cancellationToken)
        {
            var candidates = new List<SyntaxNode>();

            // The bodies of migrations and models (Up, Down, BuildTargetModel, BuildModel) are the history's, which the replay
            // reads; a designer alone holds thousands of Property calls, none of them application code.
            foreach (var node in root.DescendantNodes(node => !(node is MethodDeclarationSyntax method && IsHistoryMethod(method))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node switch
                {
                    InvocationExpressionSyntax invocation => IsCandidateMethod(MethodName(invocation.Expression)) && MayPassText(invocation.ArgumentList),
                    AssignmentExpressionSyntax assignment => LastName(assignment.Left) == "CommandText",
                    ObjectCreationExpressionSyntax creation => LastName(creation.Type)?.EndsWith("Command", StringComparison.Ordinal) == true,
                    _ => false,
                })
                {
                    candidates.Add(node);
                }
            }

            return candidates;
        }

        private static bool IsHistoryMethod(MethodDeclarationSyntax method) =>
            method.Identifier.ValueText is "Up" or "Down" or "BuildTargetModel" or "BuildModel"
            && method.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OverrideKeyword);

        // EF Core's FromSql*, SqlQuery*, ExecuteSql*; Dapper's Query*, Execute*; EF.Property and EntityTypeBuilder.Property.
        private static bool IsCandidateMethod(string? name) =>
            name is not null
            && (name == "Property"
                || name.StartsWith("FromSql", StringComparison.Ordinal)
                || name.StartsWith("SqlQuery", StringComparison.Ordinal)
                || name.StartsWith("Query", StringComparison.Ordinal)
                || name.StartsWith("Execute", StringComparison.Ordinal));

        // A call whose arguments are all lambdas (the common Property(e => e.Name)) or that has none passes no text: binding it
        // would cost a semantic model of its method (nullable analysis included) for nothing. Fluent configuration is mostly such calls.
        private static bool MayPassText(ArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is not LambdaExpressionSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? MethodName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
