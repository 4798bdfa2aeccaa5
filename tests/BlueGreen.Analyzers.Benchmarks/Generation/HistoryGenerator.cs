using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace BlueGreen.Analyzers.Benchmarks.Generation
{
    /// <summary>
    /// Generates a deterministic EF Core 10 SQL Server migration history of any length: an <c>Initial</c>
    /// migration creating 32 tables, then a realistic mix of column additions, indexes, relationships,
    /// widenings, renames, new tables, two-step removals (model first, <c>DropColumn</c> some migrations
    /// later) and, every 50th migration (at 25, 75, ...), an unsafe drop scaffolded in the same migration as
    /// the model removal. Every migration has a designer holding the whole model, as EF writes it; the history
    /// of N migrations is a prefix of the history of any longer one.
    /// </summary>
    internal sealed class HistoryGenerator
    {
        public const string RootNamespace = "Contoso.Commerce";
        public const string DomainNamespace = RootNamespace + ".Domain";
        public const string DataNamespace = RootNamespace + ".Data";
        public const string MigrationsNamespace = DataNamespace + ".Migrations";
        public const string ContextName = "CommerceContext";

        private const int InitialEntities = 32;
        private const int InitialProperties = 4;

        private static readonly (string Name, string Table)[] EntityNames =
        {
            ("Customer", "Customers"), ("Region", "Regions"), ("Country", "Countries"), ("Currency", "Currencies"),
            ("Category", "Categories"), ("Brand", "Brands"), ("Supplier", "Suppliers"), ("Product", "Products"),
            ("Warehouse", "Warehouses"), ("StockItem", "StockItems"), ("Store", "Stores"), ("Employee", "Employees"),
            ("Department", "Departments"), ("Order", "Orders"), ("OrderLine", "OrderLines"), ("Carrier", "Carriers"),
            ("Shipment", "Shipments"), ("Invoice", "Invoices"), ("InvoiceLine", "InvoiceLines"), ("Payment", "Payments"),
            ("Refund", "Refunds"), ("PriceList", "PriceLists"), ("PriceListEntry", "PriceListEntries"), ("Promotion", "Promotions"),
            ("Coupon", "Coupons"), ("Review", "Reviews"), ("Wishlist", "Wishlists"), ("WishlistItem", "WishlistItems"),
            ("Cart", "Carts"), ("CartItem", "CartItems"), ("ReturnRequest", "ReturnRequests"), ("PurchaseOrder", "PurchaseOrders"),

            // Created by later migrations.
            ("PurchaseOrderLine", "PurchaseOrderLines"), ("Tag", "Tags"), ("ProductTag", "ProductTags"), ("AuditEntry", "AuditEntries"),
            ("Notification", "Notifications"), ("Subscription", "Subscriptions"), ("LoyaltyAccount", "LoyaltyAccounts"), ("GiftCard", "GiftCards"),
        };

        // Migrations (by index) that create one of the last eight entities.
        private static readonly int[] EntityCreations = { 14, 47, 83, 122, 168, 213, 262, 318 };

        private static readonly string[] Prefixes =
        {
            "Legacy", "Display", "Internal", "External", "Billing", "Shipping", "Primary", "Secondary", "Alternate", "Tax",
            "Discount", "Retail", "Wholesale", "Approved", "Archived", "Last", "First", "Default", "Preferred", "Regional",
            "Partner", "Audit", "Marketing", "Sales", "Support", "Fiscal", "Import", "Export", "Review", "Loyalty",
        };

        private static readonly (string Suffix, ColumnKind Kind, int? MaxLength, int Precision, int Scale)[] Suffixes =
        {
            ("Code", ColumnKind.AnsiString, 32, 0, 0), ("Name", ColumnKind.String, 200, 0, 0), ("Notes", ColumnKind.String, null, 0, 0),
            ("Amount", ColumnKind.Decimal, null, 18, 2), ("Date", ColumnKind.DateTime, null, 0, 0), ("At", ColumnKind.DateTimeOffset, null, 0, 0),
            ("Enabled", ColumnKind.Bool, null, 0, 0), ("Count", ColumnKind.Int, null, 0, 0), ("Reference", ColumnKind.String, 64, 0, 0),
            ("Status", ColumnKind.Int, null, 0, 0), ("Score", ColumnKind.Double, null, 0, 0), ("Label", ColumnKind.String, 100, 0, 0),
            ("Url", ColumnKind.String, 2048, 0, 0), ("Rate", ColumnKind.Decimal, null, 9, 4), ("Limit", ColumnKind.Long, null, 0, 0),
            ("Level", ColumnKind.Int, null, 0, 0), ("Token", ColumnKind.Guid, null, 0, 0), ("Weight", ColumnKind.Decimal, null, 10, 3),
            ("Version", ColumnKind.Long, null, 0, 0), ("Email", ColumnKind.String, 320, 0, 0),
        };

        private readonly SplitMix64 _random;
        private readonly List<EntityModel> _entities = new List<EntityModel>();
        private readonly List<PendingDrop> _pending = new List<PendingDrop>();
        private readonly HashSet<string> _classNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<GeneratedFile> _files = new List<GeneratedFile>();
        private readonly List<UnsafeDrop> _unsafeDrops = new List<UnsafeDrop>();
        private readonly Dictionary<string, int> _kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        private DateTime _clock = new DateTime(2023, 1, 9, 9, 12, 7, DateTimeKind.Utc);
        private int _twoStep;

        private HistoryGenerator(int seed)
        {
            _random = new SplitMix64((ulong)seed);
        }

        public static GeneratedHistory Generate(int migrations, int seed = 20230109)
        {
            if (migrations < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(migrations), "A history has at least one migration.");
            }

            var generator = new HistoryGenerator(seed);
            generator.Initial();
            for (var index = 1; index < migrations; index++)
            {
                generator.Step(index);
            }

            generator.Finish();
            return new GeneratedHistory(migrations, generator._files, generator._unsafeDrops, generator._twoStep, generator._kinds);
        }

        private void Initial()
        {
            for (var index = 0; index < InitialEntities; index++)
            {
                _entities.Add(NewEntity(index));
            }

            // TPH: payments by card or bank transfer share the Payments table.
            var payment = Entity("Payment");
            payment.Derived.Add(new DerivedModel("CardPayment", new List<PropertyModel>
            {
                new PropertyModel("CardLast4", ColumnKind.AnsiString, required: true, maxLength: 4),
                new PropertyModel("CardBrand", ColumnKind.String, required: false, maxLength: 20),
            }));
            payment.Derived.Add(new DerivedModel("BankTransferPayment", new List<PropertyModel>
            {
                new PropertyModel("Iban", ColumnKind.AnsiString, required: true, maxLength: 34),
                new PropertyModel("BankReference", ColumnKind.String, required: false, maxLength: 64),
            }));

            // Owned addresses stored in their owners' tables (BillingAddress_Street, ...).
            foreach (var (owner, navigation) in new[] { ("Customer", "BillingAddress"), ("Customer", "ShippingAddress"), ("Supplier", "HeadOffice"), ("Warehouse", "Location"), ("Store", "Address") })
            {
                Entity(owner).Owned.Add(new OwnedModel("Address", navigation, new List<PropertyModel>
                {
                    new PropertyModel("Street", ColumnKind.String, required: true, maxLength: 200),
                    new PropertyModel("City", ColumnKind.String, required: true, maxLength: 100),
                    new PropertyModel("PostalCode", ColumnKind.AnsiString, required: false, maxLength: 16),
                    new PropertyModel("CountryCode", ColumnKind.AnsiString, required: true, maxLength: 2),
                }));
            }

            var up = _entities.Select(OperationWriter.CreateTable).ToList();
            foreach (var entity in _entities)
            {
                up.AddRange(entity.Indexes.Select(index => OperationWriter.CreateIndex(entity, index)));
            }

            var down = Enumerable.Reverse(_entities).Select(OperationWriter.DropTable).ToList();
            Emit("Initial", "Initial", up, down);
        }

        private void Step(int index)
        {
            var due = _pending.Where(drop => drop.Due <= index).ToList();
            if (index % 50 == 25)
            {
                UnsafeDrop();
            }
            else if (due.Count > 0)
            {
                DropRetired(due);
            }
            else if (_entities.Count < EntityNames.Length && index >= EntityCreations[_entities.Count - InitialEntities])
            {
                CreateEntity();
            }
            else
            {
                var roll = _random.Next(100);
                var done = roll switch
                {
                    < 40 => AddColumns(),
                    < 47 => AddIndexedColumn(),
                    < 52 => AddRelationship(),
                    < 58 => AddIndex(),
                    < 67 => AlterColumn(),
                    < 73 => RenameColumn(),
                    < 86 => RemoveFromModel(index),
                    < 92 => Backfill(),
                    _ => MakeIndexUnique(),
                };

                if (!done)
                {
                    AddColumns();
                }
            }
        }

        private bool AddColumns()
        {
            var entity = AnyEntity();
            var count = _random.Next(20) switch { < 15 => 1, < 19 => 2, _ => 3 };
            var added = Enumerable.Range(0, count).Select(_ => NewProperty(entity, requiredChance: 35)).ToList();
            entity.Properties.AddRange(added);
            var up = added.OrderBy(property => property.Column, StringComparer.Ordinal).Select(property => OperationWriter.AddColumn(entity.Table, property.Column, property)).ToList();
            var down = added.OrderBy(property => property.Column, StringComparer.Ordinal).Select(property => OperationWriter.DropColumn(entity.Table, property.Column)).ToList();
            Emit("AddColumns", count == 1 ? "Add" + entity.Name + added[0].Name : "Add" + entity.Name + added[0].Name + "Fields", up, down);
            return true;
        }

        private bool AddIndexedColumn()
        {
            var entity = AnyEntity();
            var property = NewProperty(entity, requiredChance: 30, suffix: "Code");
            entity.Properties.Add(property);
            var index = new IndexModel(new[] { property.Name }, unique: true, filter: property.Required ? null : "[" + property.Column + "] IS NOT NULL");
            entity.Indexes.Add(index);
            Emit(
                "AddIndexedColumn",
                "Add" + entity.Name + property.Name,
                new List<string> { OperationWriter.AddColumn(entity.Table, property.Column, property), OperationWriter.CreateIndex(entity, index) },
                new List<string> { OperationWriter.DropIndex(entity, index), OperationWriter.DropColumn(entity.Table, property.Column) });
            return true;
        }

        private bool AddRelationship()
        {
            var entity = AnyEntity();
            var principal = _entities[_random.Next(_entities.Count)];
            if (principal == entity)
            {
                return false;
            }

            var key = NewForeignKey(entity, principal, required: false);
            var index = entity.Indexes[entity.Indexes.Count - 1];
            var property = entity.Property(key.Property)!;
            Emit(
                "AddRelationship",
                "Add" + entity.Name + key.Navigation,
                new List<string> { OperationWriter.AddColumn(entity.Table, property.Column, property), OperationWriter.CreateIndex(entity, index), OperationWriter.AddForeignKey(entity, key) },
                new List<string> { OperationWriter.DropForeignKey(entity, key), OperationWriter.DropIndex(entity, index), OperationWriter.DropColumn(entity.Table, property.Column) });
            return true;
        }

        private bool AddIndex()
        {
            var entity = AnyEntity();
            // nvarchar(max) cannot be an index key column.
            var candidates = entity.Properties.Where(property => !entity.IsIndexed(property.Name) && !(property.IsString && property.MaxLength is null or > 450)).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var property = candidates[_random.Next(candidates.Count)];
            var index = new IndexModel(new[] { property.Name }, unique: false, filter: null);
            entity.Indexes.Add(index);
            Emit("AddIndex", "Index" + entity.Name + property.Name, new List<string> { OperationWriter.CreateIndex(entity, index) }, new List<string> { OperationWriter.DropIndex(entity, index) });
            return true;
        }

        private bool MakeIndexUnique()
        {
            var entity = AnyEntity();
            var index = entity.Indexes.FirstOrDefault(candidate => !candidate.Unique && candidate.Properties.Count == 1 && !entity.IsForeignKey(candidate.Properties[0]));
            if (index is null)
            {
                return false;
            }

            var before = OperationWriter.CreateIndex(entity, index);
            index.Unique = true;
            if (entity.Property(index.Properties[0]) is { Required: false } property)
            {
                index.Filter = "[" + property.Column + "] IS NOT NULL";
            }

            var after = OperationWriter.CreateIndex(entity, index);
            Emit(
                "MakeIndexUnique",
                "Make" + entity.Name + index.Properties[0] + "Unique",
                new List<string> { OperationWriter.DropIndex(entity, index), after },
                new List<string> { OperationWriter.DropIndex(entity, index), before });
            return true;
        }

        private bool AlterColumn()
        {
            var entity = AnyEntity();
            var candidates = Removable(entity).Where(property => property.Kind is ColumnKind.String or ColumnKind.Decimal || property.Required).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var property = candidates[_random.Next(candidates.Count)];
            var old = property.Clone();
            string name;
            if (property.Kind == ColumnKind.String && property.MaxLength is { } length && length < 2000)
            {
                property.MaxLength = length * 2;
                name = "Widen" + entity.Name + property.Name;
            }
            else if (property.Kind == ColumnKind.Decimal && property.Precision < 28)
            {
                property.Precision += 2;
                name = "Widen" + entity.Name + property.Name;
            }
            else if (property.Required)
            {
                property.Required = false;
                name = "Make" + entity.Name + property.Name + "Optional";
            }
            else
            {
                return false;
            }

            Emit(
                "AlterColumn",
                name,
                new List<string> { OperationWriter.AlterColumn(entity.Table, property.Column, property, old) },
                new List<string> { OperationWriter.AlterColumn(entity.Table, property.Column, old, property) });
            return true;
        }

        private bool RenameColumn()
        {
            var entity = AnyEntity();
            var candidates = Removable(entity).Where(property => property.ColumnName is null).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var property = candidates[_random.Next(candidates.Count)];
            var suffix = Suffixes.FirstOrDefault(candidate => property.Name.EndsWith(candidate.Suffix, StringComparison.Ordinal)).Suffix;
            if (suffix is null)
            {
                return false;
            }

            for (var attempt = 0; attempt < 20; attempt++)
            {
                var newName = Prefixes[_random.Next(Prefixes.Length)] + suffix;
                if (entity.UsedNames.Add(newName))
                {
                    var oldName = property.Name;
                    property.Name = newName;
                    Emit(
                        "RenameColumn",
                        "Rename" + entity.Name + oldName,
                        new List<string> { OperationWriter.RenameColumn(entity.Table, oldName, newName) },
                        new List<string> { OperationWriter.RenameColumn(entity.Table, newName, oldName) });
                    return true;
                }
            }

            return false;
        }

        /// <summary>First step of a safe removal: the model stops mapping the column; a later migration drops it.</summary>
        private bool RemoveFromModel(int index)
        {
            var entity = AnyEntity();
            var candidates = Removable(entity).ToList();
            if (candidates.Count <= 2)
            {
                return false;
            }

            var property = candidates[_random.Next(candidates.Count)];
            entity.Properties.Remove(property);
            var up = new List<string>();
            var down = new List<string>();
            var retired = property.Clone();
            if (property.Required)
            {
                // The hand edit BG0007 asks for: the new version no longer writes it, so it must accept NULL.
                retired.Required = false;
                up.Add(OperationWriter.AlterColumn(entity.Table, property.Column, retired, property));
                down.Add(OperationWriter.AlterColumn(entity.Table, property.Column, property, retired));
            }

            _pending.Add(new PendingDrop(entity, retired, index + 3 + _random.Next(12)));
            Emit("RemoveFromModel", "Remove" + entity.Name + property.Name + "FromModel", up, down);
            return true;
        }

        /// <summary>Second step: drop the columns whose removal from the model has shipped.</summary>
        private void DropRetired(List<PendingDrop> due)
        {
            foreach (var drop in due)
            {
                _pending.Remove(drop);
            }

            _twoStep += due.Count;
            var ordered = due.OrderBy(drop => drop.Entity.Table, StringComparer.Ordinal).ThenBy(drop => drop.Property.Column, StringComparer.Ordinal).ToList();
            Emit(
                "DropRetired",
                ordered.Count == 1 ? "Drop" + ordered[0].Entity.Name + ordered[0].Property.Name : "DropRetiredColumns",
                ordered.Select(drop => OperationWriter.DropColumn(drop.Entity.Table, drop.Property.Column)).ToList(),
                ordered.Select(drop => OperationWriter.AddColumn(drop.Entity.Table, drop.Property.Column, drop.Property)).ToList());
        }

        /// <summary>What <c>dotnet ef migrations add</c> scaffolds after a property is deleted: model removal and DropColumn at once.</summary>
        private void UnsafeDrop()
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var entity = AnyEntity();
                var candidates = Removable(entity).ToList();
                if (candidates.Count <= 2)
                {
                    continue;
                }

                var property = candidates[_random.Next(candidates.Count)];
                entity.Properties.Remove(property);
                var id = Emit(
                    "UnsafeDrop",
                    "Remove" + entity.Name + property.Name,
                    new List<string> { OperationWriter.DropColumn(entity.Table, property.Column) },
                    new List<string> { OperationWriter.AddColumn(entity.Table, property.Column, property) });
                _unsafeDrops.Add(new UnsafeDrop(id, entity.Table, property.Column));
                return;
            }

            throw new InvalidOperationException("No column to drop.");
        }

        private void CreateEntity()
        {
            var entity = NewEntity(_entities.Count);
            _entities.Add(entity);
            var up = new List<string> { OperationWriter.CreateTable(entity) };
            up.AddRange(entity.Indexes.Select(index => OperationWriter.CreateIndex(entity, index)));
            Emit("CreateTable", "Add" + entity.Name, up, new List<string> { OperationWriter.DropTable(entity) });
        }

        /// <summary>A data migration: a NOT NULL column added nullable, filled by SQL, then made NOT NULL.</summary>
        private bool Backfill()
        {
            var entity = AnyEntity();
            var property = NewProperty(entity, requiredChance: 100, suffix: "Level");
            entity.Properties.Add(property);
            var nullable = property.Clone();
            nullable.Required = false;
            Emit(
                "Backfill",
                "Backfill" + entity.Name + property.Name,
                new List<string>
                {
                    OperationWriter.AddColumn(entity.Table, property.Column, nullable),
                    OperationWriter.Sql("UPDATE [" + entity.Table + "] SET [" + property.Column + "] = 1 WHERE [" + property.Column + "] IS NULL"),
                    OperationWriter.AlterColumn(entity.Table, property.Column, property, nullable),
                },
                new List<string> { OperationWriter.DropColumn(entity.Table, property.Column) });
            return true;
        }

        private void Finish()
        {
            var snapshot = new StringBuilder();
            snapshot.Append("\uFEFF// <auto-generated />\n");
            snapshot.Append("using System;\n");
            snapshot.Append("using ").Append(DataNamespace).Append(";\n");
            snapshot.Append("using Microsoft.EntityFrameworkCore;\n");
            snapshot.Append("using Microsoft.EntityFrameworkCore.Infrastructure;\n");
            snapshot.Append("using Microsoft.EntityFrameworkCore.Metadata;\n");
            snapshot.Append("using Microsoft.EntityFrameworkCore.Storage.ValueConversion;\n\n");
            snapshot.Append("#nullable disable\n\n");
            snapshot.Append("namespace ").Append(MigrationsNamespace).Append('\n');
            snapshot.Append("{\n");
            snapshot.Append("    [DbContext(typeof(").Append(ContextName).Append("))]\n");
            snapshot.Append("    partial class ").Append(ContextName).Append("ModelSnapshot : ModelSnapshot\n");
            snapshot.Append("    {\n");
            snapshot.Append("        protected override void BuildModel(ModelBuilder modelBuilder)\n");
            snapshot.Append("        {\n");
            ModelWriter.WriteBody(snapshot, _entities, DomainNamespace);
            snapshot.Append("        }\n");
            snapshot.Append("    }\n");
            snapshot.Append("}\n");
            _files.Add(new GeneratedFile("Migrations/" + ContextName + "ModelSnapshot.cs", snapshot.ToString(), FileKind.Snapshot));
            _files.AddRange(CodeWriter.Write(_entities));
        }

        /// <summary>Writes the migration and its designer (the model as it is now); returns the migration id.</summary>
        private string Emit(string kind, string name, List<string> up, List<string> down)
        {
            _kinds[kind] = _kinds.TryGetValue(kind, out var count) ? count + 1 : 1;
            var className = name;
            for (var suffix = 2; !_classNames.Add(className); suffix++)
            {
                className = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            _clock = _clock.AddMinutes(600 + _random.Next(2400)).AddSeconds(_random.Next(60));
            var id = _clock.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + className;

            var body = string.Join("\n", up) + string.Join("\n", down);
            var migration = new StringBuilder();
            migration.Append('\uFEFF');
            if (body.Contains("DateTime", StringComparison.Ordinal) || body.Contains("Guid", StringComparison.Ordinal))
            {
                migration.Append("using System;\n");
            }

            migration.Append("using Microsoft.EntityFrameworkCore.Migrations;\n\n");
            migration.Append("#nullable disable\n\n");
            migration.Append("namespace ").Append(MigrationsNamespace).Append('\n');
            migration.Append("{\n");
            migration.Append("    /// <inheritdoc />\n");
            migration.Append("    public partial class ").Append(className).Append(" : Migration\n");
            migration.Append("    {\n");
            migration.Append("        /// <inheritdoc />\n");
            migration.Append("        protected override void Up(MigrationBuilder migrationBuilder)\n");
            migration.Append("        {\n");
            migration.Append(up.Count == 0 ? "\n" : string.Join("\n", up));
            migration.Append("        }\n\n");
            migration.Append("        /// <inheritdoc />\n");
            migration.Append("        protected override void Down(MigrationBuilder migrationBuilder)\n");
            migration.Append("        {\n");
            migration.Append(down.Count == 0 ? "\n" : string.Join("\n", down));
            migration.Append("        }\n");
            migration.Append("    }\n");
            migration.Append("}\n");

            var designer = new StringBuilder();
            designer.Append("\uFEFF// <auto-generated />\n");
            designer.Append("using System;\n");
            designer.Append("using ").Append(DataNamespace).Append(";\n");
            designer.Append("using Microsoft.EntityFrameworkCore;\n");
            designer.Append("using Microsoft.EntityFrameworkCore.Infrastructure;\n");
            designer.Append("using Microsoft.EntityFrameworkCore.Metadata;\n");
            designer.Append("using Microsoft.EntityFrameworkCore.Migrations;\n");
            designer.Append("using Microsoft.EntityFrameworkCore.Storage.ValueConversion;\n\n");
            designer.Append("#nullable disable\n\n");
            designer.Append("namespace ").Append(MigrationsNamespace).Append('\n');
            designer.Append("{\n");
            designer.Append("    [DbContext(typeof(").Append(ContextName).Append("))]\n");
            designer.Append("    [Migration(\"").Append(id).Append("\")]\n");
            designer.Append("    partial class ").Append(className).Append('\n');
            designer.Append("    {\n");
            designer.Append("        /// <inheritdoc />\n");
            designer.Append("        protected override void BuildTargetModel(ModelBuilder modelBuilder)\n");
            designer.Append("        {\n");
            ModelWriter.WriteBody(designer, _entities, DomainNamespace);
            designer.Append("        }\n");
            designer.Append("    }\n");
            designer.Append("}\n");

            _files.Add(new GeneratedFile("Migrations/" + id + ".cs", migration.ToString(), FileKind.Migration));
            _files.Add(new GeneratedFile("Migrations/" + id + ".Designer.cs", designer.ToString(), FileKind.Designer));
            return id;
        }

        private EntityModel NewEntity(int position)
        {
            var (name, table) = EntityNames[position];
            var entity = new EntityModel(name, table);
            entity.UsedNames.Add("Name");
            entity.UsedNames.Add("CreatedAt");
            entity.Properties.Add(new PropertyModel("Name", ColumnKind.String, required: true, maxLength: 200));
            entity.Properties.Add(new PropertyModel("CreatedAt", ColumnKind.DateTime, required: true));
            for (var index = 0; index < InitialProperties; index++)
            {
                entity.Properties.Add(NewProperty(entity, requiredChance: 50));
            }

            if (position > 0)
            {
                // Most entities depend on an earlier one; some on two.
                var principal = _entities[_random.Next(_entities.Count)];
                NewForeignKey(entity, principal, required: _random.Next(10) < 7);
                if (_random.Next(10) < 3 && _entities.Count > 1)
                {
                    var other = _entities[_random.Next(_entities.Count)];
                    NewForeignKey(entity, other, required: false);
                }
            }

            return entity;
        }

        private ForeignKeyModel NewForeignKey(EntityModel entity, EntityModel principal, bool required)
        {
            var navigation = principal.Name;
            for (var attempt = 0; entity.UsedNames.Contains(navigation + "Id") || entity.UsedNames.Contains(navigation); attempt++)
            {
                navigation = Prefixes[_random.Next(Prefixes.Length)] + principal.Name;
            }

            entity.UsedNames.Add(navigation);
            entity.UsedNames.Add(navigation + "Id");
            var property = new PropertyModel(navigation + "Id", ColumnKind.Int, required);
            entity.Properties.Add(property);

            var inverseTaken = _entities.Append(entity).SelectMany(candidate => candidate.ForeignKeys).Any(key => key.Principal == principal && key.InverseNavigation == entity.Table);
            var key = new ForeignKeyModel(property.Name, principal, navigation, inverseTaken ? null : entity.Table, required);
            entity.ForeignKeys.Add(key);
            entity.Indexes.Add(new IndexModel(new[] { property.Name }, unique: false, filter: null));
            return key;
        }

        private PropertyModel NewProperty(EntityModel entity, int requiredChance, string? suffix = null)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var shape = suffix is null ? Suffixes[_random.Next(Suffixes.Length)] : Suffixes.First(candidate => candidate.Suffix == suffix);
                var name = Prefixes[_random.Next(Prefixes.Length)] + shape.Suffix;
                if (!entity.UsedNames.Add(name))
                {
                    continue;
                }

                // Some teams map a property to a snake_case column of another name.
                var columnName = _random.Next(20) == 0 ? SnakeCase(name) : null;
                if (columnName is not null && !entity.UsedNames.Add(columnName))
                {
                    columnName = null;
                }

                return new PropertyModel(name, shape.Kind, _random.Next(100) < requiredChance, shape.MaxLength, shape.Precision, shape.Scale, columnName);
            }

            throw new InvalidOperationException("No property name left for " + entity.Name);
        }

        /// <summary>Properties a migration may alter, rename or remove: not a key, foreign key or indexed.</summary>
        private static IEnumerable<PropertyModel> Removable(EntityModel entity) =>
            entity.Properties.Where(property => property.Name is not ("Name" or "CreatedAt") && !entity.IsForeignKey(property.Name) && !entity.IsIndexed(property.Name));

        private EntityModel AnyEntity() => _entities[_random.Next(_entities.Count)];

        private EntityModel Entity(string name) => _entities.Single(entity => entity.Name == name);

        private static string SnakeCase(string name)
        {
            var text = new StringBuilder();
            foreach (var character in name)
            {
                if (char.IsUpper(character) && text.Length > 0)
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(character));
            }

            return text.ToString();
        }

        private sealed record PendingDrop(EntityModel Entity, PropertyModel Property, int Due);
    }

    /// <summary>SplitMix64: a tiny generator whose sequence never depends on the runtime version.</summary>
    internal sealed class SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed)
        {
            _state = seed;
        }

        public int Next(int maxExclusive)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var value = _state;
            value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
            value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
            value ^= value >> 31;
            return (int)(value % (ulong)maxExclusive);
        }
    }
}
