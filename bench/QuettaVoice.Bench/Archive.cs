namespace QuettaVoice.Bench;

/// <summary>A generated archive ready to serve: its data folder, its size and the seed story's address in it.</summary>
public sealed record Archive(string DataDirectory, int Stories, int Comments, string SeedStoryPath)
{
    public string DatabasePath => Path.Combine(DataDirectory, "quettavoice.db");
}
