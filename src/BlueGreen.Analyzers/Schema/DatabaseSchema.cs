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

        public IEnumerable<TableKey> Tables => _tables.Keys;

        public bool HasTable(TableKey table) => _tables.ContainsKey(table);

        public ColumnDefinition? Column(TableKey table, string column) =>
            _tables.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var definition) ? definition : null;

        public IEnumerable<ColumnDefinition> Columns(TableKey table) =>
            _tables.TryGetValue(table, out var columns) ? columns.Values : (IEnumerable<ColumnDefinition>)System.Array.Empty<ColumnDefinition>();

        public void Apply(SchemaOperation operation)
        {
            switch (operation.Kind)
            {
                case SchemaOperationKind.CreateTable:
                    var created = new Dictionary<string, ColumnDefinition>();
                    foreach (var column in operation.Columns)
                    {
                        created[column.Name] = column;
                    }

                    _tables[operation.Table] = created;
                    break;

                case SchemaOperationKind.DropTable:
                    _tables.Remove(operation.Table);
                    break;

                case SchemaOperationKind.RenameTable:
                    if (_tables.TryGetValue(operation.Table, out var renamed))
                    {
                        _tables.Remove(operation.Table);
                        _tables[operation.NewTable!.Value] = renamed;
                    }

                    break;

                case SchemaOperationKind.AddColumn:
                case SchemaOperationKind.AlterColumn:
                    TableFor(operation.Table)[operation.Column!] = operation.Definition!;
                    break;

                case SchemaOperationKind.DropColumn:
                    TableFor(operation.Table).Remove(operation.Column!);
                    break;

                case SchemaOperationKind.RenameColumn:
                    var table = TableFor(operation.Table);
                    if (table.TryGetValue(operation.Column!, out var existing))
                    {
                        table.Remove(operation.Column!);
                        table[operation.NewName!] = existing.WithName(operation.NewName!);
                    }

                    break;

                case SchemaOperationKind.Sql:
                    foreach (var effect in operation.SqlEffects)
                    {
                        Apply(effect);
                    }

                    break;
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
                switch (effect.Kind)
                {
                    case SqlEffectKind.DropTable:
                        _tables.Remove(table);
                        break;
                    case SqlEffectKind.RenameTable when effect.NewName is not null:
                        _tables.Remove(table);
                        _tables[new TableKey(table.Schema, effect.NewName)] = columns;
                        break;
                    case SqlEffectKind.DropColumn:
                        RemoveColumn(columns, effect.Column!);
                        break;
                    case SqlEffectKind.RenameColumn when effect.NewName is not null && RemoveColumn(columns, effect.Column!) is { } renamed:
                        columns[effect.NewName] = renamed.WithName(effect.NewName);
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
                _tables[table] = columns;
            }

            return columns;
        }
    }
}
