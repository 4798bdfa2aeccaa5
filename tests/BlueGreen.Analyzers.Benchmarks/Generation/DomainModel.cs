using System;
using System.Collections.Generic;
using System.Linq;

namespace BlueGreen.Analyzers.Benchmarks.Generation
{
    /// <summary>The CLR and SQL Server shapes a generated property can take.</summary>
    internal enum ColumnKind
    {
        Int,
        Long,
        Bool,
        Decimal,
        Double,
        DateTime,
        DateTimeOffset,
        Guid,
        String,

        /// <summary>A non-Unicode string: <c>IsUnicode(false)</c>, <c>varchar(n)</c>.</summary>
        AnsiString,
    }

    /// <summary>One scalar property of an entity (or owned type) and the column EF maps it to.</summary>
    internal sealed class PropertyModel
    {
        public PropertyModel(string name, ColumnKind kind, bool required, int? maxLength = null, int precision = 0, int scale = 0, string? columnName = null)
        {
            Name = name;
            Kind = kind;
            Required = required;
            MaxLength = maxLength;
            Precision = precision;
            Scale = scale;
            ColumnName = columnName;
        }

        public string Name { get; set; }

        public ColumnKind Kind { get; }

        /// <summary>NOT NULL (for value types: not <c>T?</c>; for strings: <c>IsRequired()</c>).</summary>
        public bool Required { get; set; }

        public int? MaxLength { get; set; }

        public int Precision { get; set; }

        public int Scale { get; set; }

        /// <summary>An explicit <c>HasColumnName</c>; null maps the property to a column of its own name.</summary>
        public string? ColumnName { get; }

        public string Column => ColumnName ?? Name;

        public bool IsString => Kind is ColumnKind.String or ColumnKind.AnsiString;

        /// <summary>The type argument EF writes in migrations (<c>AddColumn&lt;int&gt;</c>, never <c>int?</c>).</summary>
        public string ClrType => Kind switch
        {
            ColumnKind.Int => "int",
            ColumnKind.Long => "long",
            ColumnKind.Bool => "bool",
            ColumnKind.Decimal => "decimal",
            ColumnKind.Double => "double",
            ColumnKind.DateTime => "DateTime",
            ColumnKind.DateTimeOffset => "DateTimeOffset",
            ColumnKind.Guid => "Guid",
            _ => "string",
        };

        /// <summary>The type argument EF writes in models: <c>int?</c> for an optional value type.</summary>
        public string ModelClrType => !IsString && !Required ? ClrType + "?" : ClrType;

        public string StoreType => Kind switch
        {
            ColumnKind.Int => "int",
            ColumnKind.Long => "bigint",
            ColumnKind.Bool => "bit",
            ColumnKind.Decimal => $"decimal({Precision},{Scale})",
            ColumnKind.Double => "float",
            ColumnKind.DateTime => "datetime2",
            ColumnKind.DateTimeOffset => "datetimeoffset",
            ColumnKind.Guid => "uniqueidentifier",
            ColumnKind.AnsiString => $"varchar({MaxLength})",
            _ => MaxLength is { } length ? $"nvarchar({length})" : "nvarchar(max)",
        };

        /// <summary>The CLR default EF scaffolds as <c>defaultValue:</c> for a NOT NULL column added to an existing table.</summary>
        public string DefaultValueLiteral => Kind switch
        {
            ColumnKind.Int => "0",
            ColumnKind.Long => "0L",
            ColumnKind.Bool => "false",
            ColumnKind.Decimal => "0m",
            ColumnKind.Double => "0.0",
            ColumnKind.DateTime => "new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)",
            ColumnKind.DateTimeOffset => "new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))",
            ColumnKind.Guid => "new Guid(\"00000000-0000-0000-0000-000000000000\")",
            _ => "\"\"",
        };

        public bool NeedsSystemNamespace => Kind is ColumnKind.DateTime or ColumnKind.DateTimeOffset or ColumnKind.Guid;

        public PropertyModel Clone() => new PropertyModel(Name, Kind, Required, MaxLength, Precision, Scale, ColumnName);
    }

    internal sealed class IndexModel
    {
        public IndexModel(IReadOnlyList<string> properties, bool unique, string? filter)
        {
            Properties = properties;
            Unique = unique;
            Filter = filter;
        }

        public IReadOnlyList<string> Properties { get; }

        public bool Unique { get; set; }

        public string? Filter { get; set; }
    }

    /// <summary>A required or optional many-to-one relationship declared on the dependent entity.</summary>
    internal sealed class ForeignKeyModel
    {
        public ForeignKeyModel(string property, EntityModel principal, string navigation, string? inverseNavigation, bool required)
        {
            Property = property;
            Principal = principal;
            Navigation = navigation;
            InverseNavigation = inverseNavigation;
            Required = required;
        }

        public string Property { get; }

        public EntityModel Principal { get; }

        public string Navigation { get; }

        public string? InverseNavigation { get; }

        public bool Required { get; }
    }

    /// <summary>An owned reference (<c>OwnsOne</c>) stored in its owner's table as <c>Navigation_Property</c> columns.</summary>
    internal sealed class OwnedModel
    {
        public OwnedModel(string typeName, string navigation, List<PropertyModel> properties)
        {
            TypeName = typeName;
            Navigation = navigation;
            Properties = properties;
        }

        public string TypeName { get; }

        public string Navigation { get; }

        public List<PropertyModel> Properties { get; }

        public string ColumnOf(PropertyModel property) => Navigation + "_" + property.Name;
    }

    internal sealed class EntityModel
    {
        public EntityModel(string name, string table)
        {
            Name = name;
            Table = table;
        }

        public string Name { get; }

        public string Table { get; }

        /// <summary>Scalar properties other than the key <c>Id</c> (foreign key properties included).</summary>
        public List<PropertyModel> Properties { get; } = new List<PropertyModel>();

        public List<IndexModel> Indexes { get; } = new List<IndexModel>();

        public List<ForeignKeyModel> ForeignKeys { get; } = new List<ForeignKeyModel>();

        public List<OwnedModel> Owned { get; } = new List<OwnedModel>();

        /// <summary>TPH derived types sharing this entity's table (with a <c>Discriminator</c> column).</summary>
        public List<DerivedModel> Derived { get; } = new List<DerivedModel>();

        /// <summary>Names ever used for a property of this entity: new properties never reuse them.</summary>
        public HashSet<string> UsedNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "Id" };

        public PropertyModel? Property(string name) => Properties.FirstOrDefault(property => property.Name == name);

        public bool IsIndexed(string property) => Indexes.Any(index => index.Properties.Contains(property));

        public bool IsForeignKey(string property) => ForeignKeys.Any(key => key.Property == property);
    }

    internal sealed class DerivedModel
    {
        public DerivedModel(string name, List<PropertyModel> properties)
        {
            Name = name;
            Properties = properties;
        }

        public string Name { get; }

        public List<PropertyModel> Properties { get; }
    }
}
