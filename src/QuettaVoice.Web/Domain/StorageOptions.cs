namespace QuettaVoice.Web.Domain;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The one folder that holds all state: the SQLite file and, later, media. Relative to the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>
    /// Stories imported by themselves on the first start with an empty database, relative to the
    /// executable's folder (the build copies <c>seeds/</c> there). Empty turns the first-run import off.
    /// </summary>
    public string SeedDirectory { get; set; } = "seeds";
}
