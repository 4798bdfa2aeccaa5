using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace BlueGreen.Analyzers.Truth.Evolutions
{
    /// <summary>
    /// A model as an app's source: the entity classes and <c>Fixtures.ShopContext</c>, as a developer writes them before
    /// running <c>migrations add</c>. One text serves both providers (<c>#if SQLITE</c> / <c>#elif NPGSQL</c>).
    /// </summary>
    internal static class ModelSource
    {
        public static string Render(ShopModel model)
        {
            var source = new StringBuilder();
            source.Append("""
                using System;
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;
                using Microsoft.EntityFrameworkCore;

                namespace Fixtures
                {
                    public class ShopContext : DbContext
                    {
                        // What `migrations add` creates: the provider comes from OnConfiguring.
                        public ShopContext()
                        {
                        }

                        // What the app (and the oracle) creates: the provider comes from the options.
                        public ShopContext(DbContextOptions options)
                            : base(options)
                        {
                        }

                """);
            foreach (var entity in model.Entities)
            {
                source.Append(CultureInfo.InvariantCulture, $"\n        public DbSet<{entity.Root.Name}> {entity.DbSet} => Set<{entity.Root.Name}>();\n");
            }

            source.Append('\n').Append("""
                        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                        {
                            if (!optionsBuilder.IsConfigured)
                            {
                #if SQLITE
                                optionsBuilder.UseSqlite("Data Source=shop.db");
                #elif NPGSQL
                                optionsBuilder.UseNpgsql("Host=localhost;Database=shop;Username=shop;Password=shop");
                #endif
                            }
                        }

                        protected override void OnModelCreating(ModelBuilder modelBuilder)
                        {

                """);
            foreach (var entity in model.Entities)
            {
                source.Append(EntityConfiguration(entity));
            }

            source.Append("        }\n    }\n");
            foreach (var entity in model.Entities)
            {
                source.Append(Class(entity.Root, baseType: null, entity.Owned));
                foreach (var derived in entity.Derived)
                {
                    source.Append(Class(derived, entity.Root.Name, Array.Empty<TypeModel>()));
                }

                foreach (var owned in entity.Owned)
                {
                    source.Append(Class(owned, baseType: null, Array.Empty<TypeModel>()));
                }
            }

            source.Append("}\n");
            return source.ToString();
        }

        private static string EntityConfiguration(EntityModel entity)
        {
            var lines = new List<string>();
            if (entity.Table is { } table)
            {
                lines.Add($"entity.ToTable(\"{table}\");");
            }

            lines.AddRange(entity.Root.Properties.Select(property => Fluent("entity", property)).OfType<string>());
            foreach (var owned in entity.Owned)
            {
                var configured = owned.Properties.Select(property => Fluent("owned", property)).OfType<string>().ToList();
                lines.Add(configured.Count == 0
                    ? $"entity.OwnsOne(e => e.{owned.Navigation});"
                    : $"entity.OwnsOne(e => e.{owned.Navigation}, owned =>\n{{\n" + string.Concat(configured.Select(line => "    " + line + "\n")) + "});");
                if (owned.RequiredNavigation)
                {
                    lines.Add($"entity.Navigation(e => e.{owned.Navigation}).IsRequired();");
                }
            }

            var text = new StringBuilder(Block($"modelBuilder.Entity<{entity.Root.Name}>", lines));
            foreach (var derived in entity.Derived)
            {
                // A derived type is in the model only when something names it; its base's table holds its rows (TPH).
                text.Append(Block($"modelBuilder.Entity<{derived.Name}>", derived.Properties.Select(property => Fluent("entity", property)).OfType<string>().ToList()));
            }

            return text.ToString();
        }

        private static string Block(string call, List<string> lines) =>
            lines.Count == 0
                ? $"            {call}();\n"
                : $"            {call}(entity =>\n            {{\n" + string.Concat(lines.SelectMany(line => line.Split('\n')).Select(line => "                " + line + "\n")) + "            });\n";

        private static string? Fluent(string builder, PropertyModel property)
        {
            if (property.Configuration != Configuration.Fluent || (property.ColumnName is null && property.MaxLength is null))
            {
                return null;
            }

            var lambda = builder == "entity" ? "e" : "o";
            return $"{builder}.Property({lambda} => {lambda}.{property.Name})"
                + (property.ColumnName is { } column ? $".HasColumnName(\"{column}\")" : string.Empty)
                + (property.MaxLength is { } length ? $".HasMaxLength({length})" : string.Empty)
                + ";";
        }

        private static string Class(TypeModel type, string? baseType, IEnumerable<TypeModel> owned)
        {
            var members = new List<string>();
            if (type.Kind == TypeKind.Entity)
            {
                members.Add("public int Id { get; set; }");
            }

            members.AddRange(type.Properties.Select(Property));
            members.AddRange(owned.Select(navigation => navigation.RequiredNavigation
                ? $"public {navigation.Name} {navigation.Navigation} {{ get; set; }} = null!;"
                : $"public {navigation.Name}? {navigation.Navigation} {{ get; set; }}"));
            return $"\n    public class {type.Name}{(baseType is null ? string.Empty : " : " + baseType)}\n    {{\n"
                + string.Join("\n", members.Select(member => string.Concat(member.Split('\n').Select(line => "        " + line + "\n"))))
                + "    }\n";
        }

        private static string Property(PropertyModel property)
        {
            var attributes = new StringBuilder();
            if (property.Configuration == Configuration.Attributes)
            {
                if (property.ColumnName is { } column)
                {
                    attributes.Append(CultureInfo.InvariantCulture, $"[Column(\"{column}\")]\n");
                }

                if (property.MaxLength is { } length)
                {
                    attributes.Append(CultureInfo.InvariantCulture, $"[MaxLength({length})]\n");
                }
            }

            var type = property.Type switch
            {
                ClrType.String => "string",
                ClrType.Int => "int",
                ClrType.Long => "long",
                ClrType.Bool => "bool",
                ClrType.Decimal => "decimal",
                _ => "DateTime",
            };
            return attributes + (property.Required
                ? $"public {type} {property.Name} {{ get; set; }}" + (property.Type == ClrType.String ? " = null!;" : string.Empty)
                : $"public {type}? {property.Name} {{ get; set; }}");
        }
    }
}
