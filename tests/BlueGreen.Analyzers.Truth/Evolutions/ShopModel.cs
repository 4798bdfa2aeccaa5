using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlueGreen.Analyzers.Truth.Evolutions
{
    /// <summary>The CLR types a generated property has.</summary>
    internal enum ClrType
    {
        String,
        Int,
        Long,
        Bool,
        Decimal,
        DateTime,
    }

    /// <summary>Where a property's column name and maximum length are configured.</summary>
    internal enum Configuration
    {
        /// <summary><c>[Column]</c> and <c>[MaxLength]</c> on the property.</summary>
        Attributes,

        /// <summary><c>HasColumnName</c> and <c>HasMaxLength</c> in OnModelCreating.</summary>
        Fluent,
    }

    /// <summary>What a type is to its table.</summary>
    internal enum TypeKind
    {
        /// <summary>The entity type the table is for (the root of its TPH hierarchy, if any).</summary>
        Entity,

        /// <summary>A TPH derived type: its properties land in the root's table, in columns other types leave NULL.</summary>
        Derived,

        /// <summary>A type owned by the entity (<c>OwnsOne</c>), in the entity's table.</summary>
        Owned,
    }

    /// <param name="ColumnName">The configured column name; null for EF's default.</param>
    internal sealed record PropertyModel(string Name, ClrType Type, bool Required, int? MaxLength, string? ColumnName, Configuration Configuration);

    /// <param name="Name">The CLR type's name, unique in the model.</param>
    /// <param name="Navigation">The owner's navigation to an owned type; null for the others.</param>
    /// <param name="RequiredNavigation">An owned type the owner always has (<c>Navigation(...).IsRequired()</c>): its required properties' columns are NOT NULL.</param>
    internal sealed record TypeModel(string Name, TypeKind Kind, string? Navigation, bool RequiredNavigation, ImmutableList<PropertyModel> Properties)
    {
        /// <summary>The column EF maps the property to: owned types' columns are prefixed with the navigation by default.</summary>
        public string ColumnOf(PropertyModel property) => property.ColumnName ?? (Kind == TypeKind.Owned ? Navigation + "_" + property.Name : property.Name);
    }

    /// <param name="Table">The table configured with ToTable; null for EF's default, the DbSet's name.</param>
    internal sealed record EntityModel(TypeModel Root, string? Table, ImmutableList<TypeModel> Derived, ImmutableList<TypeModel> Owned)
    {
        public string DbSet => Root.Name + "s";

        public string TableName => Table ?? DbSet;

        public IEnumerable<TypeModel> Types => new[] { Root }.Concat(Derived).Concat(Owned);

        public EntityModel WithType(TypeModel old, TypeModel updated) => old.Kind switch
        {
            TypeKind.Entity => this with { Root = updated },
            TypeKind.Derived => this with { Derived = Derived.Replace(old, updated) },
            _ => this with { Owned = Owned.Replace(old, updated) },
        };
    }

    /// <summary>A column the model stopped mapping while the database keeps it (a model-only removal), until a later step drops it.</summary>
    /// <param name="NotNull">Whether the column is NOT NULL: without a database default, no version can insert into its table until it is dropped.</param>
    internal sealed record RemovedColumn(string Table, string Column, bool NotNull);

    /// <summary>A property where it is: its entity (and so its table), its type and the column it maps.</summary>
    internal sealed record PropertySlot(EntityModel Entity, TypeModel Type, PropertyModel Property)
    {
        public string Column => Type.ColumnOf(Property);

        /// <summary>
        /// Whether EF makes the column NOT NULL: a required property of the entity, or of an owned type its owner always
        /// has. Other types' rows leave a TPH derived type's columns NULL, and an absent owned type leaves all its columns NULL.
        /// </summary>
        public bool NotNull => Property.Required && (Type.Kind == TypeKind.Entity || (Type.Kind == TypeKind.Owned && Type.RequiredNavigation));

        public override string ToString() => $"{Type.Name}.{Property.Name} ({Entity.TableName}.{Column})";
    }

    /// <summary>A type where it is: its entity, and so its table.</summary>
    internal sealed record TypeSlot(EntityModel Entity, TypeModel Type);

    /// <summary>One version of the generated app's model, and the columns it left in the database without mapping them.</summary>
    internal sealed record ShopModel(ImmutableList<EntityModel> Entities, ImmutableList<RemovedColumn> Removed)
    {
        public IEnumerable<TypeSlot> Types => Entities.SelectMany(entity => entity.Types.Select(type => new TypeSlot(entity, type)));

        public IEnumerable<PropertySlot> Properties =>
            Entities.SelectMany(entity => entity.Types.SelectMany(type => type.Properties.Select(property => new PropertySlot(entity, type, property))));

        public ShopModel WithEntity(EntityModel old, EntityModel updated) => this with { Entities = Entities.Replace(old, updated) };

        public ShopModel WithType(EntityModel entity, TypeModel old, TypeModel updated) => WithEntity(entity, entity.WithType(old, updated));

        public ShopModel WithProperty(PropertySlot slot, PropertyModel updated) =>
            WithType(slot.Entity, slot.Type, slot.Type with { Properties = slot.Type.Properties.Replace(slot.Property, updated) });

        public ShopModel WithoutProperty(PropertySlot slot) =>
            WithType(slot.Entity, slot.Type, slot.Type with { Properties = slot.Type.Properties.Remove(slot.Property) });
    }
}
