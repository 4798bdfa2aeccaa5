using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using BlueGreen.Analyzers.Truth.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlueGreen.Analyzers.Truth.Oracle
{
    /// <summary>
    /// What one version of the app does to the database, derived from its EF model (the relational model EF builds
    /// from a designer): for every table it maps, rows of every entity type stored there, naming exactly the columns
    /// that type maps, with values at the model's limits (longest strings, largest numbers, NULL where the property
    /// allows it); and reads of every table, where a NULL in a column the type requires is a break (EF throws, or hands
    /// the app a null it does not expect). Principal rows are written first, so foreign keys hold.
    /// </summary>
    /// <summary>One statement that failed or one required value read as NULL; <see cref="Key"/> names what failed without the version or the error text.</summary>
    internal sealed record Failure(string Key, string Message);

    internal sealed class Workload
    {
        /// <summary>
        /// A property a code fix keeps in a migration's designer only so that SQLite's table rebuilds keep its column:
        /// the app's code no longer maps it, so neither version writes or reads it.
        /// </summary>
        public const string KeptInDatabase = "BlueGreen:KeptInDatabase";

        private readonly TestDatabase _database;
        private readonly Dictionary<ITable, TablePlan> _tables = new Dictionary<ITable, TablePlan>();
        public Workload(string version, IModel model, TestDatabase database)
        {
            Version = version;
            _database = database;
            foreach (var table in model.GetRelationalModel().Tables)
            {
                if (!table.IsExcludedFromMigrations && TablePlan.Create(table) is { } plan)
                {
                    _tables.Add(table, plan);
                }
            }
        }

        /// <summary>"blue" or "green", for messages.</summary>
        public string Version { get; }

        /// <summary>Writes two rows of every row kind of every table (one with NULL wherever the kind allows it); returns what failed.</summary>
        public List<Failure> Insert()
        {
            var failures = new List<Failure>();
            foreach (var plan in _tables.Values)
            {
                foreach (var kind in plan.Kinds)
                {
                    foreach (var nulls in new[] { false, true })
                    {
                        try
                        {
                            InsertRow(plan, kind, nulls, depth: 0);
                        }
                        catch (DbException exception)
                        {
                            failures.Add(new Failure(
                                $"insert {kind.Name} {nulls} {plan.Display}",
                                $"{Version} cannot insert {kind.Name}{(nulls ? " (NULLs where allowed)" : string.Empty)} into {plan.Display}: {FirstLine(exception.Message)}"));
                        }
                    }
                }
            }

            return failures;
        }

        /// <summary>Reads every row of every table it maps; returns failed statements and required values read as NULL.</summary>
        public List<Failure> Read()
        {
            var failures = new List<Failure>();
            foreach (var plan in _tables.Values)
            {
                using var command = _database.Connection.CreateCommand();
                command.CommandText = "SELECT " + string.Join(", ", plan.Columns.Select(column => TestDatabase.Quote(column.Name)))
                    + " FROM " + _database.Table(plan.Table.Schema, plan.Table.Name);
                try
                {
                    using var reader = command.ExecuteReader();
                    var reported = new HashSet<string>(StringComparer.Ordinal);
                    while (reader.Read())
                    {
                        var kind = plan.KindOf(plan.Discriminator is { } discriminator ? reader.GetValue(plan.Columns.IndexOf(discriminator)) : null);
                        if (kind is null)
                        {
                            var value = reader.GetValue(plan.Columns.IndexOf(plan.Discriminator!));
                            if (reported.Add("discriminator " + value))
                            {
                                failures.Add(new Failure($"discriminator {plan.Display} {value}", $"{Version} reads a row of {plan.Display} whose discriminator '{value}' names no type it maps"));
                            }

                            continue;
                        }

                        foreach (var column in kind.Required)
                        {
                            if (reader.IsDBNull(plan.Columns.IndexOf(column)) && reported.Add(kind.Name + "." + column.Name))
                            {
                                failures.Add(new Failure($"null {plan.Display}.{column.Name} {kind.Name}", $"{Version} reads NULL from {plan.Display}.{column.Name}, required by its {kind.Name}"));
                            }
                        }
                    }
                }
                catch (DbException exception)
                {
                    failures.Add(new Failure($"read {plan.Display}", $"{Version} cannot read {plan.Display}: {FirstLine(exception.Message)}"));
                }
            }

            return failures;
        }

        private static string FirstLine(string message) => message.Split('\n')[0].Trim();

        /// <summary>Inserts one row and returns the values of its columns, the generated ones included.</summary>
        private Dictionary<IColumn, object?> InsertRow(TablePlan plan, RowKind kind, bool nulls, int depth)
        {
            if (depth > 8)
            {
                throw new InvalidOperationException($"{plan.Display}: foreign keys form a cycle the workload cannot satisfy");
            }

            var values = new Dictionary<IColumn, object?>();
            var literals = new Dictionary<IColumn, string>();

            // Foreign keys first: a fresh principal row for each, so one-to-one keys stay unique.
            foreach (var foreignKey in plan.Table.ForeignKeyConstraints)
            {
                var columns = foreignKey.Columns.Where(kind.Writes).ToList();
                if (columns.Count == 0)
                {
                    continue;
                }

                var optional = columns.All(column => column.IsNullable && !kind.Required.Contains(column));
                if ((nulls && optional) || foreignKey.PrincipalTable == plan.Table)
                {
                    if (!optional)
                    {
                        throw new InvalidOperationException($"{plan.Display}: a required foreign key to the same table");
                    }

                    foreach (var column in columns)
                    {
                        literals[column] = "NULL";
                    }

                    continue;
                }

                var principalPlan = _tables[foreignKey.PrincipalTable];
                var principal = InsertRow(principalPlan, principalPlan.Kinds[0], nulls: false, depth + 1);
                for (var i = 0; i < foreignKey.Columns.Count; i++)
                {
                    if (kind.Writes(foreignKey.Columns[i]))
                    {
                        var value = principal[foreignKey.PrincipalColumns[i]];
                        values[foreignKey.Columns[i]] = value;
                        literals[foreignKey.Columns[i]] = Literal(foreignKey.Columns[i], value);
                    }
                }
            }

            foreach (var column in kind.Columns)
            {
                if (literals.ContainsKey(column) || plan.IsGenerated(column))
                {
                    continue;
                }

                if (column == plan.Discriminator)
                {
                    values[column] = kind.DiscriminatorValue;
                    literals[column] = Literal(column, kind.DiscriminatorValue);
                }
                else if (nulls && column.IsNullable && !kind.Required.Contains(column))
                {
                    literals[column] = "NULL";
                }
                else if (plan.JsonCollection(column) is { } collection)
                {
                    literals[column] = collection ? "'[]'" : "'{}'";
                }
                else
                {
                    var value = Values.For(column, plan.IsUnique(column), _database.NextValue());
                    values[column] = value;
                    literals[column] = Literal(column, value);
                }
            }

            using var command = _database.Connection.CreateCommand();
            var keys = plan.Table.PrimaryKey?.Columns ?? (IReadOnlyList<IColumn>)Array.Empty<IColumn>();
            command.CommandText = "INSERT INTO " + _database.Table(plan.Table.Schema, plan.Table.Name)
                + (literals.Count == 0
                    ? " DEFAULT VALUES"
                    : " (" + string.Join(", ", literals.Keys.Select(column => TestDatabase.Quote(column.Name))) + ") VALUES (" + string.Join(", ", literals.Values) + ")")
                + (keys.Count == 0 ? string.Empty : " RETURNING " + string.Join(", ", keys.Select(column => TestDatabase.Quote(column.Name))));
            using (var reader = command.ExecuteReader())
            {
                if (keys.Count > 0 && reader.Read())
                {
                    for (var i = 0; i < keys.Count; i++)
                    {
                        values[keys[i]] = Values.FromReader(keys[i], reader.GetValue(i));
                    }
                }
            }

            return values;
        }

        private static string Literal(IColumn column, object? value) =>
            value is null ? "NULL" : column.StoreTypeMapping.GenerateSqlLiteral(value);

        /// <summary>The rows of one kind stored in a table: an entity type (TPH: one per discriminator value) with what it owns there.</summary>
        private sealed class RowKind
        {
            public RowKind(string name, object? discriminatorValue, IReadOnlyList<IColumn> columns, HashSet<IColumn> required)
            {
                Name = name;
                DiscriminatorValue = discriminatorValue;
                Columns = columns;
                Required = required;
            }

            public string Name { get; }

            public object? DiscriminatorValue { get; }

            /// <summary>The columns this kind's rows name in an INSERT.</summary>
            public IReadOnlyList<IColumn> Columns { get; }

            /// <summary>The columns whose NULL this kind cannot read: NOT NULL ones, and those of its required (TPH) properties.</summary>
            public HashSet<IColumn> Required { get; }

            public bool Writes(IColumn column) => Columns.Contains(column);
        }

        private sealed class TablePlan
        {
            private readonly Dictionary<IColumn, bool> _jsonCollections;

            private TablePlan(ITable table, IReadOnlyList<IColumn> columns, IColumn? discriminator, List<RowKind> kinds, Dictionary<IColumn, bool> jsonCollections)
            {
                Table = table;
                Columns = columns.ToList();
                Discriminator = discriminator;
                Kinds = kinds;
                _jsonCollections = jsonCollections;
            }

            public ITable Table { get; }

            public string Display => (Table.Schema is null ? string.Empty : Table.Schema + ".") + Table.Name;

            /// <summary>Every column the version maps in the table.</summary>
            public List<IColumn> Columns { get; }

            public IColumn? Discriminator { get; }

            public List<RowKind> Kinds { get; }

            public static TablePlan? Create(ITable table)
            {
                var types = table.EntityTypeMappings.Select(mapping => (IEntityType)mapping.TypeBase).Distinct().ToList();
                var owners = new Dictionary<IColumn, List<IEntityType>>();
                var jsonCollections = new Dictionary<IColumn, bool>();
                foreach (var column in table.Columns)
                {
                    var writers = column.PropertyMappings
                        .Where(mapping => mapping.Property.FindAnnotation(KeptInDatabase) is null)
                        .Select(mapping => RootIn(table, types, mapping.TableMapping.TypeBase))
                        .Distinct()
                        .ToList();
                    if (column.PropertyMappings.Count == 0 && JsonContainer(types, column.Name) is { } json)
                    {
                        writers.Add(RootIn(table, types, json.Owner));
                        jsonCollections[column] = json.Collection;
                    }

                    if (writers.Count > 0)
                    {
                        owners[column] = writers;
                    }
                }

                var columns = table.Columns.Where(owners.ContainsKey).ToList();
                if (columns.Count == 0)
                {
                    return null;
                }

                IColumn? discriminator = null;
                foreach (var type in types.Where(type => !type.IsOwned()))
                {
                    if (type.FindDiscriminatorProperty()?.FindColumn(StoreObjectIdentifier.Table(table.Name, table.Schema)) is IColumn column && owners.ContainsKey(column))
                    {
                        discriminator = column;
                    }
                }

                // TPH: one kind per concrete type; otherwise the types no other type of the table contains (TPT, TPC, splitting).
                var kindTypes = discriminator is not null
                    ? types.Where(type => !type.IsOwned() && !type.IsAbstract()).Select(type => new[] { type }).ToList()
                    : new List<IEntityType[]> { types.Where(type => RootIn(table, types, type) == type).ToArray() };

                var kinds = new List<RowKind>();
                foreach (var members in kindTypes)
                {
                    bool Belongs(IEntityType writer) => members.Any(member => writer.IsAssignableFrom(member));
                    var written = columns.Where(column => owners[column].Any(Belongs)).ToList();
                    var required = new HashSet<IColumn>(written.Where(column =>
                        !column.IsNullable
                        || column.PropertyMappings.Any(mapping => !mapping.Property.IsNullable
                            && mapping.Property.FindAnnotation(KeptInDatabase) is null
                            && mapping.Property.DeclaringType is IEntityType { } declaring && !declaring.IsOwned() && Belongs(declaring))));
                    var name = string.Join("+", members.Select(member => member.DisplayName()));
                    kinds.Add(new RowKind(name, discriminator is null ? null : members[0].GetDiscriminatorValue(), written, required));
                }

                return new TablePlan(table, columns, discriminator, kinds, jsonCollections);
            }

            public RowKind? KindOf(object? discriminatorValue) =>
                Discriminator is null
                    ? Kinds[0]
                    : Kinds.FirstOrDefault(kind => string.Equals(Convert.ToString(kind.DiscriminatorValue, CultureInfo.InvariantCulture), Convert.ToString(discriminatorValue, CultureInfo.InvariantCulture), StringComparison.Ordinal));

            /// <summary>Keys the database generates (identity, SQLite's rowid alias): EF leaves them out of its INSERTs.</summary>
            public bool IsGenerated(IColumn column)
            {
                if (column.ComputedColumnSql is not null)
                {
                    return true;
                }

                var key = Table.PrimaryKey;
                return key is { Columns.Count: 1 } && key.Columns[0] == column
                    && !Table.ForeignKeyConstraints.Any(foreignKey => foreignKey.Columns.Contains(column))
                    && column.PropertyMappings.Any(mapping => mapping.Property.ValueGenerated.HasFlag(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd))
                    && Values.IsInteger(column.StoreTypeMapping.ClrType);
            }

            public bool IsUnique(IColumn column) =>
                Table.PrimaryKey?.Columns.Contains(column) == true
                || Table.UniqueConstraints.Any(constraint => constraint.Columns.Contains(column))
                || Table.Indexes.Any(index => index.IsUnique && index.Columns.Contains(column));

            public bool? JsonCollection(IColumn column) => _jsonCollections.TryGetValue(column, out var collection) ? collection : null;

            /// <summary>The entity type whose rows hold a type's columns: owned and complex types climb to their owner while it shares the table.</summary>
            private static IEntityType RootIn(ITable table, List<IEntityType> types, ITypeBase type)
            {
                while (true)
                {
                    switch (type)
                    {
                        case IComplexType complex:
                            type = complex.ComplexProperty.DeclaringType;
                            continue;
                        case IEntityType { } entity when entity.IsOwned() && entity.FindOwnership()!.PrincipalEntityType is { } owner && types.Contains(owner):
                            type = owner;
                            continue;
                        case IEntityType { BaseType: { } baseType } entity when types.Contains(baseType) && baseType.FindDiscriminatorProperty() is null:
                            // TPT: a derived type's properties in its base's table are the base's rows.
                            type = baseType;
                            continue;
                        default:
                            return (IEntityType)type;
                    }
                }
            }

            /// <summary>A JSON column (ToJson) has no property mapping: the owned or complex type stored in it tells whether it holds a collection.</summary>
            private static (ITypeBase Owner, bool Collection)? JsonContainer(List<IEntityType> types, string column)
            {
                foreach (var type in types)
                {
                    if (type.IsOwned() && type.IsMappedToJson() && type.GetContainerColumnName() == column)
                    {
                        var ownership = type.FindOwnership()!;
                        return (ownership.PrincipalEntityType, !ownership.IsUnique);
                    }

                    if (FindComplex(type, column) is { } complex)
                    {
                        return (complex.DeclaringType, complex.IsCollection);
                    }
                }

                return null;
            }

            private static IComplexProperty? FindComplex(ITypeBase type, string column)
            {
                foreach (var property in type.GetComplexProperties())
                {
                    if (property.ComplexType.IsMappedToJson() && property.ComplexType.GetContainerColumnName() == column)
                    {
                        return property;
                    }

                    if (FindComplex(property.ComplexType, column) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            }
        }
    }
}
