using System;
using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>The values of <c>Relational:MappingStrategy</c>, as the <c>Use*MappingStrategy</c> calls set them.</summary>
    internal static class MappingStrategies
    {
        public const string Tpc = "TPC";
        public const string Tpt = "TPT";
        public const string Tph = "TPH";
    }

    internal enum TypeKind
    {
        Entity,
        Owned,
        Complex,
    }

    /// <summary>What a model method configures, as written, before EF's mapping conventions place it in tables.</summary>
    internal sealed class ModelDefinition
    {
        /// <param name="capacity">How many entities to make room for (a bound the caller knows, to spare the collections' growth).</param>
        public ModelDefinition(int capacity = 0)
        {
            Entities = new Dictionary<string, TypeDefinition>(capacity, StringComparer.Ordinal);
            Order = new List<TypeDefinition>(capacity);
        }

        public Dictionary<string, TypeDefinition> Entities { get; }

        /// <summary>The entities in the order the method first configures them.</summary>
        public List<TypeDefinition> Order { get; }

        public Folded DefaultSchema { get; set; } = Folded.Null;

        public int? MaxIdentifierLength { get; set; }

        /// <summary>An entity whose name cannot be read: nothing can be concluded about what is not mapped.</summary>
        public bool Unreadable { get; set; }

        /// <summary>
        /// The type at <paramref name="path"/> (<see cref="TypeDefinition.Path"/>) whose properties a block declares; null when
        /// there is none. Where two types share a path (an owned navigation and a complex property of one name, a hand edit
        /// EF rejects), the first with a block in the order entity, owned types, complex types, depth first.
        /// </summary>
        public TypeDefinition? TypeWithBody(string path)
        {
            var slash = path.IndexOf('/');
            return Entities.TryGetValue(slash < 0 ? path : path.Substring(0, slash), out var entity) ? FirstWithBody(entity, path) : null;
        }

        private static TypeDefinition? FirstWithBody(TypeDefinition type, string path)
        {
            if (type.HasBody && type.Path == path)
            {
                return type;
            }

            // Only a type whose path leads to the one sought can hold it.
            if (path.Length <= type.Path.Length || path[type.Path.Length] != '/' || !path.StartsWith(type.Path, StringComparison.Ordinal))
            {
                return null;
            }

            foreach (var owned in type.Owned.Values)
            {
                if (FirstWithBody(owned, path) is { } found)
                {
                    return found;
                }
            }

            foreach (var complex in type.Complex)
            {
                if (FirstWithBody(complex, path) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    /// <summary>An entity, owned or complex type as the file configures it.</summary>
    internal sealed class TypeDefinition
    {
        /// <param name="parent">The owner of an owned type, the container of a complex type; null for an entity.</param>
        public TypeDefinition(TypeKind kind, string name, TypeDefinition? parent)
        {
            Kind = kind;
            Name = name;
            Path = parent is null ? name : parent.Path + "/" + name;
        }

        public TypeKind Kind { get; }

        /// <summary>The entity type name; the navigation of an owned type; the property of a complex type.</summary>
        public string Name { get; }

        /// <summary>The entity's name, then the navigation or complex property of each owned or complex type on the way: <c>Ns.Customer/Home</c>.</summary>
        public string Path { get; }

        public Ownership? Ownership { get; set; }

        /// <summary>
        /// Some lambda configuring the type has a block: where its properties are declared, or would go (designers configure
        /// an entity a second time, for its relationships and owned types).
        /// </summary>
        public bool HasBody { get; set; }

        /// <summary>
        /// The body of the lambda that declares the type's properties; the first with a block when none declares any. Read
        /// only when the reader is asked for syntax (<see cref="ModelSource"/>): the models kept per tree hold none.
        /// </summary>
        public BlockSyntax? Body { get; set; }

        private Dictionary<string, PropertyDefinition>? _properties;
        private List<PropertyDefinition>? _propertyOrder;

        public Dictionary<string, PropertyDefinition> Properties => _properties ??= new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);

        /// <summary>The properties in the order the file declares them.</summary>
        public List<PropertyDefinition> PropertyOrder => _propertyOrder ??= new List<PropertyDefinition>();

        /// <summary>
        /// Sizes the property collections for a block of <paramref name="statements"/> statements before it is read: a
        /// designer declares thousands of properties, and growing the collections one doubling at a time was a tenth of the
        /// reader's allocations.
        /// </summary>
        public void ExpectProperties(int statements)
        {
            _properties ??= new Dictionary<string, PropertyDefinition>(statements, StringComparer.Ordinal);
            _propertyOrder ??= new List<PropertyDefinition>(statements);
        }

        public List<string> PrimaryKey { get; } = new List<string>();

        /// <summary>
        /// <c>HasKey</c> is written (and not undone by <c>HasNoKey</c>). Without it an entity is keyless: EF 3+ writes
        /// <c>HasNoKey()</c>, EF 2's query types nothing; a TPH derived type has its root's key.
        /// </summary>
        public bool Keyed { get; set; }

        /// <summary>The properties of an owned type that hold its owner's key.</summary>
        public HashSet<string> OwnerForeignKey { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Owned types by navigation.</summary>
        public Dictionary<string, TypeDefinition> Owned { get; } = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);

        public List<TypeDefinition> Complex { get; } = new List<TypeDefinition>();

        /// <summary>Navigations to owned types marked <c>Navigation("X").IsRequired()</c>.</summary>
        public HashSet<string> RequiredNavigations { get; } = new HashSet<string>(StringComparer.Ordinal);

        public string? BaseType { get; set; }

        /// <summary>The mapping strategy a hierarchy's root names (TPH, TPT, TPC); null when not written.</summary>
        public string? Strategy { get; set; }

        public TableDefinition? Table { get; set; }

        /// <summary>The tables of entity splitting (<c>SplitToTable</c>).</summary>
        public List<TableDefinition> Fragments { get; } = new List<TableDefinition>();

        /// <summary>A ToTable whose name is not a constant.</summary>
        public bool UnknownTable { get; set; }

        /// <summary>Mapped to a view, function or SQL query: no table unless ToTable names one.</summary>
        public bool HasView { get; set; }

        /// <summary>The JSON column (<c>ToJson</c>) the type is stored in; null when not JSON-mapped.</summary>
        public Folded? JsonColumn { get; set; }

        /// <summary>A complex collection (<c>ComplexCollection</c>).</summary>
        public bool IsCollection { get; set; }

        /// <summary>A complex property's IsRequired(); null when not written.</summary>
        public bool? Required { get; set; }

        /// <summary>Something the reader cannot follow is configured: the tables the type maps to are uncertain.</summary>
        public bool Uncertain { get; set; }

        /// <summary>
        /// The discriminator property <c>HasDiscriminator</c> names (EF's <c>Discriminator</c> when it names none), read
        /// on a hierarchy's root; unknown when not a constant; null when the type configures no discriminator.
        /// </summary>
        public Folded? Discriminator { get; set; }

        /// <summary>The value <c>HasDiscriminator().HasValue(...)</c> gives the type's rows; unknown when not a string constant; null when not written.</summary>
        public Folded? DiscriminatorValue { get; set; }
    }

    internal sealed class PropertyDefinition
    {
        public PropertyDefinition(string name, string typePath)
        {
            Name = name;
            TypePath = typePath;
        }

        public string Name { get; }

        /// <summary>The <see cref="TypeDefinition.Path"/> of the type declaring the property.</summary>
        public string TypePath { get; }

        /// <summary>The explicit column name (HasColumnName); null: by convention.</summary>
        public string? Column { get; set; }

        public string? ClrType { get; set; }

        public bool? Required { get; set; }

        /// <summary>
        /// The model gives the column a value of its own (HasDefaultValue, HasDefaultValueSql, HasComputedColumnSql, a value
        /// generated on add): what a table SQLite rebuilds from the model keeps; any other default is lost.
        /// </summary>
        public bool HasDefault { get; set; }

        /// <summary>The store type <c>HasColumnType</c> names; null when not written.</summary>
        public string? StoreType { get; set; }

        /// <summary>The length <c>HasMaxLength</c> gives; null when not written.</summary>
        public int? MaxLength { get; set; }

        /// <summary>One statement in a block declares the property: a fix can copy it (not when declared twice, or in an expression lambda).</summary>
        public bool DeclaredOnce { get; set; }

        /// <summary>
        /// The root of that statement's chain (<c>b.Property&lt;T&gt;("Name")</c>) and the statement; null unless the reader
        /// was asked for syntax (<see cref="ModelSource"/>).
        /// </summary>
        public InvocationExpressionSyntax? Invocation { get; set; }

        public ExpressionStatementSyntax? Statement { get; set; }

        /// <summary>Marked <see cref="ModelAnnotations.KeptInDatabase"/>: in the database, not mapped by the version.</summary>
        public bool Kept { get; set; }

        /// <summary>The column this property was last placed into alone (<see cref="MappedColumn.Of"/>); a field, written atomically.</summary>
        internal MappedColumn? LastColumn;
    }

    /// <summary>What a <c>ToTable</c> or <c>SplitToTable</c> says.</summary>
    internal sealed class TableDefinition
    {
        public bool HasName { get; set; }

        /// <summary>Null: no table (<c>ToTable((string)null)</c>).</summary>
        public string? Name { get; set; }

        public bool SchemaSpecified { get; set; }

        public string? Schema { get; set; }

        public bool? Excluded { get; set; }

        /// <summary>Property name to its column name in this table (null: overridden, but not renamed).</summary>
        public Dictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);
    }

    internal sealed class Ownership
    {
        public Ownership(string navigation, bool many)
        {
            Navigation = navigation;
            Many = many;
        }

        public string Navigation { get; }

        /// <summary><c>OwnsMany</c>: a collection, in a table of its own.</summary>
        public bool Many { get; }
    }
}
