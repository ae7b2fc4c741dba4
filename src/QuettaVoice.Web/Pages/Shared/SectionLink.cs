namespace QuettaVoice.Web.Pages.Shared;

/// <summary>A link to a section or a tag: its name and its slug.</summary>
public sealed record SectionLink(string Name, string Slug);
