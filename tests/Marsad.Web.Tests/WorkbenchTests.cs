using System.Net;
using System.Text.Json;
using Marsad.Store;
using Marsad.Web.Features.Catalogues;
using Marsad.Web.Features.Events;
using Marsad.Web.Features.Review;
using Marsad.Web.Infrastructure;

namespace Marsad.Tests;

/// <summary>The workbench's server side: timeline buckets, review ranking, merge candidates, catalogues, map items, graph.</summary>
public sealed class WorkbenchTests(WebHost host) : IClassFixture<WebHost>
{
    private static StoredEvent Ev(
        string id, DateOnly? date, string type = "Battles", double? lat = 35.0, double? lon = 40.0, int? geo = 1, int? fatalities = 1,
        double confidence = 0.9, string? merged = null, string? actor1Id = "actor:sdf", ReviewStatus status = ReviewStatus.Unreviewed) =>
        new(id, "doc-" + id, 0, 1, status, type, "Armed clash", date, 1, actor1Id, "Actor " + id, null, null, null, "Place", "Deir ez-Zor", null,
            lat, lon, geo, fatalities, "outlet", "outlet", date, confidence, merged, "{}");

    private static JsonElement Json(object o) => JsonDocument.Parse(JsonSerializer.Serialize(o, WebJson.Options)).RootElement.Clone();

    [Theory]
    [InlineData(1, "day")]
    [InlineData(TimelineBuckets.DailyUpToDays, "day")]
    [InlineData(TimelineBuckets.DailyUpToDays + 1, "week")]
    [InlineData(TimelineBuckets.WeeklyUpToDays, "week")]
    [InlineData(TimelineBuckets.WeeklyUpToDays + 1, "month")]
    public void ForSpan_Days_PicksBucket(int days, string expected) => TimelineBuckets.Name(TimelineBuckets.ForSpan(days)).ShouldBe(expected);

    [Fact]
    public void TimelineView_TwoYearsAndUndated_MonthlyWithUndatedCount()
    {
        var events = new[] { Ev("a", new DateOnly(2022, 12, 15)), Ev("b", new DateOnly(2024, 12, 2)), Ev("c", new DateOnly(2024, 12, 30)), Ev("d", null), Ev("e", null) };
        var j = Json(TimelineBuckets.View(events, TimelineBucket.Auto));
        j.GetProperty("bucket").GetString().ShouldBe("month");
        j.GetProperty("undated").GetInt32().ShouldBe(2);
        var buckets = j.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Count.ShouldBe(25); // December 2022 to December 2024 (747 days: monthly), empty months filled
        buckets[0].GetProperty("start").GetString().ShouldBe("2022-12-01");
        buckets[^1].GetProperty("end").GetString().ShouldBe("2024-12-31");
        buckets[^1].GetProperty("counts").GetProperty("Battles").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void TimelineView_OneMonth_Daily()
    {
        var j = Json(TimelineBuckets.View([Ev("a", new DateOnly(2024, 3, 1)), Ev("b", new DateOnly(2024, 3, 20))], TimelineBucket.Auto));
        j.GetProperty("bucket").GetString().ShouldBe("day");
        j.GetProperty("buckets").GetArrayLength().ShouldBe(20);
        j.GetProperty("undated").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Timeline_BadBucket_Is400()
    {
        using var c = host.Client();
        var r = await c.GetAsync(new Uri("/api/events/timeline?bucket=hour", UriKind.Relative));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("badFilter");
    }

    [Fact]
    public async Task Timeline_Auto_ReportsBucketAndUndated()
    {
        using var c = host.Client();
        var j = await c.GetJsonAsync("/api/events/timeline");
        j.GetProperty("bucket").GetString().ShouldBe("day"); // the fixtures span 12 days
        j.GetProperty("undated").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void Rank_Reasons_ConflictThenLowConfidenceThenCoarseThenClean()
    {
        var cat = Fixtures.Catalogues();
        var events = new[]
        {
            Ev("clean", new DateOnly(2024, 3, 1)),
            Ev("coarse", new DateOnly(2024, 3, 2), geo: 3),
            Ev("unsure", new DateOnly(2024, 3, 3), confidence: 0.4),
            Ev("conflict-1", new DateOnly(2024, 3, 4), merged: "m1", fatalities: 3),
            Ev("conflict-2", new DateOnly(2024, 3, 4), merged: "m1", fatalities: 4, status: ReviewStatus.Accepted),
        }.Select(e => new IndexedEvent(e, [])).ToList();
        var ranked = ReviewQueue.Rank(events, events.Where(x => x.Event.Status == ReviewStatus.Unreviewed), cat);
        ranked.Select(r => r.Event.Id).ShouldBe(["conflict-1", "unsure", "coarse", "clean"]);
        ranked[0].Reasons.ShouldBe([ReviewReason.ConflictingFigures]);
        ranked[1].Reasons.ShouldBe([ReviewReason.LowConfidence]);
        ranked[2].Reasons.ShouldBe([ReviewReason.CoarsePlace]);
        ranked[3].Reasons.ShouldBeEmpty(); // a catalogue actor at an exact place, confident, no conflict
    }

    [Fact]
    public void Reasons_ActorNotInCatalogue_Provisional()
    {
        var cat = Fixtures.Catalogues();
        ReviewQueue.Reasons(Ev("x", null, actor1Id: null), new HashSet<string>(), cat).ShouldContain(ReviewReason.ProvisionalActor);
        ReviewQueue.Reasons(Ev("x", null, actor1Id: "actor:new-group"), new HashSet<string>(), cat).ShouldContain(ReviewReason.ProvisionalActor);
        ReviewQueue.Reasons(Ev("x", new DateOnly(2024, 1, 1), actor1Id: "actor:sdf"), new HashSet<string>(), cat).ShouldNotContain(ReviewReason.ProvisionalActor);
        // Without any catalogue, a missing id or the annotator's provisional id marks an actor provisional.
        ReviewQueue.Reasons(Ev("x", new DateOnly(2024, 1, 1), actor1Id: "actor:new-group"), new HashSet<string>(), WebCatalogues.Empty).ShouldNotContain(ReviewReason.ProvisionalActor);
        ReviewQueue.Reasons(Ev("x", new DateOnly(2024, 1, 1), actor1Id: ReviewQueue.ProvisionalIdPrefix + "kataib-x"), new HashSet<string>(), WebCatalogues.Empty).ShouldContain(ReviewReason.ProvisionalActor);
    }

    [Fact]
    public void Candidates_SameTypeNearAndSoon_OfferedOthersNot()
    {
        var me = Ev("me", new DateOnly(2024, 3, 10));
        var all = new[]
        {
            me,
            Ev("near", new DateOnly(2024, 3, 12), lat: 35.1, lon: 40.1),         // ~14 km, 2 days
            Ev("far", new DateOnly(2024, 3, 10), lat: 35.3, lon: 40.0),          // ~33 km
            Ev("late", new DateOnly(2024, 3, 14)),                               // 4 days
            Ev("other-type", new DateOnly(2024, 3, 10), type: "Protests"),
            Ev("rejected", new DateOnly(2024, 3, 10), status: ReviewStatus.Rejected),
            Ev("undated", null),
        }.Select(e => new IndexedEvent(e, [])).ToList();
        var c = ReviewQueue.Candidates(me, all);
        c.Select(x => x.Event.Id).ShouldBe(["near"]);
        c[0].Km.ShouldBeInRange(10, 20);
        c[0].Days.ShouldBe(2);
    }

    [Fact]
    public async Task CandidatesApi_Shelling_OffersTheOtherOutletsReport()
    {
        using var c = host.Client();
        await c.SignInAsync();
        var ids = (await c.GetJsonAsync("/api/events?admin1=Idlib")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        var j = await c.GetJsonAsync("/api/review/" + Uri.EscapeDataString(ids[0]) + "/candidates");
        // Both shelling reports are already one merged event: no candidate is offered for merging again.
        j.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("event").GetProperty("id").GetString()).ShouldNotContain(ids[1]);
        j.GetProperty("km").GetDouble().ShouldBe(ReviewQueue.CandidateKm);
    }

    [Fact]
    public async Task ReviewQueue_Api_ItemsCarryReasonsAndPriority()
    {
        using var c = host.Client();
        await c.SignInAsync();
        var items = (await c.GetJsonAsync("/api/review/queue")).GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(5);
        var priorities = items.Select(i => i.GetProperty("priority").GetInt32()).ToList();
        priorities.ShouldBe(priorities.OrderByDescending(p => p).ToList());
        // The two shelling reports give 3 and 4 dead: conflicting figures rank them first.
        items[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("conflictingFigures");
    }

    [Fact]
    public async Task CatalogueActors_Api_HasArabicNames()
    {
        using var c = host.Client();
        var items = (await c.GetJsonAsync("/api/catalogue/actors")).GetProperty("items").EnumerateArray().ToList();
        items.Single(a => a.GetProperty("id").GetString() == "actor:sdf").GetProperty("nameAr").GetString().ShouldBe("قوات سوريا الديمقراطية");
    }

    [Theory]
    [InlineData("درعا", "geonames:900003")]
    [InlineData("mayadin", "geonames:900002")]
    [InlineData("معره", "geonames:900001")] // taa marbuta typed as haa
    public async Task CataloguePlaces_Query_FindsPlace(string q, string id)
    {
        using var c = host.Client();
        var items = (await c.GetJsonAsync("/api/catalogue/places?q=" + Uri.EscapeDataString(q))).GetProperty("items").EnumerateArray().ToList();
        items.Select(p => p.GetProperty("id").GetString()).ShouldContain(id);
        items.ShouldAllBe(p => p.GetProperty("geoPrecision").GetInt32() == 1);
    }

    [Fact]
    public async Task CataloguePlaces_NoMatch_Empty()
    {
        using var c = host.Client();
        (await c.GetJsonAsync("/api/catalogue/places?q=zzzz")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await c.GetJsonAsync("/api/catalogue/places?q=")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void SearchKey_ArabicVariants_Folded() =>
        WebCatalogues.SearchKey("إدلب مَعرّة آل").ShouldBe(WebCatalogues.SearchKey("ادلب معره ال"));

    [Fact]
    public async Task MapApi_Items_CarryPopupFieldsAndPrecision()
    {
        using var c = host.Client();
        var j = await c.GetJsonAsync("/api/events/map?type=Battles");
        var item = j.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("geoPrecision").GetInt32().ShouldBe(1);
        item.GetProperty("subType").GetString().ShouldBe("Armed clash");
        item.GetProperty("actor1").GetProperty("id").GetString().ShouldBe("actor:sdf");
        item.GetProperty("outlet").GetString().ShouldBe("شبكة الشرقية");
        item.GetProperty("placeAr").GetString().ShouldBe("الميادين");
        j.GetProperty("unplaced").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void Graph_ActorAgainstItself_NoSelfLoop()
    {
        var self = Ev("s", new DateOnly(2024, 1, 1)) with { Actor2Id = "actor:sdf", Actor2Name = "Actor s" };
        var other = Ev("o", new DateOnly(2024, 1, 2)) with { Actor2Id = "actor:ypg", Actor2Name = "YPG" };
        var j = Json(Marsad.Web.Features.Actors.ActorEndpoints.Graph([new IndexedEvent(self, []), new IndexedEvent(other, [])]));
        var edges = j.GetProperty("edges").EnumerateArray().ToList();
        edges.ShouldHaveSingleItem().GetProperty("target").GetString().ShouldBe("actor:ypg");
    }
}
