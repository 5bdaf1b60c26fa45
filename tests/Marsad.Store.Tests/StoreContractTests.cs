using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Store;
using Marsad.Store.Dedup;

namespace Marsad.Tests.Store;

/// <summary>
/// The store's behaviour, written once and run against every backend (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>). Each test gets a fresh, migrated, empty database.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private protected ManualTime Time { get; } = new(new DateTimeOffset(2024, 3, 13, 8, 0, 0, TimeSpan.Zero));

    private protected IMarsadStore Store { get; private set; } = null!;

    private protected string Database { get; private set; } = string.Empty;

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Drops every database <see cref="CreateDatabaseAsync"/> made.</summary>
    protected abstract Task DropDatabaseAsync();

    /// <summary>A raw, unopened connection to <paramref name="database"/> (tests that write an older schema's rows).</summary>
    protected abstract DbConnection OpenConnection(string database);

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Store = MarsadStore.Open(Database, Time);
        await Store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>
    /// The statement by which schema version 6 indexed a document's body (<c>@seq</c>, <c>@body</c>: its index form),
    /// for tests that write an old database's rows.
    /// </summary>
    protected abstract string Version6FullTextSql { get; }

    private protected IMarsadStore OpenAnother() => MarsadStore.Open(Database, Time);

    [StoreFact]
    public async Task MigrateAsync_RunTwice_KeepsVersionAndData()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA()]);
        (await Store.MigrateAsync()).ShouldBe(Marsad.Store.Sql.SqlStore.LatestVersion);
        (await Store.GetStatsAsync()).Documents.ShouldBe(1);
    }

    [StoreFact]
    public async Task MigrateAsync_FromVersion2_NearDuplicatesOfOldDocumentsStillFound()
    {
        // A document stored by version 2: signature in documents.minhash, band keys in doc_bands by document id.
        var database = await CreateDatabaseAsync();
        var old = Fixtures.OutletA();
        var signature = MinHash.Signature(old.Text);
        await using (var v2 = (Marsad.Store.Sql.SqlStore)MarsadStore.Open(database, Time))
        {
            (await v2.MigrateAsync(2)).ShouldBe(2);
        }

        await using (var c = OpenConnection(database))
        {
            await c.OpenAsync();
            await ExecuteAsync(c, "INSERT INTO documents (id, content_hash, text, path, warnings, ingested_at, updated_at, event_count, minhash) VALUES (@id, 'v2', @text, 'old.txt', '[]', 'then', 'then', 0, @minhash)",
                ("id", old.Document.Id), ("text", old.Text), ("minhash", MinHash.ToBytes(signature)));
            var bands = MinHash.BandKeys(signature);
            for (var b = 0; b < bands.Length; b++)
            {
                await ExecuteAsync(c, "INSERT INTO doc_bands (band, hash, document_id) VALUES (@band, @hash, @id)", ("band", b), ("hash", bands[b]), ("id", old.Document.Id));
            }
        }

        await using var store = MarsadStore.Open(database, Time);
        (await store.MigrateAsync()).ShouldBe(Marsad.Store.Sql.SqlStore.LatestVersion);
        var r = await store.IngestBatchAsync([Fixtures.OutletARepublished()]);

        r.Items[0].DuplicateOf.ShouldBe(old.Document.Id);
        var doc = await store.GetDocumentAsync(r.Items[0].DocumentId!);
        doc.ShouldNotBeNull();
        doc.NearDuplicates.ShouldHaveSingleItem().OtherDocumentId.ShouldBe(old.Document.Id);
    }

    [StoreFact]
    public async Task MigrateAsync_FromVersion6_TitlesOfOldDocumentsSearchable()
    {
        // A feed item stored by version 6: its title in documents.title, only its body in the full-text index.
        var database = await CreateDatabaseAsync();
        var old = Fixtures.Zawiya();
        await using (var v6 = (Marsad.Store.Sql.SqlStore)MarsadStore.Open(database, Time))
        {
            (await v6.MigrateAsync(6)).ShouldBe(6);
        }

        await using (var c = OpenConnection(database))
        {
            await c.OpenAsync();
            await ExecuteAsync(c, "INSERT INTO documents (id, content_hash, text, path, title, warnings, ingested_at, updated_at, event_count) VALUES (@id, 'v6', @text, 'feed.xml', @title, '[]', 'then', 'then', 0)",
                ("id", old.Document.Id), ("text", old.Text), ("title", Fixtures.ZawiyaTitle));
            await using var select = Command(c, "SELECT seq FROM documents WHERE id = @id", ("id", old.Document.Id));
            var seq = Convert.ToInt64(await select.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await ExecuteAsync(c, Version6FullTextSql, ("seq", seq), ("body", Marsad.Store.Search.SearchText.IndexForm(old.Text)));
        }

        await using var store = MarsadStore.Open(database, Time);
        (await store.MigrateAsync()).ShouldBe(Marsad.Store.Sql.SqlStore.LatestVersion);

        (await store.SearchAsync(new SearchQuery(Fixtures.TitleOnlyWord))).Hits.ShouldHaveSingleItem().DocumentId.ShouldBe(old.Document.Id);
        (await store.SearchAsync(new SearchQuery(Fixtures.BodyOnlyWord))).Hits.ShouldHaveSingleItem().DocumentId.ShouldBe(old.Document.Id);
        (await store.SearchAsync(new SearchQuery(Fixtures.NowhereWord))).Total.ShouldBe(0);
        // Ingested again (another content hash: an update), the re-indexed row is replaced, not doubled.
        (await store.IngestBatchAsync([old])).Items.Single().Outcome.ShouldBe(IngestOutcome.Updated);
        (await store.SearchAsync(new SearchQuery(Fixtures.TitleOnlyWord + " " + Fixtures.BodyOnlyWord))).Total.ShouldBe(1);
    }

    private static async Task ExecuteAsync(DbConnection c, string sql, params (string Name, object Value)[] args)
    {
        await using var cmd = Command(c, sql, args);
        await cmd.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection c, string sql, params (string Name, object Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    [StoreFact]
    public async Task IngestBatchAsync_SameDocumentTwice_SecondUnchanged()
    {
        var first = await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB()]);
        first.Count(IngestOutcome.Stored).ShouldBe(2);

        var again = await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB()]);

        again.Count(IngestOutcome.Unchanged).ShouldBe(2);
        var stats = await Store.GetStatsAsync();
        stats.Documents.ShouldBe(2);
        stats.Events.ShouldBe(2);
    }

    [StoreFact]
    public async Task IngestBatchAsync_ReDiacritizedText_SameIdUpdatedInPlace()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA()]);
        // Same normalized text (diacritics dropped) → same id; the stored text changes, so it is an update.
        var plain = Fixtures.ShellingA.Replace("ُ", string.Empty, StringComparison.Ordinal);
        var changed = Fixtures.Build(plain, "OutletA", Fixtures.Tuesday, "قصف على سراقب");
        changed.Document.Id.ShouldBe(Fixtures.OutletA().Document.Id);

        var result = await Store.IngestBatchAsync([changed]);

        result.Items.Single().Outcome.ShouldBe(IngestOutcome.Updated);
        var doc = await Store.GetDocumentAsync(changed.Document.Id);
        doc.ShouldNotBeNull();
        doc.Text.ShouldBe(plain);
        doc.Events.ShouldBeEmpty(); // the new extraction has no events: the unreviewed machine event is replaced
        (await Store.GetStatsAsync()).Documents.ShouldBe(1);
    }

    [StoreFact]
    public async Task GetDocumentAsync_Stored_ReturnsTextEntitiesEventsWithEvidence()
    {
        var a = Fixtures.OutletA();
        await Store.IngestBatchAsync([a]);

        var doc = await Store.GetDocumentAsync(a.Document.Id);

        doc.ShouldNotBeNull();
        doc.Text.ShouldBe(Fixtures.ShellingA);
        doc.Summary.Outlet.ShouldBe("OutletA");
        doc.Summary.Published.ShouldBe(Fixtures.Tuesday);
        var place = doc.Entities.ShouldHaveSingleItem();
        doc.Text[place.Start..place.End].ShouldBe("سراقب");
        place.RefId.ShouldBe("geonames:saraqib");
        var ev = doc.Events.ShouldHaveSingleItem();
        ev.Id.ShouldBe(a.Document.Id + "-0");
        ev.Status.ShouldBe(ReviewStatus.Unreviewed);
        ev.Fatalities.ShouldBe(3);
        ev.Admin1.ShouldBe("Idlib");
        JsonNode.Parse(ev.Json)!["sub_event_type"]!.GetValue<string>().ShouldBe("Shelling/artillery/missile attack");

        var detail = await Store.GetEventAsync(ev.Id);
        detail.ShouldNotBeNull();
        detail.Evidence.ShouldHaveSingleItem().Text.ShouldStartWith("قُتل ثلاثةُ مدنيين");
        detail.Attribution.Kind.ShouldBe("outlet");
        detail.Versions.ShouldHaveSingleItem().Version.ShouldBe(0);
        detail.Document.Id.ShouldBe(a.Document.Id);
    }

    [StoreFact]
    public async Task QueryEventsAsync_Filters_SelectMatchingEvents()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB(), Fixtures.DoumaClash()]);

        (await Store.QueryEventsAsync(new EventQuery())).Total.ShouldBe(3);
        (await Store.QueryEventsAsync(new EventQuery { EventType = "Battles" })).Items.ShouldHaveSingleItem().PlaceName.ShouldBe("Douma");
        (await Store.QueryEventsAsync(new EventQuery { SubEventType = "Shelling/artillery/missile attack" })).Total.ShouldBe(2);
        (await Store.QueryEventsAsync(new EventQuery { Actor = "actor:hts" })).Total.ShouldBe(1);
        (await Store.QueryEventsAsync(new EventQuery { Actor = "Military Forces of Syria" })).Total.ShouldBe(3); // by name, actor1 or actor2
        (await Store.QueryEventsAsync(new EventQuery { Place = "Saraqib" })).Total.ShouldBe(2);
        (await Store.QueryEventsAsync(new EventQuery { Place = "Rural Damascus" })).Total.ShouldBe(1); // admin1 through --place
        (await Store.QueryEventsAsync(new EventQuery { Actor = "Military Forces of Syria", Place = "Saraqib" })).Total.ShouldBe(2); // counted as a union, with the other filters
        (await Store.QueryEventsAsync(new EventQuery { Actor = "Military Forces of Syria", EventType = "Battles" })).Total.ShouldBe(1);
        (await Store.QueryEventsAsync(new EventQuery { Admin1 = "Idlib" })).Total.ShouldBe(2);
        (await Store.QueryEventsAsync(new EventQuery { DateFrom = new DateOnly(2024, 3, 1), DateTo = new DateOnly(2024, 3, 31) })).Total.ShouldBe(2);
        (await Store.QueryEventsAsync(new EventQuery { Outlet = "OutletB" })).Total.ShouldBe(2);
        (await Store.QueryEventsAsync(new EventQuery { Status = ReviewStatus.Accepted })).Total.ShouldBe(0);
        (await Store.QueryEventsAsync(new EventQuery { Text = "اشتباكات" })).Total.ShouldBe(2); // documents B and Douma mention clashes
        (await Store.QueryEventsAsync(new EventQuery { EventType = "Battles'; DROP TABLE events; --" })).Total.ShouldBe(0); // a parameter, not SQL
        (await Store.GetStatsAsync()).Events.ShouldBe(3);
    }

    [StoreFact]
    public async Task QueryEventsAsync_LimitOffset_PagesNewestFirst()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB(), Fixtures.DoumaClash()]);

        var page1 = await Store.QueryEventsAsync(new EventQuery { Limit = 2 });
        var page2 = await Store.QueryEventsAsync(new EventQuery { Limit = 2, Offset = 2 });

        page1.Total.ShouldBe(3);
        page1.Items.Count.ShouldBe(2);
        page1.Items[0].Date.ShouldBe(Fixtures.Tuesday);
        page2.Items.ShouldHaveSingleItem().EventType.ShouldBe("Battles");
        var streamed = new List<StoredEvent>();
        await foreach (var e in Store.StreamEventsAsync(new EventQuery { Limit = 1 }))
        {
            streamed.Add(e);
        }

        streamed.Count.ShouldBe(3); // streaming (exports) ignores the page size
    }

    [StoreFact]
    public async Task SearchAsync_NormalizedForms_MatchAndHighlightOriginal()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB(), Fixtures.DoumaClash()]);

        // "قصف" matches "بقصفٍ" (clitic + tanwin) in A and "القصف" (article) in A and B.
        var r = await Store.SearchAsync(new SearchQuery("القصف"));
        r.Total.ShouldBe(2);
        r.TotalIsLowerBound.ShouldBeFalse();
        var hitA = r.Hits.Single(h => h.Outlet == "OutletA");
        var highlighted = hitA.Snippets.SelectMany(s => s.Highlights).Select(h => Fixtures.ShellingA[h.Start..h.End]).ToList();
        highlighted.ShouldContain("بقصفٍ");
        hitA.Snippets[0].Text.ShouldBe(Fixtures.ShellingA[hitA.Snippets[0].Start..hitA.Snippets[0].End]);
        hitA.Snippets[0].Mark("[", "]").ShouldContain("[بقصفٍ]");

        // Hamza: the query "اعلن" finds "أعلن"; diacritics: "قتل" finds "قُتل"; tatweel: "اشتباكات" finds "الاشتبـــاكات".
        (await Store.SearchAsync(new SearchQuery("اعلن"))).Hits.ShouldHaveSingleItem().Outlet.ShouldBe("OutletB");
        // "قتل" also finds B, by its title's "قتلى" (ى folded to ي, then stripped as a pronoun suffix); A by its text's "قُتل".
        var killed = await Store.SearchAsync(new SearchQuery("قتل"));
        killed.Hits.Select(h => h.Outlet).OrderBy(o => o, StringComparer.Ordinal).ShouldBe(["OutletA", "OutletB"]);
        killed.Hits.Single(h => h.Outlet == "OutletA").Snippets.SelectMany(s => s.Highlights)
            .Select(h => Fixtures.ShellingA[h.Start..h.End]).ShouldContain("قُتل");
        var tatweel = await Store.SearchAsync(new SearchQuery("الاشتباكات"));
        tatweel.Total.ShouldBe(2);
        tatweel.Hits.Single(h => h.DocumentId == Fixtures.OutletB().Document.Id).Snippets.SelectMany(s => s.Highlights)
            .Select(h => Fixtures.ShellingB[h.Start..h.End]).ShouldContain("الاشتبـــاكات");

        // Every word must match; a quote in the query is a character, not FTS syntax.
        (await Store.SearchAsync(new SearchQuery("سراقب دوما"))).Total.ShouldBe(0);
        (await Store.SearchAsync(new SearchQuery("\"سراقب OR"))).Total.ShouldBe(0);
        (await Store.SearchAsync(new SearchQuery("سراقب") { Outlet = "OutletB" })).Hits.ShouldHaveSingleItem().Outlet.ShouldBe("OutletB");
        (await Store.SearchAsync(new SearchQuery("...")).ConfigureAwait(false)).Total.ShouldBe(0);
    }

    [StoreFact]
    public async Task SearchAsync_WordOnlyInTitle_Found()
    {
        await Store.IngestBatchAsync([Fixtures.Zawiya(), Fixtures.OutletA(), Fixtures.DoumaClash()]);

        var r = await Store.SearchAsync(new SearchQuery(Fixtures.TitleOnlyWord));

        var hit = r.Hits.ShouldHaveSingleItem();
        hit.DocumentId.ShouldBe(Fixtures.Zawiya().Document.Id);
        hit.Title.ShouldBe(Fixtures.ZawiyaTitle);
        // Every word must match, each in the title or the body.
        (await Store.SearchAsync(new SearchQuery(Fixtures.TitleOnlyWord + " " + Fixtures.BodyOnlyWord))).Total.ShouldBe(1);
        (await Store.QueryEventsAsync(new EventQuery { Text = Fixtures.TitleOnlyWord })).Items.ShouldHaveSingleItem().DocumentId.ShouldBe(hit.DocumentId); // events' --text too
    }

    [StoreFact]
    public async Task SearchAsync_WordInNeitherTitleNorText_NotFound()
    {
        await Store.IngestBatchAsync([Fixtures.Zawiya(), Fixtures.OutletA(), Fixtures.DoumaClash()]);

        (await Store.SearchAsync(new SearchQuery(Fixtures.NowhereWord))).Total.ShouldBe(0);
        (await Store.SearchAsync(new SearchQuery(Fixtures.TitleOnlyWord + " " + Fixtures.NowhereWord))).Total.ShouldBe(0);
    }

    [StoreFact]
    public async Task IngestBatchAsync_TitleChanged_OnlyTheNewTitleFound()
    {
        await Store.IngestBatchAsync([Fixtures.Zawiya()]);
        var retitled = Fixtures.Zawiya("غارات على ريف إدلب");

        (await Store.IngestBatchAsync([retitled])).Items.Single().Outcome.ShouldBe(IngestOutcome.Updated);

        (await Store.SearchAsync(new SearchQuery(Fixtures.TitleOnlyWord))).Total.ShouldBe(0);
        (await Store.SearchAsync(new SearchQuery("غارات"))).Hits.ShouldHaveSingleItem().Title.ShouldBe("غارات على ريف إدلب");
        (await Store.SearchAsync(new SearchQuery(Fixtures.BodyOnlyWord))).Total.ShouldBe(1);
    }

    [StoreFact]
    public async Task IngestBatchAsync_LightlyEditedRepublication_LinkedAsNearDuplicate()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA()]);

        var r = await Store.IngestBatchAsync([Fixtures.OutletARepublished(), Fixtures.DoumaClash()]);

        var republished = r.Items[0];
        republished.Outcome.ShouldBe(IngestOutcome.Stored);
        republished.DuplicateOf.ShouldBe(Fixtures.OutletA().Document.Id);
        r.Items[1].DuplicateOf.ShouldBeNull();
        var doc = await Store.GetDocumentAsync(republished.DocumentId!);
        doc.ShouldNotBeNull();
        doc.Summary.DuplicateOf.ShouldBe(Fixtures.OutletA().Document.Id);
        doc.NearDuplicates.ShouldHaveSingleItem().Similarity.ShouldBeGreaterThanOrEqualTo(0.7);
    }

    [StoreFact]
    public async Task SearchAsync_MoreMatchesThanTheTotalCap_TotalIsTheCapAndALowerBound()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB()]);
        ((Marsad.Store.Sql.SqlStore)Store).SearchTotalCap = 1;

        var r = await Store.SearchAsync(new SearchQuery("القصف"));

        r.Total.ShouldBe(1);
        r.TotalIsLowerBound.ShouldBeTrue();
        r.Hits.Count.ShouldBe(2);
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_TwoOutletsAndRepublication_OneMergedEventLowestFigure()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletARepublished(), Fixtures.OutletB(), Fixtures.DoumaClash()]);

        var summary = await Store.RecomputeMergesAsync();

        summary.MergedEvents.ShouldBe(1);
        summary.EventsInMerges.ShouldBe(3);
        var merged = (await Store.ListMergedEventsAsync(new EventQuery())).ShouldHaveSingleItem();
        merged.Fatalities.ShouldBe(3); // ACLED: lowest figure
        merged.FatalitiesConflict.ShouldBeTrue();
        merged.ConflictNote.ShouldNotBeNull().ShouldContain("5");
        merged.SourceCount.ShouldBe(3);
        merged.OutletCount.ShouldBe(2); // the republication corroborates nothing
        merged.Sources.Count(s => s.Republication).ShouldBe(1);
        var b = merged.Sources.Single(s => s.Outlet == "OutletB");
        b.Attribution.Kind.ShouldBe("official_statement");
        b.Evidence.ShouldHaveSingleItem().Text.ShouldContain("قذائف");
        var ev = (await Store.QueryEventsAsync(new EventQuery { Outlet = "OutletA" })).Items.Single();
        ev.MergedEventId.ShouldBe(merged.Id);
        (await Store.GetEventAsync(ev.Id))!.Merged!.Id.ShouldBe(merged.Id);
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_RunTwice_SameResult()
    {
        await Store.IngestBatchAsync([Fixtures.OutletB(), Fixtures.DoumaClash()]);
        await Store.IngestBatchAsync([Fixtures.OutletA()]);

        await Store.RecomputeMergesAsync();
        var first = JsonSerializer.Serialize(await Store.ListMergedEventsAsync(new EventQuery()));
        await Store.RecomputeMergesAsync();
        var second = JsonSerializer.Serialize(await Store.ListMergedEventsAsync(new EventQuery()));

        second.ShouldBe(first);
        first.ShouldContain("OutletA");
    }

    [StoreFact]
    public async Task RecomputeMergesAsync_FarApartOrOtherType_NotMerged()
    {
        // Ariha is ~18 km from Saraqib: outside the default 10 km radius.
        var text = Fixtures.ShellingB.Replace("سراقب", "أريحا", StringComparison.Ordinal);
        var ariha = Fixtures.Build(text, "OutletD", Fixtures.Tuesday, null,
            Fixtures.Event(text, "قذائف", "Explosions/Remote violence", "Shelling/artillery/missile attack", Fixtures.Tuesday, Fixtures.Ariha, Fixtures.Regime, null, 5));
        await Store.IngestBatchAsync([Fixtures.OutletA(), ariha]);

        (await Store.RecomputeMergesAsync()).MergedEvents.ShouldBe(0);
        (await Store.RecomputeMergesAsync(new MergeOptions { RadiusKm = 25 })).MergedEvents.ShouldBe(1);
    }

    [StoreFact]
    public async Task EditEventAsync_NewVersion_MachineVersionKeptAndAudited()
    {
        var a = Fixtures.OutletA();
        await Store.IngestBatchAsync([a]);
        var id = a.Document.Id + "-0";
        var machine = (await Store.GetEventAsync(id))!.Event.Json;
        var edited = JsonNode.Parse(machine)!;
        edited["fatalities"] = 4;
        edited["sub_event_type"] = "Air/drone strike";
        Time.Now = Time.Now.AddHours(1);

        var result = await Store.EditEventAsync(id, "reviewer1", edited.ToJsonString(), "figure from the hospital");

        result.Status.ShouldBe(ReviewStatus.Edited);
        result.Version.ShouldBe(1);
        result.Fatalities.ShouldBe(4);
        result.SubEventType.ShouldBe("Air/drone strike");
        var detail = await Store.GetEventAsync(id);
        detail.ShouldNotBeNull();
        detail.MachineJson.ShouldBe(machine);
        detail.Versions.Select(v => v.Version).ShouldBe([0, 1]);
        var audit = detail.Audit.ShouldHaveSingleItem();
        audit.Action.ShouldBe(ReviewAction.Edit);
        audit.User.ShouldBe("reviewer1");
        audit.At.ShouldBe(Time.Now);
        audit.BeforeJson.ShouldBe(machine);
        JsonNode.Parse(audit.AfterJson!)!["fatalities"]!.GetValue<int>().ShouldBe(4);
        (await Store.QueryEventsAsync(new EventQuery { SubEventType = "Air/drone strike" })).Total.ShouldBe(1);

        // Re-ingesting the unchanged document must not undo the review.
        await Store.IngestBatchAsync([a]);
        (await Store.GetEventAsync(id))!.Event.Fatalities.ShouldBe(4);
    }

    [StoreFact]
    public async Task EditEventAsync_InvalidJsonOrUnknownEvent_Throws()
    {
        var a = Fixtures.OutletA();
        await Store.IngestBatchAsync([a]);

        await Should.ThrowAsync<FormatException>(() => Store.EditEventAsync(a.Document.Id + "-0", "r", "{\"event_type\": \"Battles\"}"));
        await Should.ThrowAsync<KeyNotFoundException>(() => Store.AcceptEventAsync("no-such-event", "r"));
        (await Store.GetAuditAsync()).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task RejectEventAsync_Rejected_LeavesMergesAndFiltersByStatus()
    {
        var a = Fixtures.OutletA();
        await Store.IngestBatchAsync([a, Fixtures.OutletB()]);
        (await Store.RecomputeMergesAsync()).MergedEvents.ShouldBe(1);

        await Store.RejectEventAsync(a.Document.Id + "-0", "reviewer2", "not shelling");
        await Store.AcceptEventAsync(Fixtures.OutletB().Document.Id + "-0", "reviewer2");

        (await Store.RecomputeMergesAsync()).MergedEvents.ShouldBe(0);
        (await Store.QueryEventsAsync(new EventQuery { Status = ReviewStatus.Rejected })).Items.ShouldHaveSingleItem().Outlet.ShouldBe("OutletA");
        (await Store.QueryEventsAsync(new EventQuery { Status = ReviewStatus.Accepted })).Total.ShouldBe(1);
        var audit = await Store.GetAuditAsync();
        audit.Select(x => x.Action).ShouldBe([ReviewAction.Accept, ReviewAction.Reject]); // newest first
    }

    [StoreFact]
    public async Task MergeEventsAsync_ManualMerge_KeptByRecompute()
    {
        // Different dates (a month apart): the automatic merge would never join them.
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.DoumaClash()]);
        var ids = new[] { Fixtures.OutletA().Document.Id + "-0", Fixtures.DoumaClash().Document.Id + "-0" };

        var merged = await Store.MergeEventsAsync(ids, "reviewer3");

        merged.SourceCount.ShouldBe(2);
        (await Store.RecomputeMergesAsync()).MergedEvents.ShouldBe(1);
        (await Store.GetEventAsync(ids[1]))!.Event.Status.ShouldBe(ReviewStatus.Merged);
        (await Store.GetAuditAsync(ids[0])).ShouldHaveSingleItem().Action.ShouldBe(ReviewAction.Merge);
    }

    [StoreFact]
    public async Task GetActorGraphAsync_Events_NodesAndDirectedEdges()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB(), Fixtures.DoumaClash()]);

        var g = await Store.GetActorGraphAsync(new EventQuery());

        g.Nodes.Single(n => n.Id == "actor:syrian-army").EventCount.ShouldBe(3);
        g.Nodes.Single(n => n.Id == "actor:hts").Inter.ShouldBe(2);
        g.Edges.Single(e => e.Actor1Id == "actor:syrian-army" && e.Actor2Id == "actor:civilians").EventCount.ShouldBe(1);
        g.Edges.Single(e => e.Actor1Id == "actor:hts").Actor2Id.ShouldBe("actor:syrian-army");
        (await Store.GetActorGraphAsync(new EventQuery { EventType = "Battles" })).Nodes.Count.ShouldBe(2);
    }

    [StoreFact]
    public async Task AddUserAsync_Twice_SecondRefused()
    {
        (await Store.AddUserAsync("amal", "hash-1", "admin")).ShouldBeTrue();
        (await Store.AddUserAsync("amal", "hash-2")).ShouldBeFalse();
        (await Store.SetPasswordHashAsync("amal", "hash-3")).ShouldBeTrue();
        (await Store.SetPasswordHashAsync("nobody", "x")).ShouldBeFalse();

        var u = await Store.GetUserAsync("amal");
        u.ShouldNotBeNull();
        u.PasswordHash.ShouldBe("hash-3");
        u.Role.ShouldBe("admin");
        u.CreatedAt.ShouldBe(Time.Now);
        (await Store.ListUsersAsync()).ShouldHaveSingleItem();
        (await Store.GetUserAsync("nobody")).ShouldBeNull();
    }

    [StoreFact]
    public async Task SessionGeneration_PasswordRevokeDisable_EachBumpsIt()
    {
        (await Store.AddUserAsync("amal", "hash-1")).ShouldBeTrue();
        var fresh = (await Store.GetUserAsync("amal")).ShouldNotBeNull();
        fresh.SessionGeneration.ShouldBe(0);
        fresh.Disabled.ShouldBeFalse();

        (await Store.SetPasswordHashAsync("amal", "hash-2")).ShouldBeTrue();
        (await Store.GetUserAsync("amal"))!.SessionGeneration.ShouldBe(1);
        (await Store.RevokeSessionsAsync("amal")).ShouldBeTrue();
        (await Store.GetUserAsync("amal"))!.SessionGeneration.ShouldBe(2);
        (await Store.SetDisabledAsync("amal", true)).ShouldBeTrue();
        var disabled = (await Store.GetUserAsync("amal"))!;
        disabled.Disabled.ShouldBeTrue();
        disabled.SessionGeneration.ShouldBe(3);
        (await Store.SetDisabledAsync("amal", false)).ShouldBeTrue();
        (await Store.ListUsersAsync()).Single().Disabled.ShouldBeFalse();

        // Unknown users change nothing.
        (await Store.RevokeSessionsAsync("nobody")).ShouldBeFalse();
        (await Store.SetDisabledAsync("nobody", true)).ShouldBeFalse();
    }

    [StoreFact]
    public async Task RecordRejectionAsync_Reason_Listed()
    {
        await Store.RecordRejectionAsync("inbox/empty.txt", "empty file");

        var r = (await Store.ListRejectionsAsync()).ShouldHaveSingleItem();
        r.Input.ShouldBe("inbox/empty.txt");
        r.Reason.ShouldBe("empty file");
        (await Store.GetStatsAsync()).Rejections.ShouldBe(1);
    }

    [StoreFact]
    public async Task ListDocumentsAsync_OutletFilter_Summaries()
    {
        await Store.IngestBatchAsync([Fixtures.OutletA(), Fixtures.OutletB(), Fixtures.DoumaClash()]);

        var list = await Store.ListDocumentsAsync(new DocumentQuery { Outlet = "OutletB" });

        list.Count.ShouldBe(2);
        list.ShouldAllBe(d => d.Outlet == "OutletB" && d.EventCount == 1);
    }

    [StoreFact]
    public async Task IngestBatchAsync_TwoWritersAtOnce_NoDuplicatesNothingLost()
    {
        // Two store instances (separate connection pools, as two processes have) ingest overlapping batches concurrently.
        var docs = Enumerable.Range(0, 60).Select(i => Fixtures.Plain($"تقرير رقم {i} عن الأوضاع الميدانية في ريف إدلب الجنوبي والاشتباكات المتقطعة {i * 7}")).ToList();
        await using var other = OpenAnother();
        async Task Run(IMarsadStore s, int seed)
        {
            var order = docs.OrderBy(d => (d.Document.Id.GetHashCode(StringComparison.Ordinal) ^ seed) & 0xFFFF).ToList();
            foreach (var batch in order.Chunk(7))
            {
                await s.IngestBatchAsync(batch);
            }
        }

        await Task.WhenAll(Task.Run(() => Run(Store, 1)), Task.Run(() => Run(other, 2)));

        (await Store.GetStatsAsync()).Documents.ShouldBe(60);
        (await Store.SearchAsync(new SearchQuery("تقرير") { Limit = 100 })).Total.ShouldBe(60);
    }
}
