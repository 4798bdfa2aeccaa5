using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Puts every type's properties into the columns of the tables EF maps them to: TPH, TPT and TPC hierarchies,
    /// entity splitting, owned types (in their owner's table, in their own, as JSON), complex types, views and
    /// excluded tables. What it cannot follow makes the tables it touches uncertain.
    /// </summary>
    internal sealed class ColumnPlacer
    {
        private readonly ModelDefinition _model;
        private readonly TableResolver _tables;
        private readonly TargetModelBuilder _builder;

        private ColumnPlacer(ModelDefinition model, ModelSource? source, PlacedTables? placed)
        {
            _model = model;
            _tables = new TableResolver(model);
            _builder = new TargetModelBuilder(model.MaxIdentifierLength, source, model.Order.Count, placed);
        }

        /// <param name="source">The method <paramref name="model"/> was read from.</param>
        /// <param name="placed">The tables the history's other models placed (a saving only); null: none.</param>
        public static TargetModel Place(ModelDefinition model, ModelSource? source, CancellationToken cancellationToken, PlacedTables? placed = null)
        {
            var placer = new ColumnPlacer(model, source, placed);
            if (model.Unreadable || !model.DefaultSchema.IsKnown)
            {
                placer._builder.MarkUnplaced();
            }

            foreach (var entity in model.Order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                placer.PlaceEntity(entity);
            }

            return placer._builder.Build(model);
        }

        private void PlaceEntity(TypeDefinition entity)
        {
            var hierarchy = _tables.Hierarchy(entity, out var brokenHierarchy);
            var table = _tables.TableOf(entity, out var known);
            if (!known)
            {
                if (entity.PropertyOrder.Count > 0 || entity.Complex.Count > 0 || brokenHierarchy)
                {
                    _builder.MarkUnplaced();
                }

                PlaceOwnedOfUnknownOwner(entity);
                return;
            }

            var uncertain = brokenHierarchy || hierarchy.Exists(type => type.Uncertain);
            if (table is { } key)
            {
                PlaceInTable(hierarchy, key, uncertain);
            }
            else
            {
                // A view, function or query, or TPC's abstract root: no table, and its owned types share none.
                PlaceOwned(entity, Placement.InTable(table: null, overrides: null, uncertain), ownerFragments: null);
            }
        }

        /// <param name="hierarchy">The entity and its bases, root first.</param>
        private void PlaceInTable(List<TypeDefinition> hierarchy, TableKey table, bool uncertain)
        {
            var root = hierarchy[0];
            var entity = hierarchy[hierarchy.Count - 1];
            var isTpc = root.Strategy == MappingStrategies.Tpc;
            var isDerived = hierarchy.Count > 1;
            var startsTable = !isDerived || !table.Equals(_tables.TableOf(hierarchy[hierarchy.Count - 2], out _));
            var overrides = _tables.OverridesFor(hierarchy, table);
            NoteTable(hierarchy, table, overrides, ownRows: isTpc || startsTable);

            if (entity.Fragments.Count > 0)
            {
                // Entity splitting in a hierarchy or with complex types: not seen made by EF, not read.
                uncertain |= isDerived || _model.Order.Exists(other => other.BaseType == entity.Name) || entity.Complex.Count > 0;
                PlaceSplit(entity, Placement.InTable(table, entity.Table?.Overrides, uncertain));
            }
            else if (isTpc)
            {
                PlaceTpc(hierarchy, Placement.InTable(table, overrides, uncertain || !IsTpcReadable(hierarchy)));
            }
            else
            {
                var tptDerived = isDerived && startsTable;
                var keyMissing = tptDerived && root.PrimaryKey.Exists(name => !root.Properties.ContainsKey(name));

                // A TPH derived type's columns are nullable: the other types' rows have no value. Its own rows do.
                var tphDerived = isDerived && !startsTable;
                var placement = new Placement(table, prefix: null, overrides, columnsOptional: tphDerived, objectOptional: false, uncertain || keyMissing);
                PlaceTphOrTpt(hierarchy, tptDerived, placement);
                if (!tptDerived)
                {
                    NoteDiscriminatorValue(hierarchy, placement);
                }
            }
        }

        /// <summary>The value a type of a TPH hierarchy writes into the column of its root's discriminator property.</summary>
        private void NoteDiscriminatorValue(List<TypeDefinition> hierarchy, Placement placement)
        {
            var root = hierarchy[0];
            if (placement.Table is { } table && root.Discriminator is { Value: { } name } && root.Properties.TryGetValue(name, out var property))
            {
                _builder.NoteDiscriminatorValue(table, placement.ColumnName(property), hierarchy[hierarchy.Count - 1].DiscriminatorValue);
            }
        }

        /// <summary>What an entity tells its table whatever its columns: whether migrations manage it, whether its rows have a key, and which.</summary>
        /// <param name="ownRows">The entity's rows are its own (the table's first type, or TPC), not its root's.</param>
        private void NoteTable(List<TypeDefinition> hierarchy, TableKey table, Dictionary<string, string?> overrides, bool ownRows)
        {
            var root = hierarchy[0];
            _builder.NoteExcluded(table, _tables.ExcludedFlag(hierarchy));
            _builder.NoteRows(table, keyless: !root.Keyed);
            var keyPlacement = Placement.InTable(table, overrides, uncertain: false);
            var keyColumns = _builder.RowKeys(table, ownRows ? hierarchy[hierarchy.Count - 1] : root);
            foreach (var name in root.PrimaryKey)
            {
                keyColumns.Add(root.Properties.TryGetValue(name, out var property) ? keyPlacement.ColumnName(property) : name);
            }
        }

        /// <summary>TPC: every concrete table holds all inherited properties; types in between add theirs.</summary>
        private void PlaceTpc(List<TypeDefinition> hierarchy, Placement placement)
        {
            var root = hierarchy[0];
            foreach (var type in hierarchy)
            {
                foreach (var property in type.PropertyOrder)
                {
                    _builder.AddProperty(placement, property, isKey: root.PrimaryKey.Contains(property.Name));
                }
            }

            PlaceNested(hierarchy[hierarchy.Count - 1], placement);
        }

        /// <summary>
        /// EF maps a TPC type's own complex properties only to its own table (dotnet/efcore#31248), and owned types of TPC
        /// hierarchies were not seen made by EF: neither is read.
        /// </summary>
        private static bool IsTpcReadable(List<TypeDefinition> hierarchy)
        {
            var entity = hierarchy[hierarchy.Count - 1];
            return entity.Owned.Count == 0 && !hierarchy.Exists(type => type != entity && (type.Complex.Count > 0 || type.Owned.Count > 0));
        }

        /// <summary>A TPH root or derived type, or a TPT type (also EF 5 and 6's derived types with a table of their own, which had no strategy).</summary>
        private void PlaceTphOrTpt(List<TypeDefinition> hierarchy, bool tptDerived, Placement placement)
        {
            var root = hierarchy[0];
            var entity = hierarchy[hierarchy.Count - 1];
            if (tptDerived)
            {
                // A TPT derived table holds the key too.
                foreach (var keyName in root.PrimaryKey)
                {
                    if (root.Properties.TryGetValue(keyName, out var keyProperty))
                    {
                        _builder.AddProperty(placement, keyProperty, isKey: true);
                    }
                }
            }

            _builder.ExpectColumns(entity.PropertyOrder.Count);
            foreach (var property in entity.PropertyOrder)
            {
                _builder.AddProperty(placement, property, isKey: root.PrimaryKey.Contains(property.Name));
            }

            PlaceNested(entity, placement);
        }

        /// <summary>After a type's own properties: the uncertainty they found, then its complex and owned types.</summary>
        private void PlaceNested(TypeDefinition type, Placement placement)
        {
            NoteUncertainty(placement);
            PlaceComplex(type, placement);
            PlaceOwned(type, placement, ownerFragments: null);
        }

        private void NoteUncertainty(Placement placement)
        {
            if (placement.Uncertain && placement.Table is { } table)
            {
                _builder.MarkUncertain(table);
            }
        }

        /// <summary>Entity splitting: the properties a fragment lists (and the key) in its table, the rest in the main table.</summary>
        private void PlaceSplit(TypeDefinition entity, Placement main)
        {
            var fragments = FragmentPlacements(entity, main.Uncertain);
            foreach (var property in entity.PropertyOrder)
            {
                var isKey = entity.PrimaryKey.Contains(property.Name);
                var inFragment = false;
                foreach (var fragment in fragments)
                {
                    if (isKey || fragment.Overrides.ContainsKey(property.Name))
                    {
                        inFragment |= !isKey;
                        _builder.AddProperty(fragment, property, isKey);
                    }
                }

                if (isKey || !inFragment || main.Overrides.ContainsKey(property.Name))
                {
                    _builder.AddProperty(main, property, isKey);
                }
            }

            NoteUncertainty(main);
            PlaceOwned(entity, main, entity.Fragments);
        }

        /// <summary>The tables an entity is split into (<c>SplitToTable</c>), noted as tables of its rows.</summary>
        private List<Placement> FragmentPlacements(TypeDefinition entity, bool uncertain)
        {
            var fragments = new List<Placement>();
            foreach (var fragment in entity.Fragments)
            {
                if (_tables.TableKeyOf(fragment) is not { } table)
                {
                    _builder.MarkUnplaced();
                    continue;
                }

                _builder.NoteExcluded(table, fragment.Excluded ?? entity.Table?.Excluded);
                _builder.NoteRows(table, keyless: !entity.Keyed);
                var placement = Placement.InTable(table, fragment.Overrides, uncertain);
                NoteUncertainty(placement);
                fragments.Add(placement);
            }

            return fragments;
        }

        /// <summary>
        /// Complex types: their properties in the containing type's table, as <c>Complex_Nested_Property</c>; a JSON-mapped
        /// complex type (EF 10; complex collections always are) is one column.
        /// </summary>
        private void PlaceComplex(TypeDefinition container, Placement placement)
        {
            if (placement.Table is not { } table)
            {
                // A type mapped to no table has no columns.
                return;
            }

            foreach (var complex in container.Complex)
            {
                if (complex.Uncertain || placement.Uncertain || complex.Owned.Count > 0 || complex.Table is not null || complex.Fragments.Count > 0)
                {
                    _builder.MarkUncertain(table);
                }

                if (complex.JsonColumn is not null || complex.IsCollection)
                {
                    PlaceJson(complex, table, complex.JsonColumn ?? Folded.Unknown, uncertain: false);
                    continue;
                }

                // IsRequired() is written for a required complex property; without it, a struct or (EF 10) an optional one.
                var nested = placement.Nested(complex.Name, placement.Overrides, optional: Nullability.Not(complex.Required), placement.Uncertain);
                foreach (var property in complex.PropertyOrder)
                {
                    _builder.AddProperty(nested, property, isKey: false);
                }

                PlaceComplex(complex, nested);
            }
        }

        /// <summary>
        /// Owned types: in their owner's table with prefixed columns (OwnsOne, or a table of the same name), in a table
        /// of their own with their own key, or as one JSON column.
        /// </summary>
        /// <param name="ownerFragments">The tables the owner is split into, if it is.</param>
        private void PlaceOwned(TypeDefinition owner, Placement placement, List<TableDefinition>? ownerFragments)
        {
            foreach (var owned in owner.Owned.Values)
            {
                if (owned.Ownership is not { } ownership || OwnedTable(owned, ownership, placement.Table) is not { } target)
                {
                    continue;
                }

                var uncertain = placement.Uncertain || owned.Uncertain;
                if (owned.JsonColumn is { } json)
                {
                    // A JSON-mapped owned type (and all it owns) is one column of its owner's table.
                    PlaceJson(owned, target, json, uncertain);
                    continue;
                }

                if (owned.Fragments.Count > 0 || ownerFragments is not null && ownerFragments.Exists(fragment => target.Equals(_tables.TableKeyOf(fragment))))
                {
                    // An owned type split over tables, or in its owner's split-off table: not seen made by EF, not read.
                    uncertain = true;
                    foreach (var fragment in owned.Fragments)
                    {
                        if (_tables.TableKeyOf(fragment) is { } fragmentKey)
                        {
                            _builder.MarkUncertain(fragmentKey);
                        }
                    }
                }

                PlaceOwnedIn(owner, owned, ownership, target, placement, uncertain);
            }
        }

        private void PlaceOwnedIn(TypeDefinition owner, TypeDefinition owned, Ownership ownership, TableKey target, Placement ownerPlacement, bool uncertain)
        {
            var navigation = ownership.Navigation;
            var shared = ownerPlacement.Table is { } ownerTable && target.Equals(ownerTable) && !ownership.Many;
            if (!shared)
            {
                _builder.NoteExcluded(target, owned.Table?.Excluded);

                // EF gives an owned type a key (its owner's) whether or not HasKey is written.
                _builder.NoteRows(target, keyless: false);
            }

            var overrides = owned.Table?.Overrides;
            var placement = shared
                ? ownerPlacement.Nested(navigation, overrides, optional: !owner.RequiredNavigations.Contains(navigation), uncertain)
                : Placement.InTable(target, overrides, uncertain);
            foreach (var property in owned.PropertyOrder)
            {
                var isKey = owned.PrimaryKey.Contains(property.Name) || owned.OwnerForeignKey.Contains(property.Name);

                // An owned type's key in its owner's table is the owner's key, not a column of its own.
                if (!(shared && isKey))
                {
                    _builder.AddProperty(placement, property, isKey);
                }
            }

            PlaceNested(owned, placement);
        }

        /// <summary>The table an owned type maps to: its own, or its owner's; null when none, or none that can be told.</summary>
        private TableKey? OwnedTable(TypeDefinition owned, Ownership ownership, TableKey? ownerTable)
        {
            if (owned.UnknownTable)
            {
                _builder.MarkUnplaced();
                return null;
            }

            if (owned.Table is { HasName: true } definition)
            {
                return _tables.OwnedTableOf(definition, ownership.Many, ownerTable);
            }

            if (owned.HasView)
            {
                return null;
            }

            if (!ownership.Many || owned.JsonColumn is not null)
            {
                return ownerTable;
            }

            // An owned collection's default table name changed across EF versions; EF writes it in every designer.
            _builder.MarkUnplaced();
            return null;
        }

        /// <summary>A JSON-mapped owned or complex type: one column, named by ToJson or after the navigation.</summary>
        private void PlaceJson(TypeDefinition type, TableKey table, Folded json, bool uncertain)
        {
            if (json.IsKnown)
            {
                _builder.AddJsonColumn(table, json.Value ?? type.Name);
            }

            if (uncertain || !json.IsKnown)
            {
                _builder.MarkUncertain(table);
            }
        }

        /// <summary>The owned types of an entity whose table is not known: the tables they name are uncertain, the rest unplaced.</summary>
        private void PlaceOwnedOfUnknownOwner(TypeDefinition owner)
        {
            foreach (var owned in owner.Owned.Values)
            {
                if (!owned.UnknownTable && owned.Table is { } definition && _tables.TableKeyOf(definition) is { } table)
                {
                    // The table is known; whether its columns are prefixed (shared with the owner) is not.
                    _builder.MarkUncertain(table);
                    PlaceOwnedOfUnknownOwner(owned);
                }
                else if (owned.Table is not { HasName: true, Name: null } && !owned.HasView)
                {
                    _builder.MarkUnplaced();
                }
            }
        }
    }
}
