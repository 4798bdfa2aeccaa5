using System.Collections.Generic;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>What the properties a model maps to one column say about it.</summary>
    internal sealed class MappedColumn
    {
        /// <param name="declared">The property, if one statement of <paramref name="source"/> declares it.</param>
        public MappedColumn(bool? nullable, bool? required, PropertyDefinition? declared = null, ModelSource? source = null, bool? hasDefault = null, string? storeType = null, int? maxLength = null)
        {
            HasDefault = hasDefault;
            StoreType = storeType;
            MaxLength = maxLength;
            Nullable = nullable;
            Required = required;
            Optional = required is { } value ? !value : null;
            Declared = declared;
            Source = source;
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

        /// <summary>The store type the model declares for it (<c>HasColumnType</c>); null when not declared, or its properties disagree.</summary>
        public string? StoreType { get; private set; }

        /// <summary>The longest max length its properties declare (<c>HasMaxLength</c>); null when one declares none.</summary>
        public int? MaxLength { get; private set; }

        /// <summary>A TPH hierarchy's discriminator column.</summary>
        public bool IsDiscriminator { get; private set; }

        /// <summary>
        /// The values the hierarchy's types write into its discriminator column; null when it is none, or some type's value
        /// is not written as a string constant.
        /// </summary>
        public IReadOnlyList<string>? DiscriminatorValues { get; private set; }

        /// <summary>The one property mapped to it, declared by one statement; null when several are, or none (a JSON container).</summary>
        public PropertyDefinition? Declared { get; private set; }

        /// <summary>The model method that declares <see cref="Declared"/> (a merged model's columns come from several).</summary>
        public ModelSource? Source { get; }

        /// <summary>Another property maps to the same column.</summary>
        public void Share(MappedColumn other)
        {
            // NOT NULL if any of the properties is required (EF: Column.IsNullable); required if any of them is.
            Nullable = Nullability.And(Nullable, other.Nullable);
            Required = Nullability.Or(Required, other.Required);
            Optional = Nullability.Or(Optional, other.Optional);
            HasDefault = Nullability.Or(HasDefault, other.HasDefault);
            StoreType = StoreType == other.StoreType ? StoreType : null;
            MaxLength = MaxLength is { } length && other.MaxLength is { } otherLength ? System.Math.Max(length, otherLength) : null;
            Declared = null;
        }

        /// <summary>The column is its hierarchy's discriminator, written with <paramref name="values"/> (null: not all known).</summary>
        public void MarkDiscriminator(IReadOnlyList<string>? values)
        {
            IsDiscriminator = true;
            DiscriminatorValues = values;
        }
    }
}
