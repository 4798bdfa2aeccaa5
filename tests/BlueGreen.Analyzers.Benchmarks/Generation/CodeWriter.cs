using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BlueGreen.Analyzers.Benchmarks.Generation
{
    /// <summary>
    /// The application code around a generated history: one class per entity type of the final model and the
    /// DbContext. Only the build is measured, so the context configures the provider and the mappings the
    /// conventions would not find (owned types, column names), not every facet.
    /// </summary>
    internal static class CodeWriter
    {
        public static IEnumerable<GeneratedFile> Write(IReadOnlyList<EntityModel> entities)
        {
            foreach (var entity in entities)
            {
                yield return new GeneratedFile("Domain/" + entity.Name + ".cs", EntityClass(entity, entities), FileKind.Code);
                foreach (var derived in entity.Derived)
                {
                    yield return new GeneratedFile("Domain/" + derived.Name + ".cs", DerivedClass(entity, derived), FileKind.Code);
                }
            }

            yield return new GeneratedFile("Domain/Address.cs", Class("Address", null, new[]
            {
                "public string Street { get; set; } = null!;",
                "public string City { get; set; } = null!;",
                "public string? PostalCode { get; set; }",
                "public string CountryCode { get; set; } = null!;",
            }), FileKind.Code);
            yield return new GeneratedFile("Data/" + HistoryGenerator.ContextName + ".cs", Context(entities), FileKind.Code);
        }

        private static string EntityClass(EntityModel entity, IReadOnlyList<EntityModel> entities)
        {
            var members = new List<string> { "public int Id { get; set; }" };
            members.AddRange(entity.Properties.Select(Member));
            members.AddRange(entity.ForeignKeys.Select(key => "public " + key.Principal.Name + (key.Required ? " " : "? ") + key.Navigation + " { get; set; }" + (key.Required ? " = null!;" : string.Empty)));
            members.AddRange(entity.Owned.Select(owned => "public Address " + owned.Navigation + " { get; set; } = null!;"));
            members.AddRange(entities.SelectMany(dependent => dependent.ForeignKeys.Where(key => key.Principal == entity && key.InverseNavigation is not null).Select(key => (Dependent: dependent, Key: key)))
                .Select(pair => "public List<" + pair.Dependent.Name + "> " + pair.Key.InverseNavigation + " { get; set; } = new List<" + pair.Dependent.Name + ">();"));
            return Class(entity.Name, null, members);
        }

        private static string DerivedClass(EntityModel baseEntity, DerivedModel derived) =>
            Class(derived.Name, baseEntity.Name, derived.Properties.Select(Member));

        private static string Member(PropertyModel property)
        {
            if (property.IsString)
            {
                return property.Required ? "public string " + property.Name + " { get; set; } = null!;" : "public string? " + property.Name + " { get; set; }";
            }

            return "public " + property.ModelClrType + " " + property.Name + " { get; set; }";
        }

        private static string Class(string name, string? baseName, IEnumerable<string> members)
        {
            var text = new StringBuilder();
            text.Append("using System;\nusing System.Collections.Generic;\n\n");
            text.Append("namespace ").Append(HistoryGenerator.DomainNamespace).Append('\n');
            text.Append("{\n");
            text.Append("    public class ").Append(name).Append(baseName is null ? string.Empty : " : " + baseName).Append('\n');
            text.Append("    {\n");
            text.Append(string.Join("\n\n", members.Select(member => "        " + member))).Append('\n');
            text.Append("    }\n");
            text.Append("}\n");
            return text.ToString();
        }

        private static string Context(IReadOnlyList<EntityModel> entities)
        {
            var text = new StringBuilder();
            text.Append("using ").Append(HistoryGenerator.DomainNamespace).Append(";\n");
            text.Append("using Microsoft.EntityFrameworkCore;\n\n");
            text.Append("namespace ").Append(HistoryGenerator.DataNamespace).Append('\n');
            text.Append("{\n");
            text.Append("    public class ").Append(HistoryGenerator.ContextName).Append(" : DbContext\n");
            text.Append("    {\n");
            foreach (var entity in entities)
            {
                text.Append("        public DbSet<").Append(entity.Name).Append("> ").Append(entity.Table).Append(" => Set<").Append(entity.Name).Append(">();\n\n");
            }

            text.Append("        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>\n");
            text.Append("            optionsBuilder.UseSqlServer(\"Server=.;Database=Commerce;Trusted_Connection=True;TrustServerCertificate=True\");\n\n");
            text.Append("        protected override void OnModelCreating(ModelBuilder modelBuilder)\n");
            text.Append("        {\n");
            foreach (var entity in entities)
            {
                var lines = new List<string>();
                lines.AddRange(entity.Owned.Select(owned => "entity.OwnsOne(e => e." + owned.Navigation + ");"));
                lines.AddRange(entity.Properties.Where(property => property.ColumnName is not null).Select(property => "entity.Property(e => e." + property.Name + ").HasColumnName(\"" + property.ColumnName + "\");"));
                lines.AddRange(entity.Properties.Where(property => property.Kind == ColumnKind.Decimal).Select(property => "entity.Property(e => e." + property.Name + ").HasPrecision(" + property.Precision + ", " + property.Scale + ");"));
                lines.AddRange(entity.Properties.Where(property => property.IsString && property.MaxLength is not null).Select(property => "entity.Property(e => e." + property.Name + ").HasMaxLength(" + property.MaxLength + ")" + (property.Kind == ColumnKind.AnsiString ? ".IsUnicode(false)" : string.Empty) + ";"));
                if (lines.Count == 0)
                {
                    continue;
                }

                text.Append("            modelBuilder.Entity<").Append(entity.Name).Append(">(entity =>\n");
                text.Append("            {\n");
                foreach (var line in lines)
                {
                    text.Append("                ").Append(line).Append('\n');
                }

                text.Append("            });\n\n");
            }

            foreach (var derived in entities.SelectMany(entity => entity.Derived))
            {
                text.Append("            modelBuilder.Entity<").Append(derived.Name).Append(">();\n");
            }

            text.Append("        }\n");
            text.Append("    }\n");
            text.Append("}\n");
            return text.ToString();
        }
    }
}
