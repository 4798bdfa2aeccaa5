using System.Collections.Generic;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>What a statement does to PostgreSQL's <c>lock_timeout</c>.</summary>
    internal enum LockTimeoutChange
    {
        /// <summary><c>SET LOCAL</c>: until the transaction ends (nothing outside one).</summary>
        Local,

        /// <summary><c>SET</c> or <c>SET SESSION</c>: until the connection resets it.</summary>
        Session,

        /// <summary><c>RESET</c>, <c>DEFAULT</c> or 0: no timeout.</summary>
        Reset,
    }

    /// <summary>
    /// The statements of SQL text that set PostgreSQL's <c>lock_timeout</c>: <c>SET [SESSION | LOCAL] lock_timeout = | TO v</c>,
    /// <c>RESET lock_timeout</c>, <c>RESET ALL</c> and <c>set_config('lock_timeout', v, is_local)</c>, in order.
    /// </summary>
    internal static class LockTimeouts
    {
        private const string Setting = "lock_timeout";

        public static List<LockTimeoutChange> Changes(IReadOnlyList<SqlToken> tokens)
        {
            var changes = new List<LockTimeoutChange>();
            var first = 0;
            for (var i = 0; i <= tokens.Count; i++)
            {
                if (i < tokens.Count && !(tokens[i].IsPunctuation && tokens[i].Text == ";"))
                {
                    continue;
                }

                if (Statement(tokens, first, i) is { } change)
                {
                    changes.Add(change);
                }

                first = i + 1;
            }

            return changes;
        }

        /// <summary>The change the statement of tokens [start, end) makes, or null.</summary>
        private static LockTimeoutChange? Statement(IReadOnlyList<SqlToken> tokens, int start, int end)
        {
            if (end - start < 2)
            {
                return null;
            }

            if (tokens[start].Is("RESET"))
            {
                return tokens[start + 1].Is(Setting) || tokens[start + 1].Is("ALL") ? LockTimeoutChange.Reset : null;
            }

            if (tokens[start].Is("SET"))
            {
                var local = tokens[start + 1].Is("LOCAL");
                var name = local || tokens[start + 1].Is("SESSION") ? start + 2 : start + 1;
                return name + 2 < end && tokens[name].Is(Setting) && (tokens[name + 1].Is("TO") || tokens[name + 1].Text == "=")
                    ? Scope(tokens[name + 2], local)
                    : null;
            }

            // SELECT set_config('lock_timeout', '5s', true): is_local true is SET LOCAL.
            for (var i = start; i + 5 < end; i++)
            {
                if (tokens[i].Is("set_config") && tokens[i + 1].Text == "(" && tokens[i + 2] is { IsString: true, Text: Setting }
                    && tokens[i + 3].Text == "," && tokens[i + 4].IsString && tokens[i + 5].Text == ",")
                {
                    return Scope(tokens[i + 4], i + 6 < end && tokens[i + 6].Is("true"));
                }
            }

            return null;
        }

        // 0 (in any unit) turns the timeout off, as DEFAULT does where no other level sets it.
        private static LockTimeoutChange Scope(SqlToken value, bool local) =>
            value.Is("DEFAULT") || IsZero(value.Text) ? LockTimeoutChange.Reset : local ? LockTimeoutChange.Local : LockTimeoutChange.Session;

        private static bool IsZero(string value)
        {
            var digits = value.Trim();
            var i = 0;
            while (i < digits.Length && (digits[i] == '0' || digits[i] == '.'))
            {
                i++;
            }

            return i > 0 && (i == digits.Length || char.IsLetter(digits[i]) || char.IsWhiteSpace(digits[i]));
        }
    }
}
