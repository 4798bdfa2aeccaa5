using System.Collections.Generic;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// The columns of the tables one history's models place, kept once per distinct content. A designer's table placed as
    /// the last designer's table of that name was (the same columns in the same order, alike in all they say) takes that
    /// collection, and the one it was placed into is cleared and placed into again for the next table: most tables of most
    /// designers are unchanged, and a collection per table per designer was the largest part of what reading models kept.
    /// Lives as long as the history's <see cref="EntityDefinitions"/>; placed collections are never changed once kept.
    /// </summary>
    internal sealed class PlacedTables
    {
        private readonly object _gate = new object();
        private readonly Dictionary<TableKey, Dictionary<string, MappedColumn>> _last = new Dictionary<TableKey, Dictionary<string, MappedColumn>>();
        private readonly Stack<Dictionary<string, MappedColumn>> _spare = new Stack<Dictionary<string, MappedColumn>>();

        /// <summary>An empty collection to place a table's columns into, then give to <see cref="Keep"/>.</summary>
        public Dictionary<string, MappedColumn> Rent(int capacity)
        {
            lock (_gate)
            {
                if (_spare.Count > 0)
                {
                    return _spare.Pop();
                }
            }

            return new Dictionary<string, MappedColumn>(capacity, System.StringComparer.Ordinal);
        }

        /// <summary>The collection the model keeps for <paramref name="table"/>: the last one kept for it if <paramref name="placed"/> is alike.</summary>
        public Dictionary<string, MappedColumn> Keep(TableKey table, Dictionary<string, MappedColumn> placed)
        {
            lock (_gate)
            {
                if (_last.TryGetValue(table, out var last) && Alike(last, placed))
                {
                    placed.Clear();
                    _spare.Push(placed);
                    return last;
                }

                _last[table] = placed;
                return placed;
            }
        }

        // In order: a model's columns are enumerated in the order they were placed, and what is derived from them (the order
        // of findings) must not depend on which designer's collection is kept.
        private static bool Alike(Dictionary<string, MappedColumn> left, Dictionary<string, MappedColumn> right)
        {
            if (left.Count != right.Count)
            {
                return false;
            }

            using var rightColumns = right.GetEnumerator();
            foreach (var pair in left)
            {
                if (!rightColumns.MoveNext()
                    || !string.Equals(pair.Key, rightColumns.Current.Key, System.StringComparison.Ordinal)
                    || !pair.Value.IsAlike(rightColumns.Current.Value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
