namespace QuettaVoice.Web.Scaling;

/// <summary>Where the instances of one site keep what they share; unset for a site on one server.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>The prefix of every key the site writes, so two sites can share one Redis server.</summary>
    public string InstanceName { get; set; } = "quettavoice:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
