using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class ArticleRedirectConfiguration : IEntityTypeConfiguration<ArticleRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleRedirect> builder)
    {
        builder.Property(r => r.OldPath).HasMaxLength(ArticleRedirect.PathMaxLength).IsRequired();
        builder.HasIndex(r => r.OldPath).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
