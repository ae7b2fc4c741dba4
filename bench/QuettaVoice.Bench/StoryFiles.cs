using System.Globalization;
using System.Text;

namespace QuettaVoice.Bench;

/// <summary>
/// Plain-text stories in the form the newsroom saved from the old site (caption, byline, dateline, paragraphs,
/// page furniture, About the Author), for timing the real <c>import</c> command. Kept in bench/.data/.
/// </summary>
public sealed class StoryFiles(Workspace workspace, BenchOptions options)
{
    private const int FormatVersion = 1;

    public async Task<string> EnsureAsync(int count)
    {
        var folder = Path.Combine(workspace.DataRoot, string.Create(CultureInfo.InvariantCulture,
            $"story-files-{count}-{options.WordsPerStory}-words-seed-{options.Seed}-v{FormatVersion}"));
        var complete = Path.Combine(folder, ".complete");
        if (!options.Regenerate && File.Exists(complete))
        {
            return folder;
        }

        Console.WriteLine($"Writing {count:N0} story files for the import...");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var random = new Random(options.Seed - count);
        var text = new NewsText(random, await File.ReadAllTextAsync(workspace.SeedStory));
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        for (var i = 0; i < count; i++)
        {
            var topic = text.Topic();
            var story = new StringBuilder();
            if (random.Next(3) > 0)
            {
                story.Append(random.Next(2) == 0 ? "Screenshot" : "File photo").Append("\n\n");
            }

            story.Append(text.Pick(["Monitoring Desk:", "Our Correspondent:", "Staff Reporter:", "News Desk:"])).Append("\n\n");
            var paragraphs = text.Paragraphs(topic, options.WordsPerStory);
            story.Append(topic.Place.ToUpperInvariant()).Append(" – ").Append(string.Join("\n\n", paragraphs)).Append("\n\n");
            story.Append("Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n");
            story.Append("About the Author\n\n").Append(text.Sentence(topic, 20, 40)).Append('\n');
            var name = string.Create(CultureInfo.InvariantCulture, $"{i:D6}_{random.NextInt64():x16}.txt");
            await File.WriteAllTextAsync(Path.Combine(folder, name), story.ToString(), utf8);
        }

        await File.WriteAllTextAsync(complete, "");
        return folder;
    }
}
