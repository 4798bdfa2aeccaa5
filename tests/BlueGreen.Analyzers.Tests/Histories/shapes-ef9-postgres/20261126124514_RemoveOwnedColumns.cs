using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixtures.Migrations
{
    /// <inheritdoc />
    public partial class RemoveOwnedColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                schema: "shop",
                table: "OrderLine");

            migrationBuilder.DropColumn(
                name: "Home_Location_Lng",
                schema: "shop",
                table: "Customer");

            migrationBuilder.DropColumn(
                name: "prefs",
                schema: "shop",
                table: "Customer");

            migrationBuilder.DropColumn(
                name: "ZipCode",
                schema: "shop",
                table: "BillingAddresses");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                schema: "shop",
                table: "OrderLine",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Home_Location_Lng",
                schema: "shop",
                table: "Customer",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "prefs",
                schema: "shop",
                table: "Customer",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "ZipCode",
                schema: "shop",
                table: "BillingAddresses",
                type: "text",
                nullable: true);
        }
    }
}
