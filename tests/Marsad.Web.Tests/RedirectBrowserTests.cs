using Microsoft.Playwright;

namespace Marsad.Tests;

/// <summary>The sign-in page's <c>return=</c> and the links helper accept only targets on this site.</summary>
public sealed class RedirectBrowserTests(WebHost host) : IClassFixture<WebHost>
{
    private async Task<string> SignInWithReturnAsync(IBrowser browser, string ret)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });
        await page.GotoAsync("/login.html?lang=en&return=" + Uri.EscapeDataString(ret));
        await page.FillAsync("#username", WebHost.Reviewer);
        await page.FillAsync("#password", WebHost.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/login.html", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 90_000 });
        var url = page.Url;
        await page.CloseAsync();
        return url;
    }

    [ChromiumFact]
    public async Task Login_ReturnToOtherOrigin_StaysOnThisSite()
    {
        var (pw, browser) = await BrowserTests.LaunchAsync();
        using (pw)
        await using (browser)
        {
            // A backslash is a slash to the URL parser: "/\example.org/x" is "//example.org/x", another host.
            var landed = await SignInWithReturnAsync(browser, "/\\example.org/x");
            new Uri(landed).Authority.ShouldBe(host.BaseAddress.Authority);
            landed.ShouldEndWith("/review.html");

            // Negative case: a path on this site is followed.
            landed = await SignInWithReturnAsync(browser, "/actors.html?type=Battles");
            landed.ShouldBe(new Uri(host.BaseAddress, "/actors.html?type=Battles").ToString());
        }
    }

    [ChromiumFact]
    public async Task SafeHrefAndSameOriginPath_Hostile_AreRefused()
    {
        var (pw, browser) = await BrowserTests.LaunchAsync();
        using (pw)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });
            await page.GotoAsync("/login.html?lang=en");
            var r = await page.EvaluateAsync<string[]>("""
                async () => {
                  const m = await import('/js/common.js');
                  const cases = ['/\\example.org/x', '//x', 'https://x', 'javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '/event.html?id=a#b', 'event.html'];
                  return cases.flatMap(c => [String(m.sameOriginPath(c)), m.safeHref(c)]);
                }
                """);
            r.ShouldBe([
                "null", "#",              // /\example.org/x
                "null", "#",              // //x: protocol-relative, another host
                "null", "https://x/",     // an absolute source URL is a link, but never a return target
                "null", "#",              // javascript:
                "null", "#",              // javascript: after a space
                "null", "#",              // data:
                "/event.html?id=a#b", "/event.html?id=a#b",
                "/event.html", "/event.html", // relative to the site root (the page is at /login.html)
            ]);
        }
    }
}
