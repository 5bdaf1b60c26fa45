using System.Text.Json;
using Microsoft.Playwright;

namespace Marsad.Tests;

/// <summary>
/// Walks every page signed in, in Arabic: no Latin-script UI words outside data (names, titles, URLs and source
/// text are marked <c>data-verbatim</c>); then axe-core on every page in both languages (no serious or critical
/// violations) and screenshots at 1400 and 390 px in the test output folder.
/// </summary>
public sealed class ArabicWalkTests(WebHost host) : IClassFixture<WebHost>
{
    private static readonly string AxePath = Path.Combine(RepoRoot(), "src", "Marsad.Web", "node_modules", "axe-core", "axe.min.js");

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Marsad.slnx")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? AppContext.BaseDirectory;
    }

    /// <summary>Page, the selector that says it has rendered.</summary>
    private async Task<IReadOnlyList<(string Name, string Path, string Ready)>> PagesAsync()
    {
        using var c = host.Client();
        var ev = (await c.GetJsonAsync("/api/events?admin1=Idlib")).GetProperty("items")[0];
        var id = ev.GetProperty("id").GetString()!;
        var doc = ev.GetProperty("documentId").GetString()!;
        return
        [
            ("map", "/", "#map[data-markers] ~ *, #events-table"),
            ("event", "/event.html?id=" + Uri.EscapeDataString(id), "#event-fields"),
            ("article", "/article.html?id=" + Uri.EscapeDataString(doc), ".doc-text"),
            ("actors", "/actors.html", "#graph[data-nodes] canvas"),
            ("review", "/review.html", "#review-detail #event-fields"),
            ("ingest", "/ingest.html", "#paste-form"),
            ("login", "/login.html", "#login-form"),
        ];
    }

    private async Task<(IPlaywright, IBrowser, IBrowserContext, IPage, List<string>)> SignedInAsync(string lang, int width)
    {
        var (pw, browser) = await BrowserTests.LaunchAsync();
        // axe is injected as an inline script: the test context bypasses the page's CSP for it.
        var ctx = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, BaseURL = host.BaseAddress.ToString(), BypassCSP = true });
        var page = await ctx.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync("/login.html?lang=" + lang);
        await page.FillAsync("#username", WebHost.Reviewer);
        await page.FillAsync("#password", WebHost.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/review.html", new PageWaitForURLOptions { Timeout = 90_000 });
        return (pw, browser, ctx, page, problems);
    }

    private const string LatinWordsScript = """
        () => {
          const skip = (n) => n.closest('[data-verbatim], .leaflet-control-attribution, script, style, title, [hidden]');
          const words = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement;
            if (!p || skip(p)) continue;
            for (const m of n.textContent.matchAll(/[A-Za-z]{2,}/g)) words.push(m[0] + ' @' + p.tagName.toLowerCase() + (p.id ? '#' + p.id : '') + (p.className && typeof p.className === 'string' ? '.' + p.className.split(' ')[0] : ''));
          }
          for (const e of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
            if (skip(e)) continue;
            for (const a of ['placeholder', 'aria-label']) {
              const v = e.getAttribute(a) || '';
              for (const m of v.matchAll(/[A-Za-z]{2,}/g)) words.push(m[0] + ' @' + a);
            }
          }
          return words;
        }
        """;

    [ChromiumFact]
    public async Task EveryPage_Arabic_HasNoLatinUiWords()
    {
        var (pw, browser, ctx, page, problems) = await SignedInAsync("ar", 1400);
        using (pw)
        await using (browser)
        await using (ctx)
        {
            var found = new List<string>();
            foreach (var (name, path, ready) in await PagesAsync())
            {
                await page.GotoAsync(path);
                await page.WaitForSelectorAsync(ready.Split(", ")[^1], new PageWaitForSelectorOptions { Timeout = 30_000 });
                await page.WaitForTimeoutAsync(300);
                found.AddRange((await page.EvaluateAsync<string[]>(LatinWordsScript)).Select(w => name + ": " + w));
            }

            found.ShouldBeEmpty();
            problems.ShouldBeEmpty();
        }
    }

    [ChromiumFact]
    public async Task LatinWordCheck_UntranslatedLabel_IsCaught()
    {
        // Negative case of the walk: a UI word left in English is found, a marked name is not.
        var (pw, browser) = await BrowserTests.LaunchAsync();
        using (pw)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.SetContentAsync("<body><p>تاريخ Date</p><p><bdi data-verbatim>Syrian Democratic Forces</bdi></p></body>");
            (await page.EvaluateAsync<string[]>(LatinWordsScript)).ShouldBe(["Date @p"]);
        }
    }

    [ChromiumTheory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task EveryPage_Axe_NoSeriousViolationsAndScreenshots(string lang)
    {
        File.Exists(AxePath).ShouldBeTrue("axe-core comes from npm (src/Marsad.Web/package-lock.json): " + AxePath);
        var (pw, browser, ctx, page, problems) = await SignedInAsync(lang, 1400);
        using (pw)
        await using (browser)
        await using (ctx)
        {
            var violations = new List<string>();
            foreach (var (name, path, ready) in await PagesAsync())
            {
                foreach (var width in new[] { 1400, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await page.GotoAsync(path);
                    await page.WaitForSelectorAsync(ready.Split(", ")[^1], new PageWaitForSelectorOptions { Timeout = 30_000 });
                    await page.WaitForTimeoutAsync(300);
                    Directory.CreateDirectory(BrowserTests.ScreenshotDir);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"page-{name}-{lang}-{width}.png"), FullPage = true });
                    if (width != 1400)
                    {
                        continue;
                    }

                    await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath });
                    var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
                    foreach (var v in json.EnumerateArray())
                    {
                        var impact = v.GetProperty("impact").GetString();
                        if (impact is "serious" or "critical")
                        {
                            violations.Add($"{name}/{lang}: {v.GetProperty("id").GetString()} ({impact}) {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}");
                        }
                    }
                }
            }

            violations.ShouldBeEmpty();
            problems.ShouldBeEmpty();
        }
    }
}
