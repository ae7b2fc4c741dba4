using Microsoft.EntityFrameworkCore;

namespace QuettaVoice.Web.Data;

/// <summary>The store in one SQLite file: the default, with its migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteNewsDb(DbContextOptions<SqliteNewsDb> options) : NewsDb(options);
