using System.Globalization;
using Marsad.Events;
using Marsad.Store;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Events;

/// <summary>Event list, map points, timeline, facets, event detail with sources and evidence.</summary>
internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/events", async (HttpRequest req, IMarsadStore store, EventIndex index) =>
        {
            var q = EventFilters.Parse(req.Query);
            var ct = req.HttpContext.RequestAborted;
            if (await index.FilterAsync(q, ct).ConfigureAwait(false) is { } matching)
            {
                var page = EventIndex.NewestFirst(matching).Skip(q.Offset).Take(q.Limit ?? int.MaxValue).Select(e => EventMapping.Summary(e.Event));
                return Results.Json(new { total = matching.Count, items = page });
            }

            var result = await store.QueryEventsAsync(q, ct).ConfigureAwait(false);
            return Results.Json(new { total = result.Total, items = result.Items.Select(EventMapping.Summary) });
        });

        api.MapGet("/events/map", async (HttpRequest req, IMarsadStore store, EventIndex index) =>
        {
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var ct = req.HttpContext.RequestAborted;
            if (await index.ViewAsync("map" + req.QueryString, q, m => MapView(m.Select(x => x.Event)), ct).ConfigureAwait(false) is { } bytes)
            {
                return Results.Bytes(bytes, JsonType);
            }

            return Results.Json(MapView(await FromStoreAsync(store, q, ct).ConfigureAwait(false)));
        });

        api.MapGet("/events/timeline", async (HttpRequest req, IMarsadStore store, EventIndex index) =>
        {
            var week = req.Query["bucket"] == "week";
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var ct = req.HttpContext.RequestAborted;
            if (await index.ViewAsync("timeline" + req.QueryString, q, m => TimelineView(m.Select(x => x.Event), week), ct).ConfigureAwait(false) is { } bytes)
            {
                return Results.Bytes(bytes, JsonType);
            }

            return Results.Json(TimelineView(await FromStoreAsync(store, q, ct).ConfigureAwait(false), week));
        });

        api.MapGet("/facets", async (HttpRequest req, EventIndex index, EmbeddedAssets assets) =>
        {
            var snap = await index.CurrentAsync(req.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Json(Facets.For(snap, assets));
        });

        api.MapGet("/events/{id}", async (string id, IMarsadStore store, CancellationToken ct) =>
        {
            var d = await store.GetEventAsync(id, ct).ConfigureAwait(false);
            if (d is null)
            {
                return ApiErrors.NotFound();
            }

            var doc = await store.GetDocumentAsync(d.Event.DocumentId, ct).ConfigureAwait(false);
            return Results.Json(EventDetailDto.From(d, doc));
        });

        api.MapGet("/events/{id}/audit", async (string id, IMarsadStore store, CancellationToken ct) =>
        {
            var audit = await store.GetAuditAsync(id, 200, ct).ConfigureAwait(false);
            return Results.Json(new { items = audit.Select(AuditDto.From) });
        });
    }

    public const string JsonType = "application/json; charset=utf-8";

    private static object MapView(IEnumerable<StoredEvent> events) => new
    {
        items = events.Where(e => e.Latitude is not null && e.Longitude is not null)
            .Select(e => new MapItemDto(e.Id, e.Latitude!.Value, e.Longitude!.Value, e.EventType, e.Fatalities, EventMapping.Iso(e.Date), e.PlaceName))
            .ToList(),
    };

    private static object TimelineView(IEnumerable<StoredEvent> events, bool week)
    {
        var buckets = new SortedDictionary<DateOnly, Dictionary<string, int>>();
        foreach (var e in events)
        {
            if (e.Date is not { } d)
            {
                continue;
            }

            var key = week ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) : d;
            if (!buckets.TryGetValue(key, out var counts))
            {
                buckets[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            counts[e.EventType] = counts.GetValueOrDefault(e.EventType) + 1;
        }

        return new { bucket = week ? "week" : "day", buckets = Fill(buckets, week) };
    }

    private static async Task<List<StoredEvent>> FromStoreAsync(IMarsadStore store, EventQuery q, CancellationToken ct)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in store.StreamEventsAsync(q, ct).ConfigureAwait(false))
        {
            list.Add(e);
        }

        return list;
    }

    /// <summary>The matching events: from the in-memory index, or streamed from the store for full-text queries.</summary>
    public static async IAsyncEnumerable<StoredEvent> Matching(EventIndex index, IMarsadStore store, EventQuery q, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (await index.FilterAsync(q, ct).ConfigureAwait(false) is { } matching)
        {
            foreach (var e in matching)
            {
                yield return e.Event;
            }

            yield break;
        }

        await foreach (var e in store.StreamEventsAsync(q, ct).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    private static List<object> Fill(SortedDictionary<DateOnly, Dictionary<string, int>> buckets, bool week)
    {
        var result = new List<object>();
        if (buckets.Count == 0)
        {
            return result;
        }

        var first = buckets.Keys.First();
        var last = buckets.Keys.Last();
        var step = week ? 7 : 1;
        // Fill empty days/weeks so the time axis is even; cap the span to keep responses bounded.
        if (last.DayNumber - first.DayNumber > 3660)
        {
            first = last.AddDays(-3660);
        }

        for (var d = first; d <= last; d = d.AddDays(step))
        {
            result.Add(new { start = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), counts = buckets.GetValueOrDefault(d) ?? [] });
        }

        return result;
    }
}
