using System.Collections.Generic;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Model
{
    internal enum Mapping
    {
        NotMapped,
        Mapped,

        /// <summary>The reader met a shape it cannot place: never treated as a removal, never as a use.</summary>
        Unknown,
    }

    /// <summary>The columns an EF model maps, table by table, as read from a designer or snapshot.</summary>
    internal sealed class TargetModel
    {
        public static readonly TargetModel Empty = new TargetModel(
            new Dictionary<TableKey, HashSet<string>>(), new HashSet<TableKey>(), hasUnplacedEntities: false);

        private readonly IReadOnlyDictionary<TableKey, HashSet<string>> _tables;
        private readonly HashSet<TableKey> _uncertainTables;

        public TargetModel(IReadOnlyDictionary<TableKey, HashSet<string>> tables, HashSet<TableKey> uncertainTables, bool hasUnplacedEntities)
        {
            _tables = tables;
            _uncertainTables = uncertainTables;
            HasUnplacedEntities = hasUnplacedEntities;
        }

        /// <summary>Some entity's table could not be determined, so "not mapped" cannot be concluded anywhere.</summary>
        public bool HasUnplacedEntities { get; }

        public IEnumerable<TableKey> Tables => _tables.Keys;

        public IEnumerable<string> Columns(TableKey table) =>
            _tables.TryGetValue(table, out var columns) ? columns : (IEnumerable<string>)System.Array.Empty<string>();

        /// <summary>Whether any entity maps to the table.</summary>
        public Mapping MapsTable(TableKey table)
        {
            if (_uncertainTables.Contains(table))
            {
                return Mapping.Unknown;
            }

            if (_tables.ContainsKey(table))
            {
                return Mapping.Mapped;
            }

            return HasUnplacedEntities ? Mapping.Unknown : Mapping.NotMapped;
        }

        public Mapping Maps(TableKey table, string column)
        {
            if (_uncertainTables.Contains(table))
            {
                return Mapping.Unknown;
            }

            if (_tables.TryGetValue(table, out var columns) && columns.Contains(column))
            {
                return Mapping.Mapped;
            }

            return HasUnplacedEntities ? Mapping.Unknown : Mapping.NotMapped;
        }
    }
}
