using Microsoft.EntityFrameworkCore.Migrations;

namespace Fixtures.Migrations
{
    public partial class RemoveHomeCity : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Home_City",
                table: "Customers");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Home_City",
                table: "Customers",
                type: "nvarchar(max)",
                nullable: true);
        }
    }
}
