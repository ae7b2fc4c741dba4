using System.Text.Json;

namespace QuettaVoice.Tests.Hosting;

/// <summary>How the .NET runtime runs the site, as its build writes it down for every start.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_site_runs_the_workstation_garbage_collector()
    {
        // The site's own settings file, copied beside the tests with the site; a misnamed build property leaves
        // the web SDK's default (the server collector) in it without a word.
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "QuettaVoice.Web.runtimeconfig.json")));

        var properties = settings.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
