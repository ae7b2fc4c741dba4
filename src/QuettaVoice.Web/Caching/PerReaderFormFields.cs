using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using QuettaVoice.Web.Comments;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// A cached story page is one copy for every reader, but its comment form needs fields of each reader's
/// own: the antiforgery token (bound to the reader's cookie) and the sealed time the form was served.
/// The page writes placeholders and marks itself with <see cref="MarkerHeader"/>; this middleware, outside
/// the cache, fills them in for each response, cached or not.
/// </summary>
public sealed class PerReaderFormFields(RequestDelegate next, IAntiforgery antiforgery, FormClock formClock)
{
    public const string MarkerHeader = "X-Per-Reader-Fields";
    public const string TokenPlaceholder = "__per-reader-antiforgery-token__";
    public const string ServedPlaceholder = "__per-reader-served-stamp__";

    private const string PageCookiesKey = "QuettaVoice.PageSetCookies";

    /// <summary>Whether the page itself set a cookie, not counting the reader's antiforgery cookie issued here.</summary>
    public static bool PageSetCookies(HttpContext context) =>
        context.Items.TryGetValue(PageCookiesKey, out var before) ? (bool)before! : context.Response.Headers.SetCookie.Count > 0;

    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var buffer = new MarkedResponseBuffer(context, original, antiforgery, formClock);
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (buffer.IsBuffering)
        {
            var html = Encoding.UTF8.GetString(buffer.Buffered.GetBuffer(), 0, (int)buffer.Buffered.Length)
                .Replace(TokenPlaceholder, buffer.Token, StringComparison.Ordinal)
                .Replace(ServedPlaceholder, buffer.Served, StringComparison.Ordinal);
            await original.WriteAsync(Encoding.UTF8.GetBytes(html), context.RequestAborted);
        }
    }

    /// <summary>
    /// Passes the body through untouched, unless the response carries the marker when its first byte is
    /// written: then, while headers can still change, it issues the reader's token and holds the body.
    /// </summary>
    private sealed class MarkedResponseBuffer(HttpContext context, Stream inner, IAntiforgery antiforgery, FormClock formClock) : Stream
    {
        private bool decided;

        public bool IsBuffering { get; private set; }
        public MemoryStream Buffered { get; } = new();
        public string Token { get; private set; } = "";
        public string Served { get; private set; } = "";

        private Stream Target()
        {
            if (!decided)
            {
                decided = true;
                var headers = context.Response.Headers;
                if (headers.Remove(MarkerHeader))
                {
                    IsBuffering = true;
                    headers.ContentLength = null;
                    context.Items[PageCookiesKey] = headers.SetCookie.Count > 0;
                    Token = antiforgery.GetAndStoreTokens(context).RequestToken ?? "";
                    Served = formClock.Stamp();
                }
            }

            return IsBuffering ? Buffered : inner;
        }

        public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => Target().Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target().WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target().WriteAsync(buffer, cancellationToken);

        public override void Flush()
        {
            if (decided && !IsBuffering)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            decided && !IsBuffering ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Buffered.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
