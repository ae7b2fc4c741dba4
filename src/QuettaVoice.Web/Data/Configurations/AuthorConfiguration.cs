using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data.Configurations;

public sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Author.NameMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength + 10).IsRequired();
        builder.Property(a => a.PhotoPath).HasMaxLength(300);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<NewsUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.UserId).IsUnique();
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
