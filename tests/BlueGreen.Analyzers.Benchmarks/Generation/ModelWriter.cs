using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BlueGreen.Analyzers.Benchmarks.Generation
{
    /// <summary>
    /// Writes a <c>BuildTargetModel</c> (designer) or <c>BuildModel</c> (snapshot) body exactly as EF Core 10's
    /// SQL Server scaffolder lays it out: entity types in hierarchical then name order, key first then
    /// properties by name, indexes, <c>ToTable</c>; then one block per entity with owned types and
    /// relationships; then the principal-side navigations.
    /// </summary>
    internal static class ModelWriter
    {
        private const string Entity = "            ";
        private const string Member = "                    ";
        private const string Continued = "                        ";
        private const string OwnedMember = "                            ";
        private const string OwnedContinued = "                                ";

        public static void WriteBody(StringBuilder text, IReadOnlyList<EntityModel> entities, string domainNamespace)
        {
            text.Append("#pragma warning disable 612, 618\n");
            text.Append(Entity).Append("modelBuilder\n");
            text.Append(Entity).Append("    .HasAnnotation(\"ProductVersion\", \"10.0.15\")\n");
            text.Append(Entity).Append("    .HasAnnotation(\"Relational:MaxIdentifierLength\", 128);\n\n");
            text.Append(Entity).Append("SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder);\n");

            var sorted = entities.OrderBy(entity => entity.Name, StringComparer.Ordinal).ToList();
            foreach (var entity in sorted)
            {
                WriteEntityType(text, entity, domainNamespace);
            }

            foreach (var entity in sorted)
            {
                foreach (var derived in entity.Derived.OrderBy(derived => derived.Name, StringComparer.Ordinal))
                {
                    text.Append('\n').Append(Entity).Append("modelBuilder.Entity(\"").Append(domainNamespace).Append('.').Append(derived.Name).Append("\", b =>\n");
                    text.Append(Entity).Append("    {\n");
                    text.Append(Member).Append("b.HasBaseType(\"").Append(domainNamespace).Append('.').Append(entity.Name).Append("\");\n");
                    foreach (var property in derived.Properties.OrderBy(property => property.Name, StringComparer.Ordinal))
                    {
                        text.Append('\n');
                        WriteProperty(text, property, "b", Member, Continued);
                    }

                    text.Append('\n').Append(Member).Append("b.HasDiscriminator().HasValue(\"").Append(derived.Name).Append("\");\n");
                    text.Append(Entity).Append("    });\n");
                }
            }

            // Owned types and relationships, declared on the dependent side.
            foreach (var entity in sorted.Where(entity => entity.Owned.Count > 0 || entity.ForeignKeys.Count > 0))
            {
                text.Append('\n').Append(Entity).Append("modelBuilder.Entity(\"").Append(domainNamespace).Append('.').Append(entity.Name).Append("\", b =>\n");
                text.Append(Entity).Append("    {\n");
                var first = true;
                foreach (var owned in entity.Owned.OrderBy(owned => owned.Navigation, StringComparer.Ordinal))
                {
                    Separate(text, ref first);
                    WriteOwned(text, entity, owned, domainNamespace);
                }

                foreach (var key in entity.ForeignKeys.OrderBy(key => key.Principal.Name, StringComparer.Ordinal).ThenBy(key => key.Navigation, StringComparer.Ordinal))
                {
                    Separate(text, ref first);
                    text.Append(Member).Append("b.HasOne(\"").Append(domainNamespace).Append('.').Append(key.Principal.Name).Append("\", \"").Append(key.Navigation).Append("\")\n");
                    text.Append(Continued).Append(key.InverseNavigation is null ? ".WithMany()" : ".WithMany(\"" + key.InverseNavigation + "\")").Append('\n');
                    if (key.Required)
                    {
                        text.Append(Continued).Append(".HasForeignKey(\"").Append(key.Property).Append("\")\n");
                        text.Append(Continued).Append(".OnDelete(DeleteBehavior.Cascade)\n");
                        text.Append(Continued).Append(".IsRequired();\n");
                    }
                    else
                    {
                        text.Append(Continued).Append(".HasForeignKey(\"").Append(key.Property).Append("\");\n");
                    }
                }

                var navigations = entity.ForeignKeys.Select(key => (Name: key.Navigation, Required: false))
                    .Concat(entity.Owned.Select(owned => (Name: owned.Navigation, Required: true)))
                    .OrderBy(navigation => navigation.Name, StringComparer.Ordinal);
                foreach (var navigation in navigations)
                {
                    Separate(text, ref first);
                    text.Append(Member).Append("b.Navigation(\"").Append(navigation.Name).Append("\")");
                    text.Append(navigation.Required ? "\n" + Continued + ".IsRequired();\n" : ";\n");
                }

                text.Append(Entity).Append("    });\n");
            }

            // Principal-side collection navigations.
            var inverse = entities.SelectMany(entity => entity.ForeignKeys)
                .Where(key => key.InverseNavigation is not null)
                .GroupBy(key => key.Principal)
                .OrderBy(group => group.Key.Name, StringComparer.Ordinal);
            foreach (var group in inverse)
            {
                text.Append('\n').Append(Entity).Append("modelBuilder.Entity(\"").Append(domainNamespace).Append('.').Append(group.Key.Name).Append("\", b =>\n");
                text.Append(Entity).Append("    {\n");
                var first = true;
                foreach (var name in group.Select(key => key.InverseNavigation!).Distinct().OrderBy(name => name, StringComparer.Ordinal))
                {
                    Separate(text, ref first);
                    text.Append(Member).Append("b.Navigation(\"").Append(name).Append("\");\n");
                }

                text.Append(Entity).Append("    });\n");
            }

            text.Append("#pragma warning restore 612, 618\n");
        }

        private static void Separate(StringBuilder text, ref bool first)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
        }

        private static void WriteEntityType(StringBuilder text, EntityModel entity, string domainNamespace)
        {
            text.Append('\n').Append(Entity).Append("modelBuilder.Entity(\"").Append(domainNamespace).Append('.').Append(entity.Name).Append("\", b =>\n");
            text.Append(Entity).Append("    {\n");
            text.Append(Member).Append("b.Property<int>(\"Id\")\n");
            text.Append(Continued).Append(".ValueGeneratedOnAdd()\n");
            text.Append(Continued).Append(".HasColumnType(\"int\");\n\n");
            text.Append(Member).Append("SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>(\"Id\"));\n");

            var properties = entity.Properties.AsEnumerable();
            if (entity.Derived.Count > 0)
            {
                var length = entity.Derived.Select(derived => derived.Name.Length).Append(entity.Name.Length).Max();
                properties = properties.Append(new PropertyModel("Discriminator", ColumnKind.String, required: true, maxLength: length));
            }

            foreach (var property in properties.OrderBy(property => property.Name, StringComparer.Ordinal))
            {
                text.Append('\n');
                WriteProperty(text, property, "b", Member, Continued);
            }

            text.Append('\n').Append(Member).Append("b.HasKey(\"Id\");\n");
            foreach (var index in entity.Indexes.OrderBy(index => string.Join(",", index.Properties), StringComparer.Ordinal))
            {
                text.Append('\n').Append(Member).Append("b.HasIndex(").Append(string.Join(", ", index.Properties.Select(name => "\"" + name + "\""))).Append(')');
                if (index.Unique)
                {
                    text.Append('\n').Append(Continued).Append(".IsUnique()");
                }

                if (index.Filter is not null)
                {
                    text.Append('\n').Append(Continued).Append(".HasFilter(\"").Append(index.Filter).Append("\")");
                }

                text.Append(";\n");
            }

            text.Append('\n').Append(Member).Append("b.ToTable(\"").Append(entity.Table).Append("\");\n");
            if (entity.Derived.Count > 0)
            {
                text.Append('\n').Append(Member).Append("b.HasDiscriminator<string>(\"Discriminator\").HasValue(\"").Append(entity.Name).Append("\");\n");
                text.Append('\n').Append(Member).Append("b.UseTphMappingStrategy();\n");
            }

            text.Append(Entity).Append("    });\n");
        }

        private static void WriteOwned(StringBuilder text, EntityModel owner, OwnedModel owned, string domainNamespace)
        {
            var key = owner.Name + "Id";
            text.Append(Member).Append("b.OwnsOne(\"").Append(domainNamespace).Append('.').Append(owned.TypeName).Append("\", \"").Append(owned.Navigation).Append("\", b1 =>\n");
            text.Append(Continued).Append("{\n");
            text.Append(OwnedMember).Append("b1.Property<int>(\"").Append(key).Append("\")\n");
            text.Append(OwnedContinued).Append(".HasColumnType(\"int\");\n");
            foreach (var property in owned.Properties.OrderBy(property => property.Name, StringComparer.Ordinal))
            {
                text.Append('\n');
                WriteProperty(text, property, "b1", OwnedMember, OwnedContinued);
            }

            text.Append('\n').Append(OwnedMember).Append("b1.HasKey(\"").Append(key).Append("\");\n");
            text.Append('\n').Append(OwnedMember).Append("b1.ToTable(\"").Append(owner.Table).Append("\");\n");
            text.Append('\n').Append(OwnedMember).Append("b1.WithOwner()\n");
            text.Append(OwnedContinued).Append(".HasForeignKey(\"").Append(key).Append("\");\n");
            text.Append(Continued).Append("});\n");
        }

        private static void WriteProperty(StringBuilder text, PropertyModel property, string builder, string indent, string continued)
        {
            text.Append(indent).Append(builder).Append(".Property<").Append(property.ModelClrType).Append(">(\"").Append(property.Name).Append("\")");
            if (property.IsString && property.Required)
            {
                text.Append('\n').Append(continued).Append(".IsRequired()");
            }

            if (property.IsString && property.MaxLength is { } length)
            {
                text.Append('\n').Append(continued).Append(".HasMaxLength(").Append(length).Append(')');
            }

            if (property.Kind == ColumnKind.AnsiString)
            {
                text.Append('\n').Append(continued).Append(".IsUnicode(false)");
            }

            if (property.Kind == ColumnKind.Decimal)
            {
                text.Append('\n').Append(continued).Append(".HasPrecision(").Append(property.Precision).Append(", ").Append(property.Scale).Append(')');
            }

            text.Append('\n').Append(continued).Append(".HasColumnType(\"").Append(property.StoreType).Append("\")");
            if (property.ColumnName is not null)
            {
                text.Append('\n').Append(continued).Append(".HasColumnName(\"").Append(property.ColumnName).Append("\")");
            }

            text.Append(";\n");
        }
    }
}
