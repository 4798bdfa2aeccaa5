using System;
using System.Collections.Generic;
using System.Globalization;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// Compares two store types of one column, across SQL Server, PostgreSQL, SQLite and MySQL names,
    /// to tell whether the new one can hold less than the old one. Types it cannot compare (different
    /// families, lengths whose default depends on the provider) are never called narrower.
    /// </summary>
    internal static class StoreTypes
    {
        private const int Unlimited = int.MaxValue;

        // Integer widths in bytes. SQLite's INTEGER is 8 bytes, but SQLite has no other integer name, so
        // reading it as PostgreSQL's 4-byte integer never compares it wrongly.
        private static readonly Dictionary<string, int> Integers = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["tinyint"] = 1, ["smallint"] = 2, ["int2"] = 2, ["mediumint"] = 3, ["int"] = 4, ["integer"] = 4, ["int4"] = 4, ["bigint"] = 8, ["int8"] = 8,
        };

        private static readonly Dictionary<string, int> Floats = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["real"] = 4, ["float4"] = 4, ["double precision"] = 8, ["float8"] = 8, ["double"] = 8,
        };

        // Character types; the n-prefixed ones are SQL Server's Unicode types.
        private static readonly HashSet<string> Strings = new HashSet<string>(StringComparer.Ordinal)
        {
            "char", "nchar", "varchar", "nvarchar", "character", "character varying", "text", "ntext", "tinytext", "mediumtext", "longtext", "citext", "varchar2", "nvarchar2",
        };

        private static readonly Dictionary<string, int> UnboundedStrings = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["text"] = Unlimited, ["ntext"] = Unlimited, ["citext"] = Unlimited, ["longtext"] = Unlimited, ["mediumtext"] = 16777215, ["tinytext"] = 255,
        };

        private static readonly HashSet<string> Binaries = new HashSet<string>(StringComparer.Ordinal) { "binary", "varbinary", "bytea", "blob", "longblob", "image" };

        // Default fractional-second precision of the temporal types that take one.
        private static readonly Dictionary<string, int> Temporals = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["datetime2"] = 7, ["datetimeoffset"] = 7, ["time"] = 7, ["timestamp"] = 6, ["timestamp with time zone"] = 6, ["timestamp without time zone"] = 6, ["timestamptz"] = 6,
        };

        // Conversions between temporal types that lose range or precision.
        private static readonly HashSet<string> NarrowerTemporal = new HashSet<string>(StringComparer.Ordinal)
        {
            "datetime2>datetime", "datetime2>smalldatetime", "datetime>smalldatetime", "datetime2>date", "datetime>date", "smalldatetime>date",
            "datetimeoffset>datetime2", "datetimeoffset>datetime", "timestamp>date", "timestamp without time zone>date", "timestamp with time zone>date", "timestamptz>date",
        };

        /// <summary>Why <paramref name="newType"/> holds less than <paramref name="oldType"/>; null if it does not or cannot be told.</summary>
        public static string? Narrowing(string? oldType, string? newType)
        {
            if (oldType is null || newType is null || Parse(oldType) is not { } before || Parse(newType) is not { } after || before.Equals(after))
            {
                return null;
            }

            var change = oldType + " to " + newType;
            if (Integers.TryGetValue(before.Name, out var oldWidth) && Integers.TryGetValue(after.Name, out var newWidth))
            {
                return newWidth < oldWidth ? change : null;
            }

            if (FloatWidth(before) is { } oldFloat && FloatWidth(after) is { } newFloat)
            {
                return newFloat < oldFloat ? change : null;
            }

            if (before.Name is "decimal" or "numeric" && after.Name is "decimal" or "numeric")
            {
                // Without arguments the precision is the provider's (18,0 on SQL Server, unlimited on PostgreSQL).
                return before.Arguments.Count > 0 && after.Arguments.Count > 0
                    && (Argument(after, 0, 0) < Argument(before, 0, 0) || Argument(after, 1, 0) < Argument(before, 1, 0))
                    ? change
                    : null;
            }

            if (Strings.Contains(before.Name) && Strings.Contains(after.Name))
            {
                var unicodeLost = before.Name.StartsWith("n", StringComparison.Ordinal) && !after.Name.StartsWith("n", StringComparison.Ordinal)
                    && after.Name is "char" or "varchar" or "text";
                var oldLength = StringLength(before);
                var newLength = StringLength(after);
                return unicodeLost || (oldLength is { } o && newLength is { } n && n < o) ? change : null;
            }

            if (Binaries.Contains(before.Name) && Binaries.Contains(after.Name))
            {
                var oldLength = BinaryLength(before);
                var newLength = BinaryLength(after);
                return oldLength is { } o && newLength is { } n && n < o ? change : null;
            }

            if (before.Name == after.Name && Temporals.TryGetValue(before.Name, out var defaultPrecision))
            {
                return Argument(after, 0, defaultPrecision) < Argument(before, 0, defaultPrecision) ? change : null;
            }

            return NarrowerTemporal.Contains(before.Name + ">" + after.Name) ? change : null;
        }

        /// <summary>How many characters a character type holds (<c>varchar(34)</c>: 34); null for other types, or where the provider decides.</summary>
        public static int? CharacterCapacity(string type) => Parse(type) is { } parsed && Strings.Contains(parsed.Name) ? StringLength(parsed) : null;

        private static int? StringLength(StoreType type)
        {
            if (UnboundedStrings.TryGetValue(type.Name, out var unbounded))
            {
                return unbounded;
            }

            // varchar without a length is varchar(1) on SQL Server but unlimited on PostgreSQL: not comparable.
            return type.Arguments.Count == 1 ? Argument(type, 0, -1) is var length and >= 0 ? length : null : null;
        }

        private static int? BinaryLength(StoreType type) =>
            type.Name is "bytea" or "blob" or "longblob" or "image" ? Unlimited : type.Arguments.Count == 1 && Argument(type, 0, -1) is var length and >= 0 ? length : null;

        private static int? FloatWidth(StoreType type)
        {
            if (Floats.TryGetValue(type.Name, out var width))
            {
                return width;
            }

            // float(n): up to 24 bits of mantissa is single precision; plain float is double.
            return type.Name == "float" ? (type.Arguments.Count == 0 || Argument(type, 0, 53) > 24 ? 8 : 4) : null;
        }

        private static int Argument(StoreType type, int index, int absent)
        {
            if (index >= type.Arguments.Count)
            {
                return absent;
            }

            var text = type.Arguments[index];
            return text == "max" ? Unlimited : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
        }

        /// <summary>
        /// "nvarchar(200)" as (nvarchar, [200]); "timestamp(3) with time zone" as (timestamp with time zone, [3]).
        /// Null for shapes not understood (arrays, character sets, unbalanced parentheses).
        /// </summary>
        internal static StoreType? Parse(string text)
        {
            var lower = text.Trim().ToLowerInvariant();
            var open = lower.IndexOf('(');
            var arguments = new List<string>();
            var name = lower;
            if (open >= 0)
            {
                var close = lower.IndexOf(')', open);
                if (close < 0)
                {
                    return null;
                }

                foreach (var argument in lower.Substring(open + 1, close - open - 1).Split(','))
                {
                    arguments.Add(argument.Trim());
                }

                name = (lower.Substring(0, open).Trim() + " " + lower.Substring(close + 1).Trim()).Trim();
            }

            return name.IndexOfAny(Brackets) >= 0 || name.Contains(" character set") ? null : new StoreType(string.Join(" ", name.Split(Space, StringSplitOptions.RemoveEmptyEntries)), arguments);
        }

        private static readonly char[] Brackets = { '[', '(', ')' };
        private static readonly char[] Space = { ' ' };

        internal sealed class StoreType : IEquatable<StoreType>
        {
            public StoreType(string name, List<string> arguments)
            {
                Name = name;
                Arguments = arguments;
            }

            public string Name { get; }

            public List<string> Arguments { get; }

            public bool Equals(StoreType? other) => other is not null && Name == other.Name && string.Join(",", Arguments) == string.Join(",", other.Arguments);

            public override bool Equals(object? obj) => Equals(obj as StoreType);

            public override int GetHashCode() => Name.GetHashCode();
        }
    }
}
