using Marsad.Events;
using Marsad.Store;
using Marsad.Store.Dedup;
using Marsad.Store.Merge;
using Marsad.Testing;
using static Marsad.Tests.Store.MergeFixtures;

namespace Marsad.Tests.Store;

/// <summary>Fatalities in a merge: unknown is not zero; ACLED's lowest stated figure; every stated figure noted.</summary>
public sealed class MergeFatalitiesTests
{
    [Fact]
    public void Summarize_UnknownAndInferredFigures_NotCountedAsZero()
    {
        var m = EventMerger.Summarize(
        [
            Event("e1", "d1", "A", "Suicide bomb", fatalities: 15),
            Event("e2", "d2", "B", "Suicide bomb"), // no figure read
            Event("e3", "d3", "C", "Suicide bomb", fatalities: 0, inferred: true), // injuries only: 0, not a statement
        ]);

        m.Fatalities.ShouldBe(15);
        m.FatalitiesConflict.ShouldBeFalse();
    }

    [Fact]
    public void Summarize_ExplicitZeroStated_IsTheLowestFigure()
    {
        // "No casualties" is a statement: it counts, and it disagrees with the other outlet's 15.
        var m = EventMerger.Summarize([Event("e1", "d1", "A", "Suicide bomb", fatalities: 15), Event("e2", "d2", "B", "Suicide bomb", fatalities: 0)]);

        m.Fatalities.ShouldBe(0);
        m.FatalitiesConflict.ShouldBeTrue();
    }

    [Fact]
    public void Summarize_StatedFiguresDiffer_NoteListsEveryFigureWithItsOutlet()
    {
        var m = EventMerger.Summarize(
        [
            Event("e1", "d1", "OutletA", "Air/drone strike", fatalities: 20),
            Event("e2", "d2", "OutletB", "Air/drone strike", fatalities: 15),
            Event("e3", "d3", "OutletC", "Air/drone strike", fatalities: 18),
            Event("e4", "d4", "OutletD", "Air/drone strike"),
        ]);

        m.Fatalities.ShouldBe(15);
        m.FatalitiesConflict.ShouldBeTrue();
        var note = m.ConflictNote.ShouldNotBeNull();
        note.ShouldContain("15 (OutletB, e2)");
        note.ShouldContain("18 (OutletC, e3)");
        note.ShouldContain("20 (OutletA, e1)");
        note.ShouldContain("no figure stated by OutletD");
    }

    [Fact]
    public void Summarize_OnlyInferredFigures_KeepsTheInferredZero()
    {
        // Nobody states a death toll, one report tells injuries only: ACLED codes that as 0.
        var m = EventMerger.Summarize([Event("e1", "d1", "A", "Shelling/artillery/missile attack", fatalities: 0, inferred: true), Event("e2", "d2", "B", "Shelling/artillery/missile attack")]);

        m.Fatalities.ShouldBe(0);
        m.FatalitiesConflict.ShouldBeFalse();
    }

    [Fact]
    public void Summarize_ReportTellsIncidentTwice_OneFigurePerReport()
    {
        // Report d1 gives 12 and 14 (its lowest is 12), d2 gives 12: the reports agree.
        var m = EventMerger.Summarize(
        [
            Event("e1", "d1", "A", "Suicide bomb", fatalities: 14),
            Event("e2", "d1", "A", "Attack", fatalities: 12),
            Event("e3", "d2", "B", "Suicide bomb", fatalities: 12),
        ]);

        m.Fatalities.ShouldBe(12);
        m.FatalitiesConflict.ShouldBeFalse();
    }

    [Fact]
    public void Summarize_RepublicationFigure_NotASource()
    {
        var copy = Event("e2", "d2", "C", "Suicide bomb", fatalities: 3);
        copy.DuplicateOf = "d1";
        var m = EventMerger.Summarize([Event("e1", "d1", "A", "Suicide bomb", fatalities: 9), copy, Event("e3", "d3", "B", "Suicide bomb", fatalities: 9)]);

        m.Fatalities.ShouldBe(9);
        m.FatalitiesConflict.ShouldBeFalse();
        m.OutletCount.ShouldBe(2);
        m.SourceCount.ShouldBe(3);
    }
}

/// <summary>Which sub-event types can describe one incident.</summary>
public sealed class IncidentTypesTests
{
    [Theory]
    [InlineData("Suicide bomb", "Attack")]
    [InlineData("Attack", "Remote explosive/landmine/IED")]
    [InlineData("Suicide bomb", "Remote explosive/landmine/IED")]
    [InlineData("Air/drone strike", "Shelling/artillery/missile attack")]
    [InlineData("Armed clash", "Armed clash")] // the same sub-type always
    public void Compatible_OneIncidentToldTwoWays_True(string a, string b)
    {
        IncidentTypes.Compatible(a, b).ShouldBeTrue();
        IncidentTypes.Compatible(b, a).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Peaceful protest", "Air/drone strike")]
    [InlineData("Arrests", "Armed clash")]
    [InlineData("Agreement", "Suicide bomb")]
    [InlineData("Change to group/activity", "Remote explosive/landmine/IED")]
    public void Compatible_DifferentKindsOfEvent_False(string a, string b)
    {
        IncidentTypes.Compatible(a, b).ShouldBeFalse();
        IncidentTypes.Compatible(b, a).ShouldBeFalse();
    }

    [Fact]
    public void CompatiblePairs_EverySubType_IsAcledsAndEachPairHasAReason()
    {
        foreach (var (a, b, why) in IncidentTypes.CompatiblePairs)
        {
            AcledTaxonomy.EventTypeOf(a).ShouldNotBeNull(a);
            AcledTaxonomy.EventTypeOf(b).ShouldNotBeNull(b);
            a.ShouldNotBe(b);
            why.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Specificity_SuicideBombOverExplosiveOverAttack()
    {
        IncidentTypes.Specificity("Suicide bomb").ShouldBeGreaterThan(IncidentTypes.Specificity("Remote explosive/landmine/IED"));
        IncidentTypes.Specificity("Remote explosive/landmine/IED").ShouldBeGreaterThan(IncidentTypes.Specificity("Attack"));
    }
}

/// <summary>Incident-level clustering: compatible places, dates, types; complete on actors.</summary>
public sealed class IncidentClusteringTests
{
    private static readonly MergeOptions Options = new();

    private static string[][] Ids(IReadOnlyList<MergeCandidate> events) =>
        [.. EventMerger.Cluster(events, Options).Select(c => c.Select(e => e.Id).ToArray())];

    [Fact]
    public void Cluster_OneIncidentThreeSubTypes_OneCluster()
    {
        var clusters = Ids(
        [
            Event("e1", "d1", "A", "Suicide bomb"),
            Event("e2", "d2", "B", "Attack", actor2: "actor:civilians"),
            Event("e3", "d3", "C", "Remote explosive/landmine/IED"),
        ]);

        clusters.ShouldHaveSingleItem().ShouldBe(["e1", "e2", "e3"]);
    }

    [Fact]
    public void Cluster_ProtestAndAirStrikeSamePlaceAndDay_NotMerged()
    {
        Ids([Event("e1", "d1", "A", "Peaceful protest"), Event("e2", "d2", "B", "Air/drone strike")]).ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_UnknownActors_DoNotBridgeTwoPerpetrators()
    {
        // The old transitive links joined all three through e2 (no actors). Complete linkage: e2 joins one side only.
        var clusters = Ids(
        [
            Event("e1", "d1", "A", "Air/drone strike", actor1: "actor:air-force-x"),
            Event("e2", "d2", "B", "Air/drone strike"),
            Event("e3", "d3", "C", "Air/drone strike", actor1: "actor:air-force-y"),
        ]);

        clusters.ShouldHaveSingleItem().Length.ShouldBe(2);
        clusters[0].ShouldContain("e2");
    }

    [Fact]
    public void Cluster_CiviliansAsActor1_NotAPerpetrator()
    {
        // A civil-defence service (inter 7) told as actor1 by one outlet does not contradict the air force of another.
        var clusters = Ids(
        [
            Event("e1", "d1", "A", "Air/drone strike", actor1: "actor:air-force-x"),
            Event("e2", "d2", "B", "Air/drone strike", actor1: "actor:civil-defence", inter1: 7),
        ]);

        clusters.ShouldHaveSingleItem().Length.ShouldBe(2);
    }

    [Fact]
    public void Cluster_SidesToldTheOtherWayRound_Merged()
    {
        var clusters = Ids(
        [
            Event("e1", "d1", "A", "Armed clash", actor1: "actor:x", actor2: "actor:y"),
            Event("e2", "d2", "B", "Armed clash", actor1: "actor:y", inter1: 2, actor2: "actor:x"),
        ]);

        clusters.ShouldHaveSingleItem().Length.ShouldBe(2);
    }

    [Fact]
    public void Cluster_DailyStrikesOnOneTown_NotChainedIntoOne()
    {
        // Four days in a row, each a day from the next: transitive links made one event of them all.
        var clusters = Ids([.. Enumerable.Range(0, 4).Select(d => Event("e" + d, "d" + d, "A" + d, "Shelling/artillery/missile attack", date: $"2024-05-0{d + 1}"))]);

        clusters.ShouldAllBe(c => c.Length <= 2);
        clusters.SelectMany(c => c).Count().ShouldBe(4);
    }

    [Fact]
    public void Cluster_BothDayPrecise_TwoDaysApartNotMerged()
    {
        Ids([Event("e1", "d1", "A", "Air/drone strike", date: "2024-05-06"), Event("e2", "d2", "B", "Air/drone strike", date: "2024-05-08")]).ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_OneWeekPrecise_TwoDaysApartMerged()
    {
        // The report that only knows the week (its publication date) may be two days off.
        Ids([Event("e1", "d1", "A", "Air/drone strike", date: "2024-05-06"), Event("e2", "d2", "B", "Air/drone strike", date: "2024-05-08", timePrecision: 2)])
            .ShouldHaveSingleItem();
    }

    [Fact]
    public void Cluster_GovernorateLevelPlace_ContainsTheTown()
    {
        // The governorate's point is ~60 km away, but the report only knows the governorate: it contains Idlib city.
        Ids([Event("e1", "d1", "A", "Air/drone strike"), Event("e2", "d2", "B", "Air/drone strike", lat: 35.5, lon: 36.9, geoPrecision: 3)])
            .ShouldHaveSingleItem();
    }

    [Fact]
    public void Cluster_GovernorateLevelPlaceOfAnotherGovernorate_NotMerged()
    {
        Ids([Event("e1", "d1", "A", "Air/drone strike"), Event("e2", "d2", "B", "Air/drone strike", lat: 35.5, lon: 36.9, geoPrecision: 3, admin1: "Hama")])
            .ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_CountryLevelPlace_ContainsTheTownOfThatCountryOnly()
    {
        var town = Event("e1", "d1", "A", "Air/drone strike");
        Ids([town, Event("e2", "d2", "B", "Air/drone strike", lat: 35.0, lon: 38.0, geoPrecision: 3, admin1: null)]).ShouldHaveSingleItem();
        Ids([town, Event("e3", "d3", "C", "Air/drone strike", lat: 33.0, lon: 44.0, geoPrecision: 3, admin1: null, country: "IQ")]).ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_DistrictPartWithoutGovernorate_NotACountry()
    {
        // Precision 2 with no admin1 (an airport of a city): it contains nothing beyond the radius, unlike a country.
        Ids([Event("e1", "d1", "A", "Air/drone strike"), Event("e2", "d2", "B", "Air/drone strike", lat: 35.0, lon: 38.0, geoPrecision: 2, admin1: null)])
            .ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_TwoTownsOfOneGovernorate_NotMerged()
    {
        // Containment is for a coarser place only: two precise places 30 km apart are two incidents.
        Ids([Event("e1", "d1", "A", "Air/drone strike"), Event("e2", "d2", "B", "Air/drone strike", lat: 35.93, lon: 36.30)]).ShouldBeEmpty();
    }

    [Fact]
    public void Cluster_OneReportTellsItTwice_MergedWithTheOtherReport()
    {
        var clusters = Ids([Event("e1", "d1", "A", "Suicide bomb"), Event("e2", "d1", "A", "Attack"), Event("e3", "d2", "B", "Suicide bomb")]);

        clusters.ShouldHaveSingleItem().ShouldBe(["e1", "e2", "e3"]);
    }

    [Fact]
    public void Cluster_InputOrder_DoesNotChangeResult()
    {
        MergeCandidate[] events =
        [
            Event("e1", "d1", "A", "Air/drone strike", actor1: "actor:x"),
            Event("e2", "d2", "B", "Air/drone strike"),
            Event("e3", "d3", "C", "Air/drone strike", actor1: "actor:y"),
            Event("e4", "d4", "D", "Shelling/artillery/missile attack", actor1: "actor:y"),
            Event("e5", "d5", "E", "Peaceful protest"),
        ];

        var forward = Ids(events);
        var backward = Ids([.. events.Reverse()]);

        backward.ShouldBe(forward);
        forward.ShouldNotBeEmpty();
    }

    [Fact]
    public void Summarize_SubTypes_MostSpecificThenMostSourcesAndDisagreementNoted()
    {
        var bomb = EventMerger.Summarize([Event("e1", "d1", "A", "Attack"), Event("e2", "d2", "B", "Attack"), Event("e3", "d3", "C", "Suicide bomb")]);
        bomb.SubEventType.ShouldBe("Suicide bomb");
        bomb.EventType.ShouldBe("Explosions/Remote violence");
        bomb.ConflictNote.ShouldNotBeNull().ShouldContain("sub_event_type differs");
        bomb.FatalitiesConflict.ShouldBeFalse(); // a type disagreement is not a fatalities conflict

        // Equally specific: the one most sources give.
        var strike = EventMerger.Summarize([Event("e1", "d1", "A", "Air/drone strike"), Event("e2", "d2", "B", "Shelling/artillery/missile attack"), Event("e3", "d3", "C", "Air/drone strike")]);
        strike.SubEventType.ShouldBe("Air/drone strike");
    }

    [Fact]
    public void Summarize_Actors_MostSourcesPerSlot()
    {
        var m = EventMerger.Summarize(
        [
            Event("e1", "d1", "A", "Air/drone strike", actor1: "actor:x", actor2: "actor:civilians"),
            Event("e2", "d2", "B", "Air/drone strike", actor1: "actor:x"),
            Event("e3", "d3", "C", "Air/drone strike", actor1: "actor:civil-defence", inter1: 7),
        ]);

        m.Actor1Source.ShouldBeOneOf("e1", "e2");
        m.Actor2Source.ShouldBe("e1");
        m.ConflictNote.ShouldNotBeNull().ShouldContain("actor1 differs");
    }
}

/// <summary>Near-duplicates robust to boilerplate: body signatures, containment beside Jaccard.</summary>
public sealed class NearDuplicateTests
{
    [Fact]
    public void ReportBody_BoilerplateLines_LeftOut()
    {
        var (all, body) = ReportBody.Terms(Republished);
        var (_, original) = ReportBody.Terms(Original);

        body.Count.ShouldBeLessThan(all.Count);
        // The date line, "read also" and source lines and the story after them are gone; the report's own lines stay.
        string.Join(' ', body).ShouldNotContain(string.Join(' ', ReportBody.Terms("تاريخ النشر").All));
        string.Join(' ', body).ShouldNotContain(string.Join(' ', ReportBody.Terms("حدائق").All));
        string.Join(' ', body).ShouldContain(string.Join(' ', original.Take(10)));
    }

    [Fact]
    public void ReportBody_SentenceThatOnlyMentionsASource_Kept()
    {
        // "وقال المصدر" (the source said) is the report's words, not a "source:" label line.
        var (all, body) = ReportBody.Terms("وقال المصدر إن القصف استمر ساعتين.\nالمصدر: وكالة محلية");
        body.Count.ShouldBe(ReportBody.Terms("وقال المصدر إن القصف استمر ساعتين.").All.Count);
        all.Count.ShouldBeGreaterThan(body.Count);
    }

    [Fact]
    public void Compare_CopyWithOwnLeadAndBoilerplate_ContainedThoughJaccardLow()
    {
        var (a, na) = BodySignature(Original);
        var (b, nb) = BodySignature(Republished);

        var r = MinHash.Compare(a, na, b, nb);

        r.Jaccard.ShouldBeLessThan(MinHash.DuplicateThreshold); // Jaccard alone would count the copy as a second outlet
        r.Containment.ShouldBeGreaterThanOrEqualTo(MinHash.ContainmentThreshold);
        r.IsNearDuplicate.ShouldBeTrue();
    }

    [Fact]
    public void Compare_IndependentReportOfTheSameIncident_NotANearDuplicate()
    {
        var (a, na) = BodySignature(Original);
        var (b, nb) = BodySignature(Independent);

        MinHash.Compare(a, na, b, nb).IsNearDuplicate.ShouldBeFalse();
    }

    [Fact]
    public void Compare_ShortFlash_NoContainmentEstimate()
    {
        // A two-line flash has too few shingles for containment: it would be "contained" in many reports.
        var (a, na) = BodySignature("قصف صاروخي على سوق كفرنبل صباح اليوم واحتراق محال.");
        var (b, nb) = BodySignature(Original);

        var r = MinHash.Compare(a, na, b, nb);
        r.Containment.ShouldBe(r.Jaccard);
    }

    [Fact]
    public void FindRepublications_CopyAmongTheMergedReports_MarkedLaterOne()
    {
        var original = Event("e1", "d1", "A", "Shelling/artillery/missile attack");
        var copy = Event("e2", "d2", "C", "Shelling/artillery/missile attack");
        var other = Event("e3", "d3", "B", "Shelling/artillery/missile attack");
        (original.DocumentSeq, copy.DocumentSeq, other.DocumentSeq) = (1, 3, 2);
        var signatures = new Dictionary<string, (uint[], int?)>
        {
            ["d1"] = BodySignature(Original),
            ["d2"] = BodySignature(Republished),
            ["d3"] = BodySignature(Independent),
        };

        var found = EventMerger.FindRepublications([original, copy, other], signatures);

        found.ShouldBe(["d2"]);
        var m = EventMerger.Summarize([original, copy, other], found);
        m.OutletCount.ShouldBe(2);
    }

    [Fact]
    public void FindRepublications_IndependentReports_NoneMarked()
    {
        var a = Event("e1", "d1", "A", "Shelling/artillery/missile attack");
        var b = Event("e3", "d3", "B", "Shelling/artillery/missile attack");
        var signatures = new Dictionary<string, (uint[], int?)> { ["d1"] = BodySignature(Original), ["d3"] = BodySignature(Independent) };

        EventMerger.FindRepublications([a, b], signatures).ShouldBeEmpty();
    }
}

/// <summary>
/// The containment threshold measured on the shared development set (its texts are read, never copied): every
/// republication pair of the gold holds, no two independent reports of one incident do.
/// </summary>
public sealed class NearDuplicateThresholdMeasurement(Xunit.Abstractions.ITestOutputHelper output)
{
    [SharedFact]
    public void Compare_DevelopmentPairs_ThresholdSeparatesRepublicationsFromIndependentReports()
    {
        var dir = SharedMaterial.PathOf("dev/merge");
        var gold = File.ReadAllLines(SharedMaterial.PathOf("dev/merge_gold.jsonl")).Where(l => l.Length > 0).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var reports = Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllLines(f).Where(l => l.Length > 0).Select(l => (File: Path.GetFileName(f), Row: System.Text.Json.JsonDocument.Parse(l).RootElement)))
            .Select(r => (Group: r.File[..3], Url: r.Row.GetProperty("url").GetString()!, Body: BodySignature(r.Row.GetProperty("text").GetString()!)))
            .ToList();
        var copies = gold.Where(g => g.TryGetProperty("syndication", out _))
            .Select(g => (g.GetProperty("original_url").GetString()!, g.GetProperty("copy_url").GetString()!)).ToHashSet();
        // A syndication file's reports are about an incident of a d-file (gold "about"): those are independent of each other.
        var about = gold.Where(g => g.TryGetProperty("about", out _)).ToDictionary(g => g.GetProperty("syndication").GetString()!, g => g.GetProperty("about").GetString()!);
        string Incident(string group) => about.TryGetValue(group, out var d) ? d : group;

        var positives = new List<double>();
        var negatives = new List<double>();
        for (var i = 0; i < reports.Count; i++)
        {
            for (var j = i + 1; j < reports.Count; j++)
            {
                var (a, b) = (reports[i], reports[j]);
                if (Incident(a.Group) != Incident(b.Group))
                {
                    continue;
                }

                var r = MinHash.Compare(a.Body.Signature, a.Body.Shingles, b.Body.Signature, b.Body.Shingles);
                var copy = copies.Contains((a.Url, b.Url)) || copies.Contains((b.Url, a.Url));
                (copy ? positives : negatives).Add(r.Containment);
                output.WriteLine($"{a.Group} {(copy ? "republication" : "independent ")} jaccard {r.Jaccard:F3} containment {r.Containment:F3}");
            }
        }

        positives.Count.ShouldBe(copies.Count);
        negatives.ShouldNotBeEmpty();
        positives.ShouldAllBe(c => c >= MinHash.ContainmentThreshold);
        negatives.ShouldAllBe(c => c < MinHash.ContainmentThreshold);
    }
}
