using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>The SQL fixes write into <c>migrationBuilder.Sql</c>, in the provider's dialect.</summary>
    internal static class SqlText
    {
        /// <summary>An identifier quoted for the provider: [x] on SQL Server, backticks on MySQL, the standard "x" elsewhere.</summary>
        public static string Quote(Provider? provider, string identifier) => provider switch
        {
            Provider.SqlServer => "[" + identifier.Replace("]", "]]") + "]",
            Provider.MySql => "`" + identifier.Replace("`", "``") + "`",
            _ => "\"" + identifier.Replace("\"", "\"\"") + "\"",
        };

        /// <summary>A table's name; SQLite has no schemas (EF's SQLite provider drops them).</summary>
        public static string Table(Provider? provider, TableKey table) =>
            table.Schema is null || provider == Provider.Sqlite ? Quote(provider, table.Name) : Quote(provider, table.Schema) + "." + Quote(provider, table.Name);

        /// <summary>The copy of an expand step: the old column's values into the new one (where it has none yet, when <paramref name="onlyMissing"/>).</summary>
        public static string Copy(Provider? provider, TableKey table, string from, string to, bool onlyMissing) =>
            "UPDATE " + Table(provider, table) + " SET " + Quote(provider, to) + " = " + Quote(provider, from)
            + (onlyMissing ? " WHERE " + Quote(provider, to) + " IS NULL" : string.Empty);

        /// <summary>
        /// PostgreSQL: the ADD CONSTRAINT EF's Npgsql provider writes for the constraint (MigrationsSqlGenerator's
        /// ForeignKeyConstraint and CheckConstraint: columns, principal, ON UPDATE before ON DELETE, each only when not NO
        /// ACTION), then NOT VALID: existing rows are not checked. Every name is quoted; Npgsql leaves a lower-case name that
        /// is no keyword bare, which names the same thing.
        /// </summary>
        public static string AddNotValid(AddedConstraint constraint)
        {
            var sql = new StringBuilder("ALTER TABLE ").Append(Table(Provider.Npgsql, constraint.Table))
                .Append(" ADD CONSTRAINT ").Append(Quote(Provider.Npgsql, constraint.Name));
            switch (constraint)
            {
                case AddedCheck check:
                    sql.Append(" CHECK (").Append(check.Sql).Append(')');
                    break;

                case AddedForeignKey foreignKey:
                    sql.Append(" FOREIGN KEY (").Append(Columns(foreignKey.Columns)).Append(") REFERENCES ").Append(Table(Provider.Npgsql, foreignKey.Principal));
                    if (foreignKey.PrincipalColumns is { } principalColumns)
                    {
                        sql.Append(" (").Append(Columns(principalColumns)).Append(')');
                    }

                    if (foreignKey.OnUpdate != ReferentialAction.NoAction)
                    {
                        sql.Append(" ON UPDATE ").Append(Action(foreignKey.OnUpdate));
                    }

                    if (foreignKey.OnDelete != ReferentialAction.NoAction)
                    {
                        sql.Append(" ON DELETE ").Append(Action(foreignKey.OnDelete));
                    }

                    break;
            }

            return sql.Append(" NOT VALID;").ToString();
        }

        /// <summary>PostgreSQL: checks the rows a NOT VALID constraint skipped, under a lock that lets reads and writes go on.</summary>
        public static string Validate(TableKey table, string constraint) =>
            "ALTER TABLE " + Table(Provider.Npgsql, table) + " VALIDATE CONSTRAINT " + Quote(Provider.Npgsql, constraint) + ";";

        private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(column => Quote(Provider.Npgsql, column)));

        private static string Action(ReferentialAction action) => action switch
        {
            ReferentialAction.Restrict => "RESTRICT",
            ReferentialAction.Cascade => "CASCADE",
            ReferentialAction.SetNull => "SET NULL",
            _ => "SET DEFAULT",
        };

        /// <summary>
        /// PostgreSQL: a trigger that keeps a renamed column's old and new copies equal while both versions run. Blue
        /// writes the old column only (the new one is NULL in its inserts), green the new one only; an update of either
        /// carries over to the other. The new column is added without a default, so a NULL in it always means "blue wrote
        /// this row".
        /// </summary>
        public static string CreateSyncTrigger(TableKey table, string oldColumn, string newColumn)
        {
            var name = SyncTriggerName(table, oldColumn, newColumn);
            string New(string column) => "NEW." + Quote(Provider.Npgsql, column);
            string Old(string column) => "OLD." + Quote(Provider.Npgsql, column);
            return new StringBuilder()
                .Append("CREATE FUNCTION ").Append(Function(table, name)).Append("() RETURNS trigger LANGUAGE plpgsql AS $$\n")
                .Append("BEGIN\n")
                .Append("    IF TG_OP = 'INSERT' THEN\n")
                .Append("        IF ").Append(New(newColumn)).Append(" IS NULL THEN ").Append(New(newColumn)).Append(" := ").Append(New(oldColumn))
                .Append("; ELSE ").Append(New(oldColumn)).Append(" := ").Append(New(newColumn)).Append("; END IF;\n")
                .Append("    ELSIF ").Append(New(oldColumn)).Append(" IS DISTINCT FROM ").Append(Old(oldColumn)).Append(" THEN\n")
                .Append("        ").Append(New(newColumn)).Append(" := ").Append(New(oldColumn)).Append(";\n")
                .Append("    ELSIF ").Append(New(newColumn)).Append(" IS DISTINCT FROM ").Append(Old(newColumn)).Append(" THEN\n")
                .Append("        ").Append(New(oldColumn)).Append(" := ").Append(New(newColumn)).Append(";\n")
                .Append("    END IF;\n")
                .Append("    RETURN NEW;\n")
                .Append("END $$;\n")
                .Append("CREATE TRIGGER ").Append(Quote(Provider.Npgsql, name)).Append(" BEFORE INSERT OR UPDATE ON ").Append(Table(Provider.Npgsql, table))
                .Append(" FOR EACH ROW EXECUTE FUNCTION ").Append(Function(table, name)).Append("();")
                .ToString();
        }

        /// <summary>Drops the sync trigger and its function; IF EXISTS, so the contract step also runs where none was made.</summary>
        public static string DropSyncTrigger(TableKey table, string oldColumn, string newColumn)
        {
            var name = SyncTriggerName(table, oldColumn, newColumn);
            return "DROP TRIGGER IF EXISTS " + Quote(Provider.Npgsql, name) + " ON " + Table(Provider.Npgsql, table) + ";\n"
                + "DROP FUNCTION IF EXISTS " + Function(table, name) + "();";
        }

        private static string Function(TableKey table, string name) =>
            table.Schema is null ? Quote(Provider.Npgsql, name) : Quote(Provider.Npgsql, table.Schema) + "." + Quote(Provider.Npgsql, name);

        /// <summary>One name for the trigger and its function, the same for the expand and the contract step; PostgreSQL keeps 63 bytes of a name.</summary>
        private static string SyncTriggerName(TableKey table, string oldColumn, string newColumn)
        {
            var name = "bluegreen_sync_" + table.Name + "_" + oldColumn + "_" + newColumn;
            if (Encoding.UTF8.GetByteCount(name) <= 63)
            {
                return name;
            }

            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(name));
            return "bluegreen_sync_" + BitConverter.ToString(hash, 0, 8).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
