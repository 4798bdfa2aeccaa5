using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations
{
    /// <inheritdoc />
    public partial class DropLegacyCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Expand/contract step 2: the previous release (RemoveLegacyCodeFromModel) already
            // stopped using Customer.LegacyCode, so no running version reads the column any more.
            migrationBuilder.DropColumn(name: "LegacyCode", table: "Customers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegacyCode",
                table: "Customers",
                type: "TEXT",
                nullable: true);
        }
    }
}
