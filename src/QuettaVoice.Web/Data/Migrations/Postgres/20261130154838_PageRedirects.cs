using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PageRedirects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PageRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OldPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NewPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageRedirects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PageRedirects_NewPath",
                table: "PageRedirects",
                column: "NewPath");

            migrationBuilder.CreateIndex(
                name: "IX_PageRedirects_OldPath",
                table: "PageRedirects",
                column: "OldPath",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageRedirects");
        }
    }
}
