using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The judgment of one unshipped migration: each operation, against the schema replayed up to it, the
    /// last shipped model S (what blue maps) and, at the end, the migration's own target model (green).
    /// Renames made earlier in the same migration are followed back to the names S knows.
    /// </summary>
    internal sealed class Judgment
    {
        private const string DisguisedRename = " (as a DropColumn and an AddColumn of the same type)";

        private readonly Models _models;
        private readonly int _index;
        private readonly int _shippedIndex;
        private readonly DatabaseSchema _schema;
        private readonly List<Finding> _findings;
        private readonly Dictionary<TableKey, TableKey> _tableRenames = new Dictionary<TableKey, TableKey>();
        private readonly Dictionary<(TableKey Table, string Column), string> _columnRenames = new Dictionary<(TableKey, string), string>();
        private bool _shippedRead;
        private TargetModel? _shipped;

        public Judgment(Models models, int index, int shippedIndex, DatabaseSchema schema, List<Finding> findings)
        {
            _models = models;
            _index = index;
            _shippedIndex = shippedIndex;
            _schema = schema;
            _findings = findings;
        }

        private MigrationEntry Migration => _models.History.Migrations[_index];

        /// <summary>S, the model blue runs; null when it cannot be read, and then nothing is judged against it.</summary>
        private TargetModel? Shipped
        {
            get
            {
                if (!_shippedRead)
                {
                    _shipped = _models.After(_shippedIndex);
                    _shippedRead = true;
                }

                return _shipped;
            }
        }

        private string ShippedName => _models.Name(_shippedIndex);

        /// <summary>Judges one operation against the state before it; <paramref name="operations"/> is the whole migration's Up.</summary>
        public void Check(SchemaOperation operation, IReadOnlyList<SchemaOperation> operations)
        {
            if (Shipped is not { } shipped)
            {
                return;
            }

            if (operation.Kind == SchemaOperationKind.Sql)
            {
                // Raw SQL has no table of its own (its Table is default, a null name that cannot be looked up among
                // this migration's renames): what it touches is in its effects.
                CheckSql(operation, shipped);
                return;
            }

            var table = Original(operation.Table);
            switch (operation.Kind)
            {
                case SchemaOperationKind.DropColumn when shipped.Maps(table, Original(table, operation.Column!)) == Mapping.Mapped:
                    CheckDropColumn(operation, table, shipped, operations);
                    break;

                case SchemaOperationKind.RenameColumn when shipped.Maps(table, Original(table, operation.Column!)) == Mapping.Mapped:
                    Report(Descriptors.RenameColumn, operation, RenameProperties(operation, operation.NewName!, "Rename"),
                        Migration.Id, Original(table, operation.Column!), table.ToString(), operation.NewName!, string.Empty, ShippedName);
                    break;

                case SchemaOperationKind.DropTable when shipped.MapsTable(table) == Mapping.Mapped:
                    Report(Descriptors.DropTable, operation, TableProperties(operation), Migration.Id, table.ToString(), ShippedName);
                    break;

                case SchemaOperationKind.RenameTable when shipped.MapsTable(table) == Mapping.Mapped:
                    Report(Descriptors.RenameTable, operation, TableProperties(operation), Migration.Id, table.ToString(), operation.NewTable!.Value.ToString(), ShippedName);
                    break;

                case SchemaOperationKind.AddColumn when operation.Definition is { Nullable: false, HasDefault: false } && shipped.MapsTable(table) == Mapping.Mapped:
                    Report(Descriptors.AddRequiredColumn, operation, ColumnProperties(operation.Table, operation.Column!, operation.Definition),
                        Migration.Id, operation.Column!, table.ToString(), ShippedName);
                    break;

                case SchemaOperationKind.AlterColumn when shipped.Maps(table, Original(table, operation.Column!)) == Mapping.Mapped
                    && Tightening(operation) is { } change:
                    Report(Descriptors.TightenColumn, operation, TableProperties(operation), Migration.Id, operation.Column!, table.ToString(), change, ShippedName);
                    break;
            }

            Track(operation);
        }

        /// <summary>
        /// BG0007, at the end of the migration: a column the model before it mapped and its own target model
        /// (and the snapshot, so a branch merge is not mistaken for a removal) no longer maps, left in the
        /// database NOT NULL without a default, rejects the new version's inserts.
        /// </summary>
        public void CheckModelOnlyRemovals()
        {
            if (Migration.Up is not { } up
                || _models.After(_index - 1) is not { } before
                || _models.After(_index) is not { } after
                || _models.Current is not { } current)
            {
                return;
            }

            foreach (var table in before.Tables)
            {
                _models.CancellationToken.ThrowIfCancellationRequested();
                if (after.MapsTable(table) != Mapping.Mapped)
                {
                    // Green does not write to the table at all.
                    continue;
                }

                foreach (var column in before.Columns(table))
                {
                    if (after.Maps(table, column) == Mapping.NotMapped
                        && current.Maps(table, column) == Mapping.NotMapped
                        && _schema.Column(table, column) is { Nullable: false, HasDefault: false } definition)
                    {
                        _findings.Add(new Finding(
                            Descriptors.RequiredColumnLeftBehind.Id,
                            up.Identifier.GetLocation(),
                            new object[] { Migration.Id, column, table.ToString() },
                            ColumnProperties(table, column, definition).Add(FixProperties.MigrationId, Migration.Id)));
                    }
                }
            }
        }

        private void CheckDropColumn(SchemaOperation drop, TableKey table, TargetModel shipped, IReadOnlyList<SchemaOperation> operations)
        {
            var column = _schema.Column(drop.Table, drop.Column!);

            // A drop paired with an add of the same type on the same table is a rename in disguise (BG0002).
            foreach (var add in operations)
            {
                if (add.Kind == SchemaOperationKind.AddColumn
                    && add.Table.Equals(drop.Table)
                    && column?.StoreType is { } storeType
                    && add.Definition!.StoreType == storeType
                    && add.Definition.ClrType == column.ClrType
                    && shipped.Maps(table, Original(table, add.Column!)) == Mapping.NotMapped)
                {
                    Report(Descriptors.RenameColumn, drop, RenameProperties(drop, add.Column!, "DropAdd"),
                        Migration.Id, Original(table, drop.Column!), table.ToString(), add.Column!, DisguisedRename, ShippedName);
                    return;
                }
            }

            Report(Descriptors.DropColumn, drop, ColumnProperties(drop.Table, drop.Column!, column), drop.Column!, table.ToString(), Migration.Id, ShippedName);
        }

        /// <summary>BG0006: what the new definition no longer accepts, or null.</summary>
        private string? Tightening(SchemaOperation alter)
        {
            var replayed = _schema.Column(alter.Table, alter.Column!);
            var old = alter.OldDefinition!;
            var updated = alter.Definition!;

            // EF writes oldNullable only when true; the replay also knows hand-written AlterColumns' starting point.
            if ((replayed?.Nullable ?? old.Nullable) == true && updated.Nullable == false)
            {
                return "nullable to NOT NULL";
            }

            var oldType = old.StoreType ?? replayed?.StoreType;
            if (oldType is not null && updated.StoreType is not null)
            {
                return StoreTypes.Narrowing(oldType, updated.StoreType);
            }

            // EF 3.1 wrote no store types: the max length tells.
            var oldLength = old.MaxLength ?? replayed?.MaxLength;
            return oldLength is { } before && updated.MaxLength is { } after && after < before ? "max length " + before + " to " + after : null;
        }

        /// <summary>BG0008: raw SQL dropping or renaming what S maps, matched as the database matches names.</summary>
        private void CheckSql(SchemaOperation sql, TargetModel shipped)
        {
            foreach (var effect in sql.SqlEffects)
            {
                foreach (var table in shipped.Tables)
                {
                    if (!effect.Names(table))
                    {
                        continue;
                    }

                    string? what = effect.Kind switch
                    {
                        SqlEffectKind.DropTable or SqlEffectKind.RenameTable when shipped.MapsTable(table) == Mapping.Mapped => table.ToString(),
                        SqlEffectKind.DropColumn or SqlEffectKind.RenameColumn => MappedColumn(shipped, table, effect.Column!) is { } column ? table + "." + column : null,
                        _ => null,
                    };

                    if (what is not null)
                    {
                        var verb = effect.Kind switch
                        {
                            SqlEffectKind.DropColumn => "drops column",
                            SqlEffectKind.RenameColumn => "renames column",
                            SqlEffectKind.DropTable => "drops table",
                            _ => "renames table",
                        };
                        Report(Descriptors.RawSqlBreaksRunningVersion, sql, ImmutableDictionary<string, string?>.Empty, Migration.Id, verb, what, ShippedName);
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

        private void Track(SchemaOperation operation)
        {
            if (operation.Kind == SchemaOperationKind.RenameTable)
            {
                _tableRenames[operation.NewTable!.Value] = Original(operation.Table);
            }
            else if (operation.Kind == SchemaOperationKind.RenameColumn)
            {
                var table = Original(operation.Table);
                _columnRenames[(table, operation.NewName!)] = Original(table, operation.Column!);
            }
        }

        /// <summary>The name S knows a table by, before renames earlier in this migration.</summary>
        private TableKey Original(TableKey table) => _tableRenames.TryGetValue(table, out var original) ? original : table;

        private string Original(TableKey originalTable, string column) =>
            _columnRenames.TryGetValue((originalTable, column), out var original) ? original : column;

        private void Report(DiagnosticDescriptor descriptor, SchemaOperation operation, ImmutableDictionary<string, string?> properties, params object[] arguments) =>
            _findings.Add(new Finding(descriptor.Id, operation.Syntax.GetLocation(), arguments, properties.SetItem(FixProperties.MigrationId, Migration.Id)));

        private static ImmutableDictionary<string, string?> TableProperties(SchemaOperation operation) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.Table, operation.Table.Name)
                .Add(FixProperties.Schema, operation.Table.Schema);

        private static ImmutableDictionary<string, string?> ColumnProperties(TableKey table, string column, ColumnDefinition? definition) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.Table, table.Name)
                .Add(FixProperties.Schema, table.Schema)
                .Add(FixProperties.Column, column)
                .Add(FixProperties.MakeNullable, definition is { Nullable: false, HasDefault: false } ? "True" : "False")
                .Add(FixProperties.ClrType, definition?.ClrType)
                .Add(FixProperties.StoreType, definition?.StoreType);

        private ImmutableDictionary<string, string?> RenameProperties(SchemaOperation operation, string newColumn, string shape) =>
            ColumnProperties(operation.Table, operation.Column!, _schema.Column(operation.Table, operation.Column!))
                .Add(FixProperties.NewColumn, newColumn)
                .Add(FixProperties.Shape, shape)
                .Add(FixProperties.Provider, Providers.Of(Migration, _schema.Column(operation.Table, operation.Column!)?.StoreType));
    }
}
