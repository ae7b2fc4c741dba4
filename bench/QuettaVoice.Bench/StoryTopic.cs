namespace QuettaVoice.Bench;

/// <summary>What one generated story is about, so its place and themes recur through it as a real report's do.</summary>
public sealed record StoryTopic(string Place, IReadOnlyList<string> Themes);
