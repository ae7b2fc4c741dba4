namespace QuettaVoice.Web.Accounts;

/// <summary>What stopped an account being added: a sentence for the person who asked, and which of their entries it is about, if one.</summary>
public sealed record AccountProblem(string Message, AccountEntry? About = null)
{
    public override string ToString() => Message;
}

/// <summary>What the person adding an account enters.</summary>
public enum AccountEntry
{
    Email,
    Role,
    Password,
}
