using System;
using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Truth.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlueGreen.Analyzers.Truth.Oracle
{
    /// <summary>What a real database says of one migration: the statements that failed and the NULLs read where a version requires a value.</summary>
    internal sealed class Verdict
    {
        public Verdict(string migrationId, IReadOnlyList<string> breaks)
        {
            MigrationId = migrationId;
            Breaks = breaks;
        }

        public string MigrationId { get; }

        public IReadOnlyList<string> Breaks { get; }

        public bool Broken => Breaks.Count > 0;

        public override string ToString() => MigrationId + (Broken ? ": " + string.Join("; ", Breaks) : ": no break");
    }

    /// <summary>
    /// The judge of the blue/green invariant. For migration M, on a fresh real database: EF's migrator applies the history
    /// up to the last shipped migration; blue (the model S it leaves) writes and reads; the migrator applies M (and the
    /// unshipped ones before it); then blue writes again, green (M's target model) writes, and each reads everything,
    /// the other version's rows included. M breaks the invariant exactly when a statement fails or a required value
    /// reads NULL.
    /// </summary>
    internal static class TruthOracle
    {
        /// <param name="shippedIndex">The index of the last shipped migration (S); -1 when nothing shipped.</param>
        public static Verdict Judge(CompiledHistory history, int index, int shippedIndex, DatabaseProvider provider)
        {
            using var database = TestDatabase.Create(provider);
            return Judge(history, index, shippedIndex, database);
        }

        public static Verdict Judge(CompiledHistory history, int index, int shippedIndex, TestDatabase database)
        {
            var id = history.Migrations[index];
            using var context = history.CreateContext(database);
            var migrator = context.GetService<IMigrator>();
            Workload? blue = null;

            // What already fails before M (an earlier migration's break, still there) is not M's doing.
            var inherited = new HashSet<string>(StringComparer.Ordinal);
            if (shippedIndex >= 0)
            {
                migrator.Migrate(history.Migrations[shippedIndex]);
                blue = new Workload("blue", history.TargetModel(context, history.Migrations[shippedIndex]), database);
                inherited.UnionWith(blue.Insert().Concat(blue.Read()).Select(failure => failure.Key));
            }

            var breaks = new List<string>();
            try
            {
                if (index - 1 > shippedIndex)
                {
                    // The unshipped migrations before M ship with it.
                    migrator.Migrate(history.Migrations[index - 1]);
                }

                migrator.Migrate(id);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
            {
                breaks.Add("the migration fails: " + exception.Message.Split('\n')[0].Trim());
                return new Verdict(id, breaks);
            }

            var green = new Workload("green", history.TargetModel(context, id), database);
            var failures = new List<Failure>();
            failures.AddRange(blue?.Insert() ?? new List<Failure>());
            failures.AddRange(green.Insert());
            failures.AddRange(blue?.Read() ?? new List<Failure>());
            failures.AddRange(green.Read());
            breaks.AddRange(failures.Where(failure => !inherited.Contains(failure.Key)).Select(failure => failure.Message));
            return new Verdict(id, breaks);
        }

        /// <summary>
        /// The differences between the database (after <see cref="Judge(CompiledHistory, int, int, TestDatabase)"/> applied
        /// everything up to a migration) and the tables and columns that migration's target model maps: empty when the
        /// history reached the schema the new version expects.
        /// </summary>
        public static List<string> SchemaMismatches(CompiledHistory history, string migrationId, TestDatabase database)
        {
            using var context = history.CreateContext(database);
            var expected = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var table in history.TargetModel(context, migrationId).GetRelationalModel().Tables.Where(table => !table.IsExcludedFromMigrations))
            {
                var name = database.Provider == DatabaseProvider.Postgres && table.Schema is { } schema && schema != "public" ? schema + "." + table.Name : table.Name;
                // A column only a designer keeps (for SQLite's rebuilds) is not the new version's: it is still to be dropped.
                expected[name] = new SortedSet<string>(
                    table.Columns.Where(column => column.PropertyMappings.Count == 0 || column.PropertyMappings.Any(mapping => mapping.Property.FindAnnotation(Workload.KeptInDatabase) is null)).Select(column => column.Name),
                    StringComparer.Ordinal);
            }

            var actual = database.Columns();
            var mismatches = new List<string>();
            foreach (var name in expected.Keys.Union(actual.Keys).Distinct().OrderBy(name => name, StringComparer.Ordinal))
            {
                var want = expected.TryGetValue(name, out var columns) ? columns : new SortedSet<string>();
                var have = actual.TryGetValue(name, out var existing) ? existing : new SortedSet<string>();
                foreach (var column in want.Except(have))
                {
                    mismatches.Add($"{name}.{column}: mapped by the model, not in the database");
                }

                foreach (var column in have.Except(want))
                {
                    mismatches.Add($"{name}.{column}: in the database, not mapped by the model");
                }
            }

            return mismatches;
        }

        /// <summary>Every migration of a history, each its own release (the analyzer's default mode: everything before M has shipped).</summary>
        public static List<Verdict> JudgeEach(CompiledHistory history, DatabaseProvider provider) =>
            Enumerable.Range(0, history.Migrations.Count).Select(index => Judge(history, index, index - 1, provider)).ToList();
    }
}
