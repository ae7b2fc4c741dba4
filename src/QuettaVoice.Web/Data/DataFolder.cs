namespace QuettaVoice.Web.Data;

/// <summary>The one folder that holds all of the site's state, resolved to a full path at start-up.</summary>
public sealed record DataFolder(string Path)
{
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The copies of uploaded pictures, served as they are under <c>/media/</c>.</summary>
    public string Media => File("media");
}
