using System.Collections.Generic;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Which table each type's <c>ToTable</c>, <c>SplitToTable</c> or inheritance names, with EF's defaults for what is
    /// not written: the default schema, the base type's table, the owner's schema.
    /// </summary>
    internal sealed class TableResolver
    {
        // Deeper hierarchies than this are hand edits gone wrong (a cycle): not followed.
        private const int MaxDepth = 64;

        private readonly ModelDefinition _model;

        public TableResolver(ModelDefinition model)
        {
            _model = model;
        }

        private string? DefaultSchema => _model.DefaultSchema.Value;

        /// <summary>
        /// The entity and its bases, root first. <paramref name="broken"/> when a base is not in the file (a hand edit)
        /// or the bases form a cycle: what they add to the entity's table is not known.
        /// </summary>
        public List<TypeDefinition> Hierarchy(TypeDefinition entity, out bool broken)
        {
            var hierarchy = new List<TypeDefinition>();
            broken = false;
            for (var current = entity; current is not null;)
            {
                if (hierarchy.Contains(current) || hierarchy.Count == MaxDepth)
                {
                    broken = true;
                    break;
                }

                hierarchy.Insert(0, current);
                if (current.BaseType is null)
                {
                    break;
                }

                if (!_model.Entities.TryGetValue(current.BaseType, out var baseType))
                {
                    broken = true;
                    break;
                }

                current = baseType;
            }

            return hierarchy;
        }

        /// <summary>
        /// The table of a top-level entity: its own <c>ToTable</c>, else its base's table; null when it maps to no table
        /// (a view, <c>ToTable((string)null)</c>). <paramref name="known"/> is false when EF's choice cannot be told.
        /// </summary>
        public TableKey? TableOf(TypeDefinition entity, out bool known)
        {
            var current = entity;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                if (current.UnknownTable)
                {
                    break;
                }

                if (current.Table is { HasName: true } table)
                {
                    known = true;
                    return table.Name is { } name ? EntityTableKey(current, table, name) : null;
                }

                if (current.HasView)
                {
                    known = true;
                    return null;
                }

                if (current.BaseType is null || !_model.Entities.TryGetValue(current.BaseType, out var baseEntity))
                {
                    break;
                }

                current = baseEntity;
            }

            known = false;
            return null;
        }

        /// <summary>
        /// The key of the table an entity names. Without a schema: the default schema for a root, the root's schema
        /// for a derived type (EF 3.1 to 5 wrote a schema only where one was configured; EF 6 and later always do).
        /// </summary>
        private TableKey EntityTableKey(TypeDefinition entity, TableDefinition table, string name)
        {
            if (table.SchemaSpecified)
            {
                return new TableKey(table.Schema ?? DefaultSchema, name);
            }

            var root = entity;
            for (var depth = 0; depth < MaxDepth && root.BaseType is { } baseName && _model.Entities.TryGetValue(baseName, out var baseType); depth++)
            {
                root = baseType;
            }

            // The root's own schema, not through EntityTableKey: bases that form a cycle (a hand edit) would recurse forever.
            var schema = root != entity && root.Table is { HasName: true, Name: not null, SchemaSpecified: true } rootTable ? rootTable.Schema ?? DefaultSchema : DefaultSchema;
            return new TableKey(schema, name);
        }

        /// <summary>The table a <c>SplitToTable</c> or an owned type's <c>ToTable</c> names, in the default schema unless it names one; null for no table.</summary>
        public TableKey? TableKeyOf(TableDefinition table) =>
            table.HasName && table.Name is not null ? new TableKey(table.SchemaSpecified ? table.Schema ?? DefaultSchema : DefaultSchema, table.Name) : null;

        /// <summary>
        /// The table-specific column names in <paramref name="table"/>: those of the nearest type naming that table
        /// (EF writes, in each type's <c>ToTable</c>, the overrides of all its properties, inherited ones too).
        /// </summary>
        public Dictionary<string, string?> OverridesFor(List<TypeDefinition> hierarchy, TableKey table)
        {
            for (var i = hierarchy.Count - 1; i >= 0; i--)
            {
                if (hierarchy[i].Table is { HasName: true, Name: { } name } definition && EntityTableKey(hierarchy[i], definition, name).Equals(table))
                {
                    return definition.Overrides;
                }
            }

            return hierarchy[hierarchy.Count - 1].Table?.Overrides ?? new Dictionary<string, string?>();
        }

        /// <summary>ExcludeFromMigrations as EF reads it: the type's own setting, else (TPH) its base's.</summary>
        public bool? ExcludedFlag(List<TypeDefinition> hierarchy)
        {
            for (var i = hierarchy.Count - 1; i >= 0; i--)
            {
                if (hierarchy[i].Table?.Excluded is { } excluded)
                {
                    return excluded;
                }

                if (i > 0 && !Equals(TableOf(hierarchy[i], out _), TableOf(hierarchy[i - 1], out _)))
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The table of an owned type that names one: without a schema, the owner's (OwnsOne); EF 3.1 and 5 put an owned
        /// collection in the default schema. Null for no table.
        /// </summary>
        public TableKey? OwnedTableOf(TableDefinition definition, bool many, TableKey? ownerTable) =>
            definition.Name is null
                ? null
                : new TableKey(definition.SchemaSpecified ? definition.Schema ?? DefaultSchema : many ? DefaultSchema : ownerTable?.Schema ?? DefaultSchema, definition.Name);
    }
}
