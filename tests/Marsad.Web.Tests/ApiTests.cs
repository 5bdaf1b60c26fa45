using System.Net;
using System.Text.Json;
using Marsad.Store;

namespace Marsad.Tests;

public sealed class ApiTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task Events_NoFilter_ListsAllSeededEvents()
    {
        using var c = host.Client();
        var j = await c.GetJsonAsync("/api/events");
        j.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
        j.GetProperty("items")[0].GetProperty("eventType").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Events_TypeFilter_Narrows()
    {
        using var c = host.Client();
        var j = await c.GetJsonAsync("/api/events?type=" + Uri.EscapeDataString("Protests"));
        j.GetProperty("total").GetInt32().ShouldBe(1);
        j.GetProperty("items")[0].GetProperty("subEventType").GetString().ShouldBe("Peaceful protest");
    }

    [Fact]
    public async Task EventsMap_Governorate_ReturnsOnlyItsPoints()
    {
        using var c = host.Client();
        var j = await c.GetJsonAsync("/api/events/map?admin1=Idlib");
        var items = j.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => Math.Abs(i.GetProperty("lat").GetDouble() - 35.64) < 0.01);
    }

    [Fact]
    public async Task Timeline_Week_BucketsStartOnMonday()
    {
        using var c = host.Client();
        var j = await c.GetJsonAsync("/api/events/timeline?bucket=week");
        var buckets = j.GetProperty("buckets").EnumerateArray().ToList();
        buckets.ShouldNotBeEmpty();
        buckets.ShouldAllBe(b => DateOnly.Parse(b.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek == DayOfWeek.Monday);
        buckets.Sum(b => b.GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt32())).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Events_BadDate_Is400()
    {
        using var c = host.Client();
        var r = await c.GetAsync(new Uri("/api/events?from=yesterday", UriKind.Relative));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EventDetail_Shelling_HasEvidenceAttributionAndConflictingFigures()
    {
        using var c = host.Client();
        var id = (await c.GetJsonAsync("/api/events?admin1=Idlib")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var d = await c.GetJsonAsync("/api/events/" + id);
        var text = d.GetProperty("text").GetString()!;
        var ev = d.GetProperty("evidence")[0];
        text[ev.GetProperty("start").GetInt32()..ev.GetProperty("end").GetInt32()].ShouldStartWith("قصفت قوات النظام");
        d.GetProperty("attribution").GetProperty("kind").GetString().ShouldBe("anonymous_source");
        var merged = d.GetProperty("merged");
        merged.ValueKind.ShouldBe(JsonValueKind.Object, "the two outlets' reports of the shelling merge");
        merged.GetProperty("outletCount").GetInt32().ShouldBe(2);
        merged.GetProperty("fatalitiesConflict").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task EventDetail_Unknown_Is404()
    {
        using var c = host.Client();
        var r = await c.GetAsync(new Uri("/api/events/nope-1", UriKind.Relative));
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Article_Clash_HasEntitiesAndEvents()
    {
        using var c = host.Client();
        var ev = (await c.GetJsonAsync("/api/events?type=Battles")).GetProperty("items")[0];
        var a = await c.GetJsonAsync("/api/articles/" + ev.GetProperty("documentId").GetString());
        a.GetProperty("entities").EnumerateArray().ShouldContain(e => e.GetProperty("type").GetString() == "place" && e.GetProperty("text").GetString() == "الميادين");
        a.GetProperty("events").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task ActorGraph_Clash_HasEdgeWithTypeAndAffiliation()
    {
        using var c = host.Client();
        var g = await c.GetJsonAsync("/api/actors/graph");
        var edge = g.GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "actor:sdf");
        edge.GetProperty("target").GetString().ShouldBe("actor:tribal-militias");
        edge.GetProperty("types").GetProperty("Battles").GetInt32().ShouldBe(1);
        g.GetProperty("nodes").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Review_Anonymous_Is401()
    {
        using var c = host.Client();
        var r = await c.PostJsonAsync("/api/review/x-0/accept", new { });
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WrongPassword_Is401()
    {
        using var c = host.Client();
        var r = await c.PostJsonAsync("/api/auth/login", new { username = WebHost.Reviewer, password = "wrong password" });
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WithoutCsrfToken_Is400()
    {
        using var c = host.Client();
        var r = await c.PostJsonAsync("/api/auth/login", new { username = WebHost.Reviewer, password = WebHost.Password }, csrf: false);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Headers.Contains("X-CSRF-Failed").ShouldBeTrue();
    }

    [Fact]
    public async Task ReviewEdit_SignedIn_StoresVersionAndAuditKeepsMachineVersion()
    {
        using var c = host.Client();
        await c.SignInAsync();
        var id = (await c.GetJsonAsync("/api/events?type=Protests")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var r = await c.PostJsonAsync($"/api/review/{id}/edit", new { fatalities = 1, comment = "one protester died later" });
        r.IsSuccessStatusCode.ShouldBeTrue(await r.Content.ReadAsStringAsync());
        var d = await c.GetJsonAsync("/api/events/" + id);
        d.GetProperty("fields").GetProperty("fatalities").GetInt32().ShouldBe(1);
        d.GetProperty("machine").GetProperty("fatalities").GetInt32().ShouldBe(0);
        d.GetProperty("event").GetProperty("status").GetString().ShouldBe("edited");
        var audit = d.GetProperty("audit").EnumerateArray().ToList();
        audit.ShouldContain(a => a.GetProperty("action").GetString() == "edit" && a.GetProperty("user").GetString() == WebHost.Reviewer);
    }

    [Fact]
    public async Task ReviewEdit_InvalidSubType_Is400()
    {
        using var c = host.Client();
        await c.SignInAsync();
        var id = (await c.GetJsonAsync("/api/events?type=Battles")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var r = await c.PostJsonAsync($"/api/review/{id}/edit", new { eventType = "Battles", subEventType = "Peaceful protest" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_ReviewedOnly_ExcludesMachineEvents()
    {
        using var c = host.Client();
        await c.SignInAsync();
        var id = (await c.GetJsonAsync("/api/events?type=Battles")).GetProperty("items")[0].GetProperty("id").GetString()!;
        (await c.PostJsonAsync($"/api/review/{id}/accept", new { comment = "checked" })).IsSuccessStatusCode.ShouldBeTrue();
        var csv = await c.GetStringAsync(new Uri("/api/export?format=acled-csv&reviewed=true&type=Battles", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("event_id_cnty,event_date");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(id[..id.LastIndexOf('-')], Case.Sensitive, "the row carries its document id in Marsad's own columns");
        var all = await c.GetStringAsync(new Uri("/api/export?format=jsonl&type=Protests", UriKind.Relative));
        all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task ExportGeoJson_Filter_IsFeatureCollectionWithMergedEventOnce()
    {
        using var c = host.Client();
        var j = JsonDocument.Parse(await c.GetStringAsync(new Uri("/api/export?format=geojson&admin1=Idlib", UriKind.Relative))).RootElement;
        j.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        j.GetProperty("features").GetArrayLength().ShouldBe(1, "the two reports of the shelling are one merged event");
        var all = JsonDocument.Parse(await c.GetStringAsync(new Uri("/api/export?format=geojson&admin1=Idlib&collapse=false", UriKind.Relative))).RootElement;
        all.GetProperty("features").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Ingest_PastedTextAndEmpty_StoresOneRejectsOne()
    {
        using var c = host.Client();
        await c.SignInAsync();
        var token = await c.CsrfAsync();
        using var ok = new MultipartFormDataContent { { new StringContent("نص تجريبي قصير عن اجتماع في حمص."), "text" }, { new StringContent("مرصد الشرق"), "outlet" } };
        using var req = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ingest", UriKind.Relative)) { Content = ok };
        req.Headers.Add("X-CSRF-TOKEN", token);
        var r = await c.SendAsync(req);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("items")[0].GetProperty("outcome").GetString().ShouldBe("stored");

        using var empty = new MultipartFormDataContent { { new StringContent("   "), "text" } };
        using var req2 = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ingest", UriKind.Relative)) { Content = empty };
        req2.Headers.Add("X-CSRF-TOKEN", token);
        var r2 = JsonDocument.Parse(await (await c.SendAsync(req2)).Content.ReadAsStringAsync()).RootElement;
        r2.GetProperty("items")[0].GetProperty("outcome").GetString().ShouldBe("rejected");
        r2.GetProperty("items")[0].GetProperty("reason").GetString().ShouldBe("empty text");
    }

    [Fact]
    public async Task Headers_AnyPage_HaveStrictContentSecurityPolicy()
    {
        using var c = host.Client();
        var r = await c.GetAsync(new Uri("/", UriKind.Relative));
        r.IsSuccessStatusCode.ShouldBeTrue();
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        csp.ShouldNotContain("unsafe-eval");
        r.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        r.Headers.GetValues("X-Frame-Options").ShouldContain("DENY");
    }

    [Fact]
    public async Task StaticFiles_LibrariesAndBasemap_AreServed()
    {
        using var c = host.Client();
        foreach (var path in new[] { "/lib/leaflet/leaflet.js", "/lib/cytoscape/cytoscape.min.js", "/basemap/region-countries.geojson", "/js/common.js" })
        {
            var r = await c.GetAsync(new Uri(path, UriKind.Relative));
            r.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task HostileArticle_Api_ReturnsMarkupAsEscapedJsonText()
    {
        using var c = host.Client();
        var r = await c.GetAsync(new Uri("/api/events?q=" + Uri.EscapeDataString("عبوة"), UriKind.Relative));
        var raw = await r.Content.ReadAsStringAsync();
        raw.ShouldNotContain("<script>");
        var d = JsonDocument.Parse(raw).RootElement;
        d.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var ev = d.GetProperty("items").EnumerateArray().First(e => e.GetProperty("actor1").GetProperty("name").GetString() == Fixtures.HostileMarker);
        var detail = await c.GetJsonAsync("/api/events/" + ev.GetProperty("id").GetString());
        detail.GetProperty("document").GetProperty("url").ValueKind.ShouldBe(JsonValueKind.Null, "a javascript: URL is never passed on as a link");
    }

    [Fact]
    public async Task Stats_Sanity_StoreHasUser()
    {
        var u = await host.Store.GetUserAsync(WebHost.Reviewer);
        u.ShouldNotBeNull();
        u.PasswordHash.ShouldStartWith("pbkdf2-sha256$210000$");
        u.Role.ShouldBe("reviewer");
        _ = ReviewStatus.Accepted;
    }
}

public sealed class EventIndexTests(WebHost host) : IClassFixture<WebHost>
{
    public static TheoryData<string> Queries => new()
    {
        "", "type=Battles", "subtype=Armed+clash", "actor=actor:syrian-army", "actor=Syrian+Democratic+Forces", "place=Idlib",
        "place=Mayadin+Test", "admin1=Deir+ez-Zor", "from=2024-03-12", "to=2024-03-14", "outlet=" + Uri.EscapeDataString("مرصد الشرق"),
        "status=machine", "type=Protests&admin1=Idlib",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Filter_Query_MatchesStoreTotals(string query)
    {
        // The in-memory index must select exactly what the store's own query selects.
        using var c = host.Client();
        var web = await c.GetJsonAsync("/api/events?" + query);
        var q = Marsad.Web.Features.Events.EventFilters.Parse(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));
        var store = await host.Store.QueryEventsAsync(q);
        web.GetProperty("total").GetInt64().ShouldBe(store.Total);
        web.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe(store.Items.Select(i => i.Id));
    }
}
