using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace QuettaVoice.Web.Domain;

/// <summary>
/// Refuses text with control characters other than tabs and line breaks. No one means to type them; a page that
/// shows one is not valid HTML, and a feed or sitemap cannot hold one at all (writing it fails). A form with a NUL
/// never gets this far: ASP.NET Core turns it away first.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoControlCharactersAttribute : ValidationAttribute
{
    public NoControlCharactersAttribute()
        : base("{0} has invisible control characters that cannot be shown: type it again without them.")
    {
    }

    public override bool IsValid(object? value) => value is not string text || FirstIn(text) < 0;

    /// <summary>The message, with where the first such character is: it cannot be seen to be found.</summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || FirstIn(text) is not (var at and >= 0))
        {
            return ValidationResult.Success;
        }

        var (line, column) = PlaceOf(text, at);
        return new ValidationResult(
            string.Create(CultureInfo.InvariantCulture, $"{FormatErrorMessage(validationContext.DisplayName).TrimEnd('.')} (the first is on line {line}, character {column})."),
            validationContext.MemberName is { } member ? [member] : null);
    }

    /// <summary>The line and the character in it, counted from 1, of the place <paramref name="at"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Character) PlaceOf(string text, int at) =>
        (text.AsSpan(0, at).Count('\n') + 1, at - (text.LastIndexOf('\n', at) + 1) + 1);

    /// <summary>Where the first such character is in <paramref name="text"/>, or -1.</summary>
    public static int FirstIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] is not ('\t' or '\r' or '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
