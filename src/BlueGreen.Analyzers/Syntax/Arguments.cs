using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Syntax
{
    /// <summary>
    /// Reads the arguments of EF Core's generated calls, by name (as EF writes them) or by position
    /// (as people write them by hand), folding literals without the semantic model so results can be
    /// cached per syntax tree.
    /// </summary>
    internal readonly struct Arguments
    {
        private readonly SeparatedSyntaxList<ArgumentSyntax> _arguments;
        private readonly string[] _parameters;
        private readonly ConstantBinder? _binder;

        /// <param name="binder">Folds what syntax alone cannot (const fields); null in the per-tree, syntax-only read.</param>
        public Arguments(ArgumentListSyntax? list, string[] parameters, ConstantBinder? binder = null)
        {
            _arguments = list?.Arguments ?? default;
            _parameters = parameters;
            _binder = binder;
        }

        public int Count => _arguments.Count;

        /// <summary>The argument given for a parameter, named or positional; null when absent.</summary>
        public ExpressionSyntax? Get(string parameter)
        {
            var position = Array.IndexOf(_parameters, parameter);
            for (var i = 0; i < _arguments.Count; i++)
            {
                var argument = _arguments[i];
                if (argument.NameColon is { } nameColon)
                {
                    if (nameColon.Name.Identifier.ValueText == parameter)
                    {
                        return argument.Expression;
                    }
                }
                else if (i == position)
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        public Folded String(string parameter) => Get(parameter) is { } expression ? Fold(expression, _binder) : Folded.Null;

        /// <summary>A bool argument; <paramref name="absent"/> when not given; null when not a literal.</summary>
        public bool? Bool(string parameter, bool absent)
        {
            var expression = Get(parameter);
            if (expression is null)
            {
                return absent;
            }

            return expression.Kind() switch
            {
                SyntaxKind.TrueLiteralExpression => true,
                SyntaxKind.FalseLiteralExpression => false,
                _ => null,
            };
        }

        public bool Has(string parameter) => Get(parameter) is { } expression && !expression.IsKind(SyntaxKind.NullLiteralExpression);

        /// <summary>
        /// Folds the string forms EF writes (literals, <c>null</c>, <c>(string)null</c>) and the simple
        /// constant forms people write (concatenations, <c>nameof</c>, const locals; const fields with a
        /// <paramref name="binder"/>); anything else is unknown.
        /// </summary>
        public static Folded Fold(ExpressionSyntax expression, ConstantBinder? binder = null)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return new Folded(literal.Token.ValueText);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                    return Folded.Null;
                case CastExpressionSyntax cast:
                    return Fold(cast.Expression, binder);
                case ParenthesizedExpressionSyntax parenthesized:
                    return Fold(parenthesized.Expression, binder);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    var left = Fold(binary.Left, binder);
                    var right = Fold(binary.Right, binder);
                    return left.IsKnown && right.IsKnown ? new Folded(left.Value + right.Value) : Folded.Unknown;
                case InterpolatedStringExpressionSyntax interpolated:
                    // A constant interpolated string (C# 10): every hole is itself a constant.
                    var text = new System.Text.StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax literalPart)
                        {
                            text.Append(literalPart.TextToken.ValueText);
                        }
                        else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole && Fold(hole.Expression, binder) is { IsKnown: true } part)
                        {
                            text.Append(part.Value);
                        }
                        else
                        {
                            return Folded.Unknown;
                        }
                    }

                    return new Folded(text.ToString());
                case IdentifierNameSyntax identifier when ConstantLocal(identifier) is { } initializer:
                    return Fold(initializer, binder);
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                    when nameOf.ArgumentList.Arguments.Count == 1:
                    return nameOf.ArgumentList.Arguments[0].Expression switch
                    {
                        MemberAccessExpressionSyntax member => new Folded(member.Name.Identifier.ValueText),
                        SimpleNameSyntax name => new Folded(name.Identifier.ValueText),
                        _ => Folded.Unknown,
                    };
                case IdentifierNameSyntax or MemberAccessExpressionSyntax when binder is not null:
                    return binder.Fold(expression);
                default:
                    return Folded.Unknown;
            }
        }

        /// <summary>The initializer of a <c>const</c> local of that name declared earlier in the same method.</summary>
        private static ExpressionSyntax? ConstantLocal(IdentifierNameSyntax identifier)
        {
            var body = identifier.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()?.Body;
            if (body is null)
            {
                return null;
            }

            foreach (var statement in body.Statements)
            {
                if (statement.SpanStart >= identifier.SpanStart)
                {
                    break;
                }

                if (statement is LocalDeclarationStatementSyntax { IsConst: true } declaration)
                {
                    foreach (var variable in declaration.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == identifier.Identifier.ValueText && variable.Initializer is { } initializer)
                        {
                            return initializer.Value;
                        }
                    }
                }
            }

            return null;
        }
    }
}
