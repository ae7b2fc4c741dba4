using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Import;

/// <summary>A first start whose seed folder holds a file that is no story: the others are imported, and the log names it and why.</summary>
public sealed class SeedRefusalTests : SiteTest
{
    private readonly TempFolder seeds;

    public SeedRefusalTests()
        : this(new TempFolder())
    {
    }

    private SeedRefusalTests(TempFolder seeds)
        : base(settings: new Dictionary<string, string> { ["Storage:SeedDirectory"] = seeds.Path })
    {
        this.seeds = seeds;
        seeds.Write("001-budget.txt", "QUETTA: The provincial budget was tabled on Monday.");
        seeds.WriteBytes("002-notepad.txt", [0xFF, 0xFE, 0x51, 0x00]);
    }

    [Fact]
    public async Task A_refused_seed_file_is_named_in_the_log_with_its_reason()
    {
        using var front = await App.CreateReader().GetAsync("/");

        var messages = App.Logs.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("002-notepad.txt", StringComparison.Ordinal) && m.Contains("UTF-16 text; save it as UTF-8", StringComparison.Ordinal));
        Assert.Contains("First start: imported 1 seed stories (1 failed)", messages);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        seeds.Dispose();
    }
}
