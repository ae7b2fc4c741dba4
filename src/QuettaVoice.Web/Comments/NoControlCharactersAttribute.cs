using System.ComponentModel.DataAnnotations;

namespace QuettaVoice.Web.Comments;

/// <summary>
/// Refuses text with control characters other than tabs and line breaks. No one means to type them, and a page
/// that shows one is not valid HTML. (A form with a NUL never gets this far: ASP.NET Core turns it away first.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoControlCharactersAttribute : ValidationAttribute
{
    public NoControlCharactersAttribute()
        : base("{0} has invisible control characters that cannot be shown: type it again without them.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
}
