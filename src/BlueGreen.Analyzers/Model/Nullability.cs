using System;
using System.Collections.Generic;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>Whether a property's values can be null, from what a designer writes: its CLR type text, IsRequired, the key.</summary>
    internal static class Nullability
    {
        // CLR types EF writes in Property<T> that cannot hold null (unless written T?).
        private static readonly HashSet<string> ValueTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char",
            "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly", "Guid",
            "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
            "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Char",
            "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Guid",
        };

        /// <summary>Whether a property's values can be null; null when its CLR type is not known.</summary>
        public static bool? IsNullable(PropertyDefinition property, bool isKey)
        {
            if (isKey || property.Required == true)
            {
                return false;
            }

            var clrType = property.ClrType?.Replace(" ", string.Empty);
            if (clrType is null)
            {
                return property.Required == false ? true : null;
            }

            if (clrType.EndsWith("?", StringComparison.Ordinal) || clrType.StartsWith("Nullable<", StringComparison.Ordinal)
                || clrType.StartsWith("System.Nullable<", StringComparison.Ordinal))
            {
                return true;
            }

            if (ValueTypes.Contains(clrType))
            {
                return false;
            }

            var isReference = clrType is "string" or "System.String" or "object"
                || clrType.EndsWith("[]", StringComparison.Ordinal)
                || clrType.StartsWith("List<", StringComparison.Ordinal)
                || clrType.StartsWith("System.Collections.Generic.List<", StringComparison.Ordinal)
                || clrType.StartsWith("Dictionary<", StringComparison.Ordinal);
            return isReference ? true : null;
        }

        /// <summary>Three-valued not (null: unknown).</summary>
        public static bool? Not(bool? value) => value is { } known ? !known : null;

        /// <summary>Three-valued or (null: unknown): true if either is true, false if both are false.</summary>
        public static bool? Or(bool? left, bool? right) =>
            left == true || right == true ? true
            : left == false && right == false ? false
            : null;

        /// <summary>Three-valued and (null: unknown): false if either is false, true if both are true.</summary>
        public static bool? And(bool? left, bool? right) =>
            left == false || right == false ? false
            : left == true && right == true ? true
            : null;
    }
}
