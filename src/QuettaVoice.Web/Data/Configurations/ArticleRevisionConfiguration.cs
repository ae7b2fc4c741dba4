using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Headline).HasMaxLength(Article.HeadlineMaxLength).IsRequired();
        builder.Property(r => r.Standfirst).HasMaxLength(Article.StandfirstMaxLength);
        builder.Property(r => r.Body).IsRequired();
        builder.Property(r => r.Byline).HasMaxLength(Article.BylineMaxLength);
        builder.Property(r => r.Dateline).HasMaxLength(Article.DatelineMaxLength);
        builder.Property(r => r.SavedById).HasMaxLength(450);
        builder.Property(r => r.SavedByName).HasMaxLength(NewsUser.DisplayNameMaxLength).IsRequired();
        builder.HasIndex(r => new { r.ArticleId, r.SavedAt });
    }
}
