using System;
using System.Collections.Generic;
using System.IO;
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
    /// ModelText, the designers' text index the checker asks before it reads a model: whatever it claims must hold for the
    /// model ModelReader reads from the same designer. Checked on every designer EF's scaffolder wrote for the corpus
    /// (all shapes: TPH, TPT, TPC, owned, complex, JSON, entity splitting, views, schemas; EF 8 to 10; three providers),
    /// and on hand-written bodies for what EF does not write.
    /// </summary>
    public class ModelTextTests
    {
        private static readonly string HistoriesFolder = Path.Combine(AppContext.BaseDirectory, "Histories");

        public static IEnumerable<object[]> Histories() =>
            Directory.GetDirectories(HistoriesFolder).Where(folder => Directory.GetFiles(folder, "*.Designer.cs").Length > 0)
                .Select(folder => new object[] { Path.GetFileName(folder) }).OrderBy(row => (string)row[0], StringComparer.Ordinal);

        [Theory]
        [MemberData(nameof(Histories))]
        public void What_the_text_rules_out_no_scaffolded_model_maps_and_what_it_calls_alike_every_model_maps_alike(string history)
        {
            var designers = Directory.GetFiles(Path.Combine(HistoriesFolder, history), "*.Designer.cs").OrderBy(file => file, StringComparer.Ordinal)
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == "BuildTargetModel"))
                .Select(method => (Model: ModelReader.Read(method, CancellationToken.None), Text: ModelText.Read(method, CancellationToken.None)))
                .ToList();
            Assert.NotEmpty(designers);

            var ruledOut = 0;
            var alike = 0;
            for (var index = 0; index < designers.Count; index++)
            {
                var (model, text) = designers[index];
                var earlier = index == 0 ? null : designers[index - 1].Model;
                var earlierText = index == 0 ? null : designers[index - 1].Text;

                // Every column any neighbouring model maps, and names no model maps, in every table either maps.
                var tables = model.Tables.Concat(earlier?.Tables ?? Enumerable.Empty<TableKey>()).Distinct().ToList();
                var columns = tables.SelectMany(table => model.Columns(table).Concat(earlier?.Columns(table) ?? Enumerable.Empty<string>()))
                    .Concat(new[] { "Id", "Name", "NoSuchColumn" }).Distinct(StringComparer.Ordinal).ToList();
                foreach (var table in tables)
                {
                    foreach (var column in columns)
                    {
                        var code = text.ColumnCode(table.Name, column);
                        if (code is { Count: 0 })
                        {
                            Assert.True(model.Maps(table, column) == Mapping.NotMapped, $"{history} #{index}: the text rules out {table}.{column}, which the model maps ({model.Maps(table, column)}).");
                            ruledOut++;
                        }

                        if (earlier is not null && earlierText!.ColumnCode(table.Name, column) is { } before && code is not null && ModelText.Same(before, code))
                        {
                            Assert.True(
                                earlier.Maps(table, column) == model.Maps(table, column) && earlier.IsRequired(table, column) == model.IsRequired(table, column),
                                $"{history} #{index}: the text calls {table}.{column} alike, the models differ ({earlier.Maps(table, column)} → {model.Maps(table, column)}).");
                            alike++;
                        }
                    }
                }

                // The same optional-column sources: no property changes requiredness while its column is nullable.
                if (earlierText is not null && earlierText.SameOptionalColumnSources(text))
                {
                    foreach (var (table, column) in model.RequiredNullableColumns.Concat(earlier!.RequiredNullableColumns))
                    {
                        Assert.True(earlier.IsRequired(table, column) == model.IsRequired(table, column), $"{history} #{index}: {table}.{column} changed requiredness with the same sources.");
                    }
                }
            }

            // The index decides something on every history (it is not silent everywhere).
            Assert.True(ruledOut > 0 && alike > 0, $"{history}: ruled out {ruledOut}, alike {alike}");
        }

        [Fact]
        public void A_name_in_another_tables_statement_rules_the_column_out_and_an_owned_types_prefixed_column_is_found_in_its_owners()
        {
            var text = Text("""
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Email");
                        b.ToTable("Customers");
                    });

                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("Orders");
                    });

                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.OwnsOne("Shop.Address", "Billing", b1 =>
                            {
                                b1.Property<int>("OrderId");
                                b1.Property<string>("Street");
                                b1.ToTable("Orders");
                            });
                    });
                """);

            Assert.Empty(text.ColumnCode("Orders", "Email")!);
            // The property's statement and the table's, each compared whole between designers.
            Assert.Equal(new[] { "b.Property<string>(\"Email\");", "b.ToTable(\"Customers\");" }, text.ColumnCode("Customers", "Email")!.Select(unit => unit.ToString()));
            Assert.NotEmpty(text.ColumnCode("Orders", "Billing_Street")!);
            Assert.Empty(text.ColumnCode("Customers", "Billing_Street")!);

            // A table no statement names: maybe by convention, or a merged branch's; nothing told.
            Assert.Null(text.ColumnCode("Invoices", "Email"));
        }

        [Fact]
        public void Derived_types_tables_and_composed_names_tell_nothing()
        {
            var derived = Text("""
                modelBuilder.Entity("Shop.Payment", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<decimal>("Amount");
                        b.ToTable("Payments");
                        b.UseTptMappingStrategy();
                    });

                modelBuilder.Entity("Shop.CardPayment", b =>
                    {
                        b.HasBaseType("Shop.Payment");
                        b.Property<string>("Last4");
                        b.ToTable("CardPayments");
                    });
                """);

            // The TPT derived table's key column is declared by the base's statement only.
            Assert.Null(derived.ColumnCode("CardPayments", "Id"));
            Assert.NotEmpty(derived.ColumnCode("Payments", "Amount")!);
            Assert.Null(derived.ColumnCode("Payments", "Last4"));

            foreach (var composed in new[]
            {
                "b.Property<string>(\"Em\" + \"ail\");",
                "b.Property<string>(nameof(Customer.Email));",
                "b.Property<string>($\"{Prefix}Email\");",
                "b.Property<string>(@\"Email\");",
                "// b.Property<string>(\"Email\");",
                "b.Property<char>(\"Code\").HasDefaultValue('\"');",
            })
            {
                var text = Text("modelBuilder.Entity(\"Shop.Customer\", b =>\n{\n b.Property<int>(\"Id\");\n " + composed + "\n b.ToTable(\"Customers\");\n});");
                Assert.Null(text.ColumnCode("Customers", "Email"));
            }
        }

        [Fact]
        public void Another_property_added_to_the_entity_leaves_a_columns_code_the_same_and_a_changed_property_does_not()
        {
            const string Before = """
                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Email").HasMaxLength(200);
                        b.ToTable("Customers");
                    });
                """;
            var before = Text(Before);
            var added = Text(Before.Replace("b.ToTable", "b.Property<string>(\"Phone\");\n b.ToTable", StringComparison.Ordinal));
            var changed = Text(Before.Replace("HasMaxLength(200)", "IsRequired()", StringComparison.Ordinal));
            var moved = Text(Before.Replace("b.ToTable(\"Customers\")", "b.ToTable(\"Clients\")", StringComparison.Ordinal));

            Assert.True(ModelText.Same(before.ColumnCode("Customers", "Email")!, added.ColumnCode("Customers", "Email")!));
            Assert.False(ModelText.Same(before.ColumnCode("Customers", "Email")!, changed.ColumnCode("Customers", "Email")!));
            Assert.Null(moved.ColumnCode("Customers", "Email"));
        }

        [Fact]
        public void Optional_column_sources_are_the_hierarchies_owned_and_complex_statements()
        {
            const string Body = """
                modelBuilder.Entity("Shop.Animal", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Discriminator");
                        b.ToTable("Animals");
                        b.HasDiscriminator<string>("Discriminator").HasValue("Animal");
                    });

                modelBuilder.Entity("Shop.Dog", b =>
                    {
                        b.HasBaseType("Shop.Animal");
                        b.Property<string>("Breed");
                    });

                modelBuilder.Entity("Shop.Customer", b =>
                    {
                        b.Property<int>("Id");
                        b.ToTable("Customers");
                    });
                """;
            var text = Text(Body);
            Assert.True(text.SameOptionalColumnSources(Text(Body.Replace("b.ToTable(\"Customers\")", "b.Property<string>(\"Email\");\n b.ToTable(\"Customers\")", StringComparison.Ordinal))));
            Assert.False(text.SameOptionalColumnSources(Text(Body.Replace("b.Property<string>(\"Breed\");", "b.Property<string>(\"Breed\").IsRequired();", StringComparison.Ordinal))));
        }

        private static ModelText Text(string body) => ModelText.Read(DesignerBody.Method(body), CancellationToken.None);
    }
}
