using System;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// Where a target model's columns are declared (<see cref="TargetModel.Declaration"/>) and where a type's properties go
    /// (<see cref="TargetModel.TypeBody"/>): what a code fix needs to copy a property from one designer into the next.
    /// </summary>
    public class ModelDeclarationTests
    {
        private static readonly TableKey Animals = new TableKey(null, "Animals");
        private static readonly TableKey Customers = new TableKey(null, "Customers");

        // A designer's Customers entity, as the tests of designers sharing definitions write it.
        private const string Customer = """
            modelBuilder.Entity("Shop.Customer", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Name").IsRequired();
                    b.HasKey("Id");
                    b.ToTable("Customers");
                });
            """;
        private static readonly TableKey ShopCustomer = new TableKey("shop", "Customer");
        private static readonly TableKey ShopSupplier = new TableKey("shop", "Supplier");

        [Fact]
        public void A_column_is_declared_by_its_property_call_in_the_block_of_its_entity_owned_or_complex_type()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property(typeof(string), "Name")
                            .IsRequired();
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.OwnsOne("Shop.Address", "Home", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.HasKey("CustomerId");
                                b1.ToTable("Customers");
                                b1.WithOwner().HasForeignKey("CustomerId");
                                b1.OwnsOne("Shop.Location", "Location", b2 =>
                                    {
                                        b2.Property<int>("AddressCustomerId");
                                        b2.Property<double?>("Lat")
                                            .HasColumnName("latitude");
                                        b2.HasKey("AddressCustomerId");
                                        b2.ToTable("Customers");
                                        b2.WithOwner().HasForeignKey("AddressCustomerId");
                                    });
                            });

                        b.ComplexProperty<Dictionary<string, object>>("Billing", "Shop.Customer.Billing#Address", b1 =>
                            {
                                b1.IsRequired();
                                b1.Property<string>("Street");
                            });
                    });
                """);

            var name = model.Declaration(Customers, "Name")!;
            Assert.Equal("b.Property(typeof(string), \"Name\")", name.Invocation!.ToString());
            Assert.EndsWith(".IsRequired();", name.Statement!.ToString());
            Assert.Same(name.Invocation, name.Statement!.DescendantNodes().OfType<InvocationExpressionSyntax>().Last());
            Assert.Equal(("Name", "string", "Shop.Customer"), Describe(name));

            var latitude = model.Declaration(Customers, "latitude")!;
            Assert.Equal("b2.Property<double?>(\"Lat\")", latitude.Invocation!.ToString());
            Assert.Equal(("Lat", "double?", "Shop.Customer/Home/Location"), Describe(latitude));

            var street = model.Declaration(Customers, "Billing_Street")!;
            Assert.Equal(("Street", "string", "Shop.Customer/Billing"), Describe(street));

            // The owned types' keys are the owner's Id column.
            Assert.Equal("Shop.Customer", model.Declaration(Customers, "Id")!.TypePath);
            Assert.Null(model.Declaration(Customers, "Home_CustomerId"));
            Assert.Null(model.Declaration(Customers, "Phone"));
        }

        [Fact]
        public void A_column_several_properties_share_a_JSON_column_an_uncertain_table_or_an_expression_lambda_has_no_declaration()
        {
            var model = DesignerBody.Read("""
                modelBuilder.Entity("Shop.Animal", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Animals");
                    });

                modelBuilder.Entity("Shop.Dog", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<string>("Name");
                        b.Property<string>("Breed");
                        b.Property<string>("Breed").HasMaxLength(20);
                    });

                modelBuilder.Entity("Shop.Cat", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<string>("Name");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                        b.OwnsOne("Shop.Preferences", "Preferences", b1 =>
                            {
                                b1.Property<string>("Theme");
                                b1.ToJson("prefs");
                            });
                    });

                modelBuilder.Entity("Shop.Tag", b => b.Property<int>("Id"));
                modelBuilder.Entity("Shop.Tag", b => b.ToTable("Tags"));

                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Notes").HasColumnName(Columns.Notes);
                        b.ToTable("Orders");
                    });
                """);

            Assert.Equal("Shop.Animal", model.Declaration(Animals, "Id")!.TypePath);
            Assert.Null(model.Declaration(Animals, "Name"));
            Assert.Null(model.Declaration(Animals, "Breed"));
            Assert.Null(model.Declaration(Customers, "prefs"));
            Assert.Equal(Mapping.Mapped, model.Maps(new TableKey(null, "Tags"), "Id"));
            Assert.Null(model.Declaration(new TableKey(null, "Tags"), "Id"));
            Assert.Null(model.Declaration(new TableKey(null, "Orders"), "Id"));
        }

        [Theory]
        [InlineData("shapes-ef8-postgres")]
        [InlineData("shapes-ef9-sqlserver")]
        [InlineData("shapes-ef10-sqlite")]
        public void Scaffolded_declarations_name_the_type_path_of_entities_owned_and_complex_types(string history)
        {
            var corpus = CorpusHistory.Get(history);
            var model = corpus.History.Migrations[corpus.IndexOf("Initial")].TargetModel(CancellationToken.None)!;

            var lng = model.Declaration(ShopCustomer, "Home_Location_Lng")!;
            Assert.Equal(("Lng", "double", "Fixtures.Customer/Home/Location"), Describe(lng));
            Assert.Equal("b2.Property<double>(\"Lng\")", lng.Invocation!.ToString());
            Assert.StartsWith("b2.Property<double>(\"Lng\")", lng.Statement!.ToString());

            Assert.Equal(("DisplayName", "string", "Fixtures.Customer"), Describe(model.Declaration(ShopCustomer, "Display Name")!));
            Assert.Equal("Fixtures.Customer/Billing", model.Declaration(new TableKey("shop", "BillingAddresses"), "Street")!.TypePath);
            Assert.Equal(("Lat", "double?", "Fixtures.Supplier/Address/Geo"), Describe(model.Declaration(ShopSupplier, "Address_Geo_Lat")!));

            // TPT: the derived table's key column (renamed CarId) is the root's Id; TPC: the root's Amount (renamed CardAmount).
            Assert.Equal(("Id", "int", "Fixtures.Vehicle"), Describe(model.Declaration(new TableKey("shop", "Cars"), "CarId")!));
            Assert.Equal("Fixtures.Payment", model.Declaration(new TableKey("shop", "CardPayments"), "CardAmount")!.TypePath);

            // Entity splitting: the key in both tables, Weight only in the fragment.
            Assert.Equal("Fixtures.Product", model.Declaration(new TableKey("shop", "ProductDetails"), "WeightKg")!.TypePath);
            Assert.Null(model.Declaration(ShopCustomer, "prefs"));
        }

        [Fact]
        public void A_type_body_is_the_block_that_declares_its_properties()
        {
            var method = DesignerBody.Method("""
                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.HasAnnotation("Relational:TableName", "Orders");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                    });

                modelBuilder.Entity("Shop.VipCustomer", b =>
                    {
                        b.HasBaseType("Shop.Customer");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.OwnsOne("Shop.Address", "Home", b1 =>
                            {
                                b1.Property<int>("CustomerId");
                                b1.ComplexProperty<Dictionary<string, object>>("Geo", "Shop.Address.Geo#Geo", b2 =>
                                    {
                                        b2.Property<double>("Lat");
                                    });
                            });

                        b.Navigation("Home").IsRequired();
                    });

                modelBuilder.Entity("Shop.Tag", b => b.Property<int>("Id"));
                """);
            var model = ModelReader.Read(method, CancellationToken.None);
            var lambdas = method.DescendantNodes().OfType<LambdaExpressionSyntax>().Select(lambda => lambda.Body).ToList();

            Assert.Same(lambdas[1], model.TypeBody("Shop.Customer"));
            Assert.Same(lambdas[2], model.TypeBody("Shop.Order"));
            Assert.Same(lambdas[3], model.TypeBody("Shop.VipCustomer"));
            Assert.Same(lambdas[5], model.TypeBody("Shop.Customer/Home"));
            Assert.Same(lambdas[6], model.TypeBody("Shop.Customer/Home/Geo"));
            Assert.Null(model.TypeBody("Shop.Tag"));
            Assert.Null(model.TypeBody("Shop.Customer/Work"));
            Assert.Null(TargetModel.Empty.TypeBody("Shop.Customer"));
        }

        [Theory]
        [InlineData("shapes-ef8-sqlite")]
        [InlineData("shapes-ef10-sqlserver")]
        [InlineData("shapes-ef10-postgres")]
        public void A_scaffolded_declaration_copied_into_the_next_designers_type_body_maps_its_column_again(string history)
        {
            var corpus = CorpusHistory.Get(history);
            var initial = corpus.History.Migrations[corpus.IndexOf("Initial")].TargetModel(CancellationToken.None)!;
            var next = corpus.History.Migrations[corpus.IndexOf("RemoveFromModel")];
            var nextModel = next.TargetModel(CancellationToken.None)!;

            foreach (var (table, column) in new[] { (ShopCustomer, "Home_Location_Lat"), (ShopSupplier, "Address_Geo_Lat"), (new TableKey("shop", "BillingAddresses"), "Country") })
            {
                var declaration = initial.Declaration(table, column)!;
                Assert.Same(declaration.Statement!.Parent, initial.TypeBody(declaration.TypePath));
                Assert.Equal(Mapping.NotMapped, nextModel.Maps(table, column));

                var body = nextModel.TypeBody(declaration.TypePath)!;
                var designer = next.TargetModelMethod!.ReplaceNode(body, body.AddStatements(declaration.Statement));
                Assert.Equal(Mapping.Mapped, ModelReader.Read(designer, CancellationToken.None).Maps(table, column));
            }

            // The entity's block of properties, not the later one of its owned types and relationships.
            Assert.Contains(nextModel.TypeBody("Fixtures.Customer")!.Statements, statement => statement.ToString().StartsWith("b.Property<int>(\"Id\")", StringComparison.Ordinal));
        }

        [Fact]
        public void Designers_configuring_an_entity_with_the_same_code_share_its_definition_but_each_declares_in_its_own_file()
        {
            const string Order = """
                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable("Orders");
                    });
                """;
            var entities = new EntityDefinitions();
            var first = ModelReader.Read(DesignerBody.Method(Customer + "\n" + Order), CancellationToken.None, entities);

            // The same Customer code after other statements, and an Order whose code differs by one character, same length.
            var secondMethod = DesignerBody.Method("modelBuilder.HasAnnotation(\"ProductVersion\", \"10.0.0\");\n" + Customer + "\n" + Order.Replace("Orders", "Ordres"));
            var second = ModelReader.Read(secondMethod, CancellationToken.None, entities);

            var name = second.Declaration(Customers, "Name")!;
            Assert.Same(secondMethod.SyntaxTree, name.Statement!.SyntaxTree);
            Assert.Same(secondMethod.SyntaxTree, second.TypeBody("Shop.Customer")!.SyntaxTree);
            Assert.NotSame(first.Declaration(Customers, "Name")!.Statement!.SyntaxTree, name.Statement.SyntaxTree);
            Assert.Equal(Mapping.Mapped, second.Maps(new TableKey(null, "Ordres"), "Id"));
            Assert.Equal(Mapping.NotMapped, second.Maps(new TableKey(null, "Orders"), "Id"));
            Assert.Equal(Mapping.Mapped, first.Maps(new TableKey(null, "Orders"), "Id"));

            // Read alone, without the shared definitions, the second designer maps the same.
            var alone = ModelReader.Read(secondMethod, CancellationToken.None);
            foreach (var table in alone.Tables)
            {
                Assert.Equal(alone.Columns(table).OrderBy(column => column), second.Columns(table).OrderBy(column => column));
            }

            Assert.Equal(alone.Tables.OrderBy(table => table.ToString()), second.Tables.OrderBy(table => table.ToString()));

            // The Customer definition was read once; the Order one twice (its code differs).
            var third = DefinitionReader.Read(DesignerBody.Method(Customer + "\n" + Order).Body!, "modelBuilder", CancellationToken.None, entities);
            var fourth = DefinitionReader.Read(secondMethod.Body!, "modelBuilder", CancellationToken.None, entities);
            Assert.Same(third.Entities["Shop.Customer"], fourth.Entities["Shop.Customer"]);
            Assert.NotSame(third.Entities["Shop.Order"], fourth.Entities["Shop.Order"]);
        }

        [Fact]
        public void A_method_with_a_const_local_is_read_whole_because_the_same_statements_mean_another_table_there()
        {
            const string Blog = """
                modelBuilder.Entity("Ns.Blog", b =>
                    {
                        b.Property<int>("Id");
                        b.HasKey("Id");
                        b.ToTable(table);
                    });
                """;
            var entities = new EntityDefinitions();
            var first = ModelReader.Read(DesignerBody.Method("const string table = \"Blogs\";\n" + Blog), CancellationToken.None, entities);
            var second = ModelReader.Read(DesignerBody.Method("const string table = \"Posts\";\n" + Blog), CancellationToken.None, entities);

            Assert.Equal(Mapping.Mapped, first.Maps(new TableKey(null, "Blogs"), "Id"));
            Assert.Equal(Mapping.Mapped, second.Maps(new TableKey(null, "Posts"), "Id"));
            Assert.Equal(Mapping.NotMapped, second.Maps(new TableKey(null, "Blogs"), "Id"));
        }

        [Fact]
        public void An_entity_configured_in_a_shape_the_shared_definitions_do_not_group_is_read_whole()
        {
            // A chain configuring two entities, and an entity whose name is not a constant: the method is read as before.
            var entities = new EntityDefinitions();
            var chained = DesignerBody.Method("""
                modelBuilder
                    .Entity("Shop.A", b => { b.Property<int>("Id"); b.HasKey("Id"); b.ToTable("A"); })
                    .Entity("Shop.B", b => { b.Property<int>("Id"); b.HasKey("Id"); b.ToTable("B"); });
                """);
            Assert.Null(entities.Read(chained.Body!, "modelBuilder", CancellationToken.None));
            var model = ModelReader.Read(chained, CancellationToken.None, entities);
            Assert.Equal(Mapping.Mapped, model.Maps(new TableKey(null, "A"), "Id"));
            Assert.Equal(Mapping.Mapped, model.Maps(new TableKey(null, "B"), "Id"));

            var named = DesignerBody.Method("""
                modelBuilder.Entity(Name, b => { b.Property<int>("Id"); b.HasKey("Id"); b.ToTable("A"); });
                """);
            Assert.Null(entities.Read(named.Body!, "modelBuilder", CancellationToken.None));
            Assert.Equal(Mapping.Unknown, ModelReader.Read(named, CancellationToken.None, entities).Maps(new TableKey(null, "Z"), "Id"));
        }

        [Fact]
        public void A_designer_read_after_another_reuses_the_statements_both_begin_and_end_with_and_maps_as_read_alone()
        {
            const string Order = """
                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<int>("CustomerId");
                        b.HasKey("Id");
                        b.ToTable("Orders");
                    });
                """;
            const string Relationship = """
                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.HasOne("Shop.Customer", null).WithMany().HasForeignKey("CustomerId");
                    });
                """;
            const string Product = """
                modelBuilder.Entity("Shop.Product", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<decimal>("Price").HasColumnType("decimal(18,2)");
                        b.HasKey("Id");
                        b.ToTable("Products");
                    });
                """;
            var before = string.Join("\n", "modelBuilder.HasAnnotation(\"ProductVersion\", \"10.0.0\");", Customer, Order, Product, Relationship);

            // What a later designer may differ by in the middle, Product and the relationship after it unchanged: a changed
            // entity whose relationship statement is not (so the unchanged statement's lambda is found again), a new entity,
            // a model setting, and half-typed code that changes how the text after it parses.
            var variants = new[]
            {
                before.Replace("b.Property<string>(\"Name\").IsRequired();", "b.Property<string>(\"Name\");"),
                before.Replace("b.Property<int>(\"CustomerId\");", "b.Property<int>(\"CustomerId\");\n        b.Property<string>(\"Note\");"),
                before.Replace(Order, Order + "\nmodelBuilder.Entity(\"Shop.Tag\", b => { b.Property<int>(\"Id\"); b.HasKey(\"Id\"); b.ToTable(\"Tags\"); });"),
                before.Replace(Order, "modelBuilder.HasDefaultSchema(\"shop\");\n" + Order),
                before.Replace(Order, "modelBuilder.Entity(\"Shop.Half\", b => { b.Property<int>(\"Id\"); b.ToTable(\"Half"),
                before.Replace(Order, "modelBuilder.Entity(\"Shop.Half\", b => { b.Property<int>(\"Id\");"),
                before.Replace(Order, "/* " + Order),
                before,
            };

            foreach (var variant in variants)
            {
                var entities = new EntityDefinitions();
                ModelReader.Read(DesignerBody.Method(before), CancellationToken.None, entities);
                var method = DesignerBody.Method(variant);
                var shared = ModelReader.Read(method, CancellationToken.None, entities);
                var alone = ModelReader.Read(method, CancellationToken.None);
                AssertSameMapping(alone, shared);

                // Declarations point into the designer read, found again from its own syntax.
                if (shared.Declaration(Customers, "Name") is { } name)
                {
                    Assert.Same(method.SyntaxTree, name.Statement!.SyntaxTree);
                }
            }

            // The relationship statement, unchanged at the end, joins the changed Order's definition (read again, whole).
            var changed = new EntityDefinitions();
            ModelReader.Read(DesignerBody.Method(before), CancellationToken.None, changed);
            var withNote = ModelReader.Read(DesignerBody.Method(variants[1]), CancellationToken.None, changed);
            Assert.Equal(Mapping.Mapped, withNote.Maps(new TableKey(null, "Orders"), "Note"));
            Assert.Equal(Mapping.Mapped, withNote.Maps(new TableKey(null, "Orders"), "CustomerId"));
            Assert.Equal(Mapping.Mapped, withNote.Maps(new TableKey(null, "Products"), "Price"));
        }

        [Fact]
        public void Under_conditional_directives_a_designer_maps_what_its_own_file_defines_not_what_the_same_text_meant_in_another()
        {
            // The earlier designer defines OLD; the later one does not. Whether the #if surrounds whole statements (in the
            // text both bodies share) or sits inside one entity's statement, the later designer maps its own active branch.
            const string Statements = """
                #if OLD
                modelBuilder.Entity("N.A", b => { b.Property<int>("Id"); b.Property<int>("X"); b.HasKey("Id"); b.ToTable("A"); });
                #else
                modelBuilder.Entity("N.A", b => { b.Property<int>("Id"); b.Property<int>("Y"); b.HasKey("Id"); b.ToTable("A"); });
                #endif
                modelBuilder.Entity("N.C", b => { b.Property<int>("Id"); b.HasKey("Id"); b.ToTable("C"); });
                """;
            const string Inside = """
                modelBuilder.Entity("N.A", b =>
                    {
                        b.Property<int>("Id");
                #if OLD
                        b.Property<int>("X");
                #else
                        b.Property<int>("Y");
                #endif
                        b.HasKey("Id");
                        b.ToTable("A");
                    });
                """;
            const string B = """modelBuilder.Entity("N.B", b => { b.Property<int>("Id"); b.HasKey("Id"); b.ToTable("B"); });""";
            foreach (var (before, after) in new[] { (Statements + "\n" + B, Statements + "\n" + B.Replace("b.HasKey", "b.Property<int>(\"New\"); b.HasKey")), (Inside + "\n" + B, Inside + "\n" + B) })
            {
                var entities = new EntityDefinitions();
                var first = ModelReader.Read(Parse("#define OLD\n", before), CancellationToken.None, entities);
                var second = ModelReader.Read(Parse(string.Empty, after), CancellationToken.None, entities);

                Assert.Equal(Mapping.Mapped, first.Maps(new TableKey(null, "A"), "X"));
                Assert.Equal(Mapping.Mapped, second.Maps(new TableKey(null, "A"), "Y"));
                Assert.Equal(Mapping.NotMapped, second.Maps(new TableKey(null, "A"), "X"));
            }

            static MethodDeclarationSyntax Parse(string prelude, string body) =>
                CSharpSyntaxTree.ParseText(prelude + "class Designer { protected override void BuildTargetModel(ModelBuilder modelBuilder) {\n" + body + "\n} }")
                    .GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        }

        private static void AssertSameMapping(TargetModel expected, TargetModel actual)
        {
            Assert.Equal(expected.HasUnplacedEntities, actual.HasUnplacedEntities);
            Assert.Equal(expected.Tables.Select(table => table.ToString()).OrderBy(name => name, StringComparer.Ordinal), actual.Tables.Select(table => table.ToString()).OrderBy(name => name, StringComparer.Ordinal));
            foreach (var table in expected.Tables)
            {
                Assert.Equal(expected.IsUncertain(table), actual.IsUncertain(table));
                Assert.Equal(expected.Columns(table).OrderBy(column => column, StringComparer.Ordinal), actual.Columns(table).OrderBy(column => column, StringComparer.Ordinal));
                foreach (var column in expected.Columns(table))
                {
                    Assert.Equal(
                        (expected.IsNullable(table, column), expected.IsRequired(table, column), expected.HasDefault(table, column), expected.StoreType(table, column), expected.MaxLength(table, column)),
                        (actual.IsNullable(table, column), actual.IsRequired(table, column), actual.HasDefault(table, column), actual.StoreType(table, column), actual.MaxLength(table, column)));
                }
            }
        }

        private static (string Name, string? ClrType, string TypePath) Describe(ColumnDeclaration declaration) =>
            (declaration.PropertyName, declaration.ClrType, declaration.TypePath);
    }
}
