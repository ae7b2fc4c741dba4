using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data;

/// <summary>
/// The one store: the newsroom's content and, through Identity, its accounts. Each engine has its own
/// subclass so that each keeps its own set of migrations; everything else asks for this type.
/// </summary>
public abstract class NewsDb(DbContextOptions options) : IdentityDbContext<NewsUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();
    public DbSet<ArticleRedirect> Redirects => Set<ArticleRedirect>();
    public DbSet<PageRedirect> PageRedirects => Set<PageRedirect>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<MediaItem> Media => Set<MediaItem>();

    /// <summary>Which story carries which tag, a row each (columns <see cref="Configurations.ArticleConfiguration.TaggingStory"/> and <see cref="Configurations.ArticleConfiguration.TaggingTag"/>).</summary>
    public DbSet<Dictionary<string, object>> Taggings => Set<Dictionary<string, object>>(Configurations.ArticleConfiguration.TaggingsName);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDb).Assembly);
    }
}
