using System.Text.Json;
using Marsad.Store;

namespace Marsad.Web.Features.Events;

/// <summary>An event with the few contract fields the views need that the store does not index.</summary>
/// <param name="PlaceNameAr">The location's Arabic name (from the event JSON), read once per snapshot for the map's popups.</param>
internal sealed record IndexedEvent(StoredEvent Event, IReadOnlyList<(string AssocId, string AssocName, string MainId)> Affiliations, string? PlaceNameAr = null);

/// <summary>
/// A read-through, in-memory snapshot of the store's current events for the views that need every matching event
/// (map, timeline, facets, actor graph, list pages): filtering 10,000 events in memory takes well under a
/// millisecond, where streaming them from the store on each request takes hundreds. Filters mirror the store's
/// <see cref="EventQuery"/> semantics exactly (equality on indexed columns); full-text queries go to the store.
/// The snapshot is rebuilt after any write made through this web app, and refreshed in the background when it is
/// older than <see cref="MaxAge"/> (so writes by other processes, e.g. <c>marsad ingest</c>, show up).
/// </summary>
internal sealed class EventIndex(IMarsadStore store, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    /// <summary>Even with an unchanged fingerprint, the snapshot is rebuilt this often (in-place document updates).</summary>
    public static readonly TimeSpan RebuildAnyway = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private volatile bool _dirty = true;
    private int _refreshing;

    internal sealed record Snapshot(IReadOnlyList<IndexedEvent> Events, DateTimeOffset BuiltAt, string Fingerprint)
    {
        public DateTimeOffset CheckedAt { get; set; } = BuiltAt;

        /// <summary>Serialized views of this snapshot by request (the snapshot never changes, so neither do they).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Memo { get; } = new(StringComparer.Ordinal);
    }

    private const int MemoEntries = 64;

    /// <summary>
    /// The view <paramref name="compute"/> makes of the events matching <paramref name="q"/>, serialized, memoized per
    /// snapshot under <paramref name="key"/>; null when the query needs the store (free text).
    /// </summary>
    public async ValueTask<byte[]?> ViewAsync(string key, EventQuery q, Func<IReadOnlyList<IndexedEvent>, object> compute, CancellationToken ct)
    {
        if (q.Text is { Length: > 0 })
        {
            return null;
        }

        var snap = await CurrentAsync(ct).ConfigureAwait(false);
        if (snap.Memo.TryGetValue(key, out var bytes))
        {
            return bytes;
        }

        bytes = JsonSerializer.SerializeToUtf8Bytes(compute([.. snap.Events.Where(e => Matches(e.Event, q))]), Infrastructure.WebJson.Options);
        if (snap.Memo.Count < MemoEntries)
        {
            snap.Memo.TryAdd(key, bytes);
        }

        return bytes;
    }

    /// <summary>Marks the snapshot stale: the next read rebuilds it before answering.</summary>
    public void Invalidate() => _dirty = true;

    /// <summary>The events matching <paramref name="q"/> in the store's stream order (date, id), or null when the query needs the store (free text).</summary>
    public async ValueTask<IReadOnlyList<IndexedEvent>?> FilterAsync(EventQuery q, CancellationToken ct)
    {
        if (q.Text is { Length: > 0 })
        {
            return null;
        }

        var snap = await CurrentAsync(ct).ConfigureAwait(false);
        return [.. snap.Events.Where(e => Matches(e.Event, q))];
    }

    public async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snap = _snapshot;
        if (snap is null || _dirty)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (_snapshot is null || _dirty)
                {
                    _dirty = false;
                    _snapshot = await BuildAsync(ct).ConfigureAwait(false);
                }

                return _snapshot;
            }
            finally
            {
                _gate.Release();
            }
        }

        if (clock.GetUtcNow() - snap.CheckedAt > MaxAge && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
        }

        return snap;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                // Cheap check first: counts and the latest audit row change when another process ingests or reviews.
                if (_snapshot is { } current && clock.GetUtcNow() - current.BuiltAt < RebuildAnyway
                    && await FingerprintAsync(CancellationToken.None).ConfigureAwait(false) == current.Fingerprint)
                {
                    current.CheckedAt = clock.GetUtcNow();
                }
                else
                {
                    _snapshot = await BuildAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            // Keep serving the previous snapshot; the next read will try again.
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }

    private async Task<Snapshot> BuildAsync(CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var fingerprint = await FingerprintAsync(ct).ConfigureAwait(false);
        var list = new List<IndexedEvent>();
        await foreach (var e in store.StreamEventsAsync(new EventQuery { Limit = null }, ct).ConfigureAwait(false))
        {
            list.Add(new IndexedEvent(e, Affiliations(e.Json), EventMapping.PlaceNameAr(e.Json)));
        }

        return new Snapshot(list, at, fingerprint);
    }

    private async Task<string> FingerprintAsync(CancellationToken ct)
    {
        var stats = await store.GetStatsAsync(ct).ConfigureAwait(false);
        var audit = await store.GetAuditAsync(null, 1, ct).ConfigureAwait(false);
        return FormattableString.Invariant($"{stats.Documents}/{stats.Events}/{stats.MergedEvents}/{(audit.Count > 0 ? audit[0].Id : 0)}");
    }

    /// <summary>The store's WHERE clause, in memory (equality on the indexed columns).</summary>
    public static bool Matches(StoredEvent e, EventQuery q) =>
        (q.EventType is not { Length: > 0 } t || e.EventType == t)
        && (q.SubEventType is not { Length: > 0 } st || e.SubEventType == st)
        && (q.Actor is not { Length: > 0 } a || e.Actor1Id == a || e.Actor2Id == a || e.Actor1Name == a || e.Actor2Name == a)
        && (q.Place is not { Length: > 0 } p || e.PlaceId == p || e.PlaceName == p || e.Admin1 == p || e.Admin2 == p)
        && (q.Admin1 is not { Length: > 0 } a1 || e.Admin1 == a1)
        && (q.DateFrom is not { } f || (e.Date is { } d1 && d1 >= f))
        && (q.DateTo is not { } to || (e.Date is { } d2 && d2 <= to))
        && (q.Outlet is not { Length: > 0 } o || e.Outlet == o)
        && (q.Status is not { } s || e.Status == s)
        && (q.DocumentId is not { Length: > 0 } doc || e.DocumentId == doc);

    /// <summary>The store's list order: newest first (date descending, undated last), then id descending.</summary>
    public static IEnumerable<IndexedEvent> NewestFirst(IEnumerable<IndexedEvent> events) =>
        events.OrderByDescending(e => e.Event.Date.HasValue).ThenByDescending(e => e.Event.Date).ThenByDescending(e => e.Event.Id, StringComparer.Ordinal);

    /// <summary>Associated actors (assoc_actor_1/2) are affiliated with the main actor of their side.</summary>
    private static IReadOnlyList<(string, string, string)> Affiliations(string json)
    {
        if (!json.Contains("assoc_actor", StringComparison.Ordinal))
        {
            return [];
        }

        var list = new List<(string, string, string)>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            var e = doc.RootElement;
            foreach (var (main, assoc) in new[] { ("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2") })
            {
                if (e.TryGetProperty(main, out var m) && m.ValueKind == JsonValueKind.Object
                    && m.TryGetProperty("id", out var mid) && mid.ValueKind == JsonValueKind.String && mid.GetString() is { } mainId
                    && e.TryGetProperty(assoc, out var arr) && arr.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in arr.EnumerateArray())
                    {
                        if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("id", out var aid) && aid.ValueKind == JsonValueKind.String
                            && aid.GetString() is { } assocId && assocId != mainId)
                        {
                            var name = a.TryGetProperty("name", out var an) && an.ValueKind == JsonValueKind.String ? an.GetString()! : assocId;
                            list.Add((assocId, name, mainId));
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // An event whose JSON cannot be read has no affiliations to show.
        }

        return list;
    }
}
