using System;
using System.Collections.Generic;
using System.Globalization;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// What PostgreSQL (11 and later) does to a table's rows when EF's Npgsql provider alters it: which column type changes
    /// rewrite the whole table (<c>ALTER COLUMN ... TYPE</c>, which EF writes without <c>USING</c>), and which defaults are
    /// volatile (a value per row, so <c>ADD COLUMN ... DEFAULT</c> rewrites the table instead of only recording the default).
    /// Only what PostgreSQL's own rules decide for certain is told; anything else is unknown.
    /// </summary>
    internal static class PostgresRewrites
    {
        // The names PostgreSQL accepts for one type, by the name its catalog gives it.
        private static readonly Dictionary<string, string> Canonical = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["smallint"] = "int2", ["int2"] = "int2", ["integer"] = "int4", ["int"] = "int4", ["int4"] = "int4", ["bigint"] = "int8", ["int8"] = "int8",
            ["real"] = "float4", ["float4"] = "float4", ["double precision"] = "float8", ["float8"] = "float8",
            ["numeric"] = "numeric", ["decimal"] = "numeric",
            ["character varying"] = "varchar", ["varchar"] = "varchar", ["text"] = "text", ["character"] = "bpchar", ["char"] = "bpchar",
            ["timestamp without time zone"] = "timestamp", ["timestamp"] = "timestamp",
            ["timestamp with time zone"] = "timestamptz", ["timestamptz"] = "timestamptz",
            ["time without time zone"] = "time", ["time"] = "time",
        };

        // Between two different ones of these, PostgreSQL converts each value with a function: a rewrite.
        private static readonly HashSet<string> Numbers = new HashSet<string>(StringComparer.Ordinal) { "int2", "int4", "int8", "float4", "float8", "numeric" };

        // Functions PostgreSQL's catalog marks volatile (a new value at each call), as defaults are written: core,
        // pgcrypto, uuid-ossp. now(), CURRENT_TIMESTAMP, statement_timestamp() and the like are stable, not volatile.
        private static readonly HashSet<string> VolatileFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes",
            "random", "random_normal", "clock_timestamp", "timeofday", "nextval",
        };

        // The largest fractional-second precision of timestamp and time: asking for it changes nothing.
        private const int MaxTimePrecision = 6;

        /// <summary>
        /// Whether changing a column from <paramref name="oldType"/> to <paramref name="newType"/> makes PostgreSQL rewrite the
        /// table: true for a conversion function per value (integer to bigint, a shorter varchar, text to varchar(n), a lower
        /// numeric precision, another char(n) length), false where the values are kept as they are (varchar to text, a longer varchar, a higher
        /// precision); null where it cannot be told (other types, timestamp to timestamptz, whose answer depends on the
        /// session's time zone).
        /// </summary>
        public static bool? TypeChangeRewrites(string oldType, string newType)
        {
            if (Type(oldType) is not { } before || Type(newType) is not { } after)
            {
                return null;
            }

            if (before.Name == after.Name)
            {
                return string.Join(",", before.Arguments) == string.Join(",", after.Arguments) ? false : ModifierChangeRewrites(before, after);
            }

            if (Numbers.Contains(before.Name) && Numbers.Contains(after.Name))
            {
                return true;
            }

            return (before.Name, after.Name) switch
            {
                ("varchar", "text") => false,

                // Binary coercible, then the length checked by a function unless there is no length.
                ("text", "varchar") => after.Arguments.Count > 0,
                _ => null,
            };
        }

        /// <summary>The first volatile function <paramref name="defaultSql"/> calls (outside string literals), or null.</summary>
        public static string? VolatileCall(string defaultSql)
        {
            var tokens = SqlTokenizer.Tokenize(defaultSql);
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (tokens[i].IsIdentifier && tokens[i + 1] is { IsPunctuation: true, Text: "(" } && VolatileFunctions.Contains(tokens[i].Text))
                {
                    return tokens[i].Text + "()";
                }
            }

            return null;
        }

        /// <summary>The same type with other modifiers: PostgreSQL keeps the values where every old value fits unchanged.</summary>
        private static bool? ModifierChangeRewrites(StoreTypes.StoreType before, StoreTypes.StoreType after)
        {
            switch (before.Name)
            {
                case "varchar":
                    // No length, or one at least as long: nothing to check.
                    return after.Arguments.Count == 0 ? false : before.Arguments.Count == 0 || Number(after, 0) < Number(before, 0);

                case "numeric":
                    // No precision, or the same scale with a precision at least as high: every value fits as it is.
                    return after.Arguments.Count == 0 ? false
                        : before.Arguments.Count == 0 || Number(after, 1) != Number(before, 1) || Number(after, 0) < Number(before, 0);

                // Blank-padded to its length: another length changes every value.
                case "bpchar":
                    return true;

                case "timestamp":
                case "timestamptz":
                case "time":
                    var precision = after.Arguments.Count == 0 ? MaxTimePrecision : Number(after, 0);
                    return precision >= MaxTimePrecision ? false : before.Arguments.Count == 0 || precision < Number(before, 0);

                default:
                    return null;
            }
        }

        private static StoreTypes.StoreType? Type(string text) =>
            StoreTypes.Parse(text) is { } parsed && Canonical.TryGetValue(parsed.Name, out var name) && parsed.Arguments.TrueForAll(IsNumber)
                ? new StoreTypes.StoreType(name, parsed.Arguments)
                : null;

        private static bool IsNumber(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

        /// <summary>The modifier at <paramref name="index"/>; 0 when absent (numeric's scale).</summary>
        private static int Number(StoreTypes.StoreType type, int index) =>
            index < type.Arguments.Count ? int.Parse(type.Arguments[index], NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }
}
