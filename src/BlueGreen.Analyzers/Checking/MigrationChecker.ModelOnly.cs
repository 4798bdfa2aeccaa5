using System.Collections.Generic;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// What a migration changes in the model alone, with no operation for it: a column the model stops mapping while the
    /// database keeps it (BG0007, BG0012), and a TPH type's property whose requiredness changes while its column stays
    /// nullable (BG0005, BG0006, BG0012). Both compare S with the migration's own target model at the end of the migration.
    /// </summary>
    internal sealed partial class MigrationChecker
    {
        /// <summary>
        /// BG0007, at the end of the migration: a column the model before it mapped and its own target model (and the
        /// snapshot, so a branch merge is not mistaken for a removal) no longer maps, left in the database NOT NULL without
        /// a default, rejects the new version's inserts.
        /// </summary>
        /// <param name="unmapped">The replayed columns the snapshot does not map: no other column can be left behind.</param>
        public void CheckModelOnlyRemovals(UnmappedColumns unmapped)
        {
            // An Up the reader could not follow whole (an if, a loop, a call it cannot read) may drop the column itself.
            if (Migration.Up is not { } up || !Migration.UpOperations(_models.CancellationToken).IsComplete)
            {
                return;
            }

            // Only an unmapped column without a default can be left behind: without one, no model is read.
            if (!unmapped.AnyWithoutDefault(_schema)
                || _models.After(_index - 1) is not { } before
                || _models.After(_index) is not { } after
                || _models.Current is not { } current)
            {
                return;
            }

            // Only the few unmapped columns are looked at, table by table; the model's tables and columns may be many.
            foreach (var table in unmapped.Tables)
            {
                _models.CancellationToken.ThrowIfCancellationRequested();
                if (unmapped.In(table) is not { } columns || after.MapsTable(table) != Mapping.Mapped)
                {
                    // No candidate here, or green does not write to the table at all.
                    continue;
                }

                for (var position = 0; position < columns.Count; position++)
                {
                    var column = columns[position];
                    if (!before.Places(table, column) || after.Maps(table, column) != Mapping.NotMapped || current.Maps(table, column) != Mapping.NotMapped)
                    {
                        continue;
                    }

                    if (_schema.Column(table, column) is { Nullable: false, HasDefault: false } definition)
                    {
                        // The fix's AlterColumn makes SQLite rebuild the table from the target model.
                        var keep = new ColumnKeep(definition, NeedsDefault: true, KeepInDesigner: _models.Provider == Provider.Sqlite, _models.History.Migrations[_index - 1 < 0 ? 0 : _index - 1]);
                        _findings.Add(new RequiredColumnLeftBehind(Migration, _shippedName, up.Identifier.GetLocation(), table, column, keep, _models.Provider));
                    }
                    else if (_schema.Column(table, column) is { Nullable: true, HasDefault: false } && Shipped?.IsRequired(table, column) == true)
                    {
                        // BG0012: a nullable column the running version requires (a TPH derived type's, say): green's rows leave it NULL.
                        _findings.Add(new ColumnLoosened(Migration, _shippedName, up.Identifier.GetLocation(), table, column, "stops writing"));
                    }
                }
            }
        }

        // A scan, not a set: it runs after every migration, and for a few candidates of a few operations.
        private static bool Alters(IReadOnlyList<SchemaOperation> operations, TableKey table, string column)
        {
            for (var index = 0; index < operations.Count; index++)
            {
                if (operations[index] is AlterColumn alter && alter.Table.Equals(table) && alter.Column == column)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the new model requires the column through a property of a type the running version knows too, so that
        /// version writes rows of that type without it. A type new to this release has no rows the running version wrote.
        /// </summary>
        private bool RequiredByKnownType(TableKey table, string column, TargetModel shipped) =>
            _models.After(_index) is { } green
            && green.IsRequired(table, column) == true
            && green.IsNullable(table, column) == true
            && green.Declaration(table, column) is { } declaration
            && shipped.DeclaresType(declaration.TypePath);

        /// <summary>
        /// At the end of the migration: a column left nullable whose property changes requiredness in the model alone (a TPH
        /// type's property: the column is nullable for the other types' rows). Made required (BG0006), the running version
        /// still writes NULL and the new version reads it; made optional (BG0012), the reverse.
        /// </summary>
        public void CheckRequirednessInModel(IReadOnlyList<SchemaOperation> operations)
        {
            if (!Migration.UpOperations(_models.CancellationToken).IsComplete
                || Shipped is not { } shipped
                || _models.After(_index) is not { } green
                || Migration.Up is not { } up)
            {
                return;
            }

            // Only where a model itself says a required property's column is nullable (a TPH type's): a designer that maps a
            // required property to a nullable column of its own contradicts the schema, which is what a branch made before
            // another branch loosened the column leaves behind (a merged history, not a change).
            var comparison = green.ComparedWith(shipped);
            foreach (var (table, column) in comparison.Tightened)
            {
                if (Unaltered(table, column))
                {
                    _findings.Add(new ColumnTightened(Migration, _shippedName, up.Identifier.GetLocation(), table, column, "required by the new model, while the column stays nullable"));
                }
            }

            foreach (var (table, column) in comparison.Loosened)
            {
                if (Unaltered(table, column))
                {
                    _findings.Add(new ColumnLoosened(Migration, _shippedName, up.Identifier.GetLocation(), table, column, "makes optional in the model"));
                }
            }

            // Both models map the column (the comparison says); the migration does not alter it, and it is nullable without a default in the database.
            bool Unaltered(TableKey table, string column) =>
                !Alters(operations, table, column)
                && _schema.Column(table, column) is { Nullable: true, HasDefault: false };
        }
    }
}
