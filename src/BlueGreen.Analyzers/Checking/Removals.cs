using System;
using System.Collections.Generic;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Usage;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// BG0011's side of the replay: the names unshipped migrations drop or rename (columns and tables, by operation or by
    /// raw SQL), and the raw SQL of later migrations that still names them. What the new version's database has again by
    /// the end (a column dropped and re-added) is not removed.
    /// </summary>
    internal sealed class Removals
    {
        private readonly List<(RemovedName Name, int Index)> _names = new List<(RemovedName, int)>();

        /// <summary>The raw SQL of migrations that names what an earlier one removed.</summary>
        public List<NameUse> MigrationUses { get; } = new List<NameUse>();

        /// <summary>Records what <paramref name="operation"/> of unshipped migration <paramref name="index"/> removes; called before it is applied.</summary>
        public void Record(HistoryModels models, int index, SchemaOperation operation, DatabaseSchema schema)
        {
            switch (operation)
            {
                case DropColumn drop:
                    Add(models, index, drop.Table, drop.Column, "drops", drop);
                    break;
                case RenameColumn rename:
                    Add(models, index, rename.Table, rename.Column, "renames", rename);
                    break;
                case DropTable drop:
                    Add(models, index, drop.Table, null, "drops", drop);
                    break;

                // SQLite has no schemas: a rename that only moves the schema keeps the name.
                case RenameTable rename when !(models.Provider == Provider.Sqlite && rename.NewTable.Name == rename.Table.Name):
                    Add(models, index, rename.Table, null, "renames", rename);
                    break;

                case RawSql sql:
                    foreach (var effect in sql.Effects)
                    {
                        foreach (var table in schema.Tables)
                        {
                            if (!effect.Names(table))
                            {
                                continue;
                            }

                            switch (effect)
                            {
                                case SqlDropTable:
                                    Add(models, index, table, null, "drops", sql);
                                    break;
                                case SqlRenameTable:
                                    Add(models, index, table, null, "renames", sql);
                                    break;
                                case SqlDropColumn { Column: var column } when ColumnNamed(schema, table, column) is { } actual:
                                    Add(models, index, table, actual, "drops", sql);
                                    break;
                                case SqlRenameColumn { Column: var column } when ColumnNamed(schema, table, column) is { } actual:
                                    Add(models, index, table, actual, "renames", sql);
                                    break;
                                case SqlRebuildTable rebuild:
                                    foreach (var column in schema.Columns(table))
                                    {
                                        if (!rebuild.Keeps(column.Name))
                                        {
                                            Add(models, index, table, column.Name, "drops (its SQL rebuilds the table without it)", sql);
                                        }
                                    }

                                    break;
                            }
                        }
                    }

                    break;
            }
        }

        /// <summary>The columns a SQLite rebuild of <paramref name="table"/> leaves out: gone as surely as dropped.</summary>
        public void RecordRebuild(HistoryModels models, int index, TableKey table, TableOperation cause, ICollection<string> kept, DatabaseSchema schema)
        {
            foreach (var column in schema.Columns(table))
            {
                if (!kept.Contains(column.Name))
                {
                    Add(models, index, table, column.Name, "drops (SQLite rebuilds the table without it)", cause);
                }
            }
        }

        /// <summary>A column or table BG0100 lists as ready to drop: code that still names it keeps the drop from being offered.</summary>
        public void RecordReady(HistoryModels models, int removedBy, ReadyToDrop ready) =>
            _names.Add((new RemovedName(ready.Table, ready.Column, ready.Column is null ? null : PropertyOf(models, removedBy, ready.Table, ready.Column), models.Provider,
                ready.RemovedBy, "removed from the model", ready.Location, ready), int.MaxValue));

        /// <summary>
        /// Raw SQL in a migration after the one that removed a name, naming it while the replayed database lacks it: the
        /// migration itself fails when it runs.
        /// </summary>
        public void CheckSql(RawSql sql, int index, DatabaseSchema schema)
        {
            SqlReferences? references = null;
            foreach (var (name, removedAt) in _names)
            {
                if (removedAt >= index || name.Ready is not null || !IsGone(name, schema))
                {
                    continue;
                }

                references ??= SqlReferences.Read(sql.Tokens);
                if (name.Column is null ? references.NamesTable(name.Table, name.Provider) : references.NamesColumn(name.Table, name.Column, name.Provider))
                {
                    MigrationUses.Add(new NameUse(sql.Syntax.GetLocation(), name, "migration's SQL"));
                }
            }
        }

        /// <summary>The names the database after the last migration lacks, and those BG0100 lists.</summary>
        public List<RemovedName> Gone(DatabaseSchema schema)
        {
            var gone = new List<RemovedName>();
            foreach (var (name, _) in _names)
            {
                if (name.Ready is not null || IsGone(name, schema))
                {
                    gone.Add(name);
                }
            }

            return gone;
        }

        private static bool IsGone(RemovedName name, DatabaseSchema schema) =>
            name.Column is null ? !schema.HasTable(name.Table) : schema.Column(name.Table, name.Column) is null;

        private void Add(HistoryModels models, int index, TableKey table, string? column, string how, SchemaOperation operation) =>
            _names.Add((new RemovedName(table, column, column is null ? null : PropertyOf(models, index, table, column), models.Provider,
                models.History.Migrations[index], how, operation.Syntax.GetLocation(), Ready: null), index));

        /// <summary>
        /// The entity property that last mapped the column, in the newest model before the migration that maps it: a
        /// model-only removal shipped earlier leaves it in older designers only. Owned and complex types are left out.
        /// </summary>
        public static EntityProperty? PropertyOf(HistoryModels models, int index, TableKey table, string column)
        {
            for (var before = index - 1; before >= 0; before--)
            {
                models.CancellationToken.ThrowIfCancellationRequested();
                var model = models.After(before);
                if (model?.Declaration(table, column) is { } declaration)
                {
                    return declaration.TypePath.IndexOf('/') < 0 ? new EntityProperty(declaration.TypePath, declaration.PropertyName) : null;
                }

                // Before the table was mapped at all (or where the model cannot be read), no older designer knows more.
                if (model is null || model.MapsTable(table) == Mapping.NotMapped)
                {
                    return null;
                }
            }

            return null;
        }

        private static string? ColumnNamed(DatabaseSchema schema, TableKey table, string sqlName)
        {
            foreach (var column in schema.Columns(table))
            {
                if (string.Equals(column.Name, sqlName, StringComparison.OrdinalIgnoreCase))
                {
                    return column.Name;
                }
            }

            return null;
        }
    }
}
