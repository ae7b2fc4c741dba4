namespace QuettaVoice.Web.Import;

public sealed record ImportResult(int Imported, int Skipped, int Failed)
{
    public bool Succeeded => Failed == 0;
}
