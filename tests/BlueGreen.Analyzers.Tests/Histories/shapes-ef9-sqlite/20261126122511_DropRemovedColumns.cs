using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixtures.Migrations
{
    /// <inheritdoc />
    public partial class DropRemovedColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Payload",
                schema: "shop",
                table: "Trucks");

            migrationBuilder.DropColumn(
                name: "Till",
                schema: "shop",
                table: "CashPayments");

            migrationBuilder.DropColumn(
                name: "Description",
                schema: "shop",
                table: "ProductDetails");

            migrationBuilder.DropColumn(
                name: "Home_Location_Lat",
                schema: "shop",
                table: "Customer");

            migrationBuilder.DropColumn(
                name: "Country",
                schema: "shop",
                table: "BillingAddresses");

            migrationBuilder.DropColumn(
                name: "Quantity",
                schema: "shop",
                table: "OrderLine");

            migrationBuilder.DropColumn(
                name: "Address_Geo_Lat",
                schema: "shop",
                table: "Supplier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Payload",
                schema: "shop",
                table: "Trucks",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Till",
                schema: "shop",
                table: "CashPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                schema: "shop",
                table: "ProductDetails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Home_Location_Lat",
                schema: "shop",
                table: "Customer",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Country",
                schema: "shop",
                table: "BillingAddresses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quantity",
                schema: "shop",
                table: "OrderLine",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Address_Geo_Lat",
                schema: "shop",
                table: "Supplier",
                type: "REAL",
                nullable: true);
        }
    }
}
