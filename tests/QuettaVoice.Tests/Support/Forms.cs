using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace QuettaVoice.Tests.Support;

/// <summary>Fills and submits a page's form as a browser would: every field it has, the antiforgery token included.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IDocument page, IReadOnlyDictionary<string, string> values, string formSelector = "main form", string? button = null)
    {
        var form = (IHtmlFormElement)page.One(formSelector);
        var formAction = button is null ? null : form.One(button).GetAttribute("formaction");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (values.TryGetValue(name, out var chosen) ? chosen == input.Value : input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "button"):
                    fields.Add(new(name, values.GetValueOrDefault(name, input.Value)));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    fields.Add(new(name, values.GetValueOrDefault(name, textArea.Value)));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.Add(new(name, values.GetValueOrDefault(name, select.Value ?? "")));
                    break;
            }
        }

        // Hidden companions of checkboxes ("false") come after the box itself, so a checked box wins.
        var action = formAction ?? form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string? ValueOf(this IDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;
}
