using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// The corpus: histories made by EF Core's real scaffolder (tests/HistoryGenerator) for EF Core 8, 9 and 10 on SQLite,
    /// SQL Server and PostgreSQL, plus hand-written histories for what EF 8 to 10 cannot make (Histories/handwritten).
    /// For each: the exact diagnostics, and the model the reader sees against the schema the migrations build.
    /// <para>
    /// The shapes scenario (tests/HistoryGenerator/scenario-shapes): TPT with a renamed key column, TPC with an abstract
    /// root and a renamed inherited column, entity splitting, owned types nested in the owner's table, in a table of their
    /// own and as OwnsMany, JSON owned types, complex types (nested), primitive collections, EF 10 complex collections
    /// and JSON complex types, a view, an ExcludeFromMigrations table, a default schema, a table in its own schema moved
    /// to another by RenameTable, a column CreateTable names with name: ("Display Name"). Steps: Initial;
    /// MoveInvoicesToArchive (BG0004: blue still reads billing.Invoices; SQLite has no schemas: nothing); RemoveFromModel (model-only removals, one per
    /// shape; the required OrderLine.Quantity left NOT NULL is BG0007); DropRemovedColumns (their safe second step:
    /// nothing); RemoveUnmigratedProperties (inside JSON, of a view, of an excluded table: nothing to drop, nothing
    /// reported); then one migration per family of shapes that drops in the same release as the model removal (BG0001
    /// each); RemoveFromModelPending (model-only removals whose drop has not come yet).
    /// </para>
    /// </summary>
    public class CorpusTests
    {
        public static readonly TheoryData<string> ShapesHistories = new TheoryData<string>
        {
            "shapes-ef8-sqlite", "shapes-ef8-sqlserver", "shapes-ef8-postgres",
            "shapes-ef9-sqlite", "shapes-ef9-sqlserver", "shapes-ef9-postgres",
            "shapes-ef10-sqlite", "shapes-ef10-sqlserver", "shapes-ef10-postgres",
        };

        /// <summary>Every corpus history, the shop scenario's (HistoryTests) included.</summary>
        public static readonly TheoryData<string> AllHistories = new TheoryData<string>
        {
            "shapes-ef8-sqlite", "shapes-ef8-sqlserver", "shapes-ef8-postgres",
            "shapes-ef9-sqlite", "shapes-ef9-sqlserver", "shapes-ef9-postgres",
            "shapes-ef10-sqlite", "shapes-ef10-sqlserver", "shapes-ef10-postgres",
            "ef10-sqlite", "ef10-sqlserver", "ef9-postgres", "ef8-sqlserver",
            "handwritten/ef31-sqlserver", "handwritten/noise-sqlite",
        };

        // The model-only removals of the shapes scenario: removed from the model by RemoveFromModel and dropped by
        // DropRemovedColumns; removed by RemoveFromModelPending and not dropped yet.
        private static readonly string[] ShapesRemovedFromModel =
        {
            "shop.Trucks.Payload", "shop.CashPayments.Till", "shop.ProductDetails.Description", "shop.Customer.Home_Location_Lat",
            "shop.BillingAddresses.Country", "shop.OrderLine.Quantity", "shop.Supplier.Address_Geo_Lat",
        };

        private static readonly string[] ShapesPending = { "shop.Customer.Nickname", "shop.Vehicle.Color" };

        [Theory]
        [MemberData(nameof(ShapesHistories))]
        public async Task Shapes_TPT_TPC_entity_splitting_owned_OwnsMany_JSON_complex_views_excluded_and_schemas_report_exactly_the_unsafe_steps(string history)
        {
            var expected = new List<string>
            {
                // The model-only removals: only the required OrderLine.Quantity (OwnsMany) rejects green's inserts. The other
                // six, and DropRemovedColumns after them, RemoveUnmigratedProperties and RemoveFromModelPending: nothing.
                "RemoveFromModel.cs(11,33): BG0007 shop.OrderLine.Quantity",

                // TPC root column (one drop per concrete table) and TPT derived column.
                "RemoveInheritedColumns.cs(13,13): BG0001 shop.CashPayments.Reference",
                "RemoveInheritedColumns.cs(18,13): BG0001 shop.Cars.Seats",
                "RemoveInheritedColumns.cs(23,13): BG0001 shop.CardPayments.Reference",

                // Entity splitting (a fragment's renamed column), a table moved to another schema, a column named with name:.
                "RemoveMappedColumns.cs(13,13): BG0001 shop.ProductDetails.WeightKg",
                "RemoveMappedColumns.cs(18,13): BG0001 archive.Invoices.Total",
                "RemoveMappedColumns.cs(23,13): BG0001 shop.Customer.Display Name",

                // OwnsMany, owned nested in the owner's table, a whole JSON owned type, owned in a table of its own.
                "RemoveOwnedColumns.cs(13,13): BG0001 shop.OrderLine.Note",
                "RemoveOwnedColumns.cs(18,13): BG0001 shop.Customer.Home_Location_Lng",
                "RemoveOwnedColumns.cs(23,13): BG0001 shop.Customer.prefs",
                "RemoveOwnedColumns.cs(28,13): BG0001 shop.BillingAddresses.ZipCode",
            };

            // Complex type column, primitive collection, EF 10's complex collection (its file names List<...> in a using
            // line on PostgreSQL, whose arrays are List<string>, which moves the drops one line down).
            var line = history.EndsWith("-postgres", StringComparison.Ordinal) ? 14 : 13;
            expected.Add($"RemoveComplexColumns.cs({line},13): BG0001 shop.Supplier.Address_City");
            if (history.StartsWith("shapes-ef10-", StringComparison.Ordinal))
            {
                expected.Add($"RemoveComplexColumns.cs({line + 5},13): BG0001 shop.Supplier.Contacts");
                line += 5;
            }

            expected.Add($"RemoveComplexColumns.cs({line + 5},13): BG0001 shop.Supplier.Tags");

            // Blue still reads billing.Invoices; SQLite has no schemas, and EF's SQLite provider writes nothing for the move.
            if (!history.EndsWith("-sqlite", StringComparison.Ordinal))
            {
                expected.Add("MoveInvoicesToArchive.cs(16,13): BG0004 billing.Invoices");
            }

            Assert.Equal(expected.OrderBy(text => text, StringComparer.Ordinal), await CorpusHistory.Get(history).DescribedDiagnosticsAsync());
        }

        [Fact]
        public async Task Handwritten_EF22_and_EF31_designers_identity_annotations_owned_HasOne_WithOne_and_schema_without_space_report_the_same_drops()
        {
            Assert.Equal(
                new[]
                {
                    "RemoveBreed.cs(9,13): BG0001 Animals.Breed",
                    "RemoveHomeCity.cs(9,13): BG0001 Customers.Home_City",
                    "RemoveInvoiceTotal.cs(9,13): BG0001 billing.Invoices.Total",
                    "RemovePhone.cs(9,13): BG0001 Customers.Phone",
                },
                await CorpusHistory.Get("handwritten/ef31-sqlserver").DescribedDiagnosticsAsync());
        }

        [Fact]
        public async Task Handwritten_noise_file_scoped_namespaces_BOM_discards_pragmas_and_renamed_entities_report_what_can_be_told()
        {
            // RemovePhone's "_ =" drop is seen; RemoveHomeCity is judged against a designer whose entity names were all edited
            // (same tables and columns: still reported); RemoveBreed is judged against a designer whose Dog names a base type
            // that is not in it, so where Breed lived cannot be told: silent.
            Assert.Equal(
                new[]
                {
                    "RemoveEmail.cs(13,13): BG0001 Customers.email_address",
                    "RemoveHomeCity.cs(14,13): BG0001 Customers.Home_City",
                    "RemovePhone.cs(13,17): BG0001 Customers.Phone",
                },
                await CorpusHistory.Get("handwritten/noise-sqlite").DescribedDiagnosticsAsync());
        }

        [Theory]
        [MemberData(nameof(AllHistories))]
        public void The_schema_the_migrations_build_is_what_the_snapshot_maps_plus_the_columns_removed_from_the_model_only(string history)
        {
            var corpus = CorpusHistory.Get(history);
            var model = corpus.History.CurrentModel(CancellationToken.None);
            Assert.NotNull(model);

            var mismatches = CorpusHistory.Compare(model!, corpus.SchemaAfter(corpus.History.Migrations.Count - 1), PendingAfter(history, corpus.History.Migrations.Count - 1, corpus));

            Assert.True(mismatches.Count == 0, history + ":\n" + string.Join("\n", mismatches) + "\nThe snapshot maps:\n" + CorpusHistory.Dump(model!));
        }

        [Theory]
        [MemberData(nameof(AllHistories))]
        public void Every_designer_maps_what_the_migrations_up_to_it_build_plus_the_columns_removed_from_the_model_only(string history)
        {
            var corpus = CorpusHistory.Get(history);
            var mismatches = new List<string>();
            for (var index = 0; index < corpus.History.Migrations.Count; index++)
            {
                var migration = corpus.History.Migrations[index];
                var model = migration.TargetModel(CancellationToken.None);
                Assert.NotNull(model);
                if (history == "handwritten/noise-sqlite" && migration.Id.EndsWith("_RemoveEmail", StringComparison.Ordinal))
                {
                    // Hand-edited: Dog's base type is named as no entity of the file is. Unknown, never "not mapped".
                    Assert.True(model!.HasUnplacedEntities);
                    continue;
                }

                foreach (var mismatch in CorpusHistory.Compare(model!, corpus.SchemaAfter(index), PendingAfter(history, index, corpus)))
                {
                    mismatches.Add(migration.Id + ": " + mismatch);
                }
            }

            Assert.True(mismatches.Count == 0, history + ":\n" + string.Join("\n", mismatches));
        }

        /// <summary>The columns removed from the model whose drop has not come yet, after the migration at <paramref name="index"/>.</summary>
        private static IEnumerable<string> PendingAfter(string history, int index, CorpusHistory corpus)
        {
            var name = corpus.History.Migrations[index].Id;
            name = name.Substring(name.IndexOf('_') + 1);
            if (history.StartsWith("shapes-", StringComparison.Ordinal))
            {
                return name switch
                {
                    "RemoveFromModel" => ShapesRemovedFromModel,
                    _ when index >= corpus.IndexOf("RemoveFromModelPending") => ShapesPending,
                    _ => Array.Empty<string>(),
                };
            }

            if (history == "handwritten/ef31-sqlserver")
            {
                return name == "RemoveFaxFromModel" ? new[] { "Customers.Fax" } : Array.Empty<string>();
            }

            // The shop scenario: Fax leaves the model in RemoveFaxFromModel and the database in DropFax.
            return name == "RemoveFaxFromModel" ? new[] { "Customers.Fax" } : Array.Empty<string>();
        }
    }
}
