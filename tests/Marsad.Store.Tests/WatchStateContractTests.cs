using Marsad.Store;

namespace Marsad.Tests.Store;

/// <summary>The watcher's state (schema v4), on every backend.</summary>
public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task SaveWatchSource_SavedTwice_ReplacedAndReadBack()
    {
        var now = Time.Now;
        var state = WatchSourceState.New("http://127.0.0.1:1/feed.xml", "OutletA", now);
        await Store.SaveWatchSourceAsync(state);
        var failed = state with { ETag = "\"e1\"", LastModified = "Sun, 01 Mar 2026 09:00:00 GMT", LastPoll = now, LastError = "HTTP 503", Failures = 2, NextDue = now.AddHours(1) };
        await Store.SaveWatchSourceAsync(failed);

        var read = (await Store.ListWatchSourcesAsync()).ShouldHaveSingleItem();
        read.ShouldBe(failed);
    }

    [StoreFact]
    public async Task IngestWatched_DocumentsAndMarks_StoredTogetherAndCounted()
    {
        var a = Fixtures.OutletA();
        var b = Fixtures.OutletB();
        var source = "http://127.0.0.1:1/feed.xml";
        await Store.SaveWatchSourceAsync(WatchSourceState.New(source, "OutletA", Time.Now));
        var marks = new[]
        {
            new WatchItemState("http://127.0.0.1:1/a", source, "h1", a.Document.Id, WatchItemOutcome.Stored, Time.Now),
            new WatchItemState("http://127.0.0.1:1/b", source, "h2", b.Document.Id, WatchItemOutcome.Stored, Time.Now.AddDays(-1)),
            new WatchItemState("http://127.0.0.1:1/c", source, "h3", null, WatchItemOutcome.Rejected, Time.Now),
        };
        var result = await Store.IngestWatchedAsync([a, b], marks);
        result.Count(IngestOutcome.Stored).ShouldBe(2);

        var hashes = await Store.GetWatchItemHashesAsync(["http://127.0.0.1:1/a", "http://127.0.0.1:1/c", "http://127.0.0.1:1/unseen"]);
        hashes.Count.ShouldBe(2);
        hashes["http://127.0.0.1:1/a"].ShouldBe("h1");
        // Only items that became documents count; "today" excludes the one seen yesterday.
        var status = (await Store.GetWatchStatusAsync(new DateTimeOffset(Time.Now.UtcDateTime.Date, TimeSpan.Zero))).ShouldHaveSingleItem();
        status.DocumentsToday.ShouldBe(1);
        status.DocumentsTotal.ShouldBe(2);
        (await Store.CountEventsSinceAsync(Time.Now.AddMinutes(-1))).ShouldBe(a.Events.Length + b.Events.Length);
        (await Store.CountEventsSinceAsync(Time.Now.AddMinutes(1))).ShouldBe(0);
    }

    [StoreFact]
    public async Task RecordWatchItems_SameKeyAgain_HashReplaced()
    {
        var source = "http://127.0.0.1:1/feed.xml";
        await Store.RecordWatchItemsAsync([new WatchItemState("k", source, "old", null, WatchItemOutcome.Rejected, Time.Now)]);
        await Store.RecordWatchItemsAsync([new WatchItemState("k", source, "new", null, WatchItemOutcome.Rejected, Time.Now)]);
        (await Store.GetWatchItemHashesAsync(["k"]))["k"].ShouldBe("new");
    }

    [StoreFact]
    public async Task GetWatchItemHashes_MoreKeysThanOneStatement_AllFound()
    {
        var source = "http://127.0.0.1:1/feed.xml";
        var marks = Enumerable.Range(0, 450).Select(i => new WatchItemState("k" + i, source, "h" + i, null, WatchItemOutcome.Rejected, Time.Now)).ToList();
        await Store.RecordWatchItemsAsync(marks);
        (await Store.GetWatchItemHashesAsync([.. marks.Select(m => m.Key)])).Count.ShouldBe(450);
    }
}
