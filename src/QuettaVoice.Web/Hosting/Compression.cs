using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;

namespace QuettaVoice.Web.Hosting;

public static class Compression
{
    /// <summary>Brotli, else gzip, for pages, feeds and sitemaps: most readers are on slow mobile data.</summary>
    public static IServiceCollection AddNewsCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "application/atom+xml"];
        });
        services.AddSingleton<IResponseCompressionProvider, FilledFieldsCompressionProvider>();
        // The fastest levels already shrink a page about sixfold for little processor time. A cached page is
        // compressed once, before the cache keeps it; a story with a reader's own fields as it is sent.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>The encoding the compressor chooses for this request by its Accept-Encoding; null when it would send none.</summary>
    public static string? ChosenEncoding(this IResponseCompressionProvider compression, HttpContext context) =>
        compression.CheckRequestAcceptsCompression(context) ? compression.GetCompressionProvider(context)?.EncodingName : null;

    /// <summary>
    /// Only readers' GETs are compressed. A signed-in user's pages carry secrets (form tokens) beside text the
    /// user's own requests can echo, which compression would let an eavesdropper guess at (BREACH); they are
    /// few and small, so they go uncompressed. Needs to know who is signed in, so it comes after authentication.
    /// </summary>
    /// <param name="app">The pipeline.</param>
    /// <param name="inPieces">
    /// Whether the compressor is handed the page in pieces of up to 64 KB (<see cref="CompressionInPieces"/>):
    /// inside the page cache, where what is compressed is kept.
    /// </param>
    public static IApplicationBuilder UseNewsCompression(this IApplicationBuilder app, bool inPieces = false) =>
        app.UseWhen(
            context => (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && context.User.Identity?.IsAuthenticated != true
                // Stylesheets and scripts come compressed at build time (MapStaticAssets); doing it again garbles them.
                && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null,
            branch =>
            {
                branch.UseResponseCompression();
                if (inPieces)
                {
                    branch.UseCompressionInPieces();
                }
            });
}
