using System.Collections.Generic;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// The database as the migrations so far leave it, built by replaying <c>Up</c> operations in order.
    /// Mutable: the checker replays one history once, judging each operation against the state before it.
    /// </summary>
    internal sealed class DatabaseSchema
    {
        private readonly Dictionary<TableKey, Dictionary<string, ColumnDefinition>> _tables = new Dictionary<TableKey, Dictionary<string, ColumnDefinition>>();

        // Tables whose columns may have changed since TakeChangedTables last said, so that what is derived from the schema
        // is brought up to date table by table, not rebuilt after every migration.
        private readonly HashSet<TableKey> _changed = new HashSet<TableKey>();

        // The tables at the last MarkTables, copied only when a table is first created, dropped or renamed after it: most
        // migrations change columns only, and copying every table for each of them cost more than the rest of their check.
        private bool _marked;
        private List<TableKey>? _tablesAtMark;
        private HashSet<TableKey>? _tableSetAtMark;

        public IEnumerable<TableKey> Tables => _tables.Keys;

        /// <summary>Remembers which tables exist now, for <see cref="HadTableAtMark"/> (the checker marks before each migration).</summary>
        public void MarkTables()
        {
            _marked = true;
            _tablesAtMark = null;
            _tableSetAtMark = null;
        }

        /// <summary>Whether the table existed at the last <see cref="MarkTables"/>.</summary>
        public bool HadTableAtMark(TableKey table) => _tableSetAtMark?.Contains(table) ?? _tables.ContainsKey(table);

        /// <summary>The tables at the last <see cref="MarkTables"/>, in the order <see cref="Tables"/> gave them then.</summary>
        public IEnumerable<TableKey> TablesAtMark => _tablesAtMark ?? (IEnumerable<TableKey>)_tables.Keys;

        public bool HasTable(TableKey table) => _tables.ContainsKey(table);

        public ColumnDefinition? Column(TableKey table, string column) =>
            _tables.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var definition) ? definition : null;

        public IEnumerable<ColumnDefinition> Columns(TableKey table) =>
            _tables.TryGetValue(table, out var columns) ? columns.Values : (IEnumerable<ColumnDefinition>)System.Array.Empty<ColumnDefinition>();

        /// <summary>The tables whose columns may have changed (created, dropped, renamed, columns added, altered, dropped or renamed) since the last call.</summary>
        public List<TableKey> TakeChangedTables()
        {
            var changed = new List<TableKey>(_changed);
            _changed.Clear();
            return changed;
        }

        public void Apply(SchemaOperation operation)
        {
            if (operation is TableOperation changed)
            {
                _changed.Add(changed.Table);
                if (operation is RenameTable { NewTable: var newTable })
                {
                    _changed.Add(newTable);
                }
            }

            switch (operation)
            {
                case CreateTable create:
                    var created = new Dictionary<string, ColumnDefinition>();
                    foreach (var column in create.Columns)
                    {
                        created[column.Name] = column;
                    }

                    KeepTablesAtMark();
                    _tables[create.Table] = created;
                    break;

                case DropTable drop:
                    KeepTablesAtMark();
                    _tables.Remove(drop.Table);
                    break;

                case RenameTable rename:
                    if (_tables.TryGetValue(rename.Table, out var renamed))
                    {
                        KeepTablesAtMark();
                        _tables.Remove(rename.Table);
                        _tables[rename.NewTable] = renamed;
                    }

                    break;

                case AddColumn add:
                    TableFor(add.Table)[add.Column] = add.Definition;
                    break;

                case AlterColumn alter:
                    TableFor(alter.Table)[alter.Column] = alter.Definition;
                    break;

                case DropColumn drop:
                    TableFor(drop.Table).Remove(drop.Column);
                    break;

                case RenameColumn rename:
                    var table = TableFor(rename.Table);
                    if (table.TryGetValue(rename.Column, out var existing))
                    {
                        table.Remove(rename.Column);
                        table[rename.NewName] = existing.WithName(rename.NewName);
                    }

                    break;

                case RawSql sql:
                    foreach (var effect in sql.Effects)
                    {
                        Apply(effect);
                    }

                    break;
            }
        }

        /// <summary>
        /// A table rebuilt from a model (SQLite's way to alter a table): it keeps exactly the columns the model gives it;
        /// the others are dropped with the old table.
        /// </summary>
        /// <param name="modelHasDefault">Whether the model gives a column a default: the rebuilt table has no other (null: not told, kept as it was).</param>
        public void Rebuild(TableKey table, ICollection<string> columns, System.Func<string, bool?>? modelHasDefault = null)
        {
            if (!_tables.TryGetValue(table, out var existing))
            {
                return;
            }

            _changed.Add(table);
            foreach (var column in new List<string>(existing.Keys))
            {
                if (!columns.Contains(column))
                {
                    existing.Remove(column);
                }
                else if (existing[column].HasDefault && modelHasDefault?.Invoke(column) == false)
                {
                    // A default only a migration gave (AddColumn's defaultValue, an AlterColumn filling NULLs) is gone.
                    existing[column] = existing[column].WithoutDefault();
                }
            }
        }

        /// <summary>Follows what raw SQL does to the tables the replay knows, matched as the database would.</summary>
        private void Apply(SqlEffect effect)
        {
            foreach (var table in new List<TableKey>(_tables.Keys))
            {
                if (!effect.Names(table))
                {
                    continue;
                }

                var columns = _tables[table];
                _changed.Add(table);
                switch (effect)
                {
                    case SqlDropTable:
                        KeepTablesAtMark();
                        _tables.Remove(table);
                        break;
                    case SqlRenameTable { NewName: { } newName }:
                        KeepTablesAtMark();
                        _tables.Remove(table);
                        _tables[new TableKey(table.Schema, newName)] = columns;
                        _changed.Add(new TableKey(table.Schema, newName));
                        break;
                    case SqlDropColumn drop:
                        RemoveColumn(columns, drop.Column);
                        break;
                    case SqlRebuildTable rebuild:
                        foreach (var column in new List<string>(columns.Keys))
                        {
                            if (!rebuild.Keeps(column))
                            {
                                columns.Remove(column);
                            }
                        }

                        break;
                    case SqlRenameColumn rename when RemoveColumn(columns, rename.Column) is { } renamed:
                        columns[rename.NewName] = renamed.WithName(rename.NewName);
                        break;
                }
            }
        }

        private static ColumnDefinition? RemoveColumn(Dictionary<string, ColumnDefinition> columns, string sqlName)
        {
            foreach (var column in columns.Values)
            {
                if (string.Equals(column.Name, sqlName, System.StringComparison.OrdinalIgnoreCase))
                {
                    columns.Remove(column.Name);
                    return column;
                }
            }

            return null;
        }

        // A table the replay has not seen created (made by raw SQL, or before the history began) still
        // collects what later operations say about it.
        private Dictionary<string, ColumnDefinition> TableFor(TableKey table)
        {
            if (!_tables.TryGetValue(table, out var columns))
            {
                columns = new Dictionary<string, ColumnDefinition>();
                KeepTablesAtMark();
                _tables[table] = columns;
            }

            return columns;
        }

        private void KeepTablesAtMark()
        {
            if (_marked && _tablesAtMark is null)
            {
                _tablesAtMark = new List<TableKey>(_tables.Keys);
                _tableSetAtMark = new HashSet<TableKey>(_tablesAtMark);
            }
        }
    }
}
