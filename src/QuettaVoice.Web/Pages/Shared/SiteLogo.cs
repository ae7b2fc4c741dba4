namespace QuettaVoice.Web.Pages.Shared;

/// <summary>
/// The paper's logo as a raster picture: search engines and sharing sites take no SVG. Square and 512 pixels wide,
/// above the 112 Google asks of an organisation's logo and the 200 Facebook asks of a shared picture.
/// </summary>
public static class SiteLogo
{
    public const string Path = "/images/logo-512.png";
    public const int Width = 512;
    public const int Height = 512;
}
