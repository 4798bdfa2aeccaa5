using System;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>Which database provider a migration was scaffolded for, from the annotations and types EF wrote.</summary>
    internal static class Providers
    {
        public const string SqlServer = "SqlServer";
        public const string Npgsql = "Npgsql";
        public const string Sqlite = "Sqlite";
        public const string MySql = "MySql";

        /// <summary>Null when nothing tells; read only for the few findings whose fix writes SQL.</summary>
        public static string? Of(MigrationEntry migration, string? storeType)
        {
            foreach (var method in new[] { migration.Up, migration.TargetModelMethod })
            {
                if (method is null)
                {
                    continue;
                }

                foreach (var token in method.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        var text = token.ValueText;
                        foreach (var provider in new[] { SqlServer, Npgsql, Sqlite, MySql })
                        {
                            if (text.StartsWith(provider, StringComparison.Ordinal))
                            {
                                return provider;
                            }
                        }
                    }
                }
            }

            // EF's SQLite provider writes its two affinities in capitals; no other provider does.
            return storeType is "TEXT" or "INTEGER" or "REAL" or "BLOB" ? Sqlite : null;
        }
    }
}
