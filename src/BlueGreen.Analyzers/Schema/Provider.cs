using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>The database providers whose SQL and semantics the analyzer knows.</summary>
    internal enum Provider
    {
        SqlServer,
        Npgsql,
        Sqlite,
        MySql,
    }

    /// <summary>Which database provider a model or migration was scaffolded for, from the annotations and store types EF wrote.</summary>
    internal static class ProviderDetection
    {
        /// <summary>Null when nothing in the method tells.</summary>
        public static Provider? Of(MethodDeclarationSyntax? method)
        {
            if (method is null)
            {
                return null;
            }

            foreach (var token in method.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.IdentifierToken))
                {
                    continue;
                }

                var text = token.ValueText;
                if (Prefixed(text) is { } annotated)
                {
                    return annotated;
                }

                // EF's SQLite provider writes its affinities in capitals; no other provider does.
                if (token.IsKind(SyntaxKind.StringLiteralToken) && text is "TEXT" or "INTEGER" or "REAL" or "BLOB")
                {
                    return Provider.Sqlite;
                }
            }

            return null;
        }

        private static Provider? Prefixed(string text) =>
            text.StartsWith("SqlServer", StringComparison.Ordinal) ? Provider.SqlServer
            : text.StartsWith("Npgsql", StringComparison.Ordinal) ? Provider.Npgsql
            : text.StartsWith("Sqlite", StringComparison.Ordinal) ? Provider.Sqlite
            : text.StartsWith("MySql", StringComparison.Ordinal) ? Provider.MySql
            : null;
    }
}
