namespace QuettaVoice.Web.Domain;

/// <summary>
/// The picture at the top of a story. An imported story may carry a caption for a picture
/// the old site had but whose file was not saved: then <see cref="Path"/> is null and no image is shown.
/// </summary>
public sealed class FeaturedImage
{
    public string? Path { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? AltText { get; set; }

    public bool HasFile => !string.IsNullOrWhiteSpace(Path);
}
