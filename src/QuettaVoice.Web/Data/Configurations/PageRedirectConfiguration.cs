using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class PageRedirectConfiguration : IEntityTypeConfiguration<PageRedirect>
{
    public void Configure(EntityTypeBuilder<PageRedirect> builder)
    {
        builder.Property(r => r.OldPath).HasMaxLength(ArticleRedirect.PathMaxLength).IsRequired();
        builder.Property(r => r.NewPath).HasMaxLength(ArticleRedirect.PathMaxLength).IsRequired();
        builder.HasIndex(r => r.OldPath).IsUnique();
        builder.HasIndex(r => r.NewPath);
    }
}
