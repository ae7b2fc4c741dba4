namespace QuettaVoice.Web.Search;

/// <summary>A matched story's headline, standfirst and a passage of its body, with the matched words marked as <see cref="MarkedText"/> reads them.</summary>
public sealed record MarkedMatch(int Id, string Headline, string? Standfirst, string Body);
