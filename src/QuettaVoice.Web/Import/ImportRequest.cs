namespace QuettaVoice.Web.Import;

/// <summary>What an import run was asked to do; the options mirror the <c>import</c> command's flags.</summary>
public sealed record ImportRequest(IReadOnlyList<string> Paths)
{
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Section { get; init; }

    /// <summary>UTC; null means now.</summary>
    public DateTime? PublishedAt { get; init; }
    public bool DryRun { get; init; }
}
