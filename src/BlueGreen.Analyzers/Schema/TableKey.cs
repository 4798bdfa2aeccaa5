using System;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>A table's identity in the database: its schema (null for the provider's default) and name.</summary>
    internal readonly struct TableKey : IEquatable<TableKey>
    {
        public TableKey(string? schema, string name)
        {
            Schema = schema;
            Name = name;
        }

        public string? Schema { get; }

        public string Name { get; }

        public bool Equals(TableKey other) =>
            string.Equals(Schema, other.Schema, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is TableKey other && Equals(other);

        public override int GetHashCode() => unchecked(((Schema?.GetHashCode() ?? 0) * 397) ^ Name.GetHashCode());

        public override string ToString() => Schema is null ? Name : Schema + "." + Name;
    }
}
