using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BlueGreen.Analyzers.Benchmarks.Generation
{
    /// <summary>
    /// <c>MigrationBuilder</c> statements as EF Core 10's SQL Server scaffolder writes them (named arguments in
    /// its order, <c>defaultValue:</c> for NOT NULL columns added to existing tables, old facets on AlterColumn).
    /// </summary>
    internal static class OperationWriter
    {
        private const string Statement = "            ";
        private const string Argument = "                ";

        public static string CreateTable(EntityModel entity)
        {
            var text = new StringBuilder();
            text.Append(Statement).Append("migrationBuilder.CreateTable(\n");
            text.Append(Argument).Append("name: \"").Append(entity.Table).Append("\",\n");
            text.Append(Argument).Append("columns: table => new\n");
            text.Append(Argument).Append("{\n");
            var columns = new List<string>
            {
                Argument + "    Id = table.Column<int>(type: \"int\", nullable: false)\n" + Argument + "        .Annotation(\"SqlServer:Identity\", \"1, 1\")",
            };
            columns.AddRange(entity.Properties.Select(property => Argument + "    " + property.Column + " = table.Column<" + property.ClrType + ">(" + Facets(property, property.Required) + ")"));
            foreach (var owned in entity.Owned)
            {
                columns.AddRange(owned.Properties.Select(property => Argument + "    " + owned.ColumnOf(property) + " = table.Column<" + property.ClrType + ">(" + Facets(property, property.Required) + ")"));
            }

            if (entity.Derived.Count > 0)
            {
                var length = entity.Derived.Select(derived => derived.Name.Length).Append(entity.Name.Length).Max();
                columns.Add(Argument + "    Discriminator = table.Column<string>(type: \"nvarchar(" + length + ")\", maxLength: " + length + ", nullable: false)");
                foreach (var derived in entity.Derived)
                {
                    // Columns of TPH derived types are nullable: other types' rows have no value.
                    columns.AddRange(derived.Properties.Select(property => Argument + "    " + property.Column + " = table.Column<" + property.ClrType + ">(" + Facets(property, required: false) + ")"));
                }
            }

            text.Append(string.Join(",\n", columns)).Append('\n');
            text.Append(Argument).Append("},\n");
            text.Append(Argument).Append("constraints: table =>\n");
            text.Append(Argument).Append("{\n");
            text.Append(Argument).Append("    table.PrimaryKey(\"PK_").Append(entity.Table).Append("\", x => x.Id);\n");
            foreach (var key in entity.ForeignKeys)
            {
                text.Append(Argument).Append("    table.ForeignKey(\n");
                text.Append(Argument).Append("        name: \"").Append(ForeignKeyName(entity, key)).Append("\",\n");
                text.Append(Argument).Append("        column: x => x.").Append(key.Property).Append(",\n");
                text.Append(Argument).Append("        principalTable: \"").Append(key.Principal.Table).Append("\",\n");
                text.Append(Argument).Append("        principalColumn: \"Id\"");
                text.Append(key.Required ? ",\n" + Argument + "        onDelete: ReferentialAction.Cascade);\n" : ");\n");
            }

            text.Append(Argument).Append("});\n");
            return text.ToString();
        }

        public static string DropTable(EntityModel entity) =>
            Statement + "migrationBuilder.DropTable(\n" + Argument + "name: \"" + entity.Table + "\");\n";

        public static string AddColumn(string table, string column, PropertyModel property)
        {
            var text = new StringBuilder();
            text.Append(Statement).Append("migrationBuilder.AddColumn<").Append(property.ClrType).Append(">(\n");
            text.Append(Argument).Append("name: \"").Append(column).Append("\",\n");
            text.Append(Argument).Append("table: \"").Append(table).Append("\",\n");
            text.Append(Argument).Append(Facets(property, property.Required).Replace(", ", ",\n" + Argument));
            if (property.Required)
            {
                text.Append(",\n").Append(Argument).Append("defaultValue: ").Append(property.DefaultValueLiteral);
            }

            text.Append(");\n");
            return text.ToString();
        }

        public static string DropColumn(string table, string column) =>
            Statement + "migrationBuilder.DropColumn(\n" + Argument + "name: \"" + column + "\",\n" + Argument + "table: \"" + table + "\");\n";

        public static string RenameColumn(string table, string column, string newName) =>
            Statement + "migrationBuilder.RenameColumn(\n" + Argument + "name: \"" + column + "\",\n" + Argument + "table: \"" + table + "\",\n" + Argument + "newName: \"" + newName + "\");\n";

        /// <summary>AlterColumn from <paramref name="old"/> to <paramref name="property"/>, as EF writes it.</summary>
        public static string AlterColumn(string table, string column, PropertyModel property, PropertyModel old)
        {
            var text = new StringBuilder();
            text.Append(Statement).Append("migrationBuilder.AlterColumn<").Append(property.ClrType).Append(">(\n");
            text.Append(Argument).Append("name: \"").Append(column).Append("\",\n");
            text.Append(Argument).Append("table: \"").Append(table).Append("\",\n");
            text.Append(Argument).Append(Facets(property, property.Required).Replace(", ", ",\n" + Argument));
            if (property.Required && !old.Required)
            {
                text.Append(",\n").Append(Argument).Append("defaultValue: ").Append(property.DefaultValueLiteral);
            }

            text.Append(",\n").Append(Argument).Append("oldClrType: typeof(").Append(old.ClrType).Append(')');
            text.Append(",\n").Append(Argument).Append("oldType: \"").Append(old.StoreType).Append('"');
            if (old.Kind == ColumnKind.AnsiString)
            {
                text.Append(",\n").Append(Argument).Append("oldUnicode: false");
            }

            if (old.IsString && old.MaxLength is { } length)
            {
                text.Append(",\n").Append(Argument).Append("oldMaxLength: ").Append(length);
            }

            if (old.Kind == ColumnKind.Decimal)
            {
                text.Append(",\n").Append(Argument).Append("oldPrecision: ").Append(old.Precision).Append(",\n").Append(Argument).Append("oldScale: ").Append(old.Scale);
            }

            if (!old.Required)
            {
                text.Append(",\n").Append(Argument).Append("oldNullable: true");
            }

            text.Append(");\n");
            return text.ToString();
        }

        public static string CreateIndex(EntityModel entity, IndexModel index)
        {
            var text = new StringBuilder();
            text.Append(Statement).Append("migrationBuilder.CreateIndex(\n");
            text.Append(Argument).Append("name: \"").Append(IndexName(entity, index)).Append("\",\n");
            text.Append(Argument).Append("table: \"").Append(entity.Table).Append("\",\n");
            var columns = index.Properties.Select(name => entity.Property(name)?.Column ?? name).ToList();
            text.Append(Argument).Append(columns.Count == 1
                ? "column: \"" + columns[0] + "\""
                : "columns: new[] { " + string.Join(", ", columns.Select(column => "\"" + column + "\"")) + " }");
            if (index.Unique)
            {
                text.Append(",\n").Append(Argument).Append("unique: true");
            }

            if (index.Filter is not null)
            {
                text.Append(",\n").Append(Argument).Append("filter: \"").Append(index.Filter).Append('"');
            }

            text.Append(");\n");
            return text.ToString();
        }

        public static string DropIndex(EntityModel entity, IndexModel index) =>
            Statement + "migrationBuilder.DropIndex(\n" + Argument + "name: \"" + IndexName(entity, index) + "\",\n" + Argument + "table: \"" + entity.Table + "\");\n";

        public static string AddForeignKey(EntityModel entity, ForeignKeyModel key)
        {
            var text = new StringBuilder();
            text.Append(Statement).Append("migrationBuilder.AddForeignKey(\n");
            text.Append(Argument).Append("name: \"").Append(ForeignKeyName(entity, key)).Append("\",\n");
            text.Append(Argument).Append("table: \"").Append(entity.Table).Append("\",\n");
            text.Append(Argument).Append("column: \"").Append(key.Property).Append("\",\n");
            text.Append(Argument).Append("principalTable: \"").Append(key.Principal.Table).Append("\",\n");
            text.Append(Argument).Append("principalColumn: \"Id\"");
            text.Append(key.Required ? ",\n" + Argument + "onDelete: ReferentialAction.Cascade);\n" : ");\n");
            return text.ToString();
        }

        public static string DropForeignKey(EntityModel entity, ForeignKeyModel key) =>
            Statement + "migrationBuilder.DropForeignKey(\n" + Argument + "name: \"" + ForeignKeyName(entity, key) + "\",\n" + Argument + "table: \"" + entity.Table + "\");\n";

        public static string Sql(string sql) => Statement + "migrationBuilder.Sql(\"" + sql + "\");\n";

        public static string IndexName(EntityModel entity, IndexModel index) =>
            "IX_" + entity.Table + "_" + string.Join("_", index.Properties.Select(name => entity.Property(name)?.Column ?? name));

        private static string ForeignKeyName(EntityModel entity, ForeignKeyModel key) => "FK_" + entity.Table + "_" + key.Principal.Table + "_" + key.Property;

        /// <summary>type, unicode, maxLength, precision and scale, nullable: the facets in EF's order, comma-separated.</summary>
        private static string Facets(PropertyModel property, bool required)
        {
            var facets = new List<string> { "type: \"" + property.StoreType + "\"" };
            if (property.Kind == ColumnKind.AnsiString)
            {
                facets.Add("unicode: false");
            }

            if (property.IsString && property.MaxLength is { } length)
            {
                facets.Add("maxLength: " + length);
            }

            if (property.Kind == ColumnKind.Decimal)
            {
                facets.Add("precision: " + property.Precision);
                facets.Add("scale: " + property.Scale);
            }

            facets.Add("nullable: " + (required ? "false" : "true"));
            return string.Join(", ", facets);
        }
    }
}
