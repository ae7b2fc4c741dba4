using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>The index of every story's time by its id, which search names to SQLite (see <c>SqliteSearchIndex</c>).</summary>
    public const string PublishedAtByIdIndex = "IX_Articles_Id_PublishedAt";

    /// <summary>The table of which story carries which tag, and its two columns (EF's names for a many-to-many).</summary>
    public const string TaggingsName = "ArticleTags";

    public const string TaggingStory = "ArticlesId";

    public const string TaggingTag = "TagsId";

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Headline).HasMaxLength(Article.HeadlineMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Domain.Slug.MaxLength + 10).IsRequired();
        builder.Property(a => a.Standfirst).HasMaxLength(Article.StandfirstMaxLength);
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.Dateline).HasMaxLength(Article.DatelineMaxLength);
        builder.Property(a => a.Byline).HasMaxLength(Article.BylineMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ImportKey).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.StatusBeforeTrash).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.HasOne<NewsUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.SetNull);

        builder.OwnsOne(a => a.FeaturedImage, image =>
        {
            image.Property(i => i.Path).HasMaxLength(300).HasColumnName("ImagePath");
            image.Property(i => i.Caption).HasMaxLength(500).HasColumnName("ImageCaption");
            image.Property(i => i.Credit).HasMaxLength(200).HasColumnName("ImageCredit");
            image.Property(i => i.AltText).HasMaxLength(300).HasColumnName("ImageAltText");
            image.Property(i => i.MediaId).HasColumnName("ImageMediaId");
            // A picture a story shows cannot vanish from under it.
            image.HasOne<MediaItem>().WithMany().HasForeignKey(i => i.MediaId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(a => a.FeaturedImage).IsRequired();

        builder.HasOne(a => a.Author).WithMany(a => a.Articles).HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Section).WithMany(s => s.Articles).HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity(TaggingsName);

        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.ImportKey).IsUnique();
        // One story per old post number: a ?p= link must lead to exactly one place.
        builder.HasIndex(a => a.LegacyPostId).IsUnique();
        // The public lists all read "visible stories, newest first", often within a section or an author.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        // PostgreSQL also has IX_Articles_PublishedAt_Id, made by its ArticlesByDate migration alone (SQLite needs none),
        // so the model does not carry it: an index of the model on (PublishedAt, Id) would clash with its name.
        builder.HasIndex(a => new { a.SectionId, a.PublishedAt });
        builder.HasIndex(a => new { a.AuthorId, a.PublishedAt });
        // Search reads the time of each of its matches, often tens of thousands, to put the newest first among equals.
        // From this index it reads a few bytes each; from the row it read the story's whole text.
        builder.HasIndex(a => new { a.Id, a.PublishedAt }).HasDatabaseName(PublishedAtByIdIndex);
        // The newsroom's list of stories, last changed first, all but the binned or of one status: without these every
        // view read and sorted the whole table, text included (0.2 to 0.45 s at 100,000 stories; now under 1 ms).
        builder.HasIndex(a => new { a.UpdatedAt, a.Status });
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });
    }
}
