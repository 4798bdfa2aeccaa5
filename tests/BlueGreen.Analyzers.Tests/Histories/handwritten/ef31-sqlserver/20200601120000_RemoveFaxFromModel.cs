using Microsoft.EntityFrameworkCore.Migrations;

namespace Fixtures.Migrations
{
    public partial class RemoveFaxFromModel : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
