using System.Net;
using System.Text.Json;
using Marsad.Web;

namespace Marsad.Tests.Watch;

/// <summary><c>GET /api/watch</c> on <c>marsad serve</c>: each source's status after the watcher polled it.</summary>
public sealed class WatchStatusEndpointTests : IAsyncLifetime
{
    private readonly WatchHarness _h = new();
    private TestOutlet _outlet = null!;

    public async Task InitializeAsync()
    {
        _outlet = await TestOutlet.StartAsync();
        await _h.InitAsync();
    }

    public async Task DisposeAsync()
    {
        await _outlet.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task GetWatch_AfterPolls_SourcesWithDocumentsTodayAndErrors()
    {
        var items = Enumerable.Range(0, 2).Select(i => new Fixtures.Item($"خبر {i}", _outlet.Url($"/news/{i}.html").AbsoluteUri, Fixtures.Report(i), new DateOnly(2026, 2, 20)));
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", items));
        var ok = WatchHarness.Source(_outlet.Url("/feed.xml"));
        var broken = WatchHarness.Source(_outlet.Url("/missing.xml"), outlet: "منفذ معطل");
        var config = WatchHarness.Config([ok, broken]);
        using (var http = _h.Client(config))
        using (var watcher = _h.Watcher(config, http))
        {
            await watcher.PollDueAsync(default);
        }

        await using var app = MarsadWebApp.Build(new WebOptions { Database = _h.Database, Urls = "http://127.0.0.1:0" }, _h.Store, time: _h.Time);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(MarsadWebApp.Addresses(app)[0]) };
        client.BaseAddress.IsLoopback.ShouldBeTrue();
        var since = Uri.EscapeDataString(WatchHarness.Start.AddMinutes(-5).ToString("O"));
        using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/watch?since={since}"));
        var sources = doc.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        sources[ok.Id].GetProperty("documentsToday").GetInt64().ShouldBe(2);
        sources[ok.Id].GetProperty("failures").GetInt32().ShouldBe(0);
        sources[broken.Id].GetProperty("lastError").GetString()!.ShouldContain("404");
        sources[broken.Id].GetProperty("documentsToday").GetInt64().ShouldBe(0);
        // The stand-in extraction finds no events.
        doc.RootElement.GetProperty("newEventsSince").GetInt64().ShouldBe(0);

        (await client.GetAsync("/api/watch?since=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/watch.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.StopAsync();
    }
}
