using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Bench;

/// <summary>A generated archive ready to serve: its data folder, its size and the seed story's address in it.</summary>
public sealed record Archive(string DataDirectory, int Stories, int Comments, string SeedStoryPath)
{
    public string DatabasePath => Path.Combine(DataDirectory, "quettavoice.db");

    /// <summary>
    /// Deletes the site's key ring, so the next start makes a new key as the build under test makes them. A key
    /// keeps the algorithm it was made with for its 90 days: one kept with the archive would have the cookies and
    /// form tokens of every run sealed as the build that generated the archive sealed them.
    /// </summary>
    public void DropKeyRing()
    {
        var keys = Path.Combine(DataDirectory, SharedStateServices.KeyRingFolderName);
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }
    }
}
