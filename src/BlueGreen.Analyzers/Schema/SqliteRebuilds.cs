using System.Collections.Generic;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// The tables EF's SQLite provider rebuilds when it runs a migration. SQLite can alter a column or a constraint in
    /// place for none of them, so SqliteMigrationsSqlGenerator replaces those operations by a rebuild: a new table made
    /// from the migration's TARGET model, the columns both tables have copied, the old table dropped, the new one
    /// renamed. A column the target model does not map is dropped by it, though no DropColumn was written. The rebuilds
    /// run after the migration's other operations, under the name the table has at the end of the migration.
    /// </summary>
    internal static class SqliteRebuilds
    {
        /// <summary>Each table rebuilt (by its name after the migration) with the first operation that causes it.</summary>
        public static List<(TableKey Table, TableOperation Cause)> Of(IReadOnlyList<SchemaOperation> operations)
        {
            var rebuilds = new List<(TableKey Table, TableOperation Cause)>();
            var created = new HashSet<TableKey>();
            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case CreateTable create:
                        created.Add(create.Table);
                        break;

                    // A foreign key added to a table created in the same migration goes into its CREATE TABLE.
                    case ConstraintChange { Method: "AddForeignKey" } foreignKey when Created(created, foreignKey.Table):
                        break;

                    case ConstraintChange or AlterColumn or DropColumn:
                        var table = ((TableOperation)operation).Table;
                        if (!rebuilds.Exists(rebuild => rebuild.Table.Equals(table)))
                        {
                            rebuilds.Add((table, (TableOperation)operation));
                        }

                        break;

                    case RenameTable rename:
                        var index = rebuilds.FindIndex(rebuild => rebuild.Table.Equals(rename.Table));
                        if (index >= 0)
                        {
                            rebuilds[index] = (rename.NewTable, rebuilds[index].Cause);
                        }

                        break;
                }
            }

            return rebuilds;
        }

        // EF matches the created table by name only.
        private static bool Created(HashSet<TableKey> created, TableKey table)
        {
            foreach (var candidate in created)
            {
                if (candidate.Name == table.Name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
