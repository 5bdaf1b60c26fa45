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
            if (await index.ViewAsync("map" + req.QueryString, q, m => MapView(m.Select(x => (x.Event, x.PlaceNameAr))), ct).ConfigureAwait(false) is { } bytes)
            {
                return Results.Bytes(bytes, JsonType);
            }

            return Results.Json(MapView((await FromStoreAsync(store, q, ct).ConfigureAwait(false)).Select(e => (e, EventMapping.PlaceNameAr(e.Json)))));
        });

        api.MapGet("/events/timeline", async (HttpRequest req, IMarsadStore store, EventIndex index) =>
        {
            if (!TimelineBuckets.TryParse(req.Query["bucket"], out var bucket))
            {
                return ApiErrors.Error(StatusCodes.Status400BadRequest, ApiErrorCode.BadFilter, "bucket must be auto, day, week or month.");
            }

            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var ct = req.HttpContext.RequestAborted;
            if (await index.ViewAsync("timeline" + req.QueryString, q, m => TimelineBuckets.View(m.Select(x => x.Event), bucket), ct).ConfigureAwait(false) is { } bytes)
            {
                return Results.Bytes(bytes, JsonType);
            }

            return Results.Json(TimelineBuckets.View(await FromStoreAsync(store, q, ct).ConfigureAwait(false), bucket));
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

    private static object MapView(IEnumerable<(StoredEvent Event, string? PlaceAr)> events)
    {
        var items = new List<MapItemDto>();
        var unplaced = 0;
        foreach (var (e, placeAr) in events)
        {
            if (e.Latitude is null || e.Longitude is null)
            {
                unplaced++;
                continue;
            }

            items.Add(MapItemDto.From(e, placeAr));
        }

        return new { items, unplaced };
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
}
