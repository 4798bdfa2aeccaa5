using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixtures.Migrations
{
    /// <inheritdoc />
    public partial class RemoveMappedColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WeightKg",
                schema: "shop",
                table: "ProductDetails");

            migrationBuilder.DropColumn(
                name: "Total",
                schema: "archive",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Display Name",
                schema: "shop",
                table: "Customer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "WeightKg",
                schema: "shop",
                table: "ProductDetails",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<decimal>(
                name: "Total",
                schema: "archive",
                table: "Invoices",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Display Name",
                schema: "shop",
                table: "Customer",
                type: "TEXT",
                nullable: true);
        }
    }
}
