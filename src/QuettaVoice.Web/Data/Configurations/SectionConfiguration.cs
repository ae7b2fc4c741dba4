using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Section.NameMaxLength).IsRequired();
        builder.Property(s => s.Slug).HasMaxLength(Slug.MaxLength + 10).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Section.DescriptionMaxLength);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
