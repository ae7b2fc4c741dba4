using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data;

public sealed class NewsDb(DbContextOptions<NewsDb> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDb).Assembly);
}
