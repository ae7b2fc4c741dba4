using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// ASP.NET Core's choice of encoding, but a page still carrying placeholders for a reader's own form fields is
/// left alone: compression inside the page cache would hide them from <see cref="PerReaderFormFields"/>, which
/// fills them in outside it (and compresses once they are filled).
/// </summary>
public sealed class FilledFieldsCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context) =>
        !context.Response.Headers.ContainsKey(PerReaderFormFields.MarkerHeader) && base.ShouldCompressResponse(context);
}
