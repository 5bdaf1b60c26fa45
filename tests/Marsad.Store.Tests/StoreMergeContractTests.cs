using System.Text.Json;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Store.Export;

namespace Marsad.Tests.Store;

/// <summary>The cross-outlet merge through the store, on every backend: figures, incident clustering, republications, exports.</summary>
public abstract partial class StoreContractTests
{
    private const string Explosions = "Explosions/Remote violence";

    /// <summary>Outlet D's short report (ours): shells fell on Saraqib, toll not yet known.</summary>
    private const string ShellingD = "قالت مصادر محلية إن قذائف سقطت على أحياء في سراقب صباح الثلاثاء، ولم تتضح حصيلة الضحايا بعد بحسب الأهالي.";

    private static AnnotatedDocument Report(string text, string outlet, string cue, string sub, int? fatalities, bool inferred = false, EventActor? actor1 = null) =>
        Fixtures.Build(text, outlet, Fixtures.Tuesday, null,
            Fixtures.Event(text, cue, Explosions, sub, Fixtures.Tuesday, Fixtures.Saraqib, actor1 ?? Fixtures.Regime, null, fatalities) with { FatalityBasis = inferred ? Marsad.Events.Stages.FatalityBasis.InjuriesOnly : Marsad.Events.Stages.FatalityBasis.Stated });

    [StoreFact]
    public async Task RecomputeMergesAsync_UnknownAndInferredFigures_KeptFigureIsLowestStated()
    {
        // A states 3; B's figure is inferred (injuries only: 0); D states none. Before: the merged figure was 0.
        await Store.IngestBatchAsync(
        [
            Fixtures.OutletA(),
            Report(Fixtures.ShellingB, "OutletB", "قذائف", "Shelling/artillery/missile attack", 0, inferred: true),
            Report(ShellingD, "OutletD", "قذائف", "Shelling/artillery/missile attack", null),
        ]);

        await Store.RecomputeMergesAsync();

        var merged = (await Store.ListMergedEventsAsync(new EventQuery())).ShouldHaveSingleItem();
        merged.Fatalities.ShouldBe(3);
        merged.FatalitiesConflict.ShouldBeFalse();
        merged.OutletCount.ShouldBe(3);
        merged.Sources.Single(s => s.Outlet == "OutletB").FatalitiesInferred.ShouldBeTrue();
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_OneIncidentToldAsShellingAndAirStrike_OneMergedEventOfTheMajority()
    {
        // Before: the merge required the same type per sub-type family; now the incident is one, its sub-type the majority's.
        await Store.IngestBatchAsync(
        [
            Fixtures.OutletA(),
            Report(Fixtures.ShellingB, "OutletB", "قذائف", "Air/drone strike", 5),
            Report(ShellingD, "OutletD", "قذائف", "Air/drone strike", null),
            Fixtures.DoumaClash(),
        ]);

        (await Store.RecomputeMergesAsync()).MergedEvents.ShouldBe(1);

        var merged = (await Store.ListMergedEventsAsync(new EventQuery())).ShouldHaveSingleItem();
        merged.SubEventType.ShouldBe("Air/drone strike");
        merged.EventType.ShouldBe(Explosions);
        merged.Fatalities.ShouldBe(3);
        merged.FatalitiesConflict.ShouldBeTrue();
        merged.ConflictNote.ShouldNotBeNull().ShouldContain("sub_event_type differs");
        merged.ConflictNote.ShouldContain("5 (OutletB");
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_ProtestAtTheSamePlaceAndDay_NotMergedWithTheStrike()
    {
        var protest = Fixtures.Build(ShellingD, "OutletD", Fixtures.Tuesday, null,
            Fixtures.Event(ShellingD, "قذائف", "Protests", "Peaceful protest", Fixtures.Tuesday, Fixtures.Saraqib, null, null, null));
        await Store.IngestBatchAsync([Fixtures.OutletA(), protest]);

        (await Store.RecomputeMergesAsync()).MergedEvents.ShouldBe(0);
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_SignaturesReadByScan_SameRepublicationFound()
    {
        // Past a few thousand documents in merged events the signatures are read by one scan, not by id: same result.
        ((Marsad.Store.Sql.SqlStore)Store).ScanSignaturesAbove = 0;
        await RecomputeMergesAsync_RepublicationWithItsOwnLeadAndBoilerplate_MarkedNotCounted();
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_RepublicationWithItsOwnLeadAndBoilerplate_MarkedNotCounted()
    {
        await Store.IngestBatchAsync([Report(MergeFixtures.Original, "OutletA", "قصفاً", "Shelling/artillery/missile attack", 2)]);
        await Store.IngestBatchAsync([Report(MergeFixtures.Independent, "OutletB", "صواريخ", "Shelling/artillery/missile attack", 2)]);
        await Store.IngestBatchAsync([Report(MergeFixtures.Republished, "OutletC", "قصفاً", "Shelling/artillery/missile attack", 1)]);

        await Store.RecomputeMergesAsync();

        var merged = (await Store.ListMergedEventsAsync(new EventQuery())).ShouldHaveSingleItem();
        merged.SourceCount.ShouldBe(3);
        merged.OutletCount.ShouldBe(2); // the copy corroborates nothing
        merged.Sources.Single(s => s.Outlet == "OutletC").Republication.ShouldBeTrue();
        merged.Sources.Where(s => s.Outlet != "OutletC").ShouldAllBe(s => !s.Republication);
        merged.Fatalities.ShouldBe(2); // the copy's figure is not a source's
        merged.FatalitiesConflict.ShouldBeFalse();
    }

    [StoreFact]
    public async Task ExportAsync_MergedEvent_EveryFormatWritesTheMergedFigureAndConflictNote()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB()]);
        await Store.RecomputeMergesAsync();

        string Export(string format)
        {
            using var w = new StringWriter();
            EventExporter.WriteAsync(Store, new EventQuery { Limit = null }, EventFormats.Create(format), w, collapseMerged: true).GetAwaiter().GetResult();
            return w.ToString();
        }

        // jsonl: the merged figure in place of the report's own (kept as reported_fatalities), the note in notes.
        var line = Export("jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        using (var doc = JsonDocument.Parse(line))
        {
            var row = doc.RootElement;
            row.GetProperty("fatalities").GetInt32().ShouldBe(3);
            row.GetProperty("reported_fatalities").ValueKind.ShouldBe(JsonValueKind.Number);
            row.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(n => n!.Contains("conflicting fatalities", StringComparison.Ordinal));
            var m = row.GetProperty("merged_event");
            m.GetProperty("fatalities").GetInt32().ShouldBe(3);
            m.GetProperty("fatalities_conflict").GetBoolean().ShouldBeTrue();
            m.GetProperty("sub_event_type").GetString().ShouldBe("Shelling/artillery/missile attack");
            m.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("fatalities").GetInt32()).Order().ShouldBe([3, 5]);
        }

        using (var geo = JsonDocument.Parse(Export("geojson")))
        {
            var p = geo.RootElement.GetProperty("features").EnumerateArray().ShouldHaveSingleItem().GetProperty("properties");
            p.GetProperty("fatalities").GetInt32().ShouldBe(3);
            p.GetProperty("fatalities_conflict").GetBoolean().ShouldBeTrue();
            p.GetProperty("conflict_note").GetString().ShouldNotBeNull().ShouldContain("5 (OutletB");
        }

        var csv = Export("acled-csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv.Length.ShouldBe(2);
        csv[1].ShouldContain("conflicting fatalities");
    }
}
