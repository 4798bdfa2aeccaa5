using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The models of one history, read on first need only (designers are the bulk of a history's code, and most
    /// checks need none), each from the per-tree cache; and the provider the history was scaffolded for.
    /// </summary>
    internal sealed class HistoryModels
    {
        private readonly CancellationToken _cancellationToken;
        private bool _currentRead;
        private TargetModel? _current;
        private bool _providerRead;
        private Provider? _provider;

        public HistoryModels(MigrationHistory history, CancellationToken cancellationToken)
        {
            History = history;
            _cancellationToken = cancellationToken;
        }

        public MigrationHistory History { get; }

        public CancellationToken CancellationToken => _cancellationToken;

        /// <summary>The snapshot's model: what the code maps now. Null without a snapshot.</summary>
        public TargetModel? Current
        {
            get
            {
                if (!_currentRead)
                {
                    _current = History.CurrentModel(_cancellationToken);
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

        /// <summary>The target model after the migration at <paramref name="index"/>; the empty model before the first; null without a designer.</summary>
        public TargetModel? After(int index) =>
            index < 0 ? TargetModel.Empty : History.Migrations[index].TargetModel(_cancellationToken);
    }
}
