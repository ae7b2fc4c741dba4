namespace QuettaVoice.Tests.Support;

public static class SignIn
{
    /// <summary>Opens the sign-in page and submits it, as a person would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string returnUrl = "")
    {
        var page = await client.GetDocumentAsync("/account/login" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }
}
