using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The models of one history, read on first need only (designers are the bulk of a history's code, and most
    /// checks need none), each from the per-tree cache; the provider the history was scaffolded for, and the server it runs on.
    /// </summary>
    internal sealed class HistoryModels
    {
        private readonly CancellationToken _cancellationToken;
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

        /// <summary>
        /// S, what the release that shipped before the migration at <paramref name="index"/> maps: the target model of the
        /// migration at <paramref name="shippedIndex"/>, and, for a history merged from parallel branches, the tables that
        /// designer lacks only because its branch never saw them. A table counts as merged in when the database has it
        /// before the migration (<paramref name="existingTables"/>), an earlier designer mapped it, and the migration's own
        /// target model maps it still: the designer's silence was a branch's, not a removal. Its columns are those of the
        /// newest earlier designer that maps it. Null when S's designer cannot be read.
        /// </summary>
        public TargetModel? Shipped(int shippedIndex, int index, ICollection<TableKey> existingTables)
        {
            var shipped = After(shippedIndex);
            if (shipped is null || shippedIndex < 0)
            {
                return shipped;
            }

            var green = After(index);
            List<TableKey>? lagging = null;
            foreach (var table in existingTables)
            {
                if (shipped.MapsTable(table) == Mapping.NotMapped && green?.MapsTable(table) == Mapping.Mapped)
                {
                    (lagging ??= new List<TableKey>()).Add(table);
                }
            }

            if (lagging is null)
            {
                return shipped;
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

        /// <summary>
        /// Whether a property may be required in S (the target model of the migration at <paramref name="shippedIndex"/>)
        /// and not in the migration at <paramref name="index"/>'s, or the reverse, while its column is nullable: told from
        /// the designers' text, without reading either model (see <see cref="ModelText.SameOptionalColumnSources"/>). True
        /// when it cannot be told (a designer missing or not indexed). Tables S takes from older designers in a merged history
        /// (<see cref="Shipped"/>) are not compared: their requiredness changing in the same migration is not looked for.
        /// </summary>
        public bool RequirednessMayDiffer(int shippedIndex, int index)
        {
            if (shippedIndex < 0)
            {
                // S is the empty model: nothing maps, nothing is judged against it.
                return false;
            }

            return Text(shippedIndex) is not { } before || Text(index) is not { } after || !before.SameOptionalColumnSources(after);
        }

        /// <summary>
        /// Whether the target model after the migration at <paramref name="index"/> may map <paramref name="column"/> of
        /// <paramref name="table"/>, told from its designer's text (see <see cref="ModelText"/>): false only where the
        /// designer names the table and no statement that could put the column there names it. True without a designer.
        /// </summary>
        public bool MayMapColumn(int index, TableKey table, string column) =>
            index >= 0 && (Text(index) is not { } text || text.ColumnCode(table.Name, column) is not { Count: 0 });

        /// <summary>
        /// Whether the target models after the migrations at <paramref name="first"/> and <paramref name="second"/> certainly
        /// map <paramref name="column"/> of <paramref name="table"/> alike (both, or neither): the designers' statements that
        /// could map it are the same code. False when that cannot be told.
        /// </summary>
        public bool MapAlike(int first, int second, TableKey table, string column)
        {
            if (first < 0 || second < 0 || Text(first) is not { } one || Text(second) is not { } other)
            {
                return false;
            }

            return one.MapAlike(other, table.Name, column);
        }

        private ModelText? Text(int index) =>
            History.Migrations[index].TargetModelMethod is { } method
                ? TreeFacts.Get(method.SyntaxTree, _cancellationToken).ModelText(method, _cancellationToken)
                : null;

        /// <summary>The target model after the migration at <paramref name="index"/>; the empty model before the first; null without a designer.</summary>
        public TargetModel? After(int index) =>
            index < 0 ? TargetModel.Empty : History.Migrations[index].TargetModel(_cancellationToken);
    }
}
