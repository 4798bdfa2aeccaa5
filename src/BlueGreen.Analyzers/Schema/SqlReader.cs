using System;
using System.Collections.Generic;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// Finds the statements in <c>migrationBuilder.Sql(...)</c> text that drop or rename columns and tables,
    /// in the dialects EF's providers speak: <c>ALTER TABLE t DROP [COLUMN] [IF EXISTS] c[, ...]</c>,
    /// <c>ALTER TABLE t RENAME [COLUMN] a TO b</c>, <c>ALTER TABLE t RENAME TO u</c>, <c>RENAME TABLE t TO u</c>,
    /// <c>DROP TABLE [IF EXISTS] t[, u]</c>, <c>EXEC sp_rename 't.c', 'd', 'COLUMN'</c>, and the copy of an
    /// expand step, <c>UPDATE t SET new = old</c>; quoted identifiers
    /// (<c>[x]</c>, <c>"x"</c>, backticks), schema-qualified names, comments, several statements.
    /// </summary>
    internal static class SqlReader
    {
        // What follows DROP in ALTER TABLE when the dropped thing is not a column.
        private static readonly HashSet<string> NotColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK", "PERIOD", "SYSTEM", "DEFAULT", "TRIGGER", "PARTITION", "UNIQUE",
            "NOT", "IDENTITY", "EXPRESSION", "ROWGUIDCOL", "PERSISTED", "MASKED", "SPARSE", "STATISTICS",
        };

        public static List<SqlEffect> Read(string sql) => Read(SqlTokenizer.Tokenize(sql));

        public static List<SqlEffect> Read(IReadOnlyList<SqlToken> tokens)
        {
            var effects = new List<SqlEffect>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (Is(tokens, i, "ALTER") && Is(tokens, i + 1, "TABLE"))
                {
                    i = AlterTable(tokens, i + 2, effects) - 1;
                }
                else if (Is(tokens, i, "DROP") && Is(tokens, i + 1, "TABLE"))
                {
                    i = DropTable(tokens, i + 2, effects) - 1;
                }
                else if (Is(tokens, i, "CREATE") && Is(tokens, i + 1, "TABLE"))
                {
                    i = CreateTable(tokens, i + 2, effects) - 1;
                }
                else if (Is(tokens, i, "RENAME") && Is(tokens, i + 1, "TABLE"))
                {
                    var at = i + 2;
                    if (Name(tokens, ref at) is { } from && Is(tokens, at, "TO"))
                    {
                        effects.Add(new SqlRenameTable(from.Schema, from.Name, null));
                    }

                    i = at - 1;
                }
                else if (Is(tokens, i, "UPDATE"))
                {
                    var at = i + 1;
                    if (Name(tokens, ref at) is { } updated && Is(tokens, at, "SET")
                        && at + 3 < tokens.Count && tokens[at + 1].IsIdentifier && Is(tokens, at + 2, "=") && tokens[at + 3].IsIdentifier
                        && !(at + 4 < tokens.Count && (Is(tokens, at + 4, ",") || Is(tokens, at + 4, ".") || Is(tokens, at + 4, "("))))
                    {
                        effects.Add(new SqlCopy(updated.Schema, updated.Name, tokens[at + 3].Text, tokens[at + 1].Text));
                    }

                    i = at - 1;
                }
                else if (tokens[i].Text.EndsWith("sp_rename", StringComparison.OrdinalIgnoreCase) && !tokens[i].IsString)
                {
                    i = SpRename(tokens, i + 1, effects) - 1;
                }
            }

            return SqlRebuilds.Collapse(new List<List<SqlEffect>> { effects })[0];
        }

        private static int AlterTable(IReadOnlyList<SqlToken> tokens, int at, List<SqlEffect> effects)
        {
            if (Is(tokens, at, "IF") && Is(tokens, at + 1, "EXISTS"))
            {
                at += 2;
            }

            if (Is(tokens, at, "ONLY"))
            {
                at++;
            }

            if (Name(tokens, ref at) is not { } table)
            {
                return at;
            }

            // One action after another, separated by commas, up to the end of the statement.
            while (at < tokens.Count && tokens[at].Text != ";" && !StartsStatement(tokens, at))
            {
                if (Is(tokens, at, "DROP"))
                {
                    at++;
                    if (at < tokens.Count && NotColumns.Contains(tokens[at].Text) && !tokens[at].IsQuoted)
                    {
                        at = SkipAction(tokens, at);
                        continue;
                    }

                    // SQL Server lists several columns after one DROP COLUMN.
                    do
                    {
                        if (Is(tokens, at, "DROP"))
                        {
                            at++;
                        }

                        if (Is(tokens, at, "COLUMN"))
                        {
                            at++;
                        }

                        if (Is(tokens, at, "IF") && Is(tokens, at + 1, "EXISTS"))
                        {
                            at += 2;
                        }

                        if (at < tokens.Count && tokens[at].IsIdentifier && !(NotColumns.Contains(tokens[at].Text) && !tokens[at].IsQuoted))
                        {
                            effects.Add(new SqlDropColumn(table.Schema, table.Name, tokens[at].Text));
                            at++;
                        }
                        else
                        {
                            break;
                        }
                    }
                    while (Is(tokens, at, ",") && at++ > 0 && !Is(tokens, at, "ADD") && !Is(tokens, at, "ALTER") && !Is(tokens, at, "RENAME"));

                    continue;
                }

                if (Is(tokens, at, "RENAME"))
                {
                    at++;
                    if (Is(tokens, at, "TO"))
                    {
                        at++;
                        var renamed = Name(tokens, ref at);
                        effects.Add(new SqlRenameTable(table.Schema, table.Name, renamed?.Name));
                        continue;
                    }

                    if (Is(tokens, at, "COLUMN"))
                    {
                        at++;
                    }

                    if (at + 2 < tokens.Count && tokens[at].IsIdentifier && Is(tokens, at + 1, "TO") && tokens[at + 2].IsIdentifier)
                    {
                        effects.Add(new SqlRenameColumn(table.Schema, table.Name, tokens[at].Text, tokens[at + 2].Text));
                        at += 3;
                        continue;
                    }
                }

                at = SkipAction(tokens, at);
            }

            return at;
        }

        // Elements of a CREATE TABLE list that are constraints, not columns.
        private static readonly HashSet<string> TableConstraints = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "KEY", "INDEX", "EXCLUDE", "PERIOD", "LIKE",
        };

        private static int CreateTable(IReadOnlyList<SqlToken> tokens, int at, List<SqlEffect> effects)
        {
            if (Is(tokens, at, "IF") && Is(tokens, at + 1, "NOT") && Is(tokens, at + 2, "EXISTS"))
            {
                at += 3;
            }

            if (Name(tokens, ref at) is not { } table)
            {
                return at;
            }

            if (!Is(tokens, at, "("))
            {
                // CREATE TABLE ... AS SELECT: the columns are not listed.
                effects.Add(new SqlCreateTable(table.Schema, table.Name, null));
                return at;
            }

            // The first word of each element of the list at depth 1 names a column, unless it starts a constraint.
            var columns = new List<string>();
            var depth = 0;
            var startsElement = true;
            for (at++; at < tokens.Count; at++)
            {
                var token = tokens[at];
                if (token.IsPunctuation && token.Text == "(")
                {
                    depth++;
                }
                else if (token.IsPunctuation && token.Text == ")")
                {
                    if (depth-- == 0)
                    {
                        at++;
                        break;
                    }
                }
                else if (depth == 0 && token.IsPunctuation && token.Text == ",")
                {
                    startsElement = true;
                    continue;
                }
                else if (startsElement && token.IsIdentifier && !(token.Kind == SqlTokenKind.Word && TableConstraints.Contains(token.Text)))
                {
                    columns.Add(token.Text);
                }

                startsElement = false;
            }

            effects.Add(new SqlCreateTable(table.Schema, table.Name, columns));
            return at;
        }

        private static int DropTable(IReadOnlyList<SqlToken> tokens, int at, List<SqlEffect> effects)
        {
            if (Is(tokens, at, "IF") && Is(tokens, at + 1, "EXISTS"))
            {
                at += 2;
            }

            while (Name(tokens, ref at) is { } table)
            {
                effects.Add(new SqlDropTable(table.Schema, table.Name));
                if (!Is(tokens, at, ","))
                {
                    break;
                }

                at++;
            }

            return at;
        }

        /// <summary><c>sp_rename 'objname', 'newname'[, 'objtype']</c>, positional or with <c>@objname =</c> names.</summary>
        private static int SpRename(IReadOnlyList<SqlToken> tokens, int at, List<SqlEffect> effects)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var position = 0;
            string[] names = { "@objname", "@newname", "@objtype" };
            while (at < tokens.Count && tokens[at].Text != ";" && position < 3)
            {
                var name = names[position];
                if (tokens[at].Text.StartsWith("@", StringComparison.Ordinal) && Is(tokens, at + 1, "="))
                {
                    name = tokens[at].Text;
                    at += 2;
                }

                if (at >= tokens.Count || !tokens[at].IsString)
                {
                    break;
                }

                values[name] = tokens[at].Text;
                position++;
                at++;
                if (!Is(tokens, at, ","))
                {
                    break;
                }

                at++;
            }

            if (!values.TryGetValue("@objname", out var objectName))
            {
                return at;
            }

            values.TryGetValue("@newname", out var newName);
            values.TryGetValue("@objtype", out var type);
            var parts = SplitName(objectName);
            if (string.Equals(type, "COLUMN", StringComparison.OrdinalIgnoreCase) && parts.Count >= 2)
            {
                effects.Add(new SqlRenameColumn(parts.Count >= 3 ? parts[parts.Count - 3] : null, parts[parts.Count - 2], parts[parts.Count - 1], newName));
            }
            else if ((type is null || string.Equals(type, "OBJECT", StringComparison.OrdinalIgnoreCase)) && parts.Count >= 1)
            {
                effects.Add(new SqlRenameTable(parts.Count >= 2 ? parts[parts.Count - 2] : null, parts[parts.Count - 1], newName));
            }

            return at;
        }

        /// <summary>Skips one ALTER TABLE action: to the next comma outside parentheses, or the statement's end.</summary>
        private static int SkipAction(IReadOnlyList<SqlToken> tokens, int at)
        {
            var depth = 0;
            for (var first = at; at < tokens.Count; at++)
            {
                var text = tokens[at].Text;
                if (at > first && depth <= 0 && (StartsStatement(tokens, at) || Is(tokens, at, "DROP")))
                {
                    return at;
                }

                if (tokens[at].IsPunctuation)
                {
                    if (text == "(")
                    {
                        depth++;
                    }
                    else if (text == ")")
                    {
                        depth--;
                    }
                    else if (text == ";" || (text == "," && depth <= 0))
                    {
                        return text == "," ? at + 1 : at;
                    }
                }
            }

            return at;
        }

        private static (string? Schema, string Name)? Name(IReadOnlyList<SqlToken> tokens, ref int at)
        {
            var parts = new List<string>();
            while (at < tokens.Count && tokens[at].IsIdentifier)
            {
                parts.Add(tokens[at].Text);
                at++;
                if (!Is(tokens, at, "."))
                {
                    break;
                }

                at++;
            }

            return parts.Count == 0 ? null : (parts.Count >= 2 ? parts[parts.Count - 2] : null, parts[parts.Count - 1]);
        }

        /// <summary>"dbo.[Customers].Fax" into its parts, without quotes.</summary>
        private static List<string> SplitName(string name)
        {
            var parts = new List<string>();
            foreach (var token in SqlTokenizer.Tokenize(name))
            {
                if (token.IsIdentifier)
                {
                    parts.Add(token.Text);
                }
            }

            return parts;
        }

        // Batches separated by new lines (or GO) rather than semicolons still end a statement here.
        private static bool StartsStatement(IReadOnlyList<SqlToken> tokens, int at) =>
            (Is(tokens, at, "ALTER") && Is(tokens, at + 1, "TABLE"))
            || (Is(tokens, at, "DROP") && Is(tokens, at + 1, "TABLE"))
            || (Is(tokens, at, "RENAME") && Is(tokens, at + 1, "TABLE"))
            || Is(tokens, at, "CREATE") || Is(tokens, at, "UPDATE") || Is(tokens, at, "INSERT") || Is(tokens, at, "DELETE")
            || Is(tokens, at, "EXEC") || Is(tokens, at, "EXECUTE") || Is(tokens, at, "GO") || Is(tokens, at, "SELECT") || Is(tokens, at, "MERGE");

        private static bool Is(IReadOnlyList<SqlToken> tokens, int at, string keyword) =>
            at < tokens.Count && !tokens[at].IsQuoted && !tokens[at].IsString && string.Equals(tokens[at].Text, keyword, StringComparison.OrdinalIgnoreCase);
    }
}
