using System;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// What a target model tells the rules and code fixes beyond which columns it maps: requiredness, columns kept in
    /// the database only, keyless tables (declarations: <see cref="ModelDeclarationTests"/>). On hand-written designer
    /// bodies for each shape, and on the scaffolded corpus for what EF really writes.
    /// </summary>
    public class TargetModelTests
    {
        private static readonly TableKey Animals = new TableKey(null, "Animals");
        private static readonly TableKey Customers = new TableKey(null, "Customers");
        private static readonly TableKey ShopCustomer = new TableKey("shop", "Customer");
        private static readonly TableKey ShopSupplier = new TableKey("shop", "Supplier");

        [Fact]
        public void A_required_TPH_derived_property_is_required_in_a_nullable_column()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Animal", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Name");
                        b.HasKey("Id");
                        b.ToTable("Animals");
                    });

                modelBuilder.Entity("Shop.Dog", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<string>("Breed")
                            .IsRequired();
                        b.Property<int>("Age");
                        b.Property<Money>("Price");
                    });
                """);

            Assert.True(model.IsNullable(Animals, "Breed"));
            Assert.True(model.IsRequired(Animals, "Breed"));
            Assert.True(model.IsRequired(Animals, "Age"));
            Assert.True(model.IsRequired(Animals, "Id"));
            Assert.False(model.IsRequired(Animals, "Name"));
            Assert.Null(model.IsRequired(Animals, "Price"));
            Assert.Null(model.IsRequired(Animals, "Color"));
        }

        [Fact]
        public void An_owned_property_is_required_only_when_every_owner_on_its_way_is()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.OwnsOne("Shop.Address", "Home", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<double>("Lat");
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("CustomerId");
                                b1.OwnsOne("Shop.Door", "Door", b2 =>
                                    {
                                        b2.Property<int>("AddressCustomerId");
                                        b2.Property<string>("Code").IsRequired();
                                        b2.HasKey("AddressCustomerId");
                                        b2.ToTable("Customers");
                                        b2.WithOwner().HasForeignKey("AddressCustomerId");
                                    });
                            });

                        b.OwnsOne("Shop.Address", "Work", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<double>("Lat");
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("CustomerId");
                                b1.OwnsOne("Shop.Door", "Door", b2 =>
                                    {
                                        b2.Property<int>("AddressCustomerId");
                                        b2.Property<string>("Code").IsRequired();
                                        b2.HasKey("AddressCustomerId");
                                        b2.ToTable("Customers");
                                        b2.WithOwner().HasForeignKey("AddressCustomerId");
                                    });
                                b1.Navigation("Door").IsRequired();
                            });

                        b.OwnsMany("Shop.Line", "Lines", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<int>("Id");
                                b1.Property<int>("Quantity");
                                b1.HasKey("CustomerId", "Id");
                                b1.ToTable("Lines");
                                b1.WithOwner().HasForeignKey("CustomerId");
                            });

                        b.Navigation("Home").IsRequired();
                    });
                """);

            Assert.True(model.IsRequired(Customers, "Home_Lat"));
            Assert.False(model.IsRequired(Customers, "Home_Door_Code"));
            Assert.False(model.IsRequired(Customers, "Work_Lat"));
            Assert.False(model.IsRequired(Customers, "Work_Door_Code"));
            Assert.True(model.IsNullable(Customers, "Work_Door_Code"));

            // An owned collection's rows exist only with their object.
            Assert.True(model.IsRequired(new TableKey(null, "Lines"), "Quantity"));
        }

        [Fact]
        public void A_complex_property_is_required_only_when_its_complex_chain_is_and_unknown_where_the_chain_is()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Supplier", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");

                        b.ComplexProperty<Dictionary<string, object>>("Address", "Shop.Supplier.Address#Address", b1 =>
                            {
                                b1.IsRequired();
                                b1.Property<string>("City").IsRequired();
                                b1.Property<string>("Zip");

                                b1.ComplexProperty<Dictionary<string, object>>("Geo", "Shop.Supplier.Address#Address.Geo#Geo", b2 =>
                                    {
                                        b2.Property<double>("Lat");
                                    });
                            });

                        b.ComplexProperty<Dictionary<string, object>>("Profile", "Shop.Supplier.Profile#Profile", b1 =>
                            {
                                b1.IsRequired();
                                b1.Property<int>("Rating");
                                b1.ToJson("profile");
                            });

                        b.ToTable("Suppliers");
                    });
                """);

            var suppliers = new TableKey(null, "Suppliers");
            Assert.True(model.IsRequired(suppliers, "Address_City"));
            Assert.False(model.IsRequired(suppliers, "Address_Zip"));

            // A complex property without IsRequired() is a struct (EF 8, 9) or optional (EF 10).
            Assert.Null(model.IsRequired(suppliers, "Address_Geo_Lat"));
            Assert.Null(model.IsRequired(suppliers, "profile"));
        }

        [Fact]
        public void Scaffolded_TPH_derived_columns_are_nullable_and_required_as_their_property_is()
        {
            var corpus = CorpusHistory.Get("ef10-sqlite");
            var model = corpus.History.Migrations[corpus.IndexOf("Initial")].TargetModel(CancellationToken.None)!;

            // Cat.Indoor is a bool, Dog.Breed a string?: both columns nullable, only Indoor read back as a value.
            Assert.True(model.IsNullable(Animals, "Indoor"));
            Assert.True(model.IsRequired(Animals, "Indoor"));
            Assert.True(model.IsNullable(Animals, "Breed"));
            Assert.False(model.IsRequired(Animals, "Breed"));
            Assert.True(model.IsRequired(Animals, "Name"));

            // Customer.Home is required; its City a string?.
            Assert.False(model.IsRequired(Customers, "Home_City"));
            Assert.True(model.IsRequired(Customers, "Phone"));
        }

        [Theory]
        [InlineData("shapes-ef8-sqlserver")]
        [InlineData("shapes-ef10-sqlite")]
        [InlineData("shapes-ef10-postgres")]
        public void Scaffolded_owned_complex_and_JSON_columns_are_required_as_their_chain_is(string history)
        {
            var corpus = CorpusHistory.Get(history);
            var model = corpus.History.Migrations[corpus.IndexOf("Initial")].TargetModel(CancellationToken.None)!;

            // Home and Home.Location are required navigations; Location.Lng a double, Lat a double?.
            Assert.True(model.IsRequired(ShopCustomer, "Home_Location_Lng"));
            Assert.False(model.IsRequired(ShopCustomer, "Home_Location_Lat"));
            Assert.Null(model.IsRequired(ShopCustomer, "prefs"));
            Assert.True(model.IsRequired(new TableKey("shop", "BillingAddresses"), "Street"));
            Assert.True(model.IsRequired(new TableKey("shop", "OrderLine"), "Quantity"));

            // Supplier.Address and Address.Geo are required complex properties; Geo.Lng a double, Lat a double?.
            Assert.True(model.IsRequired(ShopSupplier, "Address_City"));
            Assert.True(model.IsRequired(ShopSupplier, "Address_Geo_Lng"));
            Assert.False(model.IsRequired(ShopSupplier, "Address_Geo_Lat"));
        }

        [Fact]
        public void A_property_kept_in_the_database_is_not_mapped_but_its_column_is_kept()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Fax")
                            .HasColumnType("TEXT")
                            .HasAnnotation("BlueGreen:KeptInDatabase", true);
                        b.Property<string>("Phone")
                            .HasColumnName("phone_number")
                            .HasAnnotation("BlueGreen:KeptInDatabase", true);
                        b.Property<string>("Email")
                            .HasAnnotation("BlueGreen:KeptInDatabase", false);
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.OwnsOne("Shop.Address", "Home", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<string>("City")
                                    .HasAnnotation("BlueGreen:KeptInDatabase", true);
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("CustomerId");
                            });
                    });
                """);

            Assert.Equal("BlueGreen:KeptInDatabase", ModelAnnotations.KeptInDatabase);
            Assert.Equal(new[] { "Email", "Id" }, model.Columns(Customers).OrderBy(column => column, StringComparer.Ordinal));
            Assert.Equal(new[] { "Fax", "Home_City", "phone_number" }, model.KeptColumns(Customers).OrderBy(column => column, StringComparer.Ordinal));
            Assert.Equal(Mapping.NotMapped, model.Maps(Customers, "Fax"));
            Assert.Equal(Mapping.NotMapped, model.Maps(Customers, "Home_City"));
            Assert.Null(model.IsNullable(Customers, "Fax"));
            Assert.Equal(Mapping.Mapped, model.MapsTable(Customers));
            Assert.Empty(model.KeptColumns(Animals));
        }

        [Fact]
        public void A_kept_column_another_property_maps_is_mapped_and_an_unreadable_mark_is_unknown()
        {
            var shared = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Animal", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Animals");
                    });

                modelBuilder.Entity("Shop.Dog", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<string>("Name").HasAnnotation("BlueGreen:KeptInDatabase", true);
                    });

                modelBuilder.Entity("Shop.Cat", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<string>("Name");
                    });
                """);
            Assert.Equal(Mapping.Mapped, shared.Maps(Animals, "Name"));
            Assert.Empty(shared.KeptColumns(Animals));

            var unreadable = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Fax").HasAnnotation("BlueGreen:KeptInDatabase", Flags.Kept);
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });
                """);
            Assert.Equal(Mapping.Unknown, unreadable.Maps(Customers, "Fax"));
        }

        [Fact]
        public void A_table_is_keyless_when_every_entity_mapped_to_it_is()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.OwnsMany("Shop.Line", "Lines", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<int>("Quantity");
                                b1.ToTable("Lines");
                                b1.WithOwner().HasForeignKey("CustomerId");
                            });
                    });

                modelBuilder.Entity("Shop.Report", b =>
                    {
                        b.Property<string>("Name");
                        b.ToTable("Reports");
                    });

                modelBuilder.Entity("Shop.Sale", b =>
                    {
                        b.Property<decimal>("Total");
                        b.HasNoKey();
                        b.ToTable("Sales");
                    });

                modelBuilder.Entity("Shop.Refund", b =>
                    {
                        b.HasBaseType("Shop.Sale");
                        b.Property<string>("Reason");
                    });

                modelBuilder.Entity("Shop.Summary", b =>
                    {
                        b.Property<string>("Name");
                        b.HasNoKey();
                        b.ToView("Summaries");
                    });
                """);

            // EF 3+ writes HasNoKey(); EF 2's query types have no HasKey. An owned collection has its owner's key.
            Assert.True(model.IsKeyless(new TableKey(null, "Sales")));
            Assert.True(model.IsKeyless(new TableKey(null, "Reports")));
            Assert.False(model.IsKeyless(Customers));
            Assert.False(model.IsKeyless(new TableKey(null, "Lines")));
            Assert.False(model.IsKeyless(new TableKey(null, "Summaries")));
            Assert.False(model.IsKeyless(new TableKey(null, "Other")));
        }

        [Fact]
        public void A_table_shared_with_a_keyed_entity_or_a_model_with_unplaced_entities_is_not_keyless()
        {
            var shared = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Report", b =>
                    {
                        b.Property<string>("Name");
                        b.HasNoKey();
                        b.ToTable("Reports");
                    });

                modelBuilder.Entity("Shop.ReportRow", b =>
                    {
                        b.Property<string>("Name");
                        b.HasKey("Name");
                        b.ToTable("Reports");
                    });
                """);
            Assert.False(shared.IsKeyless(new TableKey(null, "Reports")));

            var unplaced = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Report", b =>
                    {
                        b.Property<string>("Name");
                        b.HasNoKey();
                        b.ToTable("Reports");
                    });

                modelBuilder.Entity("Shop.ReportRow", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable(Tables.Reports);
                    });
                """);
            Assert.False(unplaced.IsKeyless(new TableKey(null, "Reports")));
        }

        [Theory]
        [InlineData("ef10-sqlite")]
        [InlineData("shapes-ef10-sqlserver")]
        [InlineData("handwritten/ef31-sqlserver")]
        public void Scaffolded_tables_of_keyed_entities_are_not_keyless(string history)
        {
            var corpus = CorpusHistory.Get(history);
            foreach (var migration in corpus.History.Migrations)
            {
                var model = migration.TargetModel(CancellationToken.None)!;
                Assert.All(model.Tables, table => Assert.False(model.IsKeyless(table), $"{migration.Id}: {table}"));
            }
        }
    }
}
