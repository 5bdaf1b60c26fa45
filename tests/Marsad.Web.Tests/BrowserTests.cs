using Microsoft.Playwright;

namespace Marsad.Tests;

/// <summary>A fact that needs Debian's Chromium at /usr/bin/chromium; skipped with a clear message when it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium; .ci/setup installs it): browser test skipped.";
        }
    }
}

/// <summary>A theory that needs Debian's Chromium; skipped like <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            Skip = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium; .ci/setup installs it): browser test skipped.";
        }
    }
}

/// <summary>Drives the UI with Playwright and Debian's Chromium; screenshots go to TestResults/screenshots.</summary>
public sealed class BrowserTests(WebHost host) : IClassFixture<WebHost>
{
    public static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    internal static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (pw, browser);
    }

    private async Task<(IPlaywright, IBrowser, IPage, List<string>)> OpenAsync(string lang = "en")
    {
        var (pw, browser) = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, BaseURL = host.BaseAddress.ToString() });
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        page.Dialog += async (_, d) => { problems.Add("dialog: " + d.Message); await d.DismissAsync(); };
        await page.GotoAsync("/login.html?lang=" + lang);
        return (pw, browser, page, problems);
    }

    /// <summary>
    /// Signs the reviewer in on the open login page and waits for the review page it leads to. The wait is
    /// generous (PBKDF2 and the first store access share two cores with the other test projects in CI);
    /// a failed sign-in reports the page's error message and console problems instead of a bare timeout.
    /// </summary>
    private static async Task SignInAsync(IPage page, List<string> problems)
    {
        await page.FillAsync("#username", WebHost.Reviewer);
        await page.FillAsync("#password", WebHost.Password);
        await page.ClickAsync("#login-submit");
        try
        {
            await page.WaitForURLAsync("**/review.html", new PageWaitForURLOptions { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            await ShotAsync(page, "00-sign-in-failed");
            throw new InvalidOperationException($"sign-in did not reach the review page (still at {page.Url}): '{await page.TextContentAsync("#login-error")}' | {string.Join(" | ", problems)}");
        }
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task MapPage_Load_ShowsEventMarkers()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            await page.GotoAsync("/");
            try
            {
                await page.WaitForSelectorAsync("#map[data-markers]", new PageWaitForSelectorOptions { Timeout = 8000 });
            }
            catch (TimeoutException)
            {
                await ShotAsync(page, "00-map-failed");
                throw new InvalidOperationException("map did not render: " + string.Join(" | ", problems));
            }

            (await page.GetAttributeAsync("#map", "data-markers")).ShouldBe("5");
            // Clustered or single markers are drawn on the map.
            await page.WaitForSelectorAsync(".leaflet-marker-icon, path.leaflet-interactive");
            (await page.Locator("#events-table tbody tr").CountAsync()).ShouldBe(5);
            (await page.Locator(".timeline-svg rect").CountAsync()).ShouldBeGreaterThan(0);
            await ShotAsync(page, "01-map-en");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task MapPage_TypeFilter_NarrowsAndKeepsItInUrl()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("#map[data-markers='5']");
            await page.SelectOptionAsync("#f-type", "Explosions/Remote violence");
            await page.ClickAsync("#apply-filters");
            await page.WaitForSelectorAsync("#map[data-markers='3']");
            page.Url.ShouldContain("type=Explosions%2FRemote+violence");
            (await page.Locator("#events-table tbody tr").CountAsync()).ShouldBe(3);
            await ShotAsync(page, "02-map-filtered");

            // The shared URL reproduces the view.
            await page.GotoAsync(page.Url);
            await page.WaitForSelectorAsync("#map[data-markers='3']");
            (await page.InputValueAsync("#f-type")).ShouldBe("Explosions/Remote violence");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task MapPage_Arabic_IsRightToLeft()
    {
        var (pw, browser, page, problems) = await OpenAsync("ar");
        using (pw)
        await using (browser)
        {
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("#map[data-markers='5']");
            (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
            (await page.TextContentAsync("#apply-filters")).ShouldBe("تطبيق");
            await ShotAsync(page, "03-map-ar");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task EventPage_Shelling_HighlightsEvidenceAndShowsSources()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            using var c = host.Client();
            var id = (await c.GetJsonAsync("/api/events?admin1=Idlib")).GetProperty("items")[0].GetProperty("id").GetString()!;
            await page.GotoAsync("/event.html?id=" + Uri.EscapeDataString(id));
            var mark = page.Locator("mark.evidence").First;
            await mark.WaitForAsync();
            (await mark.TextContentAsync()).ShouldNotBeNull().ShouldContain("قصفت قوات النظام");
            (await page.TextContentAsync("#corroboration")).ShouldNotBeNull().ShouldContain("2");
            (await page.Locator("#conflict").CountAsync()).ShouldBe(1);
            (await page.Locator("#sources .source").CountAsync()).ShouldBe(2);
            await ShotAsync(page, "04-event-evidence");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task Review_SignInAndEdit_AuditTrailShowsIt()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            await SignInAsync(page, problems);
            await page.WaitForSelectorAsync("#current-user");
            await page.WaitForSelectorAsync("#review-detail mark.evidence");
            await ShotAsync(page, "05-review-queue");

            // Edit the clash (evidence stays visible beside the form).
            using var c = host.Client();
            var id = (await c.GetJsonAsync("/api/events?type=Battles")).GetProperty("items")[0].GetProperty("id").GetString()!;
            await page.GotoAsync("/event.html?id=" + Uri.EscapeDataString(id));
            await page.WaitForSelectorAsync("#edit-form");
            (await page.Locator("mark.evidence").CountAsync()).ShouldBeGreaterThan(0);
            await page.FillAsync("#edit-form input[name=fatalities]", "7");
            await page.FillAsync("#edit-form input[name=comment]", "hospital figure");
            await page.ClickAsync("#save-edit");
            await page.WaitForSelectorAsync("#audit tr[data-action=edit]");
            var row = await page.TextContentAsync("#audit tr[data-action=edit]");
            row.ShouldNotBeNull().ShouldContain(WebHost.Reviewer);
            (await page.GetAttributeAsync("#audit tr[data-action=edit] td:nth-child(4) [data-fatalities]", "data-fatalities")).ShouldBe("5");
            (await page.GetAttributeAsync("#audit tr[data-action=edit] td:nth-child(5) [data-fatalities]", "data-fatalities")).ShouldBe("7");
            (await page.TextContentAsync("[data-field=fatalities]")).ShouldBe("7");
            await ShotAsync(page, "06-event-edited-audit");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task HostileArticle_Rendered_StaysText()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            using var c = host.Client();
            var ev = (await c.GetJsonAsync("/api/events?q=" + Uri.EscapeDataString("عبوة"))).GetProperty("items").EnumerateArray()
                .First(e => e.GetProperty("actor1").GetProperty("name").GetString() == Fixtures.HostileMarker);
            await page.GotoAsync("/article.html?id=" + ev.GetProperty("documentId").GetString());
            await page.WaitForSelectorAsync(".doc-text");
            (await page.TextContentAsync(".doc-text")).ShouldNotBeNull().ShouldContain(Fixtures.HostileMarker);
            (await page.Locator("main script, main img, main svg[onload], .doc-text a").CountAsync()).ShouldBe(0);
            (await page.Locator("#source-url").CountAsync()).ShouldBe(0, "the javascript: URL is not linked");
            await ShotAsync(page, "07-hostile-article");

            await page.GotoAsync("/event.html?id=" + ev.GetProperty("id").GetString());
            await page.WaitForSelectorAsync("mark.evidence");
            (await page.TextContentAsync("[data-field=actor1]")).ShouldNotBeNull().ShouldContain(Fixtures.HostileMarker);
            await page.GotoAsync("/?q=" + Uri.EscapeDataString("عبوة"));
            await page.WaitForSelectorAsync("#events-table");
            await ShotAsync(page, "08-hostile-event-list");
            (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).ShouldBeTrue();
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task Ingest_PasteAndUpload_ShowsStoredAndRejected()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            await SignInAsync(page, problems);
            await page.WaitForSelectorAsync("#current-user");
            await page.GotoAsync("/ingest.html");
            await page.FillAsync("#paste-text", "تقرير قصير كتبناه للاختبار عن اجتماع في مدينة حمص يوم السبت.");
            await page.ClickAsync("#paste-submit");
            await page.WaitForSelectorAsync("#ingest-summary");
            (await page.TextContentAsync("#ingest-results")).ShouldNotBeNull().ShouldContain("stored");

            // An empty upload is rejected with its reason shown.
            await page.SetInputFilesAsync("#files", new FilePayload { Name = "empty.txt", MimeType = "text/plain", Buffer = [] });
            await page.ClickAsync("#upload-form button[type=submit]");
            await page.WaitForSelectorAsync("#ingest-results tr.rejected");
            (await page.GetAttributeAsync("#ingest-progress", "value")).ShouldBe("100");
            await ShotAsync(page, "10-ingest");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task ActorGraph_Load_DrawsNodes()
    {
        var (pw, browser, page, problems) = await OpenAsync();
        using (pw)
        await using (browser)
        {
            await page.GotoAsync("/actors.html");
            await page.WaitForSelectorAsync("#graph[data-nodes] canvas");
            int.Parse(await page.GetAttributeAsync("#graph", "data-nodes") ?? "0", System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(4);
            await page.WaitForTimeoutAsync(300);
            await ShotAsync(page, "09-actor-graph");
            problems.ShouldBeEmpty();
        }
    }
}
