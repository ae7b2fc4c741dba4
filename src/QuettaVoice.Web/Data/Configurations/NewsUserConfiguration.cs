using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class NewsUserConfiguration : IEntityTypeConfiguration<NewsUser>
{
    public void Configure(EntityTypeBuilder<NewsUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(NewsUser.DisplayNameMaxLength).IsRequired();
        builder.Ignore(u => u.IsDisabled);
    }
}
