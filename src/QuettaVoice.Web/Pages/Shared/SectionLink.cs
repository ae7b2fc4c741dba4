namespace QuettaVoice.Web.Pages.Shared;

/// <summary>A link to a section: its name and its slug, and its id for the queries of its stories.</summary>
public sealed record SectionLink(int Id, string Name, string Slug);
