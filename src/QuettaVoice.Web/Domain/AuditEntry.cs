namespace QuettaVoice.Web.Domain;

/// <summary>One thing someone did that the newsroom must be able to account for: who, what, to what, when.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }

    public static AuditEntry Of(string? userId, string userName, string action, string subject, DateTime nowUtc) =>
        new() { At = nowUtc, UserId = userId, UserName = userName, Action = action, Subject = subject };
}
