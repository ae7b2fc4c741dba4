using System.Text;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Import;

/// <summary>Reads one saved story from disk, refusing what is not a plain-text story with a reason a person can act on.</summary>
public static class StoryFile
{
    public const long MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of the file, or the reason it cannot be imported.</summary>
    public static async Task<(string? Text, string? Error)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return (null, "file not found");
        }

        if (file.Length == 0)
        {
            return (null, "file is empty");
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"file is {file.Length / 1024.0 / 1024.0:0.0} MB; the limit is 1 MB");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return (null, "UTF-16 text; save it as UTF-8");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return (null, "binary file, not plain text");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (NoControlCharactersAttribute.FirstIn(text) is var at and >= 0)
            {
                var (line, _) = NoControlCharactersAttribute.PlaceOf(text, at);
                return (null, $"a control character (U+{(int)text[at]:X4}) on line {line}, which no page or feed can show; remove it");
            }

            return string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')) ? (null, "file is empty") : (text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "not valid UTF-8 text");
        }
    }

    private static readonly EnumerationOptions TextFiles = new() { MatchCasing = MatchCasing.CaseInsensitive };

    /// <summary>Every .txt file a path names (.TXT too): the file itself, or the files of a folder in name order.</summary>
    public static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.txt", TextFiles).Order(StringComparer.OrdinalIgnoreCase)
            : [path];
}
