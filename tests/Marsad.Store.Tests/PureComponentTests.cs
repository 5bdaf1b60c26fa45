using Marsad.Knowledge.Places;
using System.Text.Json;
using Marsad.Store;
using Marsad.Store.Dedup;
using Marsad.Store.Export;
using Marsad.Store.Merge;
using Marsad.Store.Search;

namespace Marsad.Tests.Store;

public sealed class SearchTextTests
{
    // Each pair must give one and the same term (the exact stem depends on the analysis chain's segmenter).
    [Theory]
    [InlineData("وبالقصفِ", "قصف")] // conjunction + preposition + article + kasra
    [InlineData("القـــصف", "قصف")] // tatweel
    [InlineData("أعلن", "اعلن")] // hamza on alef
    [InlineData("إعلان", "اعلان")] // hamza under alef
    [InlineData("مدينةُ", "مدينه")] // teh marbuta folded, damma dropped
    [InlineData("SY24", "sy24")]
    public void QueryTerms_ArabicVariants_SameTerm(string word, string plain)
    {
        var term = SearchText.QueryTerms(word).ShouldHaveSingleItem();
        SearchText.QueryTerms(plain).ShouldBe([term]);
    }

    [Fact]
    public void QueryTerms_Punctuation_Dropped()
    {
        SearchText.QueryTerms("قصف، «سراقب»!").ShouldBe(["قصف", "سراقب"]);
        SearchText.QueryTerms("...").ShouldBeEmpty();
    }

    [Fact]
    public void Fts5Match_Quote_Escaped()
    {
        SearchText.Fts5Match(["a\"b", "c"]).ShouldBe("\"a\"\"b\" \"c\"");
    }

    [Fact]
    public void Snippets_Build_HighlightsSliceOriginal()
    {
        var text = Fixtures.ShellingA;
        var snippets = Snippets.Build(text, SearchText.QueryTerms("القصف سراقب"));

        snippets.ShouldNotBeEmpty();
        var words = snippets.SelectMany(s => s.Highlights).Select(h => text[h.Start..h.End]).ToList();
        words.ShouldContain("بقصفٍ");
        words.ShouldContain("سراقب");
        snippets.ShouldAllBe(s => s.Text == text.Substring(s.Start, s.End - s.Start));
    }

    [Fact]
    public void Snippets_NoMatch_OpeningOfText()
    {
        var s = Snippets.Build("نص قصير", ["غائب"]).ShouldHaveSingleItem();
        s.Text.ShouldBe("نص قصير");
        s.Highlights.ShouldBeEmpty();
    }
}

public sealed class MinHashTests
{
    [Fact]
    public void Similarity_LightEdit_High_OtherStory_Low()
    {
        var a = MinHash.Signature(Fixtures.ShellingA);
        var edited = MinHash.Signature(Fixtures.ShellingARepublished);
        var other = MinHash.Signature(Fixtures.ShellingB);

        MinHash.Similarity(a, edited).ShouldBeGreaterThanOrEqualTo(MinHash.DuplicateThreshold);
        MinHash.Similarity(a, other).ShouldBeLessThan(0.2);
        MinHash.BandKeys(a).Intersect(MinHash.BandKeys(edited)).ShouldNotBeEmpty();
    }

    [Fact]
    public void Signature_RoundTripsThroughBytes_AndIsDeterministic()
    {
        var a = MinHash.Signature(Fixtures.ShellingB);
        MinHash.FromBytes(MinHash.ToBytes(a)).ShouldBe(a);
        MinHash.Signature(Fixtures.ShellingB).ShouldBe(a);
        MinHash.BandKeys(a).ShouldAllBe(k => k >= 0); // fits a signed BIGINT
    }

    [Fact]
    public void Signature_EmptyText_AllMax()
    {
        // No terms: an all-max signature; it never reaches the threshold against real text.
        MinHash.Signature(string.Empty).ShouldAllBe(v => v == uint.MaxValue);
    }
}

public sealed class EventMergerTests
{
    private static MergeCandidate C(string id, string doc, string date, double lat, double lon, long? fatalities, string? outlet, string? actor = "actor:a", string type = "Battles") => new()
    {
        Id = id, DocumentId = doc, EventType = type, SubEventType = "Armed clash", Date = date, Latitude = lat, Longitude = lon,
        Actor1Id = actor, Fatalities = fatalities, Outlet = outlet, Confidence = 0.5,
    };

    [Fact]
    public void Summarize_ConflictingFigures_LowestWithNote()
    {
        var m = EventMerger.Summarize([C("e1", "d1", "2024-01-01", 35, 36, 5, "A"), C("e2", "d2", "2024-01-01", 35, 36, 3, "B"), C("e3", "d3", "2024-01-01", 35, 36, 3, "B")]);

        m.Fatalities.ShouldBe(3);
        m.FatalitiesConflict.ShouldBeTrue();
        m.ConflictNote.ShouldNotBeNull().ShouldContain("5 (A, e1)");
        m.OutletCount.ShouldBe(2);
        m.SourceCount.ShouldBe(3);
        m.Id.ShouldStartWith("m-");
    }

    [Fact]
    public void Summarize_AgreeingOrUnknownFigures_NoConflict()
    {
        var m = EventMerger.Summarize([C("e1", "d1", "2024-01-01", 35, 36, 2, "A"), C("e2", "d2", "2024-01-01", 35, 36, null, "B")]);
        m.Fatalities.ShouldBe(2);
        m.FatalitiesConflict.ShouldBeFalse();
        m.ConflictNote.ShouldBeNull();
    }

    [Fact]
    public void Compatible_NoPlace_False()
    {
        var a = C("e1", "d1", "2024-01-01", 35, 36, null, "A");
        // Two events of one report may be one incident told twice (IncidentClusteringTests); an event is not its own pair.
        EventMerger.Compatible(a, C("e2", "d1", "2024-01-01", 35, 36, null, "A"), new MergeOptions()).ShouldBeTrue();
        EventMerger.Compatible(a, a, new MergeOptions()).ShouldBeFalse();
        var noCoords = new MergeCandidate { Id = "x", DocumentId = "d9", EventType = "Battles", Date = "2024-01-01" };
        EventMerger.Compatible(a, noCoords, new MergeOptions()).ShouldBeFalse(); // no coordinates and no shared place id
        Place.Km(35.8647, 36.8006, 35.8131, 36.6097).ShouldBeInRange(17.0, 19.0); // Saraqib–Ariha
    }
}

public sealed class EventWriterTests
{
    private static StoredEvent Event(string json) => new(
        "doc-0", "doc", 0, 0, ReviewStatus.Accepted, "Battles", "Armed clash", new DateOnly(2024, 3, 12), 1,
        "actor:a", "Actor, \"A\"", "actor:b", "Actor B", "geonames:1", "Saraqib", "Idlib", "Idlib", 35.8647, 36.8006, 1, 2,
        "outlet", "OutletA", new DateOnly(2024, 3, 13), 0.8, null, json);

    private const string Json = """{"event_type":"Battles","sub_event_type":"Armed clash","tags":["clash"],"actor1":{"id":"actor:a","name":"Actor, \"A\"","inter":2},"actor2":{"id":"actor:b","name":"Actor B","inter":1},"location":{"country":"SY","admin3":null},"fatalities":2,"notes":[]}""";

    [Fact]
    public void AcledCsv_Row_QuotedAndInterCodes()
    {
        var w = new AcledCsvWriter();
        using var sw = new StringWriter();
        w.Begin(sw);
        w.Write(sw, Event(Json), null);
        var lines = sw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldStartWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type");
        lines[1].ShouldContain("\"Actor, \"\"A\"\"\"");
        lines[1].ShouldContain(",12,"); // interaction: inter codes 1 and 2, lowest first
        lines[1].ShouldContain(",Syria,Idlib,Idlib,"); // ACLED writes country names, not ISO codes
    }

    [Fact]
    public void GeoJson_Feature_LonLatOrder()
    {
        var w = new GeoJsonWriter();
        using var sw = new StringWriter();
        w.Begin(sw);
        w.Write(sw, Event(Json), null);
        w.Write(sw, Event(Json) with { Latitude = null }, null); // no coordinates: left out
        w.End(sw);

        using var doc = JsonDocument.Parse(sw.ToString());
        var f = doc.RootElement.GetProperty("features").EnumerateArray().ShouldHaveSingleItem();
        f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble().ShouldBe(36.8006);
        f.GetProperty("properties").GetProperty("review_status").GetString().ShouldBe("accepted");
    }

    [Fact]
    public void JsonLines_Event_ContractFieldsPlusStoreFields()
    {
        var line = EventJsonLinesWriter.ToJson(Event(Json), null);
        using var doc = JsonDocument.Parse(line);
        doc.RootElement.GetProperty("id").GetString().ShouldBe("doc-0");
        doc.RootElement.GetProperty("event_type").GetString().ShouldBe("Battles");
        doc.RootElement.GetProperty("merged_event").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
