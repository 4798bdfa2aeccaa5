using System;
using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The check of one unshipped migration: each operation, against the schema replayed up to it, the last shipped
    /// model S (what blue maps) and, at the end, the migration's own target model (green). Renames made earlier in the
    /// same migration are followed back to the names S knows. The changes made in the model alone, without an operation,
    /// are checked in MigrationChecker.ModelOnly.cs.
    /// </summary>
    internal sealed partial class MigrationChecker
    {
        private readonly HistoryModels _models;
        private readonly int _index;
        private readonly DatabaseSchema _schema;
        private readonly List<Finding> _findings;
        private readonly Dictionary<TableKey, TableKey> _tableRenames = new Dictionary<TableKey, TableKey>();
        private readonly Dictionary<(TableKey Table, string Column), string> _columnRenames = new Dictionary<(TableKey, string), string>();
        private readonly ShippedModel _shippedName;
        private readonly int _shippedIndex;

        private bool _shippedRead;
        private TargetModel? _shipped;

        public MigrationChecker(HistoryModels models, int index, int shippedIndex, DatabaseSchema schema, List<Finding> findings)
        {
            _models = models;
            _index = index;
            _shippedIndex = shippedIndex;
            _schema = schema;
            _findings = findings;

            // S depends on the tables the database has before the migration (HistoryModels.Shipped), and is read lazily,
            // maybe after some of the migration's operations are applied: it must be the same whenever it is read.
            schema.MarkTables();
            _shippedName = new ShippedModel(shippedIndex < 0 ? null : models.History.Migrations[shippedIndex]);
        }

        private MigrationEntry Migration => _models.History.Migrations[_index];

        /// <summary>S, the model blue runs; null when it cannot be read, and then nothing is judged against it.</summary>
        private TargetModel? Shipped
        {
            get
            {
                if (!_shippedRead)
                {
                    _shipped = _models.Shipped(_shippedIndex, _index, _schema);
                    _shippedRead = true;
                }

                return _shipped;
            }
        }

        /// <summary>Judges one operation against the state before it; <paramref name="operations"/> is the whole migration's Up.</summary>
        public void Check(SchemaOperation operation, IReadOnlyList<SchemaOperation> operations)
        {
            // S is read only for an operation some case below can judge: designers are the bulk of a history. (Renames are
            // tracked either way; without S nothing of this migration is judged against them.)
            if (!MayBreakShipped(operation) || Shipped is not { } shipped)
            {
                Track(operation);
                return;
            }

            switch (operation)
            {
                case RawSql sql:
                    CheckSql(sql, shipped);
                    break;

                case DropColumn drop when shipped.Maps(Original(drop.Table), Original(Original(drop.Table), drop.Column)) == Mapping.Mapped:
                    CheckDropColumn(drop, shipped, operations);
                    break;

                case RenameColumn rename when shipped.Maps(Original(rename.Table), Original(Original(rename.Table), rename.Column)) == Mapping.Mapped:
                    var table = Original(rename.Table);
                    _findings.Add(new ColumnRenamed(Migration, _shippedName, rename.Syntax.GetLocation(), table, Original(table, rename.Column), rename.NewName,
                        RenameShape.Rename, Keep(rename, shipped, operations), _models.Provider));
                    break;

                // A table only keyless entities map (EF 2/3 query types, read through raw SQL) is not written by blue.
                case DropTable drop when shipped.MapsTable(Original(drop.Table)) == Mapping.Mapped && !shipped.IsKeyless(Original(drop.Table)):
                    _findings.Add(new TableDropped(Migration, _shippedName, drop.Syntax.GetLocation(), Original(drop.Table)));
                    break;

                // SQLite has no schemas: EF's SQLite provider writes nothing for a rename that only moves the schema.
                case RenameTable rename when shipped.MapsTable(Original(rename.Table)) == Mapping.Mapped
                    && !(_models.Provider == Provider.Sqlite && rename.NewTable.Name == rename.Table.Name):
                    _findings.Add(new TableRenamed(Migration, _shippedName, rename.Syntax.GetLocation(), Original(rename.Table), rename.NewTable));
                    break;

                case AddColumn add when add.Definition is { Nullable: false, HasDefault: false } && shipped.MapsTable(Original(add.Table)) == Mapping.Mapped:
                    var green = _models.After(_index);
                    _findings.Add(new RequiredColumnAdded(Migration, _shippedName, add.Syntax.GetLocation(), Original(add.Table), add.Definition,
                        GreenAllowsNull: green?.IsNullable(add.Table, add.Column) == true));
                    break;

                // A nullable column for a required property of a TPH type the running version already writes: its rows have NULL there.
                case AddColumn add when add.Definition is { Nullable: true, HasDefault: false } && shipped.MapsTable(Original(add.Table)) == Mapping.Mapped
                    && RequiredByKnownType(add.Table, add.Column, shipped):
                    _findings.Add(new RequiredColumnAdded(Migration, _shippedName, add.Syntax.GetLocation(), Original(add.Table), add.Definition, GreenAllowsNull: false));
                    break;

                case AlterColumn alter when shipped.Maps(Original(alter.Table), Original(Original(alter.Table), alter.Column)) == Mapping.Mapped
                    && Tightening(alter) is { } change:
                    _findings.Add(new ColumnTightened(Migration, _shippedName, alter.Syntax.GetLocation(), Original(alter.Table), alter.Column, change));
                    break;

                case AlterColumn alter when shipped.IsRequired(Original(alter.Table), Original(Original(alter.Table), alter.Column)) == true
                    && Loosening(alter) is { } loosening:
                    _findings.Add(new ColumnLoosened(Migration, _shippedName, alter.Syntax.GetLocation(), Original(alter.Table), Original(Original(alter.Table), alter.Column), loosening));
                    break;
            }

            Track(operation);
        }

        /// <summary>Whether a case of <see cref="Check"/> can match <paramref name="operation"/>, told without S.</summary>
        private bool MayBreakShipped(SchemaOperation operation) => operation switch
        {
            RawSql sql => HasDropOrRename(sql),
            DropColumn or RenameColumn or DropTable or RenameTable => true,
            // NOT NULL without a default (BG0005); nullable without one may be a TPH type's required property (BG0005 too).
            AddColumn add => add.Definition is { Nullable: not null, HasDefault: false },
            AlterColumn alter => Tightening(alter) is not null || MayLoosen(alter),
            _ => false,
        };

        private static bool HasDropOrRename(RawSql sql)
        {
            foreach (var effect in sql.Effects)
            {
                if (effect is SqlDropTable or SqlRenameTable or SqlDropColumn or SqlRenameColumn or SqlRebuildTable)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The part of <see cref="Loosening"/> that needs no model: null can reach the column, or its default goes.</summary>
        private bool MayLoosen(AlterColumn alter)
        {
            var replayed = _schema.Column(alter.Table, alter.Column);
            return ((replayed?.Nullable ?? alter.Old.Nullable) == false && alter.Definition.Nullable == true)
                || ((replayed?.HasDefault ?? alter.Old.HasDefault) && !alter.Definition.HasDefault);
        }

        /// <summary>
        /// BG0009, after the migration's operations: SQLite rebuilds <paramref name="table"/> from the migration's target
        /// model; the columns it does not keep are dropped, and those S maps break blue.
        /// </summary>
        public void CheckRebuild(TableKey table, TableOperation cause, ICollection<string> kept, IReadOnlyList<SchemaOperation> operations)
        {
            if (Shipped is not { } shipped)
            {
                return;
            }

            var original = Original(table);
            foreach (var column in _schema.Columns(table))
            {
                if (!kept.Contains(column.Name) && shipped.Maps(original, Original(original, column.Name)) == Mapping.Mapped)
                {
                    _findings.Add(new ColumnLostInRebuild(Migration, _shippedName, cause.Syntax.GetLocation(), original, Original(original, column.Name), MethodOf(cause),
                        new ColumnKeep(column, NeedsDefault(shipped, original, column), KeepInDesigner: true, _shippedName.Migration)));
                }
            }
        }

        private void CheckDropColumn(DropColumn drop, TargetModel shipped, IReadOnlyList<SchemaOperation> operations)
        {
            var table = Original(drop.Table);
            var column = _schema.Column(drop.Table, drop.Column);

            // A drop paired with an add of the same type on the same table is a rename in disguise (BG0002).
            foreach (var operation in operations)
            {
                if (operation is AddColumn add
                    && add.Table.Equals(drop.Table)
                    && column?.StoreType is { } storeType
                    && add.Definition.StoreType == storeType
                    && add.Definition.ClrType == column.ClrType
                    && shipped.Maps(table, Original(table, add.Column)) == Mapping.NotMapped)
                {
                    _findings.Add(new ColumnRenamed(Migration, _shippedName, drop.Syntax.GetLocation(), table, Original(table, drop.Column), add.Column,
                        RenameShape.DropAndAdd, Keep(drop, shipped, operations), _models.Provider));
                    return;
                }
            }

            _findings.Add(new ColumnDropped(Migration, _shippedName, drop.Syntax.GetLocation(), table, Original(table, drop.Column), Keep(drop, shipped, operations), _models.Provider));
        }

        /// <summary>What keeping the column an operation would take away from blue takes (see <see cref="ColumnKeep"/>).</summary>
        private ColumnKeep Keep(TableOperation removal, TargetModel shipped, IReadOnlyList<SchemaOperation> operations)
        {
            var column = removal is DropColumn drop ? drop.Column : ((RenameColumn)removal).Column;
            var definition = _schema.Column(removal.Table, column);
            var needsDefault = definition is not null && NeedsDefault(shipped, Original(removal.Table), definition);

            // Without the removal, does the migration still rebuild the table on SQLite (or will the default's AlterColumn)?
            var rebuilds = needsDefault;
            foreach (var operation in operations)
            {
                rebuilds |= operation != removal && operation is ConstraintChange or AlterColumn or DropColumn && ((TableOperation)operation).Table.Equals(removal.Table);
            }

            return new ColumnKeep(definition, needsDefault, KeepInDesigner: _models.Provider == Provider.Sqlite && rebuilds, _shippedName.Migration);
        }

        /// <summary>Green leaves the column out of its inserts: NOT NULL without a default rejects them, and blue cannot read NULL where it requires a value.</summary>
        private static bool NeedsDefault(TargetModel shipped, TableKey table, ColumnDefinition definition) =>
            !definition.HasDefault && (definition.Nullable == false || shipped.IsRequired(table, definition.Name) == true);

        /// <summary>
        /// BG0012: how an AlterColumn lets NULL into a column the running version requires, or null: it becomes nullable, or
        /// loses the default that filled it for a new version which no longer writes it.
        /// </summary>
        private string? Loosening(AlterColumn alter)
        {
            var replayed = _schema.Column(alter.Table, alter.Column);
            if ((replayed?.Nullable ?? alter.Old.Nullable) == false && alter.Definition.Nullable == true)
            {
                return "makes nullable";
            }

            var green = _models.After(_index);
            return (replayed?.HasDefault ?? alter.Old.HasDefault) && !alter.Definition.HasDefault && green?.Maps(alter.Table, alter.Column) == Mapping.NotMapped
                ? "removes the default of"
                : null;
        }

        /// <summary>BG0006: what the new definition no longer accepts, or null.</summary>
        private string? Tightening(AlterColumn alter)
        {
            var replayed = _schema.Column(alter.Table, alter.Column);
            var old = alter.Old;
            var updated = alter.Definition;

            // EF writes oldNullable only when true; the replay also knows hand-written AlterColumns' starting point.
            // A column the running version never writes NULL into (a TPH column only some types map, each as required)
            // with a default for the rows that leave it out takes everything that version inserts. Not on SQLite: its
            // rebuild makes the column from the target model, and the AlterColumn's default only fills the old NULLs.
            if ((replayed?.Nullable ?? old.Nullable) == true && updated.Nullable == false
                && !(updated.HasDefault && _models.Provider != Provider.Sqlite
                    && Shipped?.IsOptional(Original(alter.Table), Original(Original(alter.Table), alter.Column)) == false))
            {
                return "nullable to NOT NULL";
            }

            // SQLite enforces no length, precision or type: its columns take any value of any size.
            if (_models.Provider == Provider.Sqlite)
            {
                return null;
            }

            var oldType = old.StoreType ?? replayed?.StoreType;
            string? narrowing;
            if (oldType is not null && updated.StoreType is not null)
            {
                narrowing = StoreTypes.Narrowing(oldType, updated.StoreType);
            }
            else
            {
                // EF 3.1 wrote no store types: the max length tells.
                var oldLength = old.MaxLength ?? replayed?.MaxLength;
                narrowing = oldLength is { } before && updated.MaxLength is { } after && after < before ? "max length " + before + " to " + after : null;
            }

            return narrowing is not null && !RunningVersionFits(alter, oldType) ? narrowing : null;
        }

        /// <summary>
        /// Whether everything the running version writes into a column fits its new, narrower type, though the old type
        /// held more: its model already declares the new type or length (a model that gained <c>HasMaxLength</c> in a
        /// release whose migration left the column alone), or the column is a TPH discriminator and every value the
        /// model's types write fits. A discriminator whose values the model does not all give is not judged.
        /// </summary>
        private bool RunningVersionFits(AlterColumn alter, string? oldType)
        {
            var table = Original(alter.Table);
            var column = Original(table, alter.Column);
            var updated = alter.Definition;
            if (Shipped is not { } shipped)
            {
                return false;
            }

            if (shipped.IsDiscriminator(table, column))
            {
                // Discriminator values are type names: their length in characters is all a character type limits.
                var capacity = updated.StoreType is { } newType ? StoreTypes.CharacterCapacity(newType) : updated.MaxLength;
                return shipped.DiscriminatorValues(table, column) is not { } values || capacity is not { } limit || values.All(value => value.Length <= limit);
            }

            // The declared type must itself be narrower than the old one: that places it in the family both are compared in.
            if (oldType is not null && updated.StoreType is not null)
            {
                return shipped.StoreType(table, column) is { } declared
                    && StoreTypes.Narrowing(oldType, declared) is not null
                    && StoreTypes.Narrowing(declared, updated.StoreType) is null;
            }

            return shipped.MaxLength(table, column) is { } declaredLength && updated.MaxLength is { } newLength && declaredLength <= newLength;
        }

        /// <summary>BG0008: raw SQL dropping or renaming what S maps, matched as the database matches names.</summary>
        private void CheckSql(RawSql sql, TargetModel shipped)
        {
            foreach (var effect in sql.Effects)
            {
                foreach (var table in shipped.Tables)
                {
                    if (!effect.Names(table))
                    {
                        continue;
                    }

                    // A rebuild by hand drops the columns the new table lacks; the table stays.
                    if (effect is SqlRebuildTable rebuild)
                    {
                        foreach (var column in shipped.Columns(table))
                        {
                            if (!rebuild.Keeps(column) && shipped.Maps(table, column) == Mapping.Mapped && _schema.Column(table, column) is not null)
                            {
                                _findings.Add(new RawSqlBreak(Migration, _shippedName, sql.Syntax.GetLocation(), new SqlDropColumn(rebuild.Schema, rebuild.Table, column), table + "." + column));
                            }
                        }

                        continue;
                    }

                    string? what = effect switch
                    {
                        SqlDropTable or SqlRenameTable when shipped.MapsTable(table) == Mapping.Mapped => table.ToString(),
                        SqlDropColumn { Column: var sqlColumn } when MappedColumn(shipped, table, sqlColumn) is { } column => table + "." + column,
                        SqlRenameColumn { Column: var sqlColumn } when MappedColumn(shipped, table, sqlColumn) is { } column => table + "." + column,
                        _ => null,
                    };

                    if (what is not null)
                    {
                        _findings.Add(new RawSqlBreak(Migration, _shippedName, sql.Syntax.GetLocation(), effect, what));
                    }
                }
            }
        }

        private static string? MappedColumn(TargetModel model, TableKey table, string sqlName)
        {
            foreach (var column in model.Columns(table))
            {
                if (string.Equals(column, sqlName, StringComparison.OrdinalIgnoreCase) && model.Maps(table, column) == Mapping.Mapped)
                {
                    return column;
                }
            }

            return null;
        }

        /// <summary>The operation's method, as messages name it (<c>AlterColumn</c>, <c>AddForeignKey</c>).</summary>
        private static string MethodOf(TableOperation operation) => Syntax.Invocations.MethodName(operation.Syntax) ?? operation.GetType().Name;

        private void Track(SchemaOperation operation)
        {
            switch (operation)
            {
                case RenameTable rename:
                    _tableRenames[rename.NewTable] = Original(rename.Table);
                    break;
                case RenameColumn rename:
                    var table = Original(rename.Table);
                    _columnRenames[(table, rename.NewName)] = Original(table, rename.Column);
                    break;
            }
        }

        /// <summary>The name S knows a table by, before renames earlier in this migration.</summary>
        private TableKey Original(TableKey table) => _tableRenames.TryGetValue(table, out var original) ? original : table;

        private string Original(TableKey originalTable, string column) =>
            _columnRenames.TryGetValue((originalTable, column), out var original) ? original : column;
    }
}
