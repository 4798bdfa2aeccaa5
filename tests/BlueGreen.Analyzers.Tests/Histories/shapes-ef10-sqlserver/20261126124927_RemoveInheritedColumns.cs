using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixtures.Migrations
{
    /// <inheritdoc />
    public partial class RemoveInheritedColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reference",
                schema: "shop",
                table: "CashPayments");

            migrationBuilder.DropColumn(
                name: "Seats",
                schema: "shop",
                table: "Cars");

            migrationBuilder.DropColumn(
                name: "Reference",
                schema: "shop",
                table: "CardPayments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                schema: "shop",
                table: "CashPayments",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Seats",
                schema: "shop",
                table: "Cars",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                schema: "shop",
                table: "CardPayments",
                type: "nvarchar(max)",
                nullable: true);
        }
    }
}
