using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixtures.Migrations
{
    /// <inheritdoc />
    public partial class AddOrderReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PlacedAt",
                table: "Orders",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'2000-01-01 00:00:00'");

            migrationBuilder.AddColumn<Guid>(
                name: "Reference",
                table: "Orders",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'00000000-0000-0000-0000-000000000000'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlacedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Orders");
        }
    }
}
