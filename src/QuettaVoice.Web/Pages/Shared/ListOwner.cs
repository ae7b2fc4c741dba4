using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>
/// The section, author or tag a list of stories belongs to, found by the slug in its address, for its page and its
/// feeds: its id, its name, and what its page says of it (a section's description, an author's bio and photo).
/// Each kind is found by a query compiled once: EF otherwise walked the small query on every request to find its
/// parameters and its SQL, the largest part of the time EF spent on a section page made afresh.
/// </summary>
public sealed record ListOwner(int Id, string Name, string? Description, string? PhotoPath)
{
    private static readonly PerStore<Func<NewsDb, string, CancellationToken, Task<ListOwner?>>> SectionBySlug = new(() => EF.CompileAsyncQuery(
        (NewsDb db, string slug, CancellationToken cancellationToken) => db.Sections.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new ListOwner(s.Id, s.Name, s.Description, null))
            .FirstOrDefault()));

    private static readonly PerStore<Func<NewsDb, string, CancellationToken, Task<ListOwner?>>> AuthorBySlug = new(() => EF.CompileAsyncQuery(
        (NewsDb db, string slug, CancellationToken cancellationToken) => db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new ListOwner(a.Id, a.Name, a.Bio, a.PhotoPath))
            .FirstOrDefault()));

    private static readonly PerStore<Func<NewsDb, string, CancellationToken, Task<ListOwner?>>> TagBySlug = new(() => EF.CompileAsyncQuery(
        (NewsDb db, string slug, CancellationToken cancellationToken) => db.Tags.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new ListOwner(t.Id, t.Name, null, null))
            .FirstOrDefault()));

    public static Task<ListOwner?> SectionAsync(NewsDb db, string slug, CancellationToken cancellationToken) =>
        SectionBySlug.For(db)(db, slug, cancellationToken);

    public static Task<ListOwner?> AuthorAsync(NewsDb db, string slug, CancellationToken cancellationToken) =>
        AuthorBySlug.For(db)(db, slug, cancellationToken);

    public static Task<ListOwner?> TagAsync(NewsDb db, string slug, CancellationToken cancellationToken) =>
        TagBySlug.For(db)(db, slug, cancellationToken);
}
