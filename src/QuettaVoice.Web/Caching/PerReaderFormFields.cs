using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using QuettaVoice.Web.Comments;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// A cached story page is one copy for every reader, but its comment form needs fields of each reader's
/// own: the antiforgery token (bound to the reader's cookie) and the sealed time the form was served.
/// The page writes placeholders and marks itself with <see cref="MarkerHeader"/>; this middleware, outside
/// the cache, fills them in for each response, cached or not.
/// </summary>
public sealed class PerReaderFormFields(RequestDelegate next, IAntiforgery antiforgery, FormClock formClock, SharedPartBrotli brotli)
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

        if (!buffer.IsBuffering)
        {
            return;
        }

        var body = buffer.Written;
        var (token, served) = (Encoding.ASCII.GetBytes(buffer.Token), Encoding.ASCII.GetBytes(buffer.Served));
        if (brotli.Applies(context))
        {
            var shared = FirstPlaceholderAt(body.Span) is var at and >= 0 ? at : body.Length;
            await brotli.WriteAsync(context, original, body[..shared], Filled(body[shared..], token, served), context.RequestAborted);
            return;
        }

        foreach (var piece in Filled(body, token, served))
        {
            await original.WriteAsync(piece, context.RequestAborted);
        }
    }

    private static readonly byte[] TokenBytes = Encoding.ASCII.GetBytes(TokenPlaceholder);
    private static readonly byte[] ServedBytes = Encoding.ASCII.GetBytes(ServedPlaceholder);

    private static int FirstPlaceholderAt(ReadOnlySpan<byte> body) =>
        (body.IndexOf(TokenBytes), body.IndexOf(ServedBytes)) switch
        {
            (< 0, var served) => served,
            (var token, < 0) => token,
            (var token, var served) => Math.Min(token, served),
        };

    /// <summary>
    /// The held body in pieces, each placeholder replaced, straight from the pooled bytes: a story page is
    /// large, and turning it into strings for every reader made the cached page cost more than rendering it.
    /// </summary>
    private static IEnumerable<ReadOnlyMemory<byte>> Filled(ReadOnlyMemory<byte> body, byte[] token, byte[] served)
    {
        while (body.Length > 0)
        {
            var at = FirstPlaceholderAt(body.Span);
            if (at < 0)
            {
                yield return body;
                yield break;
            }

            var (placeholder, value) = body.Span[at..].StartsWith(TokenBytes) ? (TokenBytes, token) : (ServedBytes, served);
            yield return body[..at];
            yield return value;
            body = body[(at + placeholder.Length)..];
        }
    }

    /// <summary>
    /// Passes the body through untouched, unless the response carries the marker when its first byte is
    /// written: then, while headers can still change, it issues the reader's token and holds the body.
    /// </summary>
    private sealed class MarkedResponseBuffer(HttpContext context, Stream inner, IAntiforgery antiforgery, FormClock formClock) : WriteOnlyStream
    {
        private bool decided;

        private byte[] pooled = [];
        private int length;

        public bool IsBuffering { get; private set; }

        /// <summary>The body held so far, in bytes rented from the shared pool and returned on dispose.</summary>
        public ReadOnlyMemory<byte> Written => pooled.AsMemory(0, length);
        public string Token { get; private set; } = "";
        public string Served { get; private set; } = "";

        /// <summary>The stream to pass bytes to, or null while they are being held.</summary>
        private Stream? Target()
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
                    // With this reader's token in it the page is for no other cache. Said before antiforgery
                    // says it, which otherwise overrides the page's own header and logs a warning each time.
                    headers.CacheControl = "no-cache, no-store";
                    headers.Pragma = "no-cache";
                    Token = antiforgery.GetAndStoreTokens(context).RequestToken ?? "";
                    Served = formClock.Stamp();
                }
            }

            return IsBuffering ? null : inner;
        }

        private void Hold(ReadOnlySpan<byte> bytes)
        {
            if (length + bytes.Length > pooled.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length + bytes.Length, Math.Max(pooled.Length * 2, 16 * 1024)));
                pooled.AsSpan(0, length).CopyTo(larger);
                Return();
                pooled = larger;
            }

            bytes.CopyTo(pooled.AsSpan(length));
            length += bytes.Length;
        }

        private void Return()
        {
            if (pooled.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Target() is { } passThrough)
            {
                passThrough.Write(buffer);
            }
            else
            {
                Hold(buffer);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Target() is { } passThrough)
            {
                return passThrough.WriteAsync(buffer, cancellationToken);
            }

            Hold(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
            if (decided && !IsBuffering)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            decided && !IsBuffering ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Return();
                pooled = [];
            }

            base.Dispose(disposing);
        }
    }
}
