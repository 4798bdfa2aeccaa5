using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// Reads the <c>MigrationBuilder</c> calls of a migration method. Purely syntactic, so the result
    /// can be cached per syntax tree and reused across compilations. This part walks Up's statements (and the helper
    /// methods it calls); OperationReader.Calls.cs reads each call.
    /// </summary>
    internal static partial class OperationReader
    {
        /// <param name="binder">Null for the cached syntax-only read; a compilation's binder for methods that read needs.</param>
        public static MigrationOperations Read(MethodDeclarationSyntax? method, CancellationToken cancellationToken, ConstantBinder? binder = null)
        {
            var operations = new List<SchemaOperation>();
            var complete = true;
            if (method is not null)
            {
                ReadBody(method, method, depth: 0, operations, ref complete, binder, cancellationToken);
            }

            return new MigrationOperations(HandRebuildsAcrossCalls(operations), complete);
        }

        // How deep calls into helper methods and local functions are followed.
        private const int MaxHelperDepth = 3;

        /// <summary>
        /// The operations of a method or local function body, in order. A call of a local function of <c>Up</c> or of a
        /// method of the migration class (one of that name: no overload to choose from) is read where it is called; anything
        /// else that is not an operation leaves the read incomplete, and rules that need the whole of <c>Up</c> stay silent.
        /// </summary>
        private static void ReadBody(SyntaxNode body, MethodDeclarationSyntax up, int depth, List<SchemaOperation> operations, ref bool complete, ConstantBinder? binder, CancellationToken cancellationToken)
        {
            foreach (var node in Statements(body))
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A local function's declaration runs nothing; its calls are read.
                if (node is LocalFunctionStatementSyntax)
                {
                    continue;
                }

                var expression = node as ExpressionSyntax ?? Invocations.StatementExpression((StatementSyntax)node);
                var chain = expression is null ? new List<InvocationExpressionSyntax>() : Invocations.Chain(expression);
                if (chain.Count == 0)
                {
                    complete = false;
                    continue;
                }

                var call = chain[0];
                var name = Invocations.MethodName(call);
                var operation = name is null ? null : ReadOperation(name, call, chain, binder);
                if (operation is not null)
                {
                    operations.Add(operation);
                }
                else if (name is not null && Harmless.Contains(name))
                {
                }
                else if (name is not null && chain.Count == 1 && depth < MaxHelperDepth && Helper(call, name, up) is { } helper)
                {
                    ReadBody(helper, up, depth + 1, operations, ref complete, binder, cancellationToken);
                }
                else
                {
                    // Sql(...) with text that cannot be folded, a call the reader cannot follow, a non-constant name.
                    complete = false;
                }
            }
        }

        /// <summary>A body's statements, or the one expression of an expression body (<c>=&gt; migrationBuilder.DropColumn(...)</c>).</summary>
        private static IEnumerable<SyntaxNode> Statements(SyntaxNode body)
        {
            var (block, arrow) = body switch
            {
                BaseMethodDeclarationSyntax method => (method.Body, method.ExpressionBody),
                LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
                _ => (null, null),
            };

            if (arrow is not null)
            {
                return new SyntaxNode[] { arrow.Expression };
            }

            return block?.Statements ?? (IEnumerable<SyntaxNode>)System.Array.Empty<SyntaxNode>();
        }

        /// <summary>
        /// The local function of <c>Up</c>, or else the one method of the migration's class declaration, that
        /// <paramref name="call"/> (<c>Helper(migrationBuilder)</c>, <c>this.Helper(migrationBuilder)</c>) calls; null when
        /// the call is anything else or the name is overloaded.
        /// </summary>
        private static SyntaxNode? Helper(InvocationExpressionSyntax call, string name, MethodDeclarationSyntax up)
        {
            if (!(call.Expression is IdentifierNameSyntax || call.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax }))
            {
                return null;
            }

            SyntaxNode? found = null;
            var count = 0;
            foreach (var statement in up.Body?.Statements ?? default)
            {
                if (statement is LocalFunctionStatementSyntax local && local.Identifier.ValueText == name)
                {
                    found = local;
                    count++;
                }
            }

            if (count == 0 && up.Parent is TypeDeclarationSyntax type)
            {
                foreach (var member in type.Members)
                {
                    if (member is MethodDeclarationSyntax method && method.Identifier.ValueText == name)
                    {
                        found = method;
                        count++;
                    }
                }
            }

            return count == 1 && found != up ? found : null;
        }

        /// <summary>A rebuild written by hand across several <c>Sql</c> calls is one rebuild too (see <see cref="SqlRebuilds.Collapse"/>).</summary>
        private static List<SchemaOperation> HandRebuildsAcrossCalls(List<SchemaOperation> operations)
        {
            var sqlAt = new List<int>();
            for (var i = 0; i < operations.Count; i++)
            {
                if (operations[i] is RawSql)
                {
                    sqlAt.Add(i);
                }
            }

            if (sqlAt.Count < 2)
            {
                return operations;
            }

            var statements = new List<List<SqlEffect>>();
            foreach (var i in sqlAt)
            {
                statements.Add(new List<SqlEffect>(((RawSql)operations[i]).Effects));
            }

            var collapsed = SqlRebuilds.Collapse(statements);
            for (var k = 0; k < sqlAt.Count; k++)
            {
                operations[sqlAt[k]] = (RawSql)operations[sqlAt[k]] with { Effects = collapsed[k] };
            }

            return operations;
        }
    }
}
