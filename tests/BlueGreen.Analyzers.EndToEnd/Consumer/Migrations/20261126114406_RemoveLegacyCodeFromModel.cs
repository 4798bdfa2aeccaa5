using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations
{
    /// <inheritdoc />
    public partial class RemoveLegacyCodeFromModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Expand/contract step 1: Customer.LegacyCode left the EF model only.
            // The Customers.LegacyCode column stays in the database until the next release
            // (DropLegacyCode), because the blue (old) version still reads it.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: Up no longer drops Customers.LegacyCode.
        }
    }
}
