using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    internal enum Mapping
    {
        NotMapped,
        Mapped,

        /// <summary>The reader met a shape it cannot place: never treated as a removal, never as a use.</summary>
        Unknown,
    }

    /// <summary>The columns an EF model maps, table by table, as read from a designer or snapshot.</summary>
    internal sealed class TargetModel
    {
        public static readonly TargetModel Empty = new TargetModel(
            new Dictionary<TableKey, Dictionary<string, MappedColumn>>(),
            new Dictionary<TableKey, HashSet<string>>(),
            new HashSet<TableKey>(),
            new HashSet<TableKey>(),
            new HashSet<TableKey>(),
            new ModelDefinition(),
            source: null,
            hasUnplacedEntities: false);

        private readonly IReadOnlyDictionary<TableKey, Dictionary<string, MappedColumn>> _tables;
        private readonly IReadOnlyDictionary<TableKey, HashSet<string>> _keptColumns;
        private readonly HashSet<TableKey> _uncertainTables;
        private readonly HashSet<TableKey> _excludedTables;
        private readonly HashSet<TableKey> _keylessTables;
        private readonly ModelDefinition _definition;
        private readonly ModelSource? _source;

        // A merged model's tables taken from another designer (WithTablesOf), by the method that declares their columns.
        private readonly Dictionary<TableKey, ModelSource?>? _tableSources;
        private IReadOnlyList<(TableKey Table, string Column)>? _requiredNullable;
        private Comparison? _lastComparison;

        /// <param name="tables">Each table's columns, with what the properties mapped to them say.</param>
        /// <param name="keptColumns">Each table's columns of properties marked <see cref="ModelAnnotations.KeptInDatabase"/>.</param>
        /// <param name="uncertainTables">Tables the reader could not place every column of.</param>
        /// <param name="excludedTables">Mapped tables that migrations do not manage (<c>ExcludeFromMigrations</c>).</param>
        /// <param name="keylessTables">Tables all of whose entities are keyless.</param>
        /// <param name="definition">What the model method configures, as read (without syntax).</param>
        /// <param name="source">The method, for the syntax a code fix edits; null for the empty model.</param>
        /// <param name="hasUnplacedEntities">Some entity's table could not be told.</param>
        public TargetModel(
            IReadOnlyDictionary<TableKey, Dictionary<string, MappedColumn>> tables,
            IReadOnlyDictionary<TableKey, HashSet<string>> keptColumns,
            HashSet<TableKey> uncertainTables,
            HashSet<TableKey> excludedTables,
            HashSet<TableKey> keylessTables,
            ModelDefinition definition,
            ModelSource? source,
            bool hasUnplacedEntities,
            Dictionary<TableKey, ModelSource?>? tableSources = null)
        {
            _tables = tables;
            _keptColumns = keptColumns;
            _uncertainTables = uncertainTables;
            _excludedTables = excludedTables;
            _keylessTables = keylessTables;
            _definition = definition;
            _source = source;
            _tableSources = tableSources;
            HasUnplacedEntities = hasUnplacedEntities;
        }

        /// <summary>Some entity's table could not be determined, so "not mapped" cannot be concluded anywhere.</summary>
        public bool HasUnplacedEntities { get; }

        /// <summary>The tables the model maps (those it maps uncertainly too); views, functions and queries are none.</summary>
        public IEnumerable<TableKey> Tables => _tables.Keys;

        /// <summary>The columns the reader placed in a table; for an uncertain table, those it could place.</summary>
        public IEnumerable<string> Columns(TableKey table) =>
            _tables.TryGetValue(table, out var columns) ? columns.Keys : (IEnumerable<string>)System.Array.Empty<string>();

        /// <summary>Whether the reader placed the column in the table: one of <see cref="Columns"/>.</summary>
        public bool Places(TableKey table, string column) => _tables.TryGetValue(table, out var columns) && columns.ContainsKey(column);

        /// <summary>
        /// The columns of properties marked <see cref="ModelAnnotations.KeptInDatabase"/> that no other property maps: the
        /// version neither reads nor writes them (<see cref="Maps"/> says not mapped), but EF keeps them in the table.
        /// </summary>
        public IEnumerable<string> KeptColumns(TableKey table)
        {
            if (!_keptColumns.TryGetValue(table, out var kept))
            {
                return System.Array.Empty<string>();
            }

            return _tables.TryGetValue(table, out var columns) ? kept.Where(column => !columns.ContainsKey(column)) : kept;
        }

        /// <summary>
        /// Whether the model lets a mapped column hold null: a nullable or TPH-derived property, an optional owned or complex
        /// type; null where the model does not tell (unknown CLR types, JSON columns) or the column is not mapped.
        /// </summary>
        public bool? IsNullable(TableKey table, string column) => Column(table, column)?.Nullable;

        /// <summary>
        /// Whether some property mapped to the column cannot take null back (a key, <c>IsRequired()</c>, a value type
        /// without <c>?</c>): what a version cannot read NULL from, even where the column is nullable because the property
        /// belongs to a TPH derived type. A property of an owned or complex type counts only when every object on its way
        /// from the entity is required too: an absent optional object reads as NULL columns. Null where the model does not
        /// tell (unknown CLR types, JSON columns) or the column is not mapped.
        /// </summary>
        public bool? IsRequired(TableKey table, string column) => Column(table, column)?.Required;

        /// <summary>Whether the model gives the column a default of its own; null where it does not tell or the column is not mapped.</summary>
        public bool? HasDefault(TableKey table, string column) => Column(table, column)?.HasDefault;

        /// <summary>
        /// Whether some property mapped to the column takes null (see <see cref="MappedColumn.Optional"/>): what a version may
        /// write NULL into. Null where the model does not tell or the column is not mapped.
        /// </summary>
        public bool? IsOptional(TableKey table, string column) => Column(table, column)?.Optional;

        /// <summary>The store type the model declares for a mapped column (<c>HasColumnType</c>); null where it declares none.</summary>
        public string? StoreType(TableKey table, string column) => Column(table, column)?.StoreType;

        /// <summary>The max length the model declares for a mapped column (<c>HasMaxLength</c>); null where it declares none.</summary>
        public int? MaxLength(TableKey table, string column) => Column(table, column)?.MaxLength;

        /// <summary>Whether the column is a TPH hierarchy's discriminator.</summary>
        public bool IsDiscriminator(TableKey table, string column) => Column(table, column)?.IsDiscriminator == true;

        /// <summary>
        /// The values the model's types write into a discriminator column; null when it is none, or the model does not
        /// give every type's value as a string constant.
        /// </summary>
        public IReadOnlyList<string>? DiscriminatorValues(TableKey table, string column) => Column(table, column)?.DiscriminatorValues;

        /// <summary>
        /// Where the model method declares the property that maps the column (<see cref="ColumnDeclaration"/>); null when the
        /// column is not mapped for certain (<see cref="Maps"/>), several properties map it, or none is declared by a
        /// Property call of its own (a JSON container, a key EF adds itself).
        /// </summary>
        public ColumnDeclaration? Declaration(TableKey table, string column) =>
            Maps(table, column) == Mapping.Mapped && Column(table, column) is { Declared: { } property } && SourceOf(table) is { } source ? new ColumnDeclaration(source, property) : null;

        private ModelSource? SourceOf(TableKey table) =>
            _tableSources is not null && _tableSources.TryGetValue(table, out var source) ? source : _source;

        /// <summary>
        /// The body of the lambda that declares the properties of the type at <paramref name="typePath"/> (as
        /// <see cref="ColumnDeclaration.TypePath"/> names it): where a property of that type is declared, or goes. Null
        /// when the model configures no such type, or only in expression-bodied lambdas.
        /// </summary>
        public BlockSyntax? TypeBody(string typePath) => _source?.Type(typePath)?.Body;

        /// <summary>Whether the model configures the type at <paramref name="typePath"/> in a block (<see cref="TypeBody"/> without the syntax).</summary>
        public bool DeclaresType(string typePath) => _definition.TypeWithBody(typePath) is not null;

        /// <summary>The table could not be read whole: its columns are <see cref="Mapping.Unknown"/>.</summary>
        public bool IsUncertain(TableKey table) => _uncertainTables.Contains(table);

        /// <summary>The model maps the table but migrations do not manage it (<c>ExcludeFromMigrations</c>): no migration creates it.</summary>
        public bool IsExcludedFromMigrations(TableKey table) => _excludedTables.Contains(table);

        /// <summary>
        /// Every entity mapped to the table has no key (<c>HasNoKey()</c>, or EF 2's query types: no <c>HasKey</c>). False when
        /// the table is not mapped for certain, or an entity placed nowhere could map to it with a key.
        /// </summary>
        public bool IsKeyless(TableKey table) => !HasUnplacedEntities && MapsTable(table) == Mapping.Mapped && _keylessTables.Contains(table);

        /// <summary>Whether any entity maps to the table.</summary>
        public Mapping MapsTable(TableKey table)
        {
            if (_uncertainTables.Contains(table))
            {
                return Mapping.Unknown;
            }

            if (_tables.ContainsKey(table))
            {
                return Mapping.Mapped;
            }

            return HasUnplacedEntities ? Mapping.Unknown : Mapping.NotMapped;
        }

        /// <summary>Whether a property of the model maps to the column (one kept in the database only does not).</summary>
        public Mapping Maps(TableKey table, string column)
        {
            if (_uncertainTables.Contains(table))
            {
                return Mapping.Unknown;
            }

            if (_tables.TryGetValue(table, out var columns) && columns.ContainsKey(column))
            {
                return Mapping.Mapped;
            }

            return HasUnplacedEntities ? Mapping.Unknown : Mapping.NotMapped;
        }

        /// <summary>
        /// This model with <paramref name="tables"/> as <paramref name="other"/> maps them: what a release merged from two
        /// branches maps, when this model is one branch's designer and <paramref name="other"/> the other's.
        /// </summary>
        public TargetModel WithTablesOf(TargetModel other, IReadOnlyCollection<TableKey> tables)
        {
            var merged = new Dictionary<TableKey, Dictionary<string, MappedColumn>>();
            foreach (var pair in _tables)
            {
                merged[pair.Key] = pair.Value;
            }

            var kept = new Dictionary<TableKey, HashSet<string>>();
            foreach (var pair in _keptColumns)
            {
                kept[pair.Key] = pair.Value;
            }

            var uncertain = new HashSet<TableKey>(_uncertainTables);
            var keyless = new HashSet<TableKey>(_keylessTables);
            var sources = _tableSources is null ? new Dictionary<TableKey, ModelSource?>() : new Dictionary<TableKey, ModelSource?>(_tableSources);
            foreach (var table in tables)
            {
                if (other._tables.TryGetValue(table, out var columns))
                {
                    merged[table] = columns;
                    sources[table] = other.SourceOf(table);
                }

                if (other._keptColumns.TryGetValue(table, out var keptColumns))
                {
                    kept[table] = keptColumns;
                }

                if (other._uncertainTables.Contains(table))
                {
                    uncertain.Add(table);
                }

                if (other._keylessTables.Contains(table))
                {
                    keyless.Add(table);
                }
            }

            return new TargetModel(merged, kept, uncertain, _excludedTables, keyless, _definition, _source, HasUnplacedEntities, sources);
        }

        /// <summary>
        /// The columns the model itself makes nullable although a property mapped to them is required (a TPH derived type's,
        /// an optional owned type's): the only columns whose requiredness can change in the model alone. Found once per
        /// model, which the per-tree cache keeps, so a new compilation does not walk every column of every designer again.
        /// </summary>
        public IReadOnlyList<(TableKey Table, string Column)> RequiredNullableColumns
        {
            get
            {
                if (System.Threading.Volatile.Read(ref _requiredNullable) is { } found)
                {
                    return found;
                }

                var list = new List<(TableKey, string)>();
                foreach (var table in _tables)
                {
                    foreach (var column in table.Value)
                    {
                        if (column.Value is { Required: true, Nullable: true })
                        {
                            list.Add((table.Key, column.Key));
                        }
                    }
                }

                return System.Threading.Interlocked.CompareExchange(ref _requiredNullable, list, null) ?? list;
            }
        }

        /// <summary>
        /// What this model (green) maps differently from <paramref name="shipped"/> (S), as far as the checker asks after every
        /// migration. Kept for the last S it was asked with: a migration's S is most often the designer before it, cached per
        /// tree as this one is, so a new compilation after an edit does not compare every table and column again.
        /// </summary>
        public Comparison ComparedWith(TargetModel shipped)
        {
            if (System.Threading.Volatile.Read(ref _lastComparison) is { } last && ReferenceEquals(last.Shipped, shipped))
            {
                return last;
            }

            var comparison = new Comparison(this, shipped);
            System.Threading.Volatile.Write(ref _lastComparison, comparison);
            return comparison;
        }

        /// <summary>Green (the model compared) against S; read only, so one may be shared by concurrent analyses.</summary>
        internal sealed class Comparison
        {
            public Comparison(TargetModel green, TargetModel shipped)
            {
                Shipped = shipped;
                var onlyInGreen = new List<TableKey>();
                foreach (var table in green._tables.Keys)
                {
                    if (green.MapsTable(table) == Mapping.Mapped && shipped.MapsTable(table) == Mapping.NotMapped)
                    {
                        onlyInGreen.Add(table);
                    }
                }

                TablesOnlyInGreen = onlyInGreen;
                Tightened = Changed(requiring: green, optional: shipped, shipped);
                Loosened = Changed(requiring: shipped, optional: green, shipped);
            }

            public TargetModel Shipped { get; }

            /// <summary>The tables green maps and S certainly does not.</summary>
            public IReadOnlyList<TableKey> TablesOnlyInGreen { get; }

            /// <summary>Columns both map whose property green requires (the column nullable all the same) and S makes optional.</summary>
            public IReadOnlyList<(TableKey Table, string Column)> Tightened { get; }

            /// <summary>Columns both map whose property S requires (the column nullable all the same) and green makes optional.</summary>
            public IReadOnlyList<(TableKey Table, string Column)> Loosened { get; }

            // The required-but-nullable columns of one model (a TPH type's) that the other maps with an optional property, both
            // mapping the column (and S its table) for certain.
            private static IReadOnlyList<(TableKey, string)> Changed(TargetModel requiring, TargetModel optional, TargetModel shipped)
            {
                List<(TableKey, string)>? changed = null;
                foreach (var (table, column) in requiring.RequiredNullableColumns)
                {
                    if (optional.IsRequired(table, column) == false && optional.IsOptional(table, column) == true
                        && shipped.MapsTable(table) == Mapping.Mapped && requiring.Maps(table, column) == Mapping.Mapped && optional.Maps(table, column) == Mapping.Mapped)
                    {
                        (changed ??= new List<(TableKey, string)>()).Add((table, column));
                    }
                }

                return changed ?? (IReadOnlyList<(TableKey, string)>)System.Array.Empty<(TableKey, string)>();
            }
        }

        private MappedColumn? Column(TableKey table, string column) =>
            _tables.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var mapped) ? mapped : null;
    }
}
