using Microsoft.Playwright;

namespace Marsad.Tests;

/// <summary>The workbench in Chromium: timeline range selection, precision filter, graph, review by keyboard.</summary>
public sealed class WorkbenchBrowserTests(WebHost host) : IClassFixture<WebHost>
{
    private async Task<(IPlaywright, IBrowser, IPage, List<string>)> OpenAsync(string path, string lang = "en")
    {
        var (pw, browser) = await BrowserTests.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, BaseURL = host.BaseAddress.ToString() });
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
        return (pw, browser, page, problems);
    }

    [ChromiumFact]
    public async Task Timeline_DragAcrossBars_SetsDateRangeFilters()
    {
        var (pw, browser, page, problems) = await OpenAsync("/");
        using (pw)
        await using (browser)
        {
            await page.WaitForSelectorAsync("#map[data-markers='5']");
            var svg = page.Locator(".timeline-svg");
            (await svg.GetAttributeAsync("data-bucket")).ShouldBe("day");
            (await page.Locator(".timeline-svg .tick-year").CountAsync()).ShouldBe(1);
            var box = (await svg.BoundingBoxAsync()).ShouldNotBeNull();
            // From the first day (10 March) to about the middle of the span.
            await page.Mouse.MoveAsync(box.X + 30, box.Y + box.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 5 });
            await page.Mouse.UpAsync();
            await page.WaitForURLAsync(u => u.Contains("from=2024-03-10", StringComparison.Ordinal) && u.Contains("to=", StringComparison.Ordinal));
            (await page.InputValueAsync("#f-from")).ShouldBe("2024-03-10");
            await page.WaitForFunctionAsync("() => Number(document.getElementById('map').dataset.markers) < 5");
            // Back restores the form and the views.
            await page.GoBackAsync();
            await page.WaitForSelectorAsync("#map[data-markers='5']");
            (await page.InputValueAsync("#f-from")).ShouldBe("");
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task Map_PrecisionFilter_HidesExactPlaces()
    {
        var (pw, browser, page, problems) = await OpenAsync("/");
        using (pw)
        await using (browser)
        {
            await page.WaitForSelectorAsync("#map[data-markers='5']");
            await page.UncheckAsync("#prec-1");
            await page.WaitForSelectorAsync("#map[data-markers='0']"); // every fixture is placed exactly
            await page.CheckAsync("#prec-1");
            await page.WaitForSelectorAsync("#map[data-markers='5']");
            (await page.Locator("#map").GetAttributeAsync("data-admin1")).ShouldBe("15"); // governorate outlines drawn
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task ActorGraph_Arabic_FcoseLegendAndCatalogueNames()
    {
        var (pw, browser, page, problems) = await OpenAsync("/actors.html", "ar");
        using (pw)
        await using (browser)
        {
            await page.WaitForSelectorAsync("#graph[data-layout='fcose']");
            (await page.Locator("#graph-legend [data-inter]").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
            (await page.TextContentAsync("#graph-legend")).ShouldNotBeNull().ShouldContain("قوات حكومية");
            // Actors with events but no link to another actor are listed apart, not drawn.
            (await page.GetAttributeAsync("#graph", "data-isolated")).ShouldBe("2"); // the protesters and the hostile fixture's actor
            (await page.Locator("#isolated-actors li").CountAsync()).ShouldBe(2);
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task Review_KeyboardAcceptAndNext_WorksFromTheQueue()
    {
        var (pw, browser, page, problems) = await OpenAsync("/login.html");
        using (pw)
        await using (browser)
        {
            await page.FillAsync("#username", WebHost.Reviewer);
            await page.FillAsync("#password", WebHost.Password);
            await page.ClickAsync("#login-submit");
            await page.WaitForURLAsync("**/review.html", new PageWaitForURLOptions { Timeout = 90_000 });
            await page.WaitForSelectorAsync("#review-detail #event-fields");
            var count = await page.Locator("#queue li[data-id]").CountAsync();
            count.ShouldBe(5);
            (await page.Locator("#queue li[data-id] .reason-chip").CountAsync()).ShouldBeGreaterThan(0);
            var first = await page.GetAttributeAsync("#queue li.on", "data-id");
            await page.Keyboard.PressAsync("j");
            await page.WaitForFunctionAsync("id => document.querySelector('#queue li.on').dataset.id !== id", first);
            await page.Keyboard.PressAsync("k");
            await page.WaitForFunctionAsync("id => document.querySelector('#queue li.on').dataset.id === id", first);
            // Typing in the comment box is not a shortcut.
            await page.FocusAsync("#review-comment");
            await page.Keyboard.TypeAsync("ar");
            (await page.Locator("#queue li[data-id]").CountAsync()).ShouldBe(5);
            await page.Locator("#review-comment").BlurAsync();
            await page.Keyboard.PressAsync("a");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#queue li[data-id]').length === 4");
            using var c = host.Client();
            (await c.GetJsonAsync("/api/events?status=accepted")).GetProperty("total").GetInt32().ShouldBe(1);
            problems.ShouldBeEmpty();
        }
    }
}
