namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// A column as the migrations define it: what the replay keeps to judge compatibility and to
    /// write the operations a fix needs.
    /// </summary>
    internal sealed class ColumnDefinition
    {
        public ColumnDefinition(string name, string? clrType, string? storeType, bool? nullable, bool hasDefault, int? maxLength = null, string? defaultArgument = null)
        {
            DefaultArgument = defaultArgument;
            Name = name;
            ClrType = clrType;
            StoreType = storeType;
            Nullable = nullable;
            HasDefault = hasDefault;
            MaxLength = maxLength;
        }

        public string Name { get; }

        /// <summary>The CLR type as written in the generic argument (<c>string</c>, <c>int</c>), when known.</summary>
        public string? ClrType { get; }

        /// <summary>The store type (<c>type:</c>), absent in EF 3.1-era migrations.</summary>
        public string? StoreType { get; }

        /// <summary>Null when the migration computes it (not a literal).</summary>
        public bool? Nullable { get; }

        /// <summary>A default value, default SQL or computed column SQL: an INSERT may leave it out.</summary>
        public bool HasDefault { get; }

        /// <summary>The <c>maxLength:</c> argument: what tells a length change where no store type is written (EF 3.1).</summary>
        public int? MaxLength { get; }

        /// <summary>The default as the migration wrote it (<c>defaultValue: 0</c>, <c>defaultValueSql: "getdate()"</c>), for re-creating the column.</summary>
        public string? DefaultArgument { get; }

        public ColumnDefinition WithoutDefault() => new ColumnDefinition(Name, ClrType, StoreType, Nullable, hasDefault: false, MaxLength, defaultArgument: null);

        public ColumnDefinition WithName(string name) => new ColumnDefinition(name, ClrType, StoreType, Nullable, HasDefault, MaxLength, DefaultArgument);
    }
}
