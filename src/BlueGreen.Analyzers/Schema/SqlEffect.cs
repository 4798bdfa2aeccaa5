using System;
using System.Collections.Generic;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>A change raw SQL makes to a table or column, as the SQL names them.</summary>
    internal abstract record SqlEffect(string? Schema, string Table)
    {
        /// <summary>Whether the SQL's name denotes <paramref name="table"/>: unquoted SQL names ignore case, a missing schema is the default one.</summary>
        public bool Names(TableKey table) =>
            string.Equals(Table, table.Name, StringComparison.OrdinalIgnoreCase)
            && (Schema is null || table.Schema is null || string.Equals(Schema, table.Schema, StringComparison.OrdinalIgnoreCase));
    }

    internal sealed record SqlDropTable(string? Schema, string Table) : SqlEffect(Schema, Table);

    /// <param name="NewName">Null when the SQL names it in a way the reader does not follow.</param>
    internal sealed record SqlRenameTable(string? Schema, string Table, string? NewName) : SqlEffect(Schema, Table);

    internal sealed record SqlDropColumn(string? Schema, string Table, string Column) : SqlEffect(Schema, Table);

    internal sealed record SqlRenameColumn(string? Schema, string Table, string Column, string NewName) : SqlEffect(Schema, Table);

    /// <summary><c>CREATE TABLE t (c1 ..., c2 ..., CONSTRAINT ...)</c>: the new table's columns (null when the list cannot be read).</summary>
    internal sealed record SqlCreateTable(string? Schema, string Table, IReadOnlyList<string>? Columns) : SqlEffect(Schema, Table);

    /// <summary>
    /// A table rebuilt by hand, as SQLite needs for most changes (<c>CREATE TABLE t_new (...)</c>, copy, <c>DROP TABLE t</c>,
    /// <c>ALTER TABLE t_new RENAME TO t</c>): the table stays, with only <paramref name="Columns"/>; the others are dropped.
    /// </summary>
    internal sealed record SqlRebuildTable(string? Schema, string Table, IReadOnlyList<string> Columns) : SqlEffect(Schema, Table)
    {
        public bool Keeps(string column)
        {
            foreach (var kept in Columns)
            {
                if (string.Equals(kept, column, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary><c>UPDATE t SET new = old</c>: values copied from one column into another (an expand step).</summary>
    internal sealed record SqlCopy(string? Schema, string Table, string From, string To) : SqlEffect(Schema, Table);

    /// <summary>Hand-written SQLite rebuilds, which span several statements (and often several <c>Sql</c> calls).</summary>
    internal static class SqlRebuilds
    {
        /// <summary>
        /// Finds the hand-written rebuilds among a migration's SQL effects, in order: a table created, the old table dropped,
        /// the new one renamed to the old name. Each becomes one <see cref="SqlRebuildTable"/> where the rename was; a
        /// pattern not complete is left as it is.
        /// </summary>
        public static List<List<SqlEffect>> Collapse(List<List<SqlEffect>> statements)
        {
            var created = new Dictionary<string, (int Statement, SqlCreateTable Effect)>(StringComparer.OrdinalIgnoreCase);
            var dropped = new Dictionary<string, (int Statement, SqlDropTable Effect)>(StringComparer.OrdinalIgnoreCase);
            var result = new List<List<SqlEffect>>();
            foreach (var effects in statements)
            {
                result.Add(new List<SqlEffect>(effects));
            }

            for (var i = 0; i < result.Count; i++)
            {
                foreach (var effect in new List<SqlEffect>(result[i]))
                {
                    switch (effect)
                    {
                        case SqlCreateTable { Columns: not null } create:
                            created[create.Table] = (i, create);
                            break;
                        case SqlDropTable drop:
                            dropped[drop.Table] = (i, drop);
                            break;
                        case SqlRenameTable { NewName: { } newName } rename
                            when created.TryGetValue(rename.Table, out var made) && dropped.TryGetValue(newName, out var old) && made.Effect.Columns is { } columns:
                            result[made.Statement].Remove(made.Effect);
                            result[old.Statement].Remove(old.Effect);
                            result[i][result[i].IndexOf(rename)] = new SqlRebuildTable(old.Effect.Schema, newName, columns);
                            created.Remove(rename.Table);
                            dropped.Remove(newName);
                            break;
                    }
                }
            }

            return result;
        }
    }
}
