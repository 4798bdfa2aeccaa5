using System.Collections.Generic;
using System.Threading;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// What the properties a model maps to one column say about it. Immutable: a property placed alike in many designers
    /// (an entity definition they share, see <see cref="EntityDefinitions"/>) maps to one object, not one per designer; a
    /// column's model method is its table's (<see cref="TargetModel.Declaration"/>), so nothing here differs between them.
    /// </summary>
    internal sealed class MappedColumn
    {
        /// <param name="declared">The property, if one statement of its model method declares it.</param>
        public MappedColumn(bool? nullable, bool? required, PropertyDefinition? declared = null, bool? hasDefault = null, string? storeType = null, int? maxLength = null)
            : this(nullable, required, required is { } value ? !value : null, hasDefault, storeType, maxLength, declared, isDiscriminator: false, discriminatorValues: null)
        {
        }

        private MappedColumn(bool? nullable, bool? required, bool? optional, bool? hasDefault, string? storeType, int? maxLength, PropertyDefinition? declared, bool isDiscriminator, IReadOnlyList<string>? discriminatorValues)
        {
            Nullable = nullable;
            Required = required;
            Optional = optional;
            HasDefault = hasDefault;
            StoreType = storeType;
            MaxLength = maxLength;
            Declared = declared;
            IsDiscriminator = isDiscriminator;
            DiscriminatorValues = discriminatorValues;
        }

        /// <summary>Whether the column may hold null; null: the model does not tell.</summary>
        public bool? Nullable { get; }

        /// <summary>Whether some property mapped to it cannot take null back; null: the model does not tell.</summary>
        public bool? Required { get; }

        /// <summary>
        /// Whether some property mapped to it takes null, so the version may write NULL there; false where every one is
        /// required (a TPH column is nullable only for the other types' rows, which leave it out of their inserts). Null:
        /// the model does not tell.
        /// </summary>
        public bool? Optional { get; }

        /// <summary>Whether the model gives the column a default (see <see cref="PropertyDefinition.HasDefault"/>); null: not told.</summary>
        public bool? HasDefault { get; }

        /// <summary>The store type the model declares for it (<c>HasColumnType</c>); null when not declared, or its properties disagree.</summary>
        public string? StoreType { get; }

        /// <summary>The longest max length its properties declare (<c>HasMaxLength</c>); null when one declares none.</summary>
        public int? MaxLength { get; }

        /// <summary>A TPH hierarchy's discriminator column.</summary>
        public bool IsDiscriminator { get; }

        /// <summary>
        /// The values the hierarchy's types write into its discriminator column; null when it is none, or some type's value
        /// is not written as a string constant.
        /// </summary>
        public IReadOnlyList<string>? DiscriminatorValues { get; }

        /// <summary>The one property mapped to it, declared by one statement; null when several are, or none (a JSON container).</summary>
        public PropertyDefinition? Declared { get; }

        /// <summary>
        /// The column <paramref name="property"/> alone maps to, placed with this nullability: the object made for the
        /// property's last placement when that was alike (every designer sharing the definition places it alike, almost always).
        /// </summary>
        public static MappedColumn Of(PropertyDefinition property, bool? nullable, bool? required)
        {
            if (Volatile.Read(ref property.LastColumn) is { } last && last.Nullable == nullable && last.Required == required)
            {
                return last;
            }

            var column = new MappedColumn(nullable, required, property.DeclaredOnce ? property : null, property.HasDefault, property.StoreType, property.MaxLength);
            Volatile.Write(ref property.LastColumn, column);
            return column;
        }

        /// <summary>Whether the two say the same of their column, from the same declaring property (the object, which a fix reads).</summary>
        public bool IsAlike(MappedColumn other) =>
            ReferenceEquals(this, other)
            || (Nullable == other.Nullable && Required == other.Required && Optional == other.Optional && HasDefault == other.HasDefault
                && string.Equals(StoreType, other.StoreType, System.StringComparison.Ordinal) && MaxLength == other.MaxLength
                && ReferenceEquals(Declared, other.Declared) && IsDiscriminator == other.IsDiscriminator
                && (DiscriminatorValues is null ? other.DiscriminatorValues is null : other.DiscriminatorValues is not null && System.Linq.Enumerable.SequenceEqual(DiscriminatorValues, other.DiscriminatorValues)));

        /// <summary>The column when another property maps to it too.</summary>
        public MappedColumn SharedWith(MappedColumn other) =>
            new MappedColumn(
                // NOT NULL if any of the properties is required (EF: Column.IsNullable); required if any of them is.
                Nullability.And(Nullable, other.Nullable),
                Nullability.Or(Required, other.Required),
                Nullability.Or(Optional, other.Optional),
                Nullability.Or(HasDefault, other.HasDefault),
                StoreType == other.StoreType ? StoreType : null,
                MaxLength is { } length && other.MaxLength is { } otherLength ? System.Math.Max(length, otherLength) : null,
                declared: null,
                IsDiscriminator,
                DiscriminatorValues);

        /// <summary>The column as its hierarchy's discriminator, written with <paramref name="values"/> (null: not all known).</summary>
        public MappedColumn AsDiscriminator(IReadOnlyList<string>? values) =>
            new MappedColumn(Nullable, Required, Optional, HasDefault, StoreType, MaxLength, Declared, isDiscriminator: true, values);
    }
}
