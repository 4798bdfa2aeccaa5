using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixtures.Migrations
{
    /// <inheritdoc />
    public partial class RemoveComplexColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address_City",
                schema: "shop",
                table: "Supplier");

            migrationBuilder.DropColumn(
                name: "Contacts",
                schema: "shop",
                table: "Supplier");

            migrationBuilder.DropColumn(
                name: "Tags",
                schema: "shop",
                table: "Supplier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address_City",
                schema: "shop",
                table: "Supplier",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Contacts",
                schema: "shop",
                table: "Supplier",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<List<string>>(
                name: "Tags",
                schema: "shop",
                table: "Supplier",
                type: "text[]",
                nullable: false);
        }
    }
}
