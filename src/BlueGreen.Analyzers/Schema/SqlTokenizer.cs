using System;
using System.Collections.Generic;
using System.Text;

namespace BlueGreen.Analyzers.Schema
{
    internal enum SqlTokenKind
    {
        Word,

        /// <summary>A quoted identifier: <c>[x]</c> (SQL Server), <c>"x"</c> (standard), <c>`x`</c> (MySQL).</summary>
        Quoted,

        /// <summary>A string literal: <c>'x'</c>, <c>N'x'</c>, <c>E'x'</c>, PostgreSQL's <c>$tag$x$tag$</c>.</summary>
        String,

        Punctuation,
    }

    /// <summary>One token of SQL text; comments and white space are not tokens.</summary>
    internal readonly struct SqlToken
    {
        public SqlToken(string text, SqlTokenKind kind)
        {
            Text = text;
            Kind = kind;
        }

        /// <summary>The token's text, without its quotes.</summary>
        public string Text { get; }

        public SqlTokenKind Kind { get; }

        public bool IsQuoted => Kind == SqlTokenKind.Quoted;

        public bool IsString => Kind == SqlTokenKind.String;

        public bool IsPunctuation => Kind == SqlTokenKind.Punctuation;

        public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.Quoted;

        /// <summary>Whether the token is this keyword (a bare word, case-insensitively).</summary>
        public bool Is(string keyword) => Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Splits SQL of the dialects EF's providers speak into tokens, so that names are read as SQL reads them: never inside
    /// a string literal or a comment, quoted identifiers unquoted (a doubled quote escapes one).
    /// </summary>
    internal static class SqlTokenizer
    {
        public static List<SqlToken> Tokenize(string sql)
        {
            var tokens = new List<SqlToken>();
            var i = 0;
            while (i < sql.Length)
            {
                var c = sql[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
                {
                    while (i < sql.Length && sql[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
                {
                    var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? sql.Length : end + 2;
                }
                else if (c == '[' || c == '"' || c == '`')
                {
                    i = Quoted(sql, i + 1, c == '[' ? ']' : c, out var text);
                    tokens.Add(new SqlToken(text, SqlTokenKind.Quoted));
                }
                else if (c == '\'' || ((c is 'N' or 'n' or 'E' or 'e') && i + 1 < sql.Length && sql[i + 1] == '\''))
                {
                    i = Quoted(sql, c == '\'' ? i + 1 : i + 2, '\'', out var text);
                    tokens.Add(new SqlToken(text, SqlTokenKind.String));
                }
                else if (c == '$' && DollarTag(sql, i) is { } tag)
                {
                    // PostgreSQL's dollar quoting ($$...$$, $body$...$body$): a function body is a string, not names.
                    var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                    tokens.Add(new SqlToken(end < 0 ? sql.Substring(i + tag.Length) : sql.Substring(i + tag.Length, end - i - tag.Length), SqlTokenKind.String));
                    i = end < 0 ? sql.Length : end + tag.Length;
                }
                else if (char.IsLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$')
                {
                    var start = i;
                    while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_' || sql[i] == '@' || sql[i] == '#' || sql[i] == '$'))
                    {
                        i++;
                    }

                    tokens.Add(new SqlToken(sql.Substring(start, i - start), SqlTokenKind.Word));
                }
                else
                {
                    tokens.Add(new SqlToken(c.ToString(), SqlTokenKind.Punctuation));
                    i++;
                }
            }

            return tokens;
        }

        /// <summary>The <c>$tag$</c> opening a dollar-quoted string at <paramref name="i"/>, or null (<c>$1</c> is a parameter).</summary>
        private static string? DollarTag(string sql, int i)
        {
            var end = i + 1;
            while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_'))
            {
                end++;
            }

            return end < sql.Length && sql[end] == '$' ? sql.Substring(i, end - i + 1) : null;
        }

        /// <summary>Reads a quoted text whose closing quote is escaped by doubling it.</summary>
        private static int Quoted(string sql, int i, char close, out string text)
        {
            var builder = new StringBuilder();
            while (i < sql.Length)
            {
                if (sql[i] == close)
                {
                    if (i + 1 < sql.Length && sql[i + 1] == close)
                    {
                        builder.Append(close);
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                builder.Append(sql[i]);
                i++;
            }

            text = builder.ToString();
            return i;
        }
    }
}
