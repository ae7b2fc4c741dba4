using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegacyPostId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LegacyPostId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_LegacyPostId",
                table: "Articles",
                column: "LegacyPostId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_LegacyPostId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LegacyPostId",
                table: "Articles");
        }
    }
}
