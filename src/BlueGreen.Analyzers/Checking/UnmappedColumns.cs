using System.Collections.Generic;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The columns of the replayed database that the current model (the snapshot) certainly does not map: the only ones a
    /// model-only removal can leave behind (BG0007, BG0012) or BG0100 can list. Kept up to date table by table as the
    /// replay changes the schema, so a migration's check costs what its operations touched, and its models (designers, the
    /// bulk of a history) are read only when such a column exists.
    /// </summary>
    internal sealed class UnmappedColumns
    {
        private readonly HistoryModels _models;
        private readonly Dictionary<TableKey, List<string>> _byTable = new Dictionary<TableKey, List<string>>();
        private List<TableKey>? _tables;
        private bool _started;

        public UnmappedColumns(HistoryModels models)
        {
            _models = models;
        }

        /// <summary>
        /// Whether some unmapped column of <paramref name="schema"/> has no default and a known nullability: only such a
        /// column can be left behind. False without a snapshot. Asked after every migration, so it builds nothing.
        /// </summary>
        public bool AnyWithoutDefault(DatabaseSchema schema)
        {
            Update(schema);
            foreach (var pair in _byTable)
            {
                foreach (var column in pair.Value)
                {
                    if (schema.Column(pair.Key, column) is { HasDefault: false, Nullable: not null })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The tables with unmapped columns (as of the last <see cref="AnyWithoutDefault"/>), in name order: an order that
        /// does not depend on which migrations were replayed without being judged (see <c>CheckMemo</c>).
        /// </summary>
        public IReadOnlyList<TableKey> Tables
        {
            get
            {
                if (_tables is null)
                {
                    _tables = new List<TableKey>(_byTable.Keys);
                    _tables.Sort((left, right) =>
                        string.CompareOrdinal(left.Schema, right.Schema) is var bySchema && bySchema != 0 ? bySchema : string.CompareOrdinal(left.Name, right.Name));
                }

                return _tables;
            }
        }

        /// <summary>The table's unmapped columns (as of the last <see cref="AnyWithoutDefault"/>); null when it has none.</summary>
        public IReadOnlyList<string>? In(TableKey table) => _byTable.TryGetValue(table, out var columns) ? columns : null;

        /// <summary>Every unmapped column of <paramref name="schema"/>, by table (a copy); empty without a snapshot.</summary>
        public Dictionary<TableKey, List<string>> All(DatabaseSchema schema)
        {
            Update(schema);
            var all = new Dictionary<TableKey, List<string>>();
            foreach (var pair in _byTable)
            {
                all.Add(pair.Key, new List<string>(pair.Value));
            }

            return all;
        }

        private void Update(DatabaseSchema schema)
        {
            var changed = schema.TakeChangedTables();
            if (_models.Current is not { } current)
            {
                return;
            }

            if (!_started)
            {
                _started = true;
                changed = new List<TableKey>(schema.Tables);
            }

            foreach (var table in changed)
            {
                _tables = null;
                _byTable.Remove(table);
                List<string>? unmapped = null;
                foreach (var column in schema.Columns(table))
                {
                    if (current.Maps(table, column.Name) == Mapping.NotMapped)
                    {
                        (unmapped ??= new List<string>()).Add(column.Name);
                    }
                }

                if (unmapped is not null)
                {
                    _byTable.Add(table, unmapped);
                }
            }
        }
    }
}
