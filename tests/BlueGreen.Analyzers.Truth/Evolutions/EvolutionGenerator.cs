using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace BlueGreen.Analyzers.Truth.Evolutions
{
    /// <summary>What a step changes in the model (the first step creates it).</summary>
    internal enum MutationKind
    {
        Initial,
        DropProperty,
        RemoveFromModel,
        DropRemovedColumns,
        RenameProperty,
        RenameColumn,
        AddRequiredProperty,
        AddOptionalProperty,
        RequireProperty,
        LoosenProperty,
        Shorten,
        Lengthen,
        ChangeType,
        DropEntity,
        RenameTable,
        AddEntity,
    }

    /// <summary>
    /// One release: the model after it and the migration <c>migrations add</c> makes for it, with the hand edits of a
    /// two-step removal where the step is one.
    /// </summary>
    /// <param name="Subject">What the step changes, as a migration name spells it (a property, an entity, a table).</param>
    /// <param name="Cut">A model-only removal: the scaffolded DropColumn of this column comes out of the migration.</param>
    /// <param name="Put">The drops of earlier model-only removals, put into this step's (otherwise empty) migration.</param>
    internal sealed record EvolutionStep(int Index, MutationKind Kind, string Subject, string Description, ShopModel Model, RemovedColumn? Cut, ImmutableList<RemovedColumn> Put)
    {
        public string MigrationName => Kind == MutationKind.Initial ? "Initial" : $"Step{Index.ToString(CultureInfo.InvariantCulture)}{Kind}{Subject}";
    }

    /// <summary>A model and the releases that change it, all from one seed.</summary>
    internal sealed record Evolution(int Seed, ImmutableList<EvolutionStep> Steps);

    /// <summary>
    /// Random evolutions of a small shop model, driven by a seeded <see cref="Random"/>: an initial model (entities with
    /// properties of a few CLR types, required or optional, some with configured column names or maximum lengths, TPH
    /// hierarchies, owned types) and 2 to 5 releases, each one change chosen among those that apply to the model.
    /// <para>
    /// Left out, on purpose, because the database rightly calls them breaks and no rule covers them yet (work for later
    /// issues, not disagreements to hide): adding a TPH derived type (the running version cannot materialize a
    /// discriminator it does not know). A property of a TPH derived type made required, added required or made optional
    /// (its column stays nullable) was left out until BG0005, BG0006 and BG0012 judged them; it is generated again.
    /// </para>
    /// <para>
    /// A model-only removal that leaves a NOT NULL column (BG0007, unless the column has a default) is followed at once by
    /// its drop: until then no version can insert into the table, and the oracle, which counts a statement that already
    /// failed before a migration as that migration's inheritance, could not see a later migration break the table again.
    /// </para>
    /// </summary>
    internal sealed class EvolutionGenerator
    {
        private const int MaxEntities = 4;
        private const int MaxProperties = 6;

        private static readonly int[] Lengths = { 16, 32, 64, 128, 256 };
        private static readonly string[] EntityNames = { "Customer", "Order", "Product", "Supplier", "Invoice", "Shipment", "Account", "Ticket" };
        private static readonly string[] DerivedNames = { "Gold", "Retail", "Express", "Digital", "Premium", "Local" };
        private static readonly (string Navigation, string Type)[] OwnedNames = { ("Home", "Address"), ("Billing", "Address"), ("Contact", "ContactInfo"), ("Size", "Dimensions") };

        private static readonly Dictionary<ClrType, string[]> PropertyNames = new Dictionary<ClrType, string[]>
        {
            [ClrType.String] = new[] { "Name", "Note", "Code", "Email", "City", "Title" },
            [ClrType.Int] = new[] { "Count", "Rank", "Level" },
            [ClrType.Long] = new[] { "Total", "Views" },
            [ClrType.Bool] = new[] { "Active", "Flag" },
            [ClrType.Decimal] = new[] { "Price", "Amount" },
            [ClrType.DateTime] = new[] { "Created", "Due" },
        };

        private readonly Random _random;
        private int _nextNumber;

        private EvolutionGenerator(int seed)
        {
            _random = new Random(seed);
        }

        /// <summary>A change of the model, or null where the model has nothing it applies to.</summary>
        private delegate EvolutionStep? Mutation(ShopModel model);

        public static Evolution Generate(int seed)
        {
            var generator = new EvolutionGenerator(seed);
            var model = generator.InitialModel();
            var steps = ImmutableList.Create(Change(MutationKind.Initial, string.Empty, "the initial model", model));
            var count = generator._random.Next(2, 6);
            for (var index = 1; index <= count; index++)
            {
                var step = generator.Mutate(model) with { Index = index };
                steps = steps.Add(step);
                model = step.Model;
            }

            return new Evolution(seed, steps);
        }

        private ShopModel InitialModel()
        {
            var entities = ImmutableList<EntityModel>.Empty;
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                entities = entities.Add(NewEntity());
            }

            return new ShopModel(entities, ImmutableList<RemovedColumn>.Empty);
        }

        private EntityModel NewEntity()
        {
            var root = new TypeModel(Pick(EntityNames) + Number(), TypeKind.Entity, null, false, NewProperties(1, 4));
            var derived = ImmutableList<TypeModel>.Empty;
            if (_random.Next(10) < 3)
            {
                var first = _random.Next(DerivedNames.Length);
                for (var i = _random.Next(1, 3); i > 0; i--)
                {
                    derived = derived.Add(new TypeModel(DerivedNames[(first + i) % DerivedNames.Length] + root.Name, TypeKind.Derived, null, false, NewProperties(0, 2)));
                }
            }

            var owned = ImmutableList<TypeModel>.Empty;
            if (_random.Next(10) < 4)
            {
                var (navigation, type) = Pick(OwnedNames);
                var number = Number();
                owned = owned.Add(new TypeModel(type + number, TypeKind.Owned, navigation + number, _random.Next(3) == 0, NewProperties(1, 3)));
            }

            return new EntityModel(root, null, derived, owned);
        }

        private ImmutableList<PropertyModel> NewProperties(int min, int max)
        {
            var properties = ImmutableList<PropertyModel>.Empty;
            for (var i = _random.Next(min, max + 1); i > 0; i--)
            {
                properties = properties.Add(NewProperty(required: _random.Next(2) == 0));
            }

            return properties;
        }

        private PropertyModel NewProperty(bool required)
        {
            var type = (ClrType)_random.Next(Enum.GetValues<ClrType>().Length);
            var name = Pick(PropertyNames[type]) + Number();
            var maxLength = type == ClrType.String && _random.Next(2) == 0 ? Pick(Lengths) : (int?)null;
            var column = _random.Next(4) == 0 ? ColumnName(name) : null;
            return new PropertyModel(name, type, required, maxLength, column, _random.Next(2) == 0 ? Configuration.Attributes : Configuration.Fluent);
        }

        private EvolutionStep Mutate(ShopModel model)
        {
            // A NOT NULL column left in the database is dropped in the next release: see the class's summary.
            var mutations = model.Removed.Any(column => column.NotNull)
                ? new Mutation[] { DropRemovedColumns }
                : new Mutation[]
                {
                    DropProperty, RemoveFromModel, DropRemovedColumns, RenameProperty, RenameColumn, AddRequiredProperty, AddOptionalProperty,
                    RequireProperty, LoosenProperty, Shorten, Lengthen, ChangeType, DropEntity, RenameTable, AddEntity,
                };

            // Each mutation picks its target; one that finds none does not apply, and another is tried.
            foreach (var mutation in mutations.OrderBy(_ => _random.Next()).ToList())
            {
                if (mutation(model) is { } step)
                {
                    return step;
                }
            }

            throw new InvalidOperationException("No mutation applies to the model.");
        }

        /// <summary>Removes a property: EF scaffolds its DropColumn, which breaks the running version (BG0001).</summary>
        private EvolutionStep? DropProperty(ShopModel model) =>
            PickOrNull(model.Properties.Where(KeepsAProperty)) is { } slot
                ? Change(MutationKind.DropProperty, slot.Property.Name, "drop " + slot, model.WithoutProperty(slot))
                : null;

        /// <summary>The safe first step of a removal: the property leaves the model, the DropColumn leaves the migration.</summary>
        private EvolutionStep? RemoveFromModel(ShopModel model)
        {
            if (PickOrNull(model.Properties.Where(KeepsAProperty)) is not { } slot)
            {
                return null;
            }

            var column = new RemovedColumn(slot.Entity.TableName, slot.Column, slot.NotNull);
            var removed = model.WithoutProperty(slot);
            return Change(MutationKind.RemoveFromModel, slot.Property.Name, "remove from the model only " + slot, removed with { Removed = removed.Removed.Add(column) }) with { Cut = column };
        }

        /// <summary>The safe second step: the columns earlier releases stopped mapping are dropped, in a migration without model change.</summary>
        private EvolutionStep? DropRemovedColumns(ShopModel model) =>
            model.Removed.IsEmpty
                ? null
                : Change(
                    MutationKind.DropRemovedColumns,
                    string.Empty,
                    "drop the columns removed from the model earlier: " + string.Join(", ", model.Removed.Select(column => column.Table + "." + column.Column)),
                    model with { Removed = ImmutableList<RemovedColumn>.Empty }) with { Put = model.Removed };

        /// <summary>Renames a property: EF scaffolds a RenameColumn (BG0002), or nothing when the column's name is configured.</summary>
        private EvolutionStep? RenameProperty(ShopModel model)
        {
            if (PickOrNull(model.Properties) is not { } slot)
            {
                return null;
            }

            var renamed = slot.Property with { Name = Pick(PropertyNames[slot.Property.Type]) + Number() };
            return Change(MutationKind.RenameProperty, slot.Property.Name, $"rename {slot} to {renamed.Name}", model.WithProperty(slot, renamed));
        }

        /// <summary>Configures a new column name for a property (HasColumnName or [Column]): a RenameColumn (BG0002).</summary>
        private EvolutionStep? RenameColumn(ShopModel model)
        {
            if (PickOrNull(model.Properties) is not { } slot)
            {
                return null;
            }

            var renamed = slot.Property with { ColumnName = ColumnName(slot.Property.Name) };
            return Change(MutationKind.RenameColumn, slot.Property.Name, $"map {slot} to column {renamed.ColumnName}", model.WithProperty(slot, renamed));
        }

        /// <summary>A required property: EF scaffolds an AddColumn with the CLR default as database default (in a TPH derived type, a nullable column without one).</summary>
        private EvolutionStep? AddRequiredProperty(ShopModel model) => AddProperty(model, required: true);

        /// <summary>An optional property: an AddColumn of a nullable column, safe.</summary>
        private EvolutionStep? AddOptionalProperty(ShopModel model) => AddProperty(model, required: false);

        private EvolutionStep? AddProperty(ShopModel model, bool required)
        {
            if (PickOrNull(model.Types.Where(slot => slot.Type.Properties.Count < MaxProperties)) is not { } slot)
            {
                return null;
            }

            var (entity, type) = slot;
            var property = NewProperty(required);
            var length = property.MaxLength is { } maxLength ? "(" + maxLength.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;
            return Change(
                required ? MutationKind.AddRequiredProperty : MutationKind.AddOptionalProperty,
                property.Name,
                $"add {(required ? "required" : "optional")} {type.Name}.{property.Name} ({property.Type}{length}, column {entity.TableName}.{type.ColumnOf(property)})",
                model.WithType(entity, type, type with { Properties = type.Properties.Add(property) }));
        }

        /// <summary>Tightens an optional property to required: an AlterColumn to NOT NULL, or in a TPH derived type nothing (BG0006 either way).</summary>
        private EvolutionStep? RequireProperty(ShopModel model) =>
            PickOrNull(model.Properties.Where(slot => !slot.Property.Required)) is { } slot
                ? Change(MutationKind.RequireProperty, slot.Property.Name, "make required " + slot, model.WithProperty(slot, slot.Property with { Required = true }))
                : null;

        /// <summary>Loosens a required property to optional: the new version may write NULL where the running one requires a value (BG0012).</summary>
        private EvolutionStep? LoosenProperty(ShopModel model) =>
            PickOrNull(model.Properties.Where(slot => slot.Property.Required)) is { } slot
                ? Change(MutationKind.LoosenProperty, slot.Property.Name, "make optional " + slot, model.WithProperty(slot, slot.Property with { Required = false }))
                : null;

        /// <summary>A shorter maximum length (or a first one): an AlterColumn that tightens (BG0006), where the provider keeps lengths.</summary>
        private EvolutionStep? Shorten(ShopModel model)
        {
            if (PickOrNull(model.Properties.Where(slot => slot.Property.Type == ClrType.String && (slot.Property.MaxLength ?? int.MaxValue) > Lengths[0])) is not { } slot)
            {
                return null;
            }

            var length = Pick(Lengths.Where(length => length < (slot.Property.MaxLength ?? int.MaxValue)).ToArray());
            return Change(MutationKind.Shorten, slot.Property.Name, $"shorten {slot} from {Describe(slot.Property.MaxLength)} to {length}", model.WithProperty(slot, slot.Property with { MaxLength = length }));
        }

        /// <summary>A longer maximum length (or none): an AlterColumn that widens, safe.</summary>
        private EvolutionStep? Lengthen(ShopModel model)
        {
            if (PickOrNull(model.Properties.Where(slot => slot.Property.MaxLength is not null)) is not { } slot)
            {
                return null;
            }

            var length = Pick(Lengths.Where(length => length > slot.Property.MaxLength).Select(length => (int?)length).Append(null).ToArray());
            return Change(MutationKind.Lengthen, slot.Property.Name, $"lengthen {slot} from {slot.Property.MaxLength} to {Describe(length)}", model.WithProperty(slot, slot.Property with { MaxLength = length }));
        }

        /// <summary>int to long or decimal (widening), long to int (narrowing: BG0006 where the store types differ).</summary>
        private EvolutionStep? ChangeType(ShopModel model)
        {
            if (PickOrNull(model.Properties.Where(slot => slot.Property.Type is ClrType.Int or ClrType.Long)) is not { } slot)
            {
                return null;
            }

            var type = slot.Property.Type == ClrType.Long ? ClrType.Int : _random.Next(2) == 0 ? ClrType.Long : ClrType.Decimal;
            return Change(MutationKind.ChangeType, slot.Property.Name + "To" + type, $"change {slot} from {slot.Property.Type} to {type}", model.WithProperty(slot, slot.Property with { Type = type }));
        }

        /// <summary>Removes an entity (and its hierarchy and owned types): a DropTable (BG0003). Its table takes its removed columns along.</summary>
        private EvolutionStep? DropEntity(ShopModel model)
        {
            if (model.Entities.Count < 2)
            {
                return null;
            }

            var entity = Pick(model.Entities.ToArray());
            return Change(
                MutationKind.DropEntity,
                entity.Root.Name,
                $"drop entity {entity.Root.Name} (table {entity.TableName})",
                new ShopModel(model.Entities.Remove(entity), model.Removed.RemoveAll(column => column.Table == entity.TableName)));
        }

        /// <summary>Maps an entity to another table (ToTable): a RenameTable (BG0004).</summary>
        private EvolutionStep? RenameTable(ShopModel model)
        {
            // The saved drops of its removed columns name the table as it was: the drops come first.
            if (PickOrNull(model.Entities.Where(entity => model.Removed.All(column => column.Table != entity.TableName))) is not { } entity)
            {
                return null;
            }

            var renamed = entity with { Table = entity.Root.Name + "Table" + Number() };
            return Change(MutationKind.RenameTable, entity.TableName, $"map {entity.Root.Name} from table {entity.TableName} to {renamed.TableName}", model.WithEntity(entity, renamed));
        }

        /// <summary>A new entity: a CreateTable, safe.</summary>
        private EvolutionStep? AddEntity(ShopModel model)
        {
            if (model.Entities.Count >= MaxEntities)
            {
                return null;
            }

            var entity = NewEntity();
            return Change(MutationKind.AddEntity, entity.Root.Name, $"add entity {entity.Root.Name}", model with { Entities = model.Entities.Add(entity) });
        }

        private static EvolutionStep Change(MutationKind kind, string subject, string description, ShopModel model) =>
            new EvolutionStep(0, kind, subject, description, model, null, ImmutableList<RemovedColumn>.Empty);

        /// <summary>
        /// Whether the property's type keeps a property without it. An owned type needs one (EF cannot tell whether an owned
        /// type without properties is there); an entity keeps one so that it stays more than a key.
        /// </summary>
        private static bool KeepsAProperty(PropertySlot slot) => slot.Type.Kind == TypeKind.Derived || slot.Type.Properties.Count > 1;

        private static string Describe(int? maxLength) => maxLength?.ToString(CultureInfo.InvariantCulture) ?? "no maximum length";

        private string ColumnName(string propertyName) => propertyName.ToLowerInvariant() + "_c" + Number();

        private string Number() => (++_nextNumber).ToString(CultureInfo.InvariantCulture);

        private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        private T? PickOrNull<T>(IEnumerable<T> items)
            where T : class
        {
            var list = items.ToList();
            return list.Count == 0 ? null : list[_random.Next(list.Count)];
        }
    }
}
