using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength + 10).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
