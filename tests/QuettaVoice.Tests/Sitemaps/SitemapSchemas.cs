using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace QuettaVoice.Tests.Sitemaps;

/// <summary>
/// The published schemas, shipped beside the tests: sitemaps.org's sitemap.xsd and siteindex.xsd, and Google's
/// sitemap-news.xsd. A sitemap passes only with no error and no warning, so an element no schema knows fails it.
/// </summary>
public static class SitemapSchemas
{
    public const string Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string News = "http://www.google.com/schemas/sitemap-news/0.9";

    private static readonly XmlSchemaSet Schemas = Load();

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        foreach (var file in new[] { "sitemap.xsd", "siteindex.xsd", "sitemap-news.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Sitemaps", "Schemas", file));
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>Validates the document and returns it parsed.</summary>
    public static XDocument Validate(string xml, string url)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.True(problems.Count == 0, $"{url} is not a valid sitemap:\n{string.Join('\n', problems)}\n{xml}");
        return XDocument.Parse(xml);
    }
}
