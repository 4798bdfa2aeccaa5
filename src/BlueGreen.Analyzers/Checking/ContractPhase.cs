using System;
using System.Collections.Generic;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// BG0100, the contract step: columns and tables that a shipped migration removed from the model (seen
    /// mapped before it and not after it, and the snapshot agrees) and that the replayed database still has.
    /// Only with a manifest: without one, nothing says the removal has been deployed, and dropping too early
    /// is exactly the mistake this analyzer exists to prevent.
    /// </summary>
    internal static class ContractPhase
    {
        /// <param name="unmapped">The replayed columns the snapshot does not map: no other column can be ready to drop.</param>
        public static void ReadyToDrop(HistoryModels models, ReleasePlan releases, DatabaseSchema schema, List<Finding> findings, Removals removals, UnmappedColumns unmapped)
        {
            if (models.Current is not { } current || ContextLocation(models) is not { } location)
            {
                return;
            }

            // Only what the database still has and the snapshot does not map can be dropped: without it, no designer is read.
            var candidates = unmapped.All(schema);
            foreach (var table in schema.Tables)
            {
                if (current.MapsTable(table) == Mapping.NotMapped && !candidates.ContainsKey(table))
                {
                    candidates.Add(table, new List<string>());
                }
            }

            if (candidates.Count == 0)
            {
                return;
            }

            // Whether a migration from this one on has an Up the reader could not follow whole: it may have dropped what the
            // replay still has, and a drop offered for it would fail.
            var incompleteFrom = new bool[models.History.Migrations.Count + 1];
            for (var index = models.History.Migrations.Count - 1; index >= 0; index--)
            {
                incompleteFrom[index] = incompleteFrom[index + 1] || !models.History.Migrations[index].UpOperations(models.CancellationToken).IsComplete;
            }

            var reported = new HashSet<(TableKey, string?)>();
            var newest = models.History.Migrations.Count - 1;
            var dropInto = newest > releases.LastShipped && models.History.Migrations[newest] is { Up.Body: not null, Down.Body: not null } unshipped ? unshipped : null;
            void Add(ReadyToDrop ready, int removedBy)
            {
                findings.Add(ready);
                removals.RecordReady(models, removedBy, ready);
            }

            for (var index = 0; index <= releases.LastShipped; index++)
            {
                models.CancellationToken.ThrowIfCancellationRequested();
                if (models.After(index - 1) is not { } before || models.After(index) is not { } after)
                {
                    continue;
                }

                var migration = models.History.Migrations[index];
                if (incompleteFrom[index])
                {
                    continue;
                }

                foreach (var table in before.Tables)
                {
                    if (!candidates.ContainsKey(table))
                    {
                        continue;
                    }

                    if (after.MapsTable(table) == Mapping.NotMapped && current.MapsTable(table) == Mapping.NotMapped)
                    {
                        if (schema.HasTable(table) && reported.Add((table, null)))
                        {
                            Add(new ReadyToDrop(location, models.History, migration, table, null, null, null, false, models.Provider, dropInto), index);
                        }

                        continue;
                    }

                    foreach (var column in before.Columns(table))
                    {
                        if (after.Maps(table, column) == Mapping.NotMapped
                            && current.Maps(table, column) == Mapping.NotMapped
                            && schema.Column(table, column) is { } definition
                            && reported.Add((table, column)))
                        {
                            var copyTo = CopyTarget(models, migration, table, column);
                            var requireCopy = copyTo is not null && schema.Column(table, copyTo)?.Nullable == true && current.IsNullable(table, copyTo) == false;
                            Add(new ReadyToDrop(location, models.History, migration, table, column, definition, copyTo, requireCopy, models.Provider, dropInto), index);
                        }
                    }
                }
            }
        }

        /// <summary>The column an expand step copied this one into (<c>UPDATE t SET new = old</c>): rows the old version wrote since are copied again before the drop.</summary>
        private static string? CopyTarget(HistoryModels models, History.MigrationEntry migration, TableKey table, string column)
        {
            string? copyTo = null;
            foreach (var operation in migration.UpOperations(models.CancellationToken).Operations)
            {
                if (operation is RawSql sql)
                {
                    foreach (var effect in sql.Effects)
                    {
                        if (effect is SqlCopy copy && copy.Names(table) && string.Equals(copy.From, column, StringComparison.OrdinalIgnoreCase))
                        {
                            copyTo = copy.To;
                        }
                    }
                }
            }

            return copyTo;
        }

        /// <summary>Where a developer looks for the context: its class declaration; else the model snapshot's.</summary>
        private static Location? ContextLocation(HistoryModels models)
        {
            foreach (var reference in models.History.Context.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(models.CancellationToken) is ClassDeclarationSyntax declaration)
                {
                    return declaration.Identifier.GetLocation();
                }
            }

            return (models.History.SnapshotModelMethod?.Parent as ClassDeclarationSyntax)?.Identifier.GetLocation();
        }
    }
}
