namespace QuettaVoice.Web.Accounts;

public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>The sign-in address of the admin the site creates on its first start.</summary>
    public string FirstAdminEmail { get; set; } = "admin@quettavoice.local";
}
