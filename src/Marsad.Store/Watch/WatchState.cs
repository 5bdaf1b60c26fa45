using Marsad.Pipeline;

namespace Marsad.Store;

/// <summary>
/// What <c>marsad watch</c> knows of one source between polls (a row of <c>watch_sources</c>). The validators are
/// those of the last response whose items were all processed, so a poll cut short is repeated in full.
/// </summary>
public sealed record WatchSourceState(
    string SourceId,
    string? Outlet,
    string? FeedUrl,
    string? ETag,
    string? LastModified,
    DateTimeOffset? LastPoll,
    DateTimeOffset? LastSuccess,
    string? LastError,
    int Failures,
    DateTimeOffset NextDue)
{
    /// <summary>A source never polled: due at once.</summary>
    public static WatchSourceState New(string sourceId, string? outlet, DateTimeOffset now) =>
        new(sourceId, outlet, null, null, null, null, null, null, 0, now);
}

/// <summary>What became of an item the watcher processed.</summary>
public enum WatchItemOutcome
{
    /// <summary>Stored (or already stored with the same text) as a document.</summary>
    Stored,

    /// <summary>Rejected for good (no article text, a page that is gone, over a limit); recorded in <c>rejections</c>.</summary>
    Rejected,
}

/// <summary>
/// One processed item (a row of <c>watch_items</c>): <paramref name="Key"/> is the item's link (so the same report
/// in two feeds is one item), or the source and content hash for an item without one.
/// </summary>
public sealed record WatchItemState(string Key, string SourceId, string ContentHash, string? DocumentId, WatchItemOutcome Outcome, DateTimeOffset SeenAt);

/// <summary>A source's status for the web UI: its state, documents stored from it today and in all.</summary>
public sealed record WatchSourceStatus(WatchSourceState State, long DocumentsToday, long DocumentsTotal);

/// <summary>The watcher's state: sources and items, and documents stored together with their items' marks.</summary>
public interface IWatchStateStore
{
    Task<IReadOnlyList<WatchSourceState>> ListWatchSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a source's state.</summary>
    Task SaveWatchSourceAsync(WatchSourceState state, CancellationToken cancellationToken = default);

    /// <summary>The content hash last processed for each of <paramref name="keys"/> that was seen before.</summary>
    Task<IReadOnlyDictionary<string, string>> GetWatchItemHashesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Records items that produced no document (rejected), inserting or replacing.</summary>
    Task RecordWatchItemsAsync(IReadOnlyList<WatchItemState> items, CancellationToken cancellationToken = default);

    /// <summary>Stores documents and records the items they came from in ONE transaction (see <see cref="IIngestStore.IngestBatchAsync"/>).</summary>
    Task<IngestBatchResult> IngestWatchedAsync(IReadOnlyList<AnnotatedDocument> documents, IReadOnlyList<WatchItemState> items, CancellationToken cancellationToken = default);

    /// <summary>Every source's status; "today" begins at <paramref name="dayStart"/>.</summary>
    Task<IReadOnlyList<WatchSourceStatus>> GetWatchStatusAsync(DateTimeOffset dayStart, CancellationToken cancellationToken = default);

    /// <summary>Events of documents first stored at or after <paramref name="since"/> (the web UI's "new since your last visit").</summary>
    Task<long> CountEventsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
