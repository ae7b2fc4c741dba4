using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Media;

public static class MediaServices
{
    public const string RequestPath = "/media";

    /// <summary>A copy's name carries the hash of its picture, so its bytes never change: browsers and proxies may keep it a year.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IServiceCollection AddNewsMedia(this IServiceCollection services)
    {
        services.AddScoped<MediaStore>();
        services.AddSingleton<LibraryPictures>();
        return services;
    }

    /// <summary>
    /// Serves the copies in the data folder's <c>media/</c> under <c>/media/</c>, and only files of the four
    /// image types: anything else there, or any unknown name, is a 404.
    /// </summary>
    public static IApplicationBuilder UseNewsMedia(this IApplicationBuilder app)
    {
        var folder = app.ApplicationServices.GetRequiredService<DataFolder>().Media;
        Directory.CreateDirectory(folder);
        var contentTypes = new FileExtensionContentTypeProvider(
            ImageFormat.All.ToDictionary(f => "." + f.FileExtension, f => f.ContentType, StringComparer.OrdinalIgnoreCase));
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = RequestPath,
            FileProvider = new PhysicalFileProvider(folder),
            ContentTypeProvider = contentTypes,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = CacheControl,
        });
    }

    public static string Url(string fileName) => $"{RequestPath}/{fileName}";
}
