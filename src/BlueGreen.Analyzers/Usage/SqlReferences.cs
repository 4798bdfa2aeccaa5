using System;
using System.Collections.Generic;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Usage
{
    /// <summary>
    /// What a SQL text names, read as SQL: the tables of its FROM, JOIN, UPDATE, INTO and TABLE clauses (with their
    /// aliases), and every other identifier, with the qualifier written before it. Names inside string literals and
    /// comments are not names. Each statement (up to a <c>;</c>) is read on its own.
    /// </summary>
    internal sealed class SqlReferences
    {
        // Words after which a name is a table.
        private static readonly HashSet<string> TableKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "FROM", "JOIN", "UPDATE", "INTO", "TABLE" };

        // Words that are never a column or an alias.
        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IS", "IN", "AS", "ON", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS",
            "UPDATE", "SET", "INSERT", "INTO", "VALUES", "DELETE", "ORDER", "BY", "GROUP", "HAVING", "LIMIT", "OFFSET", "TOP", "DISTINCT", "UNION", "ALL",
            "CASE", "WHEN", "THEN", "ELSE", "END", "LIKE", "BETWEEN", "EXISTS", "ASC", "DESC", "WITH", "TABLE", "ALTER", "DROP", "CREATE", "RETURNING",
            "OUTPUT", "INSERTED", "DELETED", "TRUE", "FALSE", "COUNT", "SUM", "MIN", "MAX", "AVG", "COALESCE", "CAST", "USING", "FETCH", "NEXT", "ROWS", "ONLY",
        };

        private SqlReferences(List<Statement> statements)
        {
            Statements = statements;
        }

        public IReadOnlyList<Statement> Statements { get; }

        public static SqlReferences Read(string sql) => Read(SqlTokenizer.Tokenize(sql));

        public static SqlReferences Read(IReadOnlyList<SqlToken> tokens)
        {
            var statements = new List<Statement>();
            var current = new Statement();
            var listsTables = false;
            var depth = 0;
            var first = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.IsPunctuation && token.Text == ";")
                {
                    listsTables = false;
                    depth = 0;
                    first = i + 1;
                    statements.Add(current);
                    current = new Statement();
                    continue;
                }

                if (current.IsEmpty && (token.Is("ALTER") || token.Is("CREATE") || token.Is("DROP")))
                {
                    current.IsDefinition = true;
                }

                if (current.IsEmpty && token.Kind == SqlTokenKind.Word)
                {
                    current.Verb = token.Text.ToUpperInvariant();
                }

                if (token.IsPunctuation && token.Text == "(")
                {
                    depth++;
                }
                else if (token.IsPunctuation && token.Text == ")")
                {
                    depth--;
                }

                // A condition of the statement itself, not of a subquery in its SET list; TOP and LIMIT take some rows only.
                if (depth == 0 && (token.Is("WHERE") || token.Is("JOIN") || token.Is("USING") || token.Is("TOP") || token.Is("LIMIT")))
                {
                    current.IsRestricted = true;
                }

                current.IsEmpty = false;
                if (!token.IsIdentifier || (token.Kind == SqlTokenKind.Word && Keywords.Contains(token.Text)))
                {
                    listsTables = false;
                    continue;
                }

                // A dotted name: the qualifier(s) before its last part.
                var parts = new List<SqlToken> { token };
                while (i + 2 < tokens.Count && tokens[i + 1].IsPunctuation && tokens[i + 1].Text == "." && tokens[i + 2].IsIdentifier)
                {
                    parts.Add(tokens[i + 2]);
                    i += 2;
                }

                var start = i - (2 * (parts.Count - 1));
                var isTable = listsTables || (start > 0 && tokens[start - 1].Kind == SqlTokenKind.Word && TableKeywords.Contains(tokens[start - 1].Text));
                listsTables = false;
                if (isTable)
                {
                    var table = new SqlName(parts[parts.Count - 1], parts.Count > 1 ? parts[parts.Count - 2] : (SqlToken?)null);
                    current.Tables.Add(table);

                    // The table an UPDATE or a DELETE writes: the name right after UPDATE, or after DELETE FROM.
                    if (current.Tables.Count == 1 && depth == 0
                        && ((current.Verb == "UPDATE" && start == first + 1) || (current.Verb == "DELETE" && start == first + 2 && tokens[first + 1].Is("FROM"))))
                    {
                        current.Target = table;
                    }

                    // An alias: "Customers c" or "Customers AS c".
                    var next = i + 1 < tokens.Count && tokens[i + 1].Is("AS") ? i + 2 : i + 1;
                    if (next < tokens.Count && tokens[next].IsIdentifier && !(tokens[next].Kind == SqlTokenKind.Word && Keywords.Contains(tokens[next].Text)))
                    {
                        current.Aliases[tokens[next].Text] = table;
                        i = next;
                    }

                    // "FROM a, b": the next name is a table too.
                    listsTables = i + 1 < tokens.Count && tokens[i + 1].IsPunctuation && tokens[i + 1].Text == ",";
                    if (listsTables)
                    {
                        i++;
                    }

                    continue;
                }

                current.Names.Add(new SqlName(parts[parts.Count - 1], parts.Count > 1 ? parts[parts.Count - 2] : (SqlToken?)null));
            }

            statements.Add(current);
            return new SqlReferences(statements);
        }

        /// <summary>Whether a statement reads or writes <paramref name="table"/>: names it in FROM, JOIN, UPDATE, INTO or TABLE.</summary>
        public bool NamesTable(TableKey table, Provider? provider)
        {
            foreach (var statement in Statements)
            {
                if (statement.HasTable(table, provider))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a statement names <paramref name="column"/> of <paramref name="table"/>: qualified by the table or one of
        /// its aliases, or unqualified in a statement that reads the table. The same word in a statement over other tables
        /// only is another table's column.
        /// </summary>
        public bool NamesColumn(TableKey table, string column, Provider? provider)
        {
            foreach (var statement in Statements)
            {
                if (statement.IsDefinition)
                {
                    continue;
                }

                var readsTable = statement.HasTable(table, provider);
                foreach (var name in statement.Names)
                {
                    if (!SqlName.Denotes(name.Name, column, provider))
                    {
                        continue;
                    }

                    if (name.Qualifier is not { } qualifier)
                    {
                        if (readsTable)
                        {
                            return true;
                        }
                    }
                    else if (statement.Aliases.TryGetValue(qualifier.Text, out var aliased)
                        ? aliased.Is(table, provider)
                        : SqlName.Denotes(qualifier, table.Name, provider))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>One statement's tables and other names.</summary>
        internal sealed class Statement
        {
            public List<SqlName> Tables { get; } = new List<SqlName>();

            public Dictionary<string, SqlName> Aliases { get; } = new Dictionary<string, SqlName>(StringComparer.OrdinalIgnoreCase);

            public List<SqlName> Names { get; } = new List<SqlName>();

            /// <summary>
            /// DDL (ALTER, CREATE, DROP): the replay's business (BG0008), not a use. A later <c>ADD</c> of a dropped column's
            /// name re-creates it rather than reading it.
            /// </summary>
            public bool IsDefinition { get; set; }

            public bool IsEmpty { get; set; } = true;

            /// <summary>The statement's first word, upper case (<c>UPDATE</c>, <c>DELETE</c>, <c>WITH</c>...); null when it starts otherwise.</summary>
            public string? Verb { get; set; }

            /// <summary>The table an <c>UPDATE t</c> or a <c>DELETE FROM t</c> writes; null for other statements and other shapes.</summary>
            public SqlName? Target { get; set; }

            /// <summary>
            /// Whether the statement itself (not a subquery) has a WHERE, a JOIN, a USING, a TOP or a LIMIT: it may write some
            /// rows only. Without one, an UPDATE or a DELETE writes every row of its table.
            /// </summary>
            public bool IsRestricted { get; set; }

            public bool HasTable(TableKey table, Provider? provider)
            {
                if (IsDefinition)
                {
                    return false;
                }

                foreach (var name in Tables)
                {
                    if (name.Is(table, provider))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>A name as SQL writes it, with the part written before it (a table's schema, a column's table or alias).</summary>
    internal readonly struct SqlName
    {
        public SqlName(SqlToken name, SqlToken? qualifier)
        {
            Name = name;
            Qualifier = qualifier;
        }

        public SqlToken Name { get; }

        public SqlToken? Qualifier { get; }

        /// <summary>Whether this table name denotes <paramref name="table"/>; a name without schema may be the default schema's.</summary>
        public bool Is(TableKey table, Provider? provider) =>
            Denotes(Name, table.Name, provider)
            && (Qualifier is not { } schema || table.Schema is null || Denotes(schema, table.Schema, provider));

        /// <summary>
        /// Whether the name denotes a database object named <paramref name="actual"/>, as the provider matches names:
        /// PostgreSQL folds an unquoted name to lower case and compares a quoted one exactly; SQL Server (by default),
        /// SQLite and MySQL ignore case.
        /// </summary>
        public static bool Denotes(SqlToken token, string actual, Provider? provider) =>
            provider == Provider.Npgsql
                ? string.Equals(token.IsQuoted ? token.Text : token.Text.ToLowerInvariant(), actual, StringComparison.Ordinal)
                : string.Equals(token.Text, actual, StringComparison.OrdinalIgnoreCase);
    }
}
