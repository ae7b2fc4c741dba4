using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("Media");
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(m => m.OriginalFileName).HasMaxLength(MediaItem.OriginalFileNameMaxLength).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(32).IsRequired();
        builder.Property(m => m.FileExtension).HasMaxLength(8).IsRequired();
        builder.Property(m => m.VariantWidths).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(MediaItem.AltTextMaxLength);
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.HasOne<NewsUser>().WithMany().HasForeignKey(m => m.UploadedById).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(m => m.Sha256).IsUnique();
        // The library lists newest first.
        builder.HasIndex(m => m.UploadedAt);
    }
}
