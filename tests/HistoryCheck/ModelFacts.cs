using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlueGreen.Analyzers.HistoryCheck
{
    /// <summary>
    /// What EF Core itself says a designer maps, for a judge to weigh a diagnostic with something other than the
    /// analyzer's own reading: the folder is compiled and loaded, and each migration's target model is built by EF from
    /// its <c>BuildTargetModel</c>, as EF's migrator does, then asked which column a table's properties land in.
    /// </summary>
    internal sealed class ModelFacts
    {
        private readonly Dictionary<string, Type> _migrations;
        private readonly Dictionary<string, IReadOnlyModel?> _models = new Dictionary<string, IReadOnlyModel?>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _failures = new Dictionary<string, string>(StringComparer.Ordinal);

        private ModelFacts(Dictionary<string, Type> migrations)
        {
            _migrations = migrations;
        }

        /// <summary>Null when the folder does not compile to an assembly (compile errors left).</summary>
        public static ModelFacts? Load(Compilation compilation)
        {
            using var image = new MemoryStream();
            if (!compilation.Emit(image).Success)
            {
                return null;
            }

            image.Position = 0;
            var assembly = new AssemblyLoadContext("HistoryCheck", isCollectible: true).LoadFromStream(image);
            var migrations = new Dictionary<string, Type>(StringComparer.Ordinal);
            foreach (var type in assembly.GetTypes().Where(type => typeof(Migration).IsAssignableFrom(type) && !type.IsAbstract))
            {
                if (type.GetCustomAttribute<MigrationAttribute>() is { } attribute)
                {
                    migrations.TryAdd(attribute.Id, type);
                }
            }

            return new ModelFacts(migrations);
        }

        /// <summary>One phrase: whether the target model of <paramref name="migrationId"/> maps the table or column, and how.</summary>
        public string Describe(string migrationId, string? schema, string table, string? column)
        {
            if (Model(migrationId) is not { } model)
            {
                return _failures.TryGetValue(migrationId, out var failure) ? "EF could not build its model: " + failure : "no designer";
            }

            var entities = model.GetEntityTypes()
                .Where(entity => entity.GetTableName() == table && (schema is null || entity.GetSchema() is null || entity.GetSchema() == schema))
                .ToList();
            if (entities.Count == 0)
            {
                return $"does not map table {table}";
            }

            // EF 2/3 query types: a table only keyless entity types map is read through raw SQL, never written.
            var keyless = entities.All(entity => entity.FindPrimaryKey() is null) ? " (keyless)" : string.Empty;
            if (column is null)
            {
                return $"maps table {table}{keyless}";
            }

            var store = StoreObjectIdentifier.Table(table, entities[0].GetSchema());
            foreach (var entity in entities)
            {
                foreach (var property in entity.GetProperties())
                {
                    if (property.GetColumnName(store) == column)
                    {
                        var nullability = property.IsColumnNullable(store) ? "nullable" : "NOT NULL";
                        var clrNullability = property.IsNullable ? "optional" : "required";

                        // The store type and length the designer declares: what the version believes it may write.
                        var storeType = property.FindAnnotation(RelationalAnnotationNames.ColumnType)?.Value is { } type ? $", type {type}" : string.Empty;
                        var maxLength = property.GetMaxLength() is { } length ? $", max length {length}" : string.Empty;
                        return $"maps {table}.{column} ({nullability} column{storeType}{maxLength}, {clrNullability} property {entity.DisplayName()}.{property.Name}){keyless}";
                    }
                }
            }

            return $"maps table {table}{keyless} but not column {column}";
        }

        private IReadOnlyModel? Model(string migrationId)
        {
            if (_models.TryGetValue(migrationId, out var model))
            {
                return model;
            }

            model = null;
            if (_migrations.TryGetValue(migrationId, out var type))
            {
                try
                {
                    model = ((Migration)Activator.CreateInstance(type)!).TargetModel;
                }
                catch (Exception exception)
                {
                    // Whatever EF 10 throws building a designer an older EF wrote (or a stub cannot stand in for): said, not guessed.
                    _failures[migrationId] = (exception.InnerException ?? exception).Message;
                }
            }

            _models[migrationId] = model;
            return model;
        }
    }
}
