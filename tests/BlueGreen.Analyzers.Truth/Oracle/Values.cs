using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BlueGreen.Analyzers.Truth.Oracle
{
    /// <summary>
    /// Values a version writes, at the limits its model allows: strings of the maximum length, the largest numbers
    /// the precision holds. Keys and unique columns take a running counter so rows never collide.
    /// </summary>
    internal static class Values
    {
        /// <summary>The length of the strings a version writes where its model sets no maximum (a PostgreSQL index still takes them).</summary>
        private const int UnboundedLength = 1000;

        public static bool IsInteger(Type type) =>
            type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

        public static object For(IColumn column, bool unique, int counter)
        {
            var mapping = column.StoreTypeMapping;
            var type = Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType;
            var storeType = column.StoreType.ToLowerInvariant();
            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.Length > 0 ? values.GetValue(counter % values.Length)! : Activator.CreateInstance(type)!;
            }

            if (type == typeof(string))
            {
                // A string without a maximum length takes long values: longer than any maximum a later version may set.
                var length = column.MaxLength ?? mapping.Size ?? UnboundedLength;
                var text = "v" + counter.ToString(CultureInfo.InvariantCulture) + "-";
                return text.Length >= length ? text.Substring(0, length) : text + new string('x', length - text.Length);
            }

            if (IsInteger(type))
            {
                // Keys and unique columns count up; other numbers sit at the type's maximum, so narrowing shows.
                var value = unique ? 1000 + counter : MaxValue(type) - counter % 100;
                return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            }

            if (type == typeof(decimal))
            {
                var precision = Math.Min(column.Precision ?? mapping.Precision ?? 10, 28);
                var scale = Math.Min(column.Scale ?? mapping.Scale ?? 2, precision);
                var digits = new string('9', precision - scale) + (scale > 0 ? "." + new string('9', scale) : string.Empty);
                var value = decimal.Parse(digits.Length == 0 || digits.StartsWith(".", StringComparison.Ordinal) ? "0" + digits : digits, CultureInfo.InvariantCulture);
                return unique ? value - counter : value;
            }

            if (type == typeof(double))
            {
                return 1.5 + counter;
            }

            if (type == typeof(float))
            {
                return 1.5f + counter;
            }

            if (type == typeof(bool))
            {
                return true;
            }

            if (type == typeof(char))
            {
                return 'x';
            }

            if (type == typeof(DateTime))
            {
                // Npgsql maps DateTime to timestamp with time zone, which takes UTC values only.
                var kind = storeType.Contains("with time zone", StringComparison.Ordinal) ? DateTimeKind.Utc : DateTimeKind.Unspecified;
                return new DateTime(2024, 5, 6, 7, 8, 9, kind).AddSeconds(counter);
            }

            if (type == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddSeconds(counter);
            }

            if (type == typeof(DateOnly))
            {
                return new DateOnly(2024, 5, 6).AddDays(counter);
            }

            if (type == typeof(TimeOnly))
            {
                return new TimeOnly(7, 8, 9).Add(TimeSpan.FromSeconds(counter % 3600));
            }

            if (type == typeof(TimeSpan))
            {
                return TimeSpan.FromSeconds(counter);
            }

            if (type == typeof(Guid))
            {
                return new Guid(counter, 0, 0, new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 });
            }

            if (type == typeof(byte[]))
            {
                return Enumerable.Repeat((byte)(counter % 256), column.MaxLength ?? mapping.Size ?? 4).ToArray();
            }

            if (type.IsArray)
            {
                return Array.CreateInstance(type.GetElementType()!, 0);
            }

            if (typeof(IEnumerable).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                return Activator.CreateInstance(type)!;
            }

            throw new NotSupportedException($"The workload has no value for {column.Table.Name}.{column.Name} ({type}, {column.StoreType}).");
        }

        /// <summary>A generated key as read back, in the CLR type its mapping writes (SQLite returns every integer as long).</summary>
        public static object? FromReader(IColumn column, object value)
        {
            if (value is DBNull)
            {
                return null;
            }

            var type = Nullable.GetUnderlyingType(column.StoreTypeMapping.ClrType) ?? column.StoreTypeMapping.ClrType;
            if (type.IsInstanceOfType(value))
            {
                return value;
            }

            if (IsInteger(type))
            {
                return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            }

            if (type == typeof(Guid) && value is string text)
            {
                return Guid.Parse(text);
            }

            return value;
        }

        private static long MaxValue(Type type) =>
            type == typeof(int) ? int.MaxValue
            : type == typeof(short) ? short.MaxValue
            : type == typeof(byte) ? byte.MaxValue
            : type == typeof(sbyte) ? sbyte.MaxValue
            : type == typeof(ushort) ? ushort.MaxValue
            : type == typeof(uint) ? int.MaxValue
            : long.MaxValue;
    }
}
