namespace QuettaVoice.Web.Domain;

/// <summary>
/// The picture at the top of a story: an item of the media library (<see cref="MediaId"/>), or a file
/// the old site had (<see cref="Path"/>). An imported story may carry a caption for a picture whose file
/// was not saved: then both are null and no image is shown.
/// </summary>
public sealed class FeaturedImage
{
    public int? MediaId { get; set; }
    public string? Path { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? AltText { get; set; }

    public bool HasFile => !string.IsNullOrWhiteSpace(Path);
}
