using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace QuettaVoice.Bench;

/// <summary>
/// Newspaper-like English from a fixed random seed: the seed story's own vocabulary, the paper's beats and
/// Balochistan's districts, with a few words far more common than the rest as in real text. Searches then
/// find what they would find in the paper's archive, and the same seed always writes the same archive.
/// </summary>
public sealed partial class NewsText
{
    public static readonly IReadOnlyList<string> Places =
    [
        "Quetta", "Gwadar", "Turbat", "Khuzdar", "Sibi", "Zhob", "Loralai", "Chaman", "Panjgur", "Kech",
        "Lasbela", "Hub", "Nushki", "Kharan", "Mastung", "Kalat", "Dera Bugti", "Kohlu", "Jaffarabad", "Naseerabad",
        "Awaran", "Washuk", "Chagai", "Dalbandin", "Ziarat", "Pishin", "Killa Saifullah", "Musakhel", "Barkhan", "Harnai",
        "Sherani", "Duki", "Jhal Magsi", "Kachhi", "Sohbatpur", "Usta Muhammad", "Ormara", "Pasni", "Jiwani", "Taftan",
        "Islamabad", "Karachi", "Kabul", "Tehran", "Beijing", "Moscow",
    ];

    private static readonly string[] FunctionWords =
    [
        "the", "the", "the", "of", "of", "and", "and", "in", "in", "to", "to", "a", "a", "for", "on", "with", "that",
        "by", "from", "as", "at", "has", "have", "was", "were", "is", "are", "its", "their", "this", "which", "after",
        "over", "under", "into", "while", "more", "than", "said", "also", "will", "would", "been", "not", "but",
    ];

    public static readonly IReadOnlyList<string> BeatWords =
    [
        "port", "ports", "education", "schools", "school", "children", "teachers", "students", "university", "health",
        "hospital", "doctors", "polio", "vaccination", "climate", "drought", "floods", "rain", "water", "dams",
        "mining", "copper", "gold", "coal", "gas", "pipeline", "electricity", "power", "road", "highway", "border",
        "trade", "fishermen", "fishing", "budget", "province", "provincial", "government", "assembly", "minister",
        "chief", "secretary", "district", "police", "security", "levies", "court", "judges", "protest", "strike",
        "election", "party", "opposition", "tribal", "elders", "farmers", "dates", "apples", "livestock", "wheat",
        "prices", "inflation", "jobs", "youth", "women", "journalists", "press", "internet", "mobile", "projects",
        "development", "funds", "federal", "corridor", "investment", "CPEC", "airport", "railway", "refugees", "camps",
        "earthquake", "heatwave", "locusts", "solar", "wind", "energy", "smuggling", "fuel", "diesel", "checkpost",
        "reforms", "textbooks", "enrolment", "dropout", "literacy", "out-of-school", "scholarships", "hostels",
    ];

    private static readonly string[] FirstNames =
    [
        "Ahmed", "Ali", "Sana", "Mahrang", "Bilal", "Shazia", "Naveed", "Zarina", "Imran", "Fatima", "Jamal", "Hani",
        "Karim", "Saima", "Tariq", "Nazia", "Yousaf", "Gul", "Rashid", "Mehnaz", "Akbar", "Shireen", "Farooq", "Bibi",
        "Hameed", "Sadia", "Qadir", "Noor", "Waseem", "Laila",
    ];

    private static readonly string[] LastNames =
    [
        "Baloch", "Kakar", "Achakzai", "Mengal", "Bugti", "Marri", "Raisani", "Jamali", "Rind", "Magsi", "Zehri",
        "Mandokhail", "Tareen", "Hazara", "Durrani", "Khan", "Shah", "Notezai", "Lehri", "Bizenjo", "Jogezai", "Kasi",
        "Langove", "Mohammad Hasni", "Domki",
    ];

    private readonly Random random;
    private readonly string[] vocabulary;
    private readonly double[] cumulativeWeights;

    public NewsText(Random random, string seedStory)
    {
        this.random = random;
        var seedWords = Word().Matches(seedStory).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 3);
        // Distinct in first-seen order, then shuffled by the seed, so which words are common is fixed but not alphabetical.
        vocabulary = BeatWords.Concat(seedWords).Distinct(StringComparer.Ordinal).ToArray();
        random.Shuffle(vocabulary);
        cumulativeWeights = new double[vocabulary.Length];
        var total = 0.0;
        for (var rank = 0; rank < vocabulary.Length; rank++)
        {
            // Zipf's law: the word of rank r is used about 1/r as often as the commonest.
            total += 1.0 / (rank + 3);
            cumulativeWeights[rank] = total;
        }
    }

    public StoryTopic Topic() => new(Pick(Places), [ContentWord(), ContentWord(), Pick(BeatWords)]);

    public string PersonName() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    public string Headline(StoryTopic topic)
    {
        var words = new List<string> { topic.Place, topic.Themes[0] };
        var length = random.Next(6, 11);
        while (words.Count < length)
        {
            words.Add(random.Next(4) == 0 ? Pick(FunctionWords) : random.Next(3) == 0 ? topic.Themes[random.Next(topic.Themes.Count)] : ContentWord());
        }

        // The place leads, as in the paper's headlines; the rest in any order.
        random.Shuffle(CollectionsMarshal.AsSpan(words)[1..]);
        return Capitalise(string.Join(' ', words));
    }

    public string Sentence(StoryTopic topic, int minWords = 12, int maxWords = 28)
    {
        var length = random.Next(minWords, maxWords + 1);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            if (i > 0)
            {
                text.Append(i > 3 && i < length - 2 && random.Next(12) == 0 ? ", " : " ");
            }

            var roll = random.Next(100);
            text.Append(roll switch
            {
                < 42 => Pick(FunctionWords),
                < 50 => topic.Themes[random.Next(topic.Themes.Count)],
                < 54 => random.Next(4) == 0 ? Pick(Places) : topic.Place,
                _ => ContentWord(),
            });
        }

        text.Append('.');
        var sentence = Capitalise(text.ToString());
        return random.Next(10) == 0 ? $"“{sentence[..^1]},” {PersonName()} said." : sentence;
    }

    /// <summary>Paragraphs of two to four sentences until the story has about <paramref name="targetWords"/> words.</summary>
    public List<string> Paragraphs(StoryTopic topic, int targetWords)
    {
        var wanted = targetWords * random.Next(85, 116) / 100;
        var paragraphs = new List<string>();
        var words = 0;
        while (words < wanted)
        {
            var sentences = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Sentence(topic)).ToList();
            var paragraph = string.Join(' ', sentences);
            words += paragraph.Count(c => c == ' ') + 1;
            paragraphs.Add(paragraph);
        }

        return paragraphs;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string ContentWord()
    {
        var index = Array.BinarySearch(cumulativeWeights, random.NextDouble() * cumulativeWeights[^1]);
        return vocabulary[index < 0 ? ~index : index];
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    [GeneratedRegex(@"\p{L}[\p{L}’'-]*\p{L}")]
    private static partial Regex Word();
}
