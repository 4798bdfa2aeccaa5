using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The models of one history, read on first need only (designers are the bulk of a history's code, and most
    /// checks need none), each from the per-tree cache; the provider the history was scaffolded for, and the server it runs on.
    /// </summary>
    internal sealed class HistoryModels
    {
        private readonly CancellationToken _cancellationToken;

        // Designers repeat the whole model: an entity configured by the same code as in a designer already read is not read again.
        private readonly EntityDefinitions _entities = new EntityDefinitions();
        private bool _currentRead;
        private TargetModel? _current;
        private bool _providerRead;
        private Provider? _provider;

        public HistoryModels(MigrationHistory history, CancellationToken cancellationToken, DatabaseTarget? target = null)
        {
            History = history;
            _cancellationToken = cancellationToken;
            Target = target ?? DatabaseTarget.Default;
        }

        public MigrationHistory History { get; }

        /// <summary>The server the history's migrations run on, as configured (what the lock rules may assume it can do).</summary>
        public DatabaseTarget Target { get; }

        public CancellationToken CancellationToken => _cancellationToken;

        /// <summary>The snapshot's model: what the code maps now. Null without a snapshot.</summary>
        public TargetModel? Current
        {
            get
            {
                if (!_currentRead)
                {
                    _current = History.CurrentModel(_cancellationToken, _entities);
                    _currentRead = true;
                }

                return _current;
            }
        }

        /// <summary>The database provider the snapshot (else the newest designer) was written for; null when nothing tells.</summary>
        public Provider? Provider
        {
            get
            {
                if (!_providerRead)
                {
                    _provider = History.Provider(_cancellationToken);
                    _providerRead = true;
                }

                return _provider;
            }
        }

        /// <summary>
        /// S, what the release that shipped before the migration at <paramref name="index"/> maps: the target model of the
        /// migration at <paramref name="shippedIndex"/>, and, for a history merged from parallel branches, the tables that
        /// designer lacks only because its branch never saw them. A table counts as merged in when the database had it
        /// before the migration (<paramref name="schema"/>'s tables at its mark), an earlier designer mapped it, and the
        /// migration's own target model maps it still: the designer's silence was a branch's, not a removal. Its columns
        /// are those of the newest earlier designer that maps it. Null when S's designer cannot be read.
        /// </summary>
        public TargetModel? Shipped(int shippedIndex, int index, DatabaseSchema schema)
        {
            var shipped = After(shippedIndex);
            if (shipped is null || shippedIndex < 0 || After(index) is not { } green)
            {
                return shipped;
            }

            List<TableKey>? lagging = null;
            foreach (var table in green.ComparedWith(shipped).TablesOnlyInGreen)
            {
                if (schema.HadTableAtMark(table))
                {
                    (lagging ??= new List<TableKey>()).Add(table);
                }
            }

            if (lagging is null)
            {
                return shipped;
            }

            if (lagging.Count > 1)
            {
                // In the order the database lists its tables: the merged model lists them so, and what walks its tables (the
                // raw SQL checks) reports in that order.
                var found = new HashSet<TableKey>(lagging);
                lagging.Clear();
                foreach (var table in schema.TablesAtMark)
                {
                    if (found.Contains(table))
                    {
                        lagging.Add(table);
                    }
                }
            }

            var merged = shipped;
            foreach (var table in lagging)
            {
                for (var earlier = shippedIndex - 1; earlier >= 0; earlier--)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (After(earlier) is { } model && model.MapsTable(table) == Mapping.Mapped)
                    {
                        merged = merged.WithTablesOf(model, new[] { table });
                        break;
                    }
                }
            }

            return merged;
        }

        /// <summary>The target model after the migration at <paramref name="index"/>; the empty model before the first; null without a designer.</summary>
        public TargetModel? After(int index) =>
            index < 0 ? TargetModel.Empty : History.Migrations[index].TargetModel(_cancellationToken, _entities);
    }
}
