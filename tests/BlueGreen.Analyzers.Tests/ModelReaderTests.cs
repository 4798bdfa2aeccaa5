using System;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// ModelReader on small hand-written designer bodies: the shapes of EF Core 2.2 to 7 designers that EF 8 to 10 can no
    /// longer produce (their real output is tested on the scaffolded corpus, see CorpusTests), hand edits and noise, and
    /// the shapes the reader must leave unknown rather than guess.
    /// </summary>
    public class ModelReaderTests
    {
        private static readonly TableKey Customers = new TableKey(null, "Customers");
        private static readonly TableKey Animals = new TableKey(null, "Animals");

        [Fact]
        public void EF31_schema_written_without_a_space_and_the_default_schema()
        {
            var model = Read("""
                modelBuilder
                    .HasDefaultSchema("shop")
                    .HasAnnotation("ProductVersion", "3.1.32");

                modelBuilder.Entity("Shop.Invoice", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<decimal>("Total");
                        b.HasKey("Id");
                        b.ToTable("Invoices","billing");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });
                """);

            Assert.Equal(new[] { "billing.Invoices: Id!, Total!", "shop.Customers: Id!" }, Dump(model));
        }

        [Fact]
        public void EF5_and_EF6_ToTable_forms_put_the_table_in_the_default_schema()
        {
            var model = Read("""
                modelBuilder.HasDefaultSchema("shop");

                modelBuilder.Entity("Shop.A", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("A");
                    });

                modelBuilder.Entity("Shop.B", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("B", (string)null);
                    });

                modelBuilder.Entity("Shop.C", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable(name: "C", schema: "other");
                    });
                """);

            Assert.Equal(new[] { "other.C: Id!", "shop.A: Id!", "shop.B: Id!" }, Dump(model));
        }

        [Fact]
        public void Property_calls_in_EF_2_and_3_order_and_the_column_name_annotation()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id")
                            .ValueGeneratedOnAdd()
                            .HasColumnType("int")
                            .HasAnnotation("SqlServer:ValueGenerationStrategy", SqlServerValueGenerationStrategy.IdentityColumn);

                        b.Property<string>("Email")
                            .HasColumnName("email_address")
                            .HasColumnType("nvarchar(max)");

                        b.Property<string>("Fax")
                            .HasAnnotation("Relational:ColumnName", "fax_number");

                        b.Property<string>("Name")
                            .IsRequired()
                            .HasColumnType("nvarchar(100)")
                            .HasMaxLength(100);

                        b.HasKey("Id");

                        b.ToTable("Customers");
                    });
                """);

            Assert.Equal(new[] { "Customers: email_address?, fax_number?, Id!, Name!" }, Dump(model));
        }

        [Fact]
        public void A_type_qualified_identity_call_is_not_a_second_property()
        {
            var model = Read("""
                SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder, 1L, 1);

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id")
                            .ValueGeneratedOnAdd()
                            .HasColumnType("int");

                        SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"), 1L, 1);
                        NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                        b.HasKey("Id");

                        b.ToTable("Customers");
                    });
                """);

            Assert.Equal(new[] { "Customers: Id!" }, Dump(model));
        }

        [Fact]
        public void Discriminator_forms_and_TPH_derived_columns_are_nullable()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Animal", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<int>("Kind");
                        b.HasKey("Id");
                        b.ToTable("Animals");
                        b.HasDiscriminator<int>("Kind").IsComplete(false).HasValue(0);
                    });

                modelBuilder.Entity("Shop.Dog", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<bool>("Barks");
                        b.HasDiscriminator().HasValue(1);
                    });

                modelBuilder.Entity("Shop.Cat", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<bool>("Indoor");
                        b.ToTable(t => t.HasCheckConstraint("CK_Indoor", "[Indoor] IS NOT NULL"));
                        b.HasDiscriminator().HasValue(2);
                    });
                """);

            Assert.Equal(new[] { "Animals: Barks?, Id!, Indoor?, Kind!" }, Dump(model));
            Assert.False(model.IsUncertain(Animals));
        }

        [Fact]
        public void EF5_TPT_without_a_strategy_annotation_maps_the_derived_type_and_the_key_to_its_table_in_the_root_schema()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Vehicle", b =>
                    {
                        b.Property<int>("Id")
                            .HasColumnName("VehicleId");
                        b.Property<string>("Make");
                        b.HasKey("Id");
                        b.ToTable("Vehicles", "fleet");
                    });

                modelBuilder.Entity("Shop.Car", b =>
                    {
                        b.HasBaseType("Shop.Vehicle");
                        b.Property<int>("Doors");
                        b.ToTable("Cars");
                    });
                """);

            Assert.Equal(new[] { "fleet.Cars: Doors!, VehicleId!", "fleet.Vehicles: Make?, VehicleId!" }, Dump(model));
        }

        [Fact]
        public void EF22_owned_types_link_their_owner_with_HasOne_WithOne_and_keep_other_foreign_keys()
        {
            var model = Read("""
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
                                b1.Property<int?>("CountryId");
                                b1.Property<string>("City");
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.HasOne("Shop.Country", "Country")
                                    .WithMany()
                                    .HasForeignKey("CountryId");
                                b1.HasOne("Shop.Customer")
                                    .WithOne("Home")
                                    .HasForeignKey("Shop.Address", "CustomerId")
                                    .OnDelete(DeleteBehavior.Cascade);
                            });
                    });
                """);

            Assert.Equal(new[] { "Customers: Home_City?, Home_CountryId?, Id!" }, Dump(model));
        }

        [Fact]
        public void Owned_columns_are_NOT_NULL_only_behind_required_navigations()
        {
            var model = Read("""
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
                            });

                        b.OwnsOne("Shop.Address", "Work", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<double>("Lat");
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("CustomerId");
                            });

                        b.Navigation("Home")
                            .IsRequired();
                    });
                """);

            Assert.Equal(new[] { "Customers: Home_Lat!, Id!, Work_Lat?" }, Dump(model));
        }

        [Fact]
        public void ExcludeFromMigrations_in_its_EF5_EF6_and_EF7_forms()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.A", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("A", t => t.ExcludeFromMigrations());
                    });

                modelBuilder.Entity("Shop.B", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("B", null, t =>
                            {
                                t.ExcludeFromMigrations();
                            });
                    });

                modelBuilder.Entity("Shop.C", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("C");
                    });

                modelBuilder.Entity("Shop.C", b =>
                    {
                        b.OwnsMany("Shop.Line", "Lines", b1 =>
                            {
                                b1.Property<int>("CId");
                                b1.Property<int>("Id");
                                b1.HasKey("CId", "Id");
                                b1.ToTable("Lines", excludedFromMigrations: true);
                                b1.WithOwner().HasForeignKey("CId");
                            });
                    });
                """);

            Assert.Equal(new[] { "A (excluded): Id!", "B (excluded): Id!", "C: Id!", "Lines (excluded): CId!, Id!" }, Dump(model));
            Assert.Equal(Mapping.Mapped, model.Maps(new TableKey(null, "A"), "Id"));
        }

        [Fact]
        public void Temporal_tables_in_their_EF6_and_EF7_forms_are_read()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<DateTime>("PeriodEnd")
                            .ValueGeneratedOnAddOrUpdate()
                            .HasColumnType("datetime2")
                            .HasColumnName("ValidTo");
                        b.Property<DateTime>("PeriodStart")
                            .ValueGeneratedOnAddOrUpdate()
                            .HasColumnType("datetime2")
                            .HasColumnName("ValidFrom");
                        b.HasKey("Id");
                        b.ToTable("Customers", (string)null);
                        b.ToTable(tb => tb.IsTemporal(ttb =>
                            {
                                ttb.UseHistoryTable("CustomersHistory");
                                ttb
                                    .HasPeriodStart("PeriodStart")
                                    .HasColumnName("ValidFrom");
                            }));
                    });

                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Orders", "shop", t =>
                            {
                                t.IsTemporal(ttb =>
                                    {
                                        ttb.UseHistoryTable("OrdersHistory", "shop");
                                    });
                            });
                    });
                """);

            Assert.Equal(new[] { "Customers: Id!, ValidFrom!, ValidTo!", "shop.Orders: Id!" }, Dump(model));
        }

        [Fact]
        public void Consistently_renamed_entities_map_the_same_tables_and_columns()
        {
            const string Old = """
                modelBuilder.Entity("OldShop.Models.Client", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Phone");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("OldShop.Models.Client", b =>
                    {
                        b.OwnsOne("OldShop.Models.Location", "Home", b1 =>
                            {
                                b1.Property<int>("ClientId");
                                b1.Property<string>("City");
                                b1.HasKey("ClientId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("ClientId");
                            });
                    });
                """;

            Assert.Equal(new[] { "Customers: Home_City?, Id!, Phone?" }, Dump(Read(Old)));
            Assert.Equal(Dump(Read(Old)), Dump(Read(Old.Replace("OldShop.Models.Client", "Shop.Customer").Replace("OldShop.Models.Location", "Shop.Address"))));
        }

        [Fact]
        public void A_half_renamed_base_type_leaves_the_model_unknown_not_unmapped()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Animal", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Animals");
                    });

                modelBuilder.Entity("Shop.Dog", b =>
                    {
                        b.HasBaseType("OldShop.Animal");
                        b.Property<string>("Breed");
                    });
                """);

            Assert.True(model.HasUnplacedEntities);
            Assert.Equal(Mapping.Unknown, model.Maps(Animals, "Breed"));
            Assert.Equal(Mapping.Mapped, model.Maps(Animals, "Id"));
        }

        [Fact]
        public void Owned_types_of_a_half_renamed_owner_make_their_table_unknown()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("OldShop.Customer", b =>
                    {
                        b.OwnsOne("Shop.Address", "Home", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.Property<string>("City");
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("CustomerId");
                            });
                    });
                """);

            Assert.False(model.HasUnplacedEntities);
            Assert.Equal(Mapping.Unknown, model.Maps(Customers, "Home_City"));
        }

        [Fact]
        public void Discards_and_parenthesized_lambdas_are_read()
        {
            var model = Read("""
                _ = modelBuilder.HasAnnotation("ProductVersion", "10.0.15");

                _ = modelBuilder.Entity("Shop.Customer", (b) =>
                    {
                        _ = b.Property<int>("Id");
                        _ = b.Property<string>("Name").IsRequired();
                        _ = b.HasKey("Id");
                        _ = b.ToTable("Customers");
                    });
                """);

            Assert.Equal(new[] { "Customers: Id!, Name!" }, Dump(model));
        }

        [Fact]
        public void A_designer_with_a_file_scoped_namespace_a_BOM_and_pragmas_above_its_header_is_read()
        {
            var text = "\uFEFF#pragma warning disable CS1591\n// Edited by hand.\n// <auto-generated />\nusing Microsoft.EntityFrameworkCore;\n\nnamespace App.Migrations;\n\n"
                + "[DbContext(typeof(ShopContext))]\n[Migration(\"1_Initial\")]\npartial class Initial\n{\n    protected override void BuildTargetModel(ModelBuilder modelBuilder)\n    {\n"
                + "#pragma warning disable 612, 618\n        modelBuilder.Entity(\"App.Customer\", b =>\n            {\n                b.Property<int>(\"Id\");\n                b.HasKey(\"Id\");\n"
                + "                b.ToTable(\"Customers\");\n            });\n#pragma warning restore 612, 618\n    }\n}\n";
            var method = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();

            Assert.Equal(new[] { "Customers: Id!" }, Dump(ModelReader.Read(method, CancellationToken.None)));
        }

        [Fact]
        public void Views_functions_and_queries_map_no_table_in_EF5_and_EF7_forms()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Summary", b =>
                    {
                        b.Property<string>("Name");
                        b.ToView("Summaries");
                    });

                modelBuilder.Entity("Shop.Report", b =>
                    {
                        b.Property<string>("Name");
                        b.ToTable((string)null);
                        b.ToView("Reports", "shop");
                    });

                modelBuilder.Entity("Shop.Top", b =>
                    {
                        b.Property<string>("Name");
                        b.ToFunction("TopCustomers");
                    });

                modelBuilder.Entity("Shop.Raw", b =>
                    {
                        b.Property<string>("Name");
                        b.ToSqlQuery("SELECT Name FROM Customers");
                    });
                """);

            Assert.Empty(model.Tables);
            Assert.False(model.HasUnplacedEntities);
        }

        [Fact]
        public void EF8_complex_types_and_primitive_collections()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Supplier", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Tags")
                            .IsRequired()
                            .HasColumnType("nvarchar(max)");
                        b.PrimitiveCollection<List<string>>("Codes")
                            .IsRequired();
                        b.HasKey("Id");

                        b.ComplexProperty<Dictionary<string, object>>("Address", "Shop.Supplier.Address#Address", b1 =>
                            {
                                b1.IsRequired();

                                b1.Property<string>("City")
                                    .IsRequired();

                                b1.Property<string>("Zip")
                                    .HasColumnName("postal_code");

                                b1.ComplexProperty<Dictionary<string, object>>("Geo", "Shop.Supplier.Address#Address.Geo#Geo", b2 =>
                                    {
                                        b2.Property<double>("Lat");
                                    });
                            });

                        b.ToTable("Suppliers");
                    });
                """);

            // A nested complex property without IsRequired() is a struct (EF 8, 9) or optional (EF 10): nullability unknown.
            Assert.Equal(new[] { "Suppliers: Address_City!, Address_Geo_Lat, Codes!, Id!, postal_code?, Tags!" }, Dump(model));
        }

        [Fact]
        public void Names_the_reader_cannot_fold_are_unknown_never_unmapped()
        {
            var unknownTable = Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable(TableNames.Customers);
                    });
                """);
            Assert.True(unknownTable.HasUnplacedEntities);
            Assert.Equal(Mapping.Unknown, unknownTable.Maps(Customers, "Id"));

            var unknownColumn = Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Phone").HasColumnName(Columns.Phone);
                        b.ToTable("Customers");
                    });
                """);
            Assert.Equal(Mapping.Unknown, unknownColumn.Maps(Customers, "Phone"));
            Assert.Equal(Mapping.NotMapped, unknownColumn.Maps(new TableKey(null, "Other"), "Phone"));

            var unknownOverride = Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("Customers", t => t.Property(Columns.Id).HasColumnName("CustomerId"));
                    });
                """);
            Assert.Equal(Mapping.Unknown, unknownOverride.Maps(Customers, "Id"));
        }

        [Fact]
        public void Default_column_names_longer_than_the_provider_allows_are_unknown()
        {
            var model = Read("""
                modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 20);

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("AVeryLongPropertyNameIndeed");
                        b.ToTable("Customers");
                    });
                """);

            Assert.Equal(Mapping.Unknown, model.Maps(Customers, "AVeryLongPropertyNameIndeed"));
        }

        [Fact]
        public void Table_splitting_is_read_only_where_both_types_spell_their_key_column_alike()
        {
            const string Shared = """
                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Status");
                        b.HasKey("Id");
                        b.ToTable("Orders");
                    });

                modelBuilder.Entity("Shop.OrderDetail", b =>
                    {
                        b.Property<int>("KEY");
                        b.Property<string>("Notes");
                        b.HasKey("KEY");
                        b.ToTable("Orders");
                    });
                """;

            var same = Read(Shared.Replace("KEY", "Id"));
            Assert.Equal(new[] { "Orders: Id!, Notes?, Status?" }, Dump(same));

            var different = Read(Shared.Replace("KEY", "OrderId"));
            Assert.Equal(Mapping.Unknown, different.Maps(new TableKey(null, "Orders"), "Notes"));
        }

        [Fact]
        public void Entity_splitting_in_a_hierarchy_is_unknown()
        {
            var model = Read("""
                modelBuilder.Entity("Shop.Product", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Name");
                        b.HasKey("Id");
                        b.ToTable("Products");
                    });

                modelBuilder.Entity("Shop.Book", b =>
                    {
                        b.HasBaseType("Shop.Product");
                        b.Property<string>("Isbn");
                        b.ToTable("Products");
                        b.SplitToTable("BookDetails", null, t =>
                            {
                                t.Property("Isbn");
                            });
                    });
                """);

            Assert.Equal(Mapping.Unknown, model.Maps(new TableKey(null, "BookDetails"), "Isbn"));
            Assert.Equal(Mapping.Unknown, model.Maps(new TableKey(null, "Products"), "Name"));
        }

        [Fact]
        public void A_table_no_column_is_placed_in_is_not_mapped()
        {
            // A keyless entity with no properties, and one whose only property is kept in the database: no column is placed.
            var model = Read("""
                modelBuilder.Entity("Ns.Tag", b =>
                    {
                        b.HasNoKey();
                        b.ToTable("Tags");
                    });

                modelBuilder.Entity("Ns.Old", b =>
                    {
                        b.Property<int>("Id").HasAnnotation("BlueGreen:KeptInDatabase", true);
                        b.HasKey("Id");
                        b.ToTable("Olds");
                    });
                """);

            Assert.Empty(model.Tables);
            Assert.Equal(Mapping.NotMapped, model.MapsTable(new TableKey(null, "Tags")));
            Assert.False(model.IsKeyless(new TableKey(null, "Tags")));
            Assert.Equal(Mapping.NotMapped, model.MapsTable(new TableKey(null, "Olds")));
        }

        [Theory]
        [InlineData("int")]
        [InlineData("int?")]
        [InlineData("string")]
        [InlineData("DateTime?")]
        [InlineData("@class")]
        [InlineData("@class?")]
        [InlineData("int ?")]
        [InlineData("System.Guid")]
        [InlineData("List<string>")]
        [InlineData("Dictionary<string, object>")]
        [InlineData("byte[]")]
        public void A_type_is_read_as_written(string type)
        {
            // The reader names types without building strings for the common shapes; what it names is what ToString says.
            var syntax = SyntaxFactory.ParseTypeName(type);
            Assert.Equal(syntax.ToString(), BlueGreen.Analyzers.Syntax.Invocations.TypeText(syntax));

            var property = Read("modelBuilder.Entity(\"Shop.C\", b => { b.Property<" + type + ">(\"Id\"); b.HasKey(\"Id\"); b.ToTable(\"C\"); b.Property<" + type + ">(\"Other\"); });")
                .Declaration(new TableKey(null, "C"), "Other");
            Assert.Equal(syntax.ToString(), property?.ClrType);
        }

        private static TargetModel Read(string body) => DesignerBody.Read(body);

        /// <summary>"schema.Table (excluded): Column!, Column?, Column" (NOT NULL, nullable, unknown), one line per table.</summary>
        private static string[] Dump(TargetModel model) => model.Tables
            .OrderBy(table => table.ToString(), StringComparer.Ordinal)
            .Select(table => table + (model.IsUncertain(table) ? " (uncertain)" : string.Empty) + (model.IsExcludedFromMigrations(table) ? " (excluded)" : string.Empty) + ": "
                + string.Join(", ", model.Columns(table).OrderBy(column => column, StringComparer.OrdinalIgnoreCase)
                    .Select(column => column + (model.IsNullable(table, column) switch { true => "?", false => "!", _ => string.Empty }))))
            .ToArray();
    }
}
