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

        // A value for a name the form has no field for is what a pressed button adds: name=value.
        foreach (var (name, value) in values)
        {
            if (!fields.Exists(f => f.Key == name))
            {
                fields.Add(new(name, value));
            }
        }

        // Hidden companions of checkboxes ("false") come after the box itself, so a checked box wins.
        var action = formAction ?? form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Submits a form with a file, as a browser sends it (multipart): the file in <paramref name="fileField"/>,
    /// every other field of the form as it is unless <paramref name="values"/> says otherwise.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, IDocument page, string fileField, byte[] file, string fileName, string contentType,
        IReadOnlyDictionary<string, string>? values = null, string formSelector = "main form")
    {
        var form = (IHtmlFormElement)page.One(formSelector);
        using var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (input.Name is { Length: > 0 } name && input.Type is not ("file" or "submit" or "button" or "checkbox" or "radio"))
            {
                content.Add(new StringContent(values?.GetValueOrDefault(name) ?? input.Value), name);
            }
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (fileName.Length == 0)
        {
            // What a browser sends when no file was chosen: the field, with an empty name and no bytes.
            part.Headers.ContentDisposition = new("form-data") { Name = $"\"{fileField}\"", FileName = "\"\"" };
            content.Add(part);
        }
        else
        {
            content.Add(part, fileField, fileName);
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action, content);
    }

    public static string? ValueOf(this IDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;
}
