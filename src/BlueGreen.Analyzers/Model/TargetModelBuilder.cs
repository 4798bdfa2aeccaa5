using System;
using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>Collects, table by table, what <see cref="ColumnPlacer"/> finds, into a <see cref="TargetModel"/>.</summary>
    internal sealed class TargetModelBuilder
    {
        private readonly int? _maxIdentifierLength;
        private readonly Dictionary<TableKey, Dictionary<string, MappedColumn>> _tables;
        private readonly Dictionary<TableKey, HashSet<string>> _kept = new Dictionary<TableKey, HashSet<string>>();
        private readonly HashSet<TableKey> _uncertain = new HashSet<TableKey>();
        private readonly Dictionary<TableKey, bool> _excluded;

        // Whether every type whose rows a table holds is keyless.
        private readonly Dictionary<TableKey, bool> _keyless;

        // The key columns each hierarchy maps in each table, to see whether hierarchies sharing a table agree.
        // Per table, each row root's key columns: one root in almost every table, so a list, searched.
        private readonly Dictionary<TableKey, List<(TypeDefinition Root, HashSet<string> Columns)>> _rowKeys;

        // The values each discriminator column receives, from every type of its hierarchy; null once one is not known.
        private readonly Dictionary<(TableKey Table, string Column), List<string>?> _discriminators = new Dictionary<(TableKey, string), List<string>?>();

        private readonly ModelSource? _source;
        private readonly PlacedTables? _placed;
        private int _expectedColumns;
        private bool _unplaced;

        /// <param name="maxIdentifierLength">The provider's longest column name (<c>Relational:MaxIdentifierLength</c>); null when not written.</param>
        /// <param name="source">The method the model is read from.</param>
        /// <param name="entities">How many entities the model configures: about as many tables, sized for once.</param>
        /// <param name="placed">The tables other models of the history placed, whose collections a table placed alike takes; null: none.</param>
        public TargetModelBuilder(int? maxIdentifierLength, ModelSource? source, int entities, PlacedTables? placed = null)
        {
            _maxIdentifierLength = maxIdentifierLength;
            _source = source;
            _placed = placed;
            _tables = new Dictionary<TableKey, Dictionary<string, MappedColumn>>(entities);
            _excluded = new Dictionary<TableKey, bool>(entities);
            _keyless = new Dictionary<TableKey, bool>(entities);
            _rowKeys = new Dictionary<TableKey, List<(TypeDefinition Root, HashSet<string> Columns)>>(entities);
        }

        /// <summary>Some entity's table cannot be told: nothing can be concluded "not mapped".</summary>
        public void MarkUnplaced() => _unplaced = true;

        /// <summary>
        /// The next table this builder starts will get about <paramref name="columns"/> columns: a table's columns grown one
        /// doubling at a time cost more than the columns themselves. A hint only: a table exists once a column (or its
        /// uncertainty) is placed in it.
        /// </summary>
        public void ExpectColumns(int columns) => _expectedColumns = columns;

        /// <summary>Maps a property to its column in the placement's table; none when the placement has no table.</summary>
        public void AddProperty(Placement placement, PropertyDefinition property, bool isKey)
        {
            if (placement.Table is not { } table)
            {
                return;
            }

            if (property.Kept)
            {
                if (!_kept.TryGetValue(table, out var kept))
                {
                    _kept.Add(table, kept = new HashSet<string>(StringComparer.Ordinal));
                }

                kept.Add(placement.ColumnName(property));
                return;
            }

            var nullable = Nullability.IsNullable(property, isKey);

            // A required property of an object that may be absent takes NULL back when the object is absent.
            var required = Nullability.And(Nullability.Not(nullable), Nullability.Not(placement.ObjectOptional));
            AddColumn(table, placement.ColumnName(property), MappedColumn.Of(property, Nullability.Or(nullable, placement.ColumnsOptional), required), placement.HasDefaultName(property));
        }

        /// <summary>The one column of a JSON-mapped owned or complex type: what it holds is not told column by column.</summary>
        public void AddJsonColumn(TableKey table, string column) =>
            AddColumn(table, column, new MappedColumn(nullable: null, required: null), defaultName: false);

        public void MarkUncertain(TableKey table)
        {
            ColumnsOf(table);
            _uncertain.Add(table);
        }

        public void NoteExcluded(TableKey table, bool? excluded)
        {
            // A table is excluded as the first type mapped to it says (EF: Table.IsExcludedFromMigrations).
            if (!_excluded.ContainsKey(table))
            {
                _excluded.Add(table, excluded == true);
            }
        }

        /// <summary>A type whose rows the table holds: an entity (keyless without <c>HasKey</c>), an owned type in a table of its own (keyed).</summary>
        public void NoteRows(TableKey table, bool keyless) =>
            _keyless[table] = keyless && (!_keyless.TryGetValue(table, out var others) || others);

        /// <summary>The key columns of the rows <paramref name="rowRoot"/>'s hierarchy stores in the table, for the caller to add to.</summary>
        public HashSet<string> RowKeys(TableKey table, TypeDefinition rowRoot)
        {
            if (!_rowKeys.TryGetValue(table, out var roots))
            {
                _rowKeys.Add(table, roots = new List<(TypeDefinition Root, HashSet<string> Columns)>(1));
            }

            foreach (var (root, columns) in roots)
            {
                if (root == rowRoot)
                {
                    return columns;
                }
            }

            var added = new HashSet<string>(StringComparer.Ordinal);
            roots.Add((rowRoot, added));
            return added;
        }

        /// <summary>A type of a TPH hierarchy writes <paramref name="value"/> (<see cref="TypeDefinition.DiscriminatorValue"/>) into the discriminator column.</summary>
        public void NoteDiscriminatorValue(TableKey table, string column, Folded? value)
        {
            if (!_discriminators.TryGetValue((table, column), out var values))
            {
                _discriminators.Add((table, column), values = new List<string>());
            }

            if (value is { IsKnown: true, Value: { } known })
            {
                values?.Add(known);
            }
            else
            {
                _discriminators[(table, column)] = null;
            }
        }

        /// <param name="definition">What the model method configures, as read.</param>
        public TargetModel Build(ModelDefinition definition)
        {
            // Table splitting: a dependent's key maps to its principal's key column, which is not told here; only
            // where all hierarchies sharing the table spell their key columns alike is the table certain.
            foreach (var pair in _rowKeys)
            {
                var first = pair.Value[0].Columns;
                for (var index = 1; index < pair.Value.Count; index++)
                {
                    if (!first.SetEquals(pair.Value[index].Columns))
                    {
                        _uncertain.Add(pair.Key);
                    }
                }
            }

            foreach (var pair in _discriminators)
            {
                if (_tables.TryGetValue(pair.Key.Table, out var columns) && columns.TryGetValue(pair.Key.Column, out var column))
                {
                    columns[pair.Key.Column] = column.AsDiscriminator(pair.Value);
                }
            }

            if (_placed is not null)
            {
                foreach (var table in new List<TableKey>(_tables.Keys))
                {
                    _tables[table] = _placed.Keep(table, _tables[table]);
                }
            }

            var excluded = new HashSet<TableKey>(_excluded.Where(pair => pair.Value).Select(pair => pair.Key));

            var keyless = new HashSet<TableKey>(_keyless.Where(pair => pair.Value).Select(pair => pair.Key));
            return new TargetModel(_tables, _kept, _uncertain, excluded, keyless, definition, _source, _unplaced);
        }

        /// <param name="defaultName">EF made the name up (and may have truncated it).</param>
        private void AddColumn(TableKey table, string name, MappedColumn column, bool defaultName)
        {
            var columns = ColumnsOf(table);

            // EF truncates (and uniquifies) default column names longer than the provider allows.
            if (defaultName && _maxIdentifierLength is { } max && name.Length > max)
            {
                _uncertain.Add(table);
            }

            if (columns.TryGetValue(name, out var existing))
            {
                columns[name] = existing.SharedWith(column);
            }
            else
            {
                columns.Add(name, column);
            }
        }

        private Dictionary<string, MappedColumn> ColumnsOf(TableKey table)
        {
            if (!_tables.TryGetValue(table, out var columns))
            {
                _tables.Add(table, columns = _placed?.Rent(_expectedColumns) ?? new Dictionary<string, MappedColumn>(_expectedColumns, StringComparer.Ordinal));
                _expectedColumns = 0;
            }

            return columns;
        }
    }
}
