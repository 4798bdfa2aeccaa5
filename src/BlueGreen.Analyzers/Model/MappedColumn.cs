namespace BlueGreen.Analyzers.Model
{
    /// <summary>What the properties a model maps to one column say about it.</summary>
    internal sealed class MappedColumn
    {
        public MappedColumn(bool? nullable, bool? required, ColumnDeclaration? declaration, bool? hasDefault = null)
        {
            HasDefault = hasDefault;
            Nullable = nullable;
            Required = required;
            Optional = required is { } value ? !value : null;
            Declaration = declaration;
        }

        /// <summary>Whether the column may hold null; null: the model does not tell.</summary>
        public bool? Nullable { get; private set; }

        /// <summary>Whether some property mapped to it cannot take null back; null: the model does not tell.</summary>
        public bool? Required { get; private set; }

        /// <summary>
        /// Whether some property mapped to it takes null, so the version may write NULL there; false where every one is
        /// required (a TPH column is nullable only for the other types' rows, which leave it out of their inserts). Null:
        /// the model does not tell.
        /// </summary>
        public bool? Optional { get; private set; }

        /// <summary>Whether the model gives the column a default (see <see cref="PropertyDefinition.HasDefault"/>); null: not told.</summary>
        public bool? HasDefault { get; private set; }

        /// <summary>Where the one property mapped to it is declared; null when several are, or none (a JSON container).</summary>
        public ColumnDeclaration? Declaration { get; private set; }

        /// <summary>Another property maps to the same column.</summary>
        public void Share(MappedColumn other)
        {
            // NOT NULL if any of the properties is required (EF: Column.IsNullable); required if any of them is.
            Nullable = Nullability.And(Nullable, other.Nullable);
            Required = Nullability.Or(Required, other.Required);
            Optional = Nullability.Or(Optional, other.Optional);
            HasDefault = Nullability.Or(HasDefault, other.HasDefault);
            Declaration = null;
        }
    }
}
