using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Usage;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The one checker behind the rules. It replays a history's <c>Up</c> operations once, in order, with what the
    /// provider does beyond them (SQLite's table rebuilds), and judges each operation of an unshipped migration against
    /// the invariant: after it, the database still serves blue (S, the last shipped model) and green (the migration's
    /// target model). Each way to break the invariant is one kind of finding (see <see cref="MigrationChecker"/>).
    /// </summary>
    internal static class CompatibilityChecker
    {
        /// <param name="code">The compilation whose code BG0011 searches for uses of what the migrations remove; null: none.</param>
        /// <param name="target">The configured database server (<c>bluegreen.postgresql_version</c>...); null: the default.</param>
        /// <param name="checkFrom">
        /// The migrations before this index are replayed without being judged: the caller knows their findings already (from
        /// an analysis of the same migrations, in the same order, with the same models, releases and server; see
        /// <c>Rules/CheckMemo</c>). What a migration's findings depend on is everything before it, never after.
        /// </param>
        /// <param name="migrationEnds">When given, receives for each migration the number of findings once it is judged: the
        /// findings of migration i are those from <c>migrationEnds[i - 1]</c> (0 for the first) to <c>migrationEnds[i]</c>;
        /// those after the last are the history's as a whole (BG0100, BG0011).</param>
        public static List<Finding> Check(MigrationHistory history, ReleasePlan releases, Compilation? code, CancellationToken cancellationToken, DatabaseTarget? target = null,
            int checkFrom = 0, List<int>? migrationEnds = null)
        {
            var findings = new List<Finding>();
            var schema = new DatabaseSchema();
            var models = new HistoryModels(history, cancellationToken, target);
            var removals = new Removals();
            var unmapped = new UnmappedColumns(models);
            for (var index = 0; index < history.Migrations.Count; index++)
            {
                var shipped = releases.IsShipped(index);
                var checker = shipped || index < checkFrom ? null : new MigrationChecker(models, index, releases.ShippedModelIndex(index), schema, findings);
                if (checker is not null)
                {
                    LockChecker.Check(models, index, releases.ShippedModelIndex(index), schema, findings);
                }

                // What an unshipped migration removes is recorded whether it is judged or not: BG0011 and BG0100 look at the end.
                Replay(models, index, schema, checker, shipped ? null : removals);
                checker?.CheckModelOnlyRemovals(unmapped);
                checker?.CheckRequirednessInModel(history.Migrations[index].UpOperations(cancellationToken).Operations);
                migrationEnds?.Add(findings.Count);
            }

            if (releases.FromManifest)
            {
                ContractPhase.ReadyToDrop(models, releases, schema, findings, removals, unmapped);
            }

            var gone = removals.Gone(schema);
            if (gone.Count > 0)
            {
                var uses = new List<NameUse>(removals.MigrationUses);
                if (code is not null)
                {
                    uses.AddRange(UsageScanner.Find(code, gone, cancellationToken));
                }

                StillUsed.Report(uses, findings);
            }

            return findings;
        }

        /// <summary>The database after every migration of the history, as the provider leaves it.</summary>
        public static DatabaseSchema Replay(MigrationHistory history, CancellationToken cancellationToken)
        {
            var schema = new DatabaseSchema();
            var models = new HistoryModels(history, cancellationToken);
            for (var index = 0; index < history.Migrations.Count; index++)
            {
                Replay(models, index, schema, checker: null, removals: null);
            }

            return schema;
        }

        /// <summary>One migration's Up, each operation judged (unless shipped) against the state before it, then applied.</summary>
        private static void Replay(HistoryModels models, int index, DatabaseSchema schema, MigrationChecker? checker, Removals? removals)
        {
            models.CancellationToken.ThrowIfCancellationRequested();
            var operations = models.History.Migrations[index].UpOperations(models.CancellationToken).Operations;
            foreach (var operation in operations)
            {
                models.CancellationToken.ThrowIfCancellationRequested();
                checker?.Check(operation, operations);
                if (removals is not null)
                {
                    if (operation is RawSql sql)
                    {
                        removals.CheckSql(sql, index, schema);
                    }

                    removals.Record(models, index, operation, schema);
                }

                schema.Apply(operation);
            }

            if (models.Provider == Provider.Sqlite)
            {
                Rebuild(models, index, operations, schema, checker, removals);
            }
        }

        /// <summary>SQLite's rebuilds: each rebuilt table keeps the columns the migration's target model gives it (see <see cref="SqliteRebuilds"/>).</summary>
        private static void Rebuild(HistoryModels models, int index, IReadOnlyList<SchemaOperation> operations, DatabaseSchema schema, MigrationChecker? checker, Removals? removals)
        {
            var rebuilds = SqliteRebuilds.Of(operations);
            if (rebuilds.Count == 0 || models.After(index) is not { } target)
            {
                return;
            }

            foreach (var (table, cause) in rebuilds)
            {
                // EF skips the rebuild of a table its target model does not have; an uncertain table is left as it is.
                if (target.MapsTable(table) != Mapping.Mapped)
                {
                    continue;
                }

                var kept = new HashSet<string>(target.Columns(table), System.StringComparer.Ordinal);
                kept.UnionWith(target.KeptColumns(table));
                checker?.CheckRebuild(table, cause, kept, operations);
                removals?.RecordRebuild(models, index, table, cause, kept, schema);
                schema.Rebuild(table, kept, column => target.HasDefault(table, column));
            }
        }
    }
}
