using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Comments;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Pages.Shared;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Pages.Articles;

[OutputCache(PolicyName = PublicPagePolicy.Page)]
// The comment handler checks the form token itself, so that a reader whose form expired keeps what they typed
// rather than getting a bare "bad request": every POST handler of this page must do the same.
[IgnoreAntiforgeryToken]
public sealed class ShowModel(
    NewsDb db,
    ReadCache readCache,
    TimeProvider clock,
    IOptions<SiteOptions> site,
    IOptions<CommentOptions> commentOptions,
    PendingComments pending,
    IpHasher ipHasher,
    FormClock formClock,
    CommentRateLimit rateLimit,
    IAntiforgery antiforgery) : PageModel
{
    private const int MoreFromSectionCount = 4;

    /// <summary>
    /// The story as its page shows it, if readers may see it now, in a query compiled once: otherwise EF walked
    /// this large query on every request to find its parameters and its SQL, about 5% of the page's processor time.
    /// Its tags come after, by the story's id (<see cref="TagsOf"/>).
    /// </summary>
    private static readonly PerStore<Func<NewsDb, string, DateTime, CancellationToken, Task<StoryView?>>> StoryBySlug = new(() => EF.CompileAsyncQuery(Inlined.Expand(
        (NewsDb db, string slug, DateTime nowUtc, CancellationToken cancellationToken) => db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && Visibility.IsPublishedAt.Invoke(a, nowUtc))
            .Select(a => new StoryView(
                a.Id,
                a.Headline,
                a.Standfirst,
                a.Body,
                a.Dateline,
                a.Byline ?? a.Author.Name,
                a.PublishedAt!.Value,
                a.UpdatedAt,
                a.Author.Name,
                a.Author.Slug,
                a.Author.Bio,
                a.Section == null ? null : a.Section.Name,
                a.Section == null ? null : a.Section.Slug,
                a.FeaturedImage,
                new List<StoryTag>(),
                a.CommentsOpen,
                a.SectionId))
            .FirstOrDefault())));

    /// <summary>
    /// A story's tags, by its id. Read with the story, as a second query of the same statement, they repeated the
    /// whole search for the story inside a join, and SQLite spent longer planning that statement than any other
    /// of the page's; the story's own statement no longer sorts for it either.
    /// </summary>
    private static readonly PerStore<Func<NewsDb, int, IAsyncEnumerable<StoryTag>>> TagsOf = new(() => EF.CompileAsyncQuery(
        (NewsDb db, int articleId) => db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .SelectMany(a => a.Tags)
            .OrderBy(t => t.Name)
            .Select(t => new StoryTag(t.Id, t.Name, t.Slug))));

    public StoryView Story { get; private set; } = null!;

    /// <summary>Whether the byline may link to the author's page (see <see cref="DeskCredit.IsAuthorsPage"/>).</summary>
    public bool CreditIsAuthorsPage => DeskCredit.IsAuthorsPage(Story.Credit, Story.AuthorName, site.Value.Name);

    [BindProperty]
    public CommentInput Reply { get; set; } = new();

    /// <summary>The comment the reader chose to answer (?replyto=), shown above the form.</summary>
    public CommentView? ReplyingTo { get; private set; }

    /// <summary>Whether the comment form is shown empty, as it is on every story: not again with what the reader typed, nor answering a comment.</summary>
    public bool FormIsBlank => HttpMethods.IsGet(Request.Method) && ReplyingTo is null;

    /// <summary>Whether comments closed while the reader wrote the one they sent: it is shown back for them to copy.</summary>
    public bool ClosedWhileWriting { get; private set; }

    /// <summary>The page of comments shown (the old site's <c>/comment-page-2</c> for the second).</summary>
    public Discussion Conversation { get; private set; } = new([], 0, 1, 1, 0);

    /// <summary>
    /// What the reader is told after posting a comment, carried over the redirect in the TempData cookie. Looked
    /// for only when that cookie came: read without it, TempData had every other reader sent a Set-Cookie that
    /// deleted a cookie they never had.
    /// </summary>
    public string? CommentMessage =>
        Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName) ? TempData["CommentMessage"] as string : null;

    /// <summary>The story's own address, without a comment page.</summary>
    public string Permalink { get; private set; } = "";

    /// <summary>The address of one of this story's pages of comments.</summary>
    public string CommentPageUrl(int page) => Discussion.PageUrl(Permalink, page);

    /// <summary>A comment as readers see it: there is no email here, so no page can show one.</summary>
    public sealed record CommentView(int Id, int? ParentId, int Depth, string Name, string? Website, string Body, DateTime CreatedAt, bool AwaitingModeration)
    {
        /// <summary>How far in it is shown: one more than the comment it answers when that is shown, else 1.</summary>
        public int Level { get; init; } = 1;

        /// <summary>The name on the comment it answers, when that is shown.</summary>
        public string? InReplyTo { get; init; }
    }
    public IReadOnlyList<StoryCard> MoreFromSection { get; private set; } = [];

    /// <summary>The story's picture from the media library, with its copies; null when it has none there.</summary>
    public FeaturedPicture? Picture { get; private set; }

    /// <summary>The story's alt text wins; the library's is the fallback; an empty alt is honest when neither says.</summary>
    public sealed record FeaturedPicture(ResponsiveImage Image, string AltText);

    public sealed record StoryView(
        int Id,
        string Headline,
        string? Standfirst,
        string Body,
        string? Dateline,
        string Credit,
        DateTime PublishedAt,
        DateTime UpdatedAt,
        string AuthorName,
        string AuthorSlug,
        string? AuthorBio,
        string? SectionName,
        string? SectionSlug,
        FeaturedImage Image,
        IReadOnlyList<StoryTag> Tags,
        bool CommentsOpen,
        int? SectionId);

    /// <summary>A tag of the story: its link, and its id for the page's cache tags, read in one query.</summary>
    public sealed record StoryTag(int Id, string Name, string Slug);

    public async Task<IActionResult> OnGetAsync([FromRoute] int year, [FromRoute] int month, [FromRoute] int day, [FromRoute] string slug, [FromRoute] int? commentPage, [FromQuery] int? replyTo, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, month, day, slug, commentPage, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        ReplyingTo = Conversation.Comments.FirstOrDefault(c => c.Id == replyTo && !c.AwaitingModeration && c.Depth < Comment.MaxDepth);
        Reply.ParentId = ReplyingTo?.Id;
        if (ReplyingTo is not null)
        {
            PublicPagePolicy.ShowsQueryValue(HttpContext, ReplyingTo.Id.ToString(CultureInfo.InvariantCulture));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(int year, int month, int day, string slug, int? commentPage, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, month, day, slug, commentPage, cancellationToken) is { } elsewhere)
        {
            // The story moved while the reader wrote (its slug or date changed): the comment follows it, the browser
            // sending the same form again at the story's present address, to the same handler.
            return elsewhere is RedirectResult moved ? RedirectPermanentPreserveMethod(moved.Url + Request.QueryString) : elsewhere;
        }

        if (!Story.CommentsOpen)
        {
            ModelState.AddModelError("", "Comments are closed on this story.");
            ClosedWhileWriting = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        ReplyingTo = Conversation.Comments.FirstOrDefault(c => c.Id == Reply.ParentId && !c.AwaitingModeration);
        if (Reply.ParentId is not null && (ReplyingTo is null || ReplyingTo.Depth >= Comment.MaxDepth))
        {
            ModelState.AddModelError("", "That comment cannot be answered here; write a new comment instead.");
            // The form comes back as a new comment, so that sending it again posts one rather than failing the same way.
            ModelState.Remove($"{nameof(Reply)}.{nameof(Reply.ParentId)}");
            Reply.ParentId = null;
            ReplyingTo = null;
        }

        // Checked before anything is stored, once the form is known to answer whom: it comes back as it was sent.
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("", "Your comment was not sent: the form had been open too long, or came from another site. "
                + "It is kept below; send it again.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var email = (Reply.Email ?? "").Trim();
        var body = (Reply.Body ?? "").Trim();
        var ipHash = ipHasher.Hash(HttpContext.Connection.RemoteIpAddress);
        // The same words from the same email and the same network: a second click, not a second comment. Matching on
        // the email alone told anyone who copied a published comment whether the email they guessed was its writer's.
        if (ModelState.IsValid && await db.Comments.AnyAsync(c => c.ArticleId == Story.Id && c.AuthorEmail == email && c.IpHash == ipHash && c.Body == body, cancellationToken))
        {
            ModelState.AddModelError("", "You have already posted this comment on this story.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Counted only here, with the comment about to be stored: a form refused for a mistake or a repeat costs nothing.
        if (rateLimit.Admit(HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            ModelState.AddModelError("", "Your comment was not sent: you have posted several comments in a short while. "
                + $"It is kept below; send it again in {(wait <= TimeSpan.FromMinutes(1) ? "a minute" : "an hour")}.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        var comment = new Comment
        {
            ArticleId = Story.Id,
            ParentId = ReplyingTo?.Id,
            Depth = (ReplyingTo?.Depth ?? 0) + 1,
            AuthorName = (Reply.Name ?? "").Trim(),
            AuthorEmail = email,
            AuthorWebsite = string.IsNullOrWhiteSpace(Reply.Website) ? null : Reply.Website.Trim(),
            Body = body,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            IpHash = ipHash,
            Status = await FirstStatusAsync(email, body, cancellationToken),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        pending.Remember(HttpContext, Permalink, comment.Id);
        TempData["CommentMessage"] = "Your comment is awaiting moderation.";
        // A reply is on the page of what it answers; a new thread starts on the last page.
        var landing = ReplyingTo is null ? Conversation.PageOfNextThread : Conversation.Page;
        return Redirect($"{CommentPageUrl(landing)}#comment-{comment.Id}");
    }

    /// <summary>
    /// Pending, as a rule. Spam, kept for review but never shown, when a machine filled the form (the invisible
    /// field filled, or sent back faster than a person types) or the words look like spam. Approved at once
    /// for a commenter approved before, when the site is set to trust them.
    /// </summary>
    private async Task<CommentStatus> FirstStatusAsync(string email, string body, CancellationToken cancellationToken)
    {
        var options = commentOptions.Value;
        var elapsed = formClock.Elapsed(Reply.Served);
        if (!string.IsNullOrEmpty(Reply.Homepage)
            || elapsed is null
            || elapsed < TimeSpan.FromSeconds(options.MinFillSeconds)
            || CommentScreening.LooksLikeSpam(body, Reply.Name ?? "", Reply.Website, options))
        {
            return CommentStatus.Spam;
        }

        return options.ApproveReturningCommenters
            && await db.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved, cancellationToken)
            ? CommentStatus.Approved
            : CommentStatus.Pending;
    }

    /// <summary>The story, its picture, its section's other stories and its comments, on one connection; or where the reader should go instead.</summary>
    private Task<IActionResult?> LoadAsync(int year, int month, int day, string slug, int? commentPage, CancellationToken cancellationToken) =>
        db.ReadAsync(() => ReadStoryAsync(year, month, day, slug, commentPage, cancellationToken), cancellationToken);

    private async Task<IActionResult?> ReadStoryAsync(int year, int month, int day, string slug, int? commentPage, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await StoryBySlug.For(db)(db, slug, now, cancellationToken);
        if (found is null)
        {
            var asked = AddressAsked(year, month, day, slug);
            return await MovedAsync(asked, now, cancellationToken) is { } moved ? RedirectPermanent(Discussion.PageUrl(moved, commentPage ?? 1))
                : await RemovedAsync(slug, asked, now, cancellationToken) ? StatusCode(StatusCodes.Status410Gone)
                : NotFound();
        }

        var story = found with { Tags = await TagsOf.For(db)(db, found.Id).ToListAsync(cancellationToken) };

        if (commentPage < 1)
        {
            return NotFound();
        }

        // An old link with the right slug but another date still finds the story, at its one true address, unless
        // the address was another story's: a renamed story's old slug may have been taken since by a later one.
        var zone = site.Value.FindTimeZone();
        var permalink = Domain.Permalink.For(slug, story.PublishedAt, zone);
        var address = Discussion.PageUrl(permalink, commentPage ?? 1);
        if (!Request.Path.Value!.TrimEnd('/').Equals(address, StringComparison.Ordinal))
        {
            var asked = AddressAsked(year, month, day, slug);
            return RedirectPermanent(asked != permalink && await MovedAsync(asked, now, cancellationToken) is { } moved && moved != permalink
                ? Discussion.PageUrl(moved, commentPage ?? 1)
                : address);
        }

        if (await Discussion.LoadAsync(db, readCache, story.Id, pending.Read(Request), commentPage ?? 1, cancellationToken) is not { } conversation)
        {
            return NotFound();
        }

        (Conversation, Permalink) = (conversation, permalink);

        Story = story;
        HttpContext.TagResponse([
            CacheTags.Story(story.Id),
            .. story.SectionId is { } sectionId ? [CacheTags.Section(sectionId)] : Array.Empty<string>(),
            .. story.Tags.Select(t => CacheTags.Tag(t.Id))]);
        if (story.CommentsOpen)
        {
            Response.Headers[PerReaderFormFields.MarkerHeader] = "1";
        }

        if (story.Image.MediaId is { } mediaId
            && await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken) is { } media)
        {
            Picture = new FeaturedPicture(ResponsiveImage.For(media), story.Image.AltText ?? media.AltText ?? "");
        }

        PageMeta.Set(ViewData, Meta(story, permalink));

        if (story.SectionId is { } section)
        {
            // The section's newest, one more than shown, are the same for every story of the section: kept between
            // requests, and cleared with the lists whenever a story, an author or a section is saved.
            var newest = await readCache.GetOrReadAsync(
                $"newest of section {section}",
                () => NewestFirst.OfSection.PageAsync(db, now, section, zone, 0, MoreFromSectionCount + 1, cancellationToken));
            MoreFromSection = newest.Where(card => card.Url != permalink).Take(MoreFromSectionCount).ToList();
        }

        return null;
    }

    /// <summary>The story's title, description, picture and dates for search engines and sharing sites.</summary>
    private PageMeta Meta(StoryView story, string permalink)
    {
        var options = site.Value;
        var canonicalUrl = options.AbsoluteUrl(permalink);
        PageMeta.SharedPicture? shared = null;
        List<string> imageUrls = [];
        if (Picture is { } picture)
        {
            imageUrls = picture.Image.Copies.Select(options.AbsoluteUrl).ToList();
            shared = new PageMeta.SharedPicture(imageUrls[0], picture.Image.Width, picture.Image.Height, NonEmpty(picture.AltText));
        }
        else if (story.Image.HasFile)
        {
            // A picture the old site had: its size is not known, so none is claimed.
            imageUrls = [options.AbsoluteUrl(story.Image.Path!)];
            shared = new PageMeta.SharedPicture(imageUrls[0], null, null, NonEmpty(story.Image.AltText));
        }

        // A story edited while it waited for its time was never modified before it appeared.
        var facts = new PageMeta.StoryFacts(
            options.NewsroomTime(story.PublishedAt),
            options.NewsroomTime(story.UpdatedAt > story.PublishedAt ? story.UpdatedAt : story.PublishedAt),
            story.SectionName,
            story.Tags.Select(t => t.Name).ToList());
        var meta = new PageMeta
        {
            Title = story.Headline,
            Description = story.Standfirst ?? StoryRenderer.Teaser(story.Body),
            CanonicalPath = permalink,
            Picture = shared,
            Story = facts,
        };
        // The same description as the page's, cut to fit as the page's is.
        return meta with { StructuredData = [NewsArticleJsonLd.For(story, facts, meta.Description, imageUrls, canonicalUrl, options)] };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The story address asked for, without a page of comments, as <see cref="Domain.Permalink"/> writes them.</summary>
    private static string AddressAsked(int year, int month, int day, string slug) =>
        string.Create(CultureInfo.InvariantCulture, $"/{year:D4}/{month:D2}/{day:D2}/{slug}");

    /// <summary>
    /// Whether <paramref name="address"/> is that of a story readers could see until the newsroom put it in the bin
    /// (<see cref="Visibility.RemovedAt"/>), or one it had before its address changed: its readers and search engines
    /// are told it is gone (410), not that there never was such a page. A story in the bin keeps its address (the
    /// editor refuses a new one there).
    /// </summary>
    private async Task<bool> RemovedAsync(string slug, string address, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var binned = db.Articles.AsNoTracking().RemovedAt(nowUtc);
        if (await db.Redirects.AsNoTracking().Where(r => r.OldPath == address).AnyAsync(r => binned.Any(a => a.Id == r.ArticleId), cancellationToken))
        {
            return true;
        }

        var publishedAt = await binned.Where(a => a.Slug == slug).Select(a => a.PublishedAt).FirstOrDefaultAsync(cancellationToken);
        return publishedAt is { } at && Domain.Permalink.For(slug, at, site.Value.FindTimeZone()) == address;
    }

    /// <summary>The story's present address, when <paramref name="oldPath"/> is an address it had before its slug or date changed.</summary>
    private async Task<string?> MovedAsync(string oldPath, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var moved = await db.Redirects.AsNoTracking()
            .Where(r => r.OldPath == oldPath)
            .Join(db.Articles.PublishedAt(nowUtc), r => r.ArticleId, a => a.Id, (r, a) => new { a.Slug, a.PublishedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return moved is null ? null : Domain.Permalink.For(moved.Slug, moved.PublishedAt!.Value, site.Value.FindTimeZone());
    }
}
