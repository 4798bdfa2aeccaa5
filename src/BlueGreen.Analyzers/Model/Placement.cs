using System.Collections.Generic;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Where the properties of one type go, and what holds for all of them: the table, the prefix of their column
    /// names, the table-specific column names, whether their columns may lack a value and why, whether the table is
    /// read whole.
    /// </summary>
    internal readonly struct Placement
    {
        private static readonly IReadOnlyDictionary<string, string?> NoOverrides = new Dictionary<string, string?>();

        /// <param name="table">Null when the type maps to no table (a view, TPC's abstract root).</param>
        /// <param name="prefix">Prepended to default column names: <c>Home_</c> for an owned type sharing its owner's table.</param>
        /// <param name="overrides">Table-specific column names by property (<c>ToTable("X", t =&gt; t.Property("P").HasColumnName("c"))</c>).</param>
        /// <param name="columnsOptional">Rows may lack these values (TPH derived types, optional owned and complex types), so the columns are nullable; null: unknown.</param>
        /// <param name="objectOptional">The owned or complex object holding these properties may be absent, so a version reads NULL from them without error; null: unknown.</param>
        /// <param name="uncertain">The reader could not follow all of the type's mapping: its table is uncertain.</param>
        public Placement(TableKey? table, string? prefix, IReadOnlyDictionary<string, string?>? overrides, bool? columnsOptional, bool? objectOptional, bool uncertain)
        {
            Table = table;
            Prefix = prefix;
            Overrides = overrides ?? NoOverrides;
            ColumnsOptional = columnsOptional;
            ObjectOptional = objectOptional;
            Uncertain = uncertain;
        }

        public TableKey? Table { get; }

        public string? Prefix { get; }

        public IReadOnlyDictionary<string, string?> Overrides { get; }

        public bool? ColumnsOptional { get; }

        public bool? ObjectOptional { get; }

        public bool Uncertain { get; }

        /// <summary>A type in a table of its own (or its hierarchy's): no prefix, no optional rows or objects.</summary>
        public static Placement InTable(TableKey? table, IReadOnlyDictionary<string, string?>? overrides, bool uncertain) =>
            new Placement(table, prefix: null, overrides, columnsOptional: false, objectOptional: false, uncertain);

        /// <summary>The placement of a type nested in this one's columns (a complex type, an owned type sharing the table), named <paramref name="name"/>.</summary>
        /// <param name="optional">Whether the nested value itself may be absent; null: unknown.</param>
        public Placement Nested(string name, IReadOnlyDictionary<string, string?>? overrides, bool? optional, bool uncertain) =>
            new Placement(Table, Prefix + name + "_", overrides, Nullability.Or(ColumnsOptional, optional), Nullability.Or(ObjectOptional, optional), uncertain);

        /// <summary>The column a property maps to here: its table-specific name, else its own, else the prefixed property name.</summary>
        public string ColumnName(PropertyDefinition property) =>
            Overrides.TryGetValue(property.Name, out var overridden) && overridden is not null
                ? overridden
                : property.Column ?? Prefix + property.Name;

        /// <summary>Whether EF makes up the property's column name (and may truncate it), rather than the file naming it.</summary>
        public bool HasDefaultName(PropertyDefinition property) =>
            !(Overrides.TryGetValue(property.Name, out var overridden) && overridden is not null) && property.Column is null;
    }
}
