using System.Text;
using System.Xml;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// An XML document (feed or sitemap) written with the synchronous XmlWriter APIs. Kestrel refuses synchronous
/// writes to the response, so the document is held first (<see cref="HeldResponse"/>: in memory, in a temporary
/// file when large) and then copied out asynchronously.
/// </summary>
public sealed class XmlResult(string contentType, Action<XmlWriter> write) : IResult
{
    /// <summary>
    /// Up to this much stays in memory. ASP.NET Core's default for its buffers, 32 KB, would send every feed (twenty
    /// stories in full, about 150 KB) through a temporary file on disk; only a sitemap of many thousand addresses is larger.
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
        await using var buffer = new HeldResponse(MemoryThreshold);
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            write(writer);
        }

        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = buffer.HeldLength;
        await buffer.CopyOutAsync(httpContext.Response.Body, httpContext.RequestAborted);
    }
}
