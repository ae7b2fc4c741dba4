using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Comments;

/// <summary>Spam is held, floods are slowed, repeats are refused; all by configurable rules.</summary>
public sealed class SpamAndAbuseTests() : SiteTest(seed: true, settings: new Dictionary<string, string>
{
    ["Comments:MinFillSeconds"] = "3",
    ["Comments:ApproveReturningCommenters"] = "true",
})
{
    private static Dictionary<string, string> Comment(string body = "A fair report.", string email = "reader@example.pk") =>
        new() { ["Reply.Body"] = body, ["Reply.Name"] = "Reader", ["Reply.Email"] = email };

    /// <summary>Opens the story, waits as a person typing would, and posts.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> comment, TimeSpan? typing = null)
    {
        var page = await client.GetDocumentAsync(Seed.Permalink);
        App.Clock.Advance(typing ?? TimeSpan.FromSeconds(20));
        return await client.SubmitAsync(page, comment, "form.comment-form");
    }

    private Task<List<Comment>> StoredAsync() => App.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task A_form_sent_back_faster_than_anyone_types_is_held_as_spam()
    {
        using var hasty = await PostAsync(App.CreateReader(), Comment("Too fast."), TimeSpan.FromSeconds(1));
        using var human = await PostAsync(App.CreateReader(), Comment("Typed by hand."), TimeSpan.FromSeconds(40));

        Assert.Equal([CommentStatus.Spam, CommentStatus.Pending], (await StoredAsync()).Select(c => c.Status));
    }

    [Fact]
    public async Task A_form_served_late_in_a_second_and_sent_back_just_short_of_the_minimum_is_held_as_spam()
    {
        // Served at 0.9 s past the second, whose stamp every form of that second shares; sent back 2.6 s later.
        App.Clock.Advance(TimeSpan.FromMilliseconds(900));
        using var hasty = await PostAsync(App.CreateReader(), Comment("Not quite three seconds."), TimeSpan.FromMilliseconds(2600));

        Assert.Equal([CommentStatus.Spam], (await StoredAsync()).Select(c => c.Status));
    }

    [Fact]
    public async Task A_tampered_form_stamp_is_held_as_spam()
    {
        var comment = Comment();
        comment["Reply.Served"] = "forged";

        using var posted = await PostAsync(App.CreateReader(), comment);

        Assert.Equal(CommentStatus.Spam, Assert.Single(await StoredAsync()).Status);
    }

    [Theory]
    [InlineData("Read https://a.example and https://b.example and https://c.example now")]
    [InlineData("Best CASINO bonuses here")]
    public async Task Too_many_links_or_a_blocklisted_word_hold_a_comment_as_spam(string body)
    {
        using var posted = await PostAsync(App.CreateReader(), Comment(body));

        Assert.Equal(CommentStatus.Spam, Assert.Single(await StoredAsync()).Status);
    }

    [Fact]
    public async Task The_same_words_from_the_same_email_on_the_same_story_are_refused_as_a_repeat()
    {
        var client = App.CreateReader();
        using var first = await PostAsync(client, Comment());

        using var again = await PostAsync(client, Comment());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ParseAsync();
        Assert.Equal("You have already posted this comment on this story.", page.One("form.comment-form .form-errors li").Text());
        Assert.Equal("A fair report.", page.One("textarea[name='Reply.Body']").TextContent.Trim());
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task Copying_a_published_comment_with_a_guessed_email_does_not_tell_whether_the_guess_is_right()
    {
        // Alice's comment, posted from her own network: a stranger copies it, guessing her email.
        await App.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync();
            db.Comments.Add(TestData.Comment(articleId, CommentStatus.Approved, "A fair report.", "Alice", "alice@example.pk", ipHash: "alices-network"));
            await db.SaveChangesAsync();
        });

        using var rightGuess = await PostAsync(App.CreateReader(), Comment("A fair report.", "alice@example.pk"));
        using var wrongGuess = await PostAsync(App.CreateReader(), Comment("A fair report.", "someone@example.pk"));

        Assert.Equal(HttpStatusCode.Redirect, rightGuess.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, wrongGuess.StatusCode);
        Assert.Equal(3, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task A_form_mended_quickly_after_a_mistake_is_not_taken_for_a_machine()
    {
        var client = App.CreateReader();
        using var mistake = await PostAsync(client, Comment(email: "not-an-email"));
        var returned = await mistake.ParseAsync();
        App.Clock.Advance(TimeSpan.FromSeconds(1));

        using var mended = await client.SubmitAsync(returned, new Dictionary<string, string> { ["Reply.Email"] = "reader@example.pk" }, "form.comment-form");

        Assert.Equal(HttpStatusCode.Redirect, mended.StatusCode);
        Assert.Equal(CommentStatus.Pending, Assert.Single(await StoredAsync()).Status);
    }

    [Fact]
    public async Task A_commenter_approved_before_is_approved_at_once_when_the_site_trusts_returning_commenters()
    {
        using var first = await PostAsync(App.CreateReader(), Comment("First words."));
        await App.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));

        using var second = await PostAsync(App.CreateReader(), Comment("Second words."));

        Assert.Equal(CommentStatus.Approved, (await StoredAsync())[1].Status);
        Assert.Equal("Second words.", (await App.CreateReader().GetDocumentAsync(Seed.Permalink)).QuerySelectorAll(".comment-body")[1].Text());
    }

    [Fact]
    public async Task Only_comments_accepted_count_against_the_limit_and_the_one_over_it_comes_back_as_typed_with_when_to_send_it()
    {
        var client = App.CreateReader();
        for (var i = 1; i <= 3; i++)
        {
            using var mistaken = await PostAsync(client, Comment($"Mistake number {i}.", email: "not-an-email"));
            Assert.Equal(HttpStatusCode.OK, mistaken.StatusCode);
        }

        for (var i = 1; i <= 5; i++)
        {
            using var accepted = await PostAsync(client, Comment($"Comment number {i}."));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var refused = await PostAsync(client, Comment("One too many."));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        var page = await refused.ParseAsync();
        Assert.Equal(
            "Your comment was not sent: you have posted several comments in a short while. It is kept below; send it again in a minute.",
            page.One("form.comment-form .form-errors[role=alert] li").Text());
        Assert.Equal("One too many.", page.One("textarea[name='Reply.Body']").TextContent.Trim());
        Assert.Equal("Reader", page.ValueOf("Reply.Name"));
        Assert.Equal("reader@example.pk", page.ValueOf("Reply.Email"));
        Assert.Equal(5, (await StoredAsync()).Count);
    }
}
