using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace QuettaVoice.Tests.Support;

/// <summary>A test class with a real browser against the site on Kestrel; its tests call <see cref="Browser.SkipUnlessAvailable"/>.</summary>
public abstract class BrowserTest(LiveSite site) : IClassFixture<LiveSite>, IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    protected LiveSite Site => site;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Browser.ChromiumPath) && !Browser.InCi)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await Browser.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    protected async Task<IPage> OpenAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light, bool javaScript = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>What axe finds serious or critical on the page against WCAG 2.2 AA and best practice, one line each.</summary>
    protected static async Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        return results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
