using System.Text;
using System.Xml;
using Microsoft.AspNetCore.WebUtilities;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// An XML document (feed or sitemap) written with the synchronous XmlWriter APIs. Kestrel refuses synchronous
/// writes to the response, so the document is buffered first (in memory, spilling to a temporary file when large)
/// and then copied out asynchronously.
/// </summary>
public sealed class XmlResult(string contentType, Action<XmlWriter> write) : IResult
{
    /// <summary>
    /// Up to this much stays in memory (pooled pages). The default, 32 KB, sent every feed (twenty stories in
    /// full, about 150 KB) through a temporary file on disk; only a sitemap of many thousand addresses is larger.
    /// </summary>
    private const int MemoryThreshold = 1024 * 1024;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using var buffer = new FileBufferingWriteStream(MemoryThreshold);
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            write(writer);
        }

        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = buffer.Length;
        await buffer.DrainBufferAsync(httpContext.Response.Body, httpContext.RequestAborted);
    }
}
