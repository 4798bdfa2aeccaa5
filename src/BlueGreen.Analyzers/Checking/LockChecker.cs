using System;
using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using BlueGreen.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The locks and rewrites of one unshipped migration (BG0201 to BG0208): what the database does, beyond the change
    /// itself, to a table that already holds rows the running version reads and writes, while the migration runs. No model
    /// is needed: a lock stalls whichever version uses the table. Only the provider's rules that are certain count
    /// (PostgreSQL's, for the configured version; a transaction's row and table locks on SQL Server too, and its offline
    /// index builds where the configured edition can build online; EF's migrator's everywhere), and only on tables that
    /// existed before the release: a table created in it is empty and unknown to the running version.
    /// </summary>
    internal static partial class LockChecker
    {
        /// <param name="shippedIndex">The last shipped migration: tables created after it are new in this release.</param>
        /// <param name="schema">The database as the migrations before this one leave it.</param>
        public static void Check(HistoryModels models, int index, int shippedIndex, DatabaseSchema schema, List<Finding> findings)
        {
            var cancellationToken = models.CancellationToken;
            var migration = models.History.Migrations[index];
            var operations = migration.UpOperations(cancellationToken).Operations;
            var postgres = models.Provider == Provider.Npgsql;
            CheckNonTransactional(migration, operations, postgres, findings);

            // BG0207's locks are SQL Server's too; SQLite lets one writer at a time into the whole database, whatever runs.
            if (!postgres && models.Provider != Provider.SqlServer)
            {
                return;
            }

            var tables = new ExistingTables(schema);
            for (var earlier = shippedIndex + 1; earlier < index; earlier++)
            {
                foreach (var operation in models.History.Migrations[earlier].UpOperations(cancellationToken).Operations)
                {
                    tables.Follow(operation, inThisMigration: false);
                }
            }

            var backfills = new List<Finding>();
            var locksExisting = false;
            var timeout = TimeoutScope.None;
            // lock_timeout exists since PostgreSQL 9.3: on an older server there is nothing to set.
            var timeoutChecked = !postgres || !models.Target.PostgresHasLockTimeout;
            for (var position = 0; position < operations.Count; position++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = operations[position];
                if (!timeoutChecked && timeout == TimeoutScope.None && operation is TableOperation { Table: var locked } && TakesBlockingLock(operation) && tables.HoldRows(locked))
                {
                    timeoutChecked = true;
                    findings.Add(new LockTimeoutMissing(migration, operation.Syntax.GetLocation(), locked,
                        operation is ConstraintChange change ? change.Method : operation.GetType().Name, operations.Any(RunsOutsideTransaction)));
                }

                if (!timeoutChecked)
                {
                    timeout = After(operation, timeout);
                }

                if (operation is RawSql { SuppressTransaction: false } raw)
                {
                    var references = SqlReferences.Read(raw.Tokens);
                    // DDL in raw SQL (ALTER TABLE t ...) on a table that holds rows is a schema change too.
                    locksExisting |= references.Statements.Any(statement =>
                        statement.IsDefinition && statement.Tables.Any(name => tables.Denoted(name, models.Provider) is not null));
                    CheckBackfill(migration, raw, references, tables, models.Provider, backfills);
                }

                if (operation is TableOperation { Table: var table } && tables.HoldRows(table))
                {
                    // What holds a lock on a table with rows until the migration commits (a concurrent index runs outside it).
                    locksExisting |= operation is not CreateIndex { Concurrently: true };
                    if (postgres)
                    {
                        CheckPostgres(models, index, position, operation, table, findings);
                    }
                    else if (operation is CreateIndex { Online: false } create && models.Target.SqlServerBuildsOnline)
                    {
                        // BG0201 on SQL Server, opt-in: only the editions .editorconfig names can build it with ONLINE = ON.
                        findings.Add(new IndexBuiltUnderLock(migration, create.Syntax.GetLocation(), table, create.Name, Provider.SqlServer));
                    }
                }

                tables.Follow(operation, inThisMigration: true);
            }

            // A backfill alone in its migration holds only its own row locks; beside a schema change it runs while that
            // change's lock is held (or holds its rows while the change waits), all in one transaction.
            if (locksExisting)
            {
                findings.AddRange(backfills);
            }
        }

        /// <summary>Where a lock_timeout set so far holds (BG0208).</summary>
        private enum TimeoutScope
        {
            None,

            /// <summary>SET LOCAL: until the transaction the migration runs in commits.</summary>
            Transaction,

            /// <summary>A plain SET: for the rest of the connection's session.</summary>
            Session,
        }

        /// <summary>
        /// What EF's Npgsql provider makes PostgreSQL lock in a mode that blocks the running version's writes (SHARE: an index
        /// built without CONCURRENTLY) or reads too (ACCESS EXCLUSIVE: ALTER TABLE, DROP TABLE), so that, waiting for it,
        /// the operation makes every later query on the table wait. AlterTable (comments, storage options) is left out:
        /// its locks depend on what it alters.
        /// </summary>
        private static bool TakesBlockingLock(SchemaOperation operation) => operation switch
        {
            CreateIndex create => create.Concurrently == false,
            ConstraintChange change => change.Method != "AlterTable",
            AddColumn or DropColumn or AlterColumn or RenameColumn or RenameTable or DropTable => true,
            _ => false,
        };

        /// <summary>An operation EF's migrator runs outside the migration's transaction, committing it first.</summary>
        private static bool RunsOutsideTransaction(SchemaOperation operation) =>
            operation is CreateIndex { Concurrently: true } or RawSql { SuppressTransaction: true };

        /// <summary>The lock_timeout in force after an operation (BG0208): raw SQL may set or reset it.</summary>
        private static TimeoutScope After(SchemaOperation operation, TimeoutScope scope)
        {
            // EF commits the migration's transaction before an operation it runs outside one: a SET LOCAL ends there.
            var outside = RunsOutsideTransaction(operation);
            if (outside && scope == TimeoutScope.Transaction)
            {
                scope = TimeoutScope.None;
            }

            if (operation is RawSql sql)
            {
                foreach (var change in LockTimeouts.Changes(sql.Tokens))
                {
                    scope = change switch
                    {
                        LockTimeoutChange.Reset => TimeoutScope.None,
                        LockTimeoutChange.Session => TimeoutScope.Session,

                        // Outside a transaction block SET LOCAL does nothing (PostgreSQL only warns).
                        _ => outside ? scope : scope == TimeoutScope.Session ? TimeoutScope.Session : TimeoutScope.Transaction,
                    };
                }
            }

            return scope;
        }

        /// <summary>
        /// BG0207: an UPDATE or a DELETE of every row (no WHERE, JOIN, USING, TOP or LIMIT) of a table that holds rows, in
        /// SQL the migration runs in its transaction: every row stays locked until the migration commits.
        /// </summary>
        private static void CheckBackfill(MigrationEntry migration, RawSql sql, SqlReferences references, ExistingTables tables, Provider? provider, List<Finding> backfills)
        {
            foreach (var statement in references.Statements)
            {
                if (statement is { IsDefinition: false, IsRestricted: false, Target: { } target, Verb: "UPDATE" or "DELETE" }
                    && tables.Denoted(target, provider) is { } table)
                {
                    backfills.Add(new WholeTableWrite(migration, sql.Syntax.GetLocation(), table, statement.Verb));
                }
            }
        }

        /// <summary>
        /// BG0202: an operation EF's migrator runs outside the migration's transaction (it commits, runs it, and starts a new
        /// one), in a migration with other operations: a failure leaves the migration half applied. EF 9 and later log the
        /// same warning when they run it (more than one operation, one of them non-transactional).
        /// </summary>
        private static void CheckNonTransactional(MigrationEntry migration, IReadOnlyList<SchemaOperation> operations, bool postgres, List<Finding> findings)
        {
            // Each call Up makes is one operation at least (a helper method it calls may hold several).
            var count = migration.Up?.ExpressionBody is not null ? 1 : 0;
            foreach (var statement in migration.Up?.Body?.Statements ?? default)
            {
                if (Invocations.StatementExpression(statement) is InvocationExpressionSyntax)
                {
                    count++;
                }
            }

            if (count < 2)
            {
                return;
            }

            foreach (var operation in operations)
            {
                switch (operation)
                {
                    // Npgsql ends CREATE INDEX CONCURRENTLY with suppressTransaction: PostgreSQL refuses it in a transaction.
                    case CreateIndex { Concurrently: true } create when postgres:
                        findings.Add(new NonTransactionalMixed(migration, create.Syntax.GetLocation(), create.Table, create.Name, count - 1));
                        break;

                    case RawSql { SuppressTransaction: true } sql:
                        findings.Add(new NonTransactionalMixed(migration, sql.Syntax.GetLocation(), null, null, count - 1));
                        break;
                }
            }
        }

        /// <summary>A string argument of an operation, folded; null when absent or not a constant.</summary>
        private static string? Text(SchemaOperation operation, string parameter) =>
            OperationReader.Argument(operation, parameter) is { } expression && Arguments.Fold(expression) is { IsKnown: true, Value: { } text } ? text : null;

        /// <summary>The tables that hold rows when an operation runs: known before this migration, not created in this release.</summary>
        private sealed class ExistingTables
        {
            // The schema before the migration, until the migration's own operations change its tables: most migrations
            // create, rename or drop none, and copying every table for each of them is most of what this class would cost.
            private readonly DatabaseSchema _schema;
            private readonly HashSet<TableKey> _created = new HashSet<TableKey>();
            private HashSet<TableKey>? _known;

            public ExistingTables(DatabaseSchema schema)
            {
                _schema = schema;
            }

            private IEnumerable<TableKey> Known => _known ?? _schema.Tables;

            private HashSet<TableKey> KnownToChange => _known ??= new HashSet<TableKey>(_schema.Tables);

            public bool HoldRows(TableKey table) => (_known?.Contains(table) ?? _schema.HasTable(table)) && !_created.Contains(table);

            /// <summary>The one table holding rows that a SQL name denotes; null when none does, or more than one might.</summary>
            public TableKey? Denoted(SqlName name, Provider? provider)
            {
                TableKey? found = null;
                foreach (var table in Known)
                {
                    if (name.Is(table, provider))
                    {
                        if (found is not null)
                        {
                            return null;
                        }

                        found = table;
                    }
                }

                return found is { } one && HoldRows(one) ? one : null;
            }

            /// <summary>Follows creations, renames and drops; the schema already holds those of earlier migrations.</summary>
            public void Follow(SchemaOperation operation, bool inThisMigration)
            {
                switch (operation)
                {
                    case CreateTable create:
                        _created.Add(create.Table);
                        if (inThisMigration)
                        {
                            KnownToChange.Add(create.Table);
                        }

                        break;

                    case RenameTable rename:
                        if (_created.Remove(rename.Table))
                        {
                            _created.Add(rename.NewTable);
                        }

                        if (inThisMigration && KnownToChange.Remove(rename.Table))
                        {
                            KnownToChange.Add(rename.NewTable);
                        }

                        break;

                    case DropTable drop:
                        _created.Remove(drop.Table);
                        if (inThisMigration)
                        {
                            KnownToChange.Remove(drop.Table);
                        }

                        break;
                }
            }
        }
    }
}
