namespace QuettaVoice.Web.Media;

/// <summary>An accepted upload: what it is, how big it is, and its copies, narrowest first, with no metadata left in them.</summary>
public sealed record ProcessedImage(string Sha256, ImageFormat Format, int Width, int Height, IReadOnlyList<ImageVariant> Variants);
