using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Syntax
{
    /// <summary>
    /// Folds names of <c>const</c> string fields (<c>Tables.Customers</c>, <c>Column</c>) through the
    /// compilation's declarations, without building semantic models: a name folds only when exactly one
    /// constant of that name (in a type of that name, for <c>Type.Name</c>) exists. Used for the few
    /// migrations the syntax-only read cannot follow; anything else stays unknown, never guessed.
    /// </summary>
    internal sealed class ConstantBinder
    {
        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;

        public ConstantBinder(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        public Folded Fold(ExpressionSyntax expression)
        {
            var (name, container) = expression switch
            {
                IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, (string?)null),
                MemberAccessExpressionSyntax { Expression: var left, Name: IdentifierNameSyntax right } => (right.Identifier.ValueText, LastName(left)),
                _ => (null, null),
            };

            if (name is null || (expression is MemberAccessExpressionSyntax && container is null))
            {
                return Folded.Unknown;
            }

            var values = new HashSet<string?>();
            foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, _cancellationToken))
            {
                if (symbol is IFieldSymbol { IsConst: true } field
                    && (field.ConstantValue is string || field.ConstantValue is null)
                    && (container is null || field.ContainingType.Name == container))
                {
                    values.Add(field.ConstantValue as string);
                }
            }

            return values.Count == 1 ? new Folded(First(values)) : Folded.Unknown;
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };

        private static string? First(HashSet<string?> values)
        {
            foreach (var value in values)
            {
                return value;
            }

            return null;
        }
    }
}
