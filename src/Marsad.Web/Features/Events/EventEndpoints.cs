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
        api.MapGet("/events", async (HttpRequest req, IMarsadStore store) =>
        {
            var page = await store.QueryEventsAsync(EventFilters.Parse(req.Query), req.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Json(new { total = page.Total, items = page.Items.Select(EventMapping.Summary) });
        });

        api.MapGet("/events/map", async (HttpRequest req, IMarsadStore store) =>
        {
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var items = new List<MapItemDto>();
            await foreach (var e in store.StreamEventsAsync(q, req.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                if (e.Latitude is { } lat && e.Longitude is { } lon)
                {
                    items.Add(new MapItemDto(e.Id, lat, lon, e.EventType, e.Fatalities, EventMapping.Iso(e.Date), e.PlaceName));
                }
            }

            return Results.Json(new { items });
        });

        api.MapGet("/events/timeline", async (HttpRequest req, IMarsadStore store) =>
        {
            var week = req.Query["bucket"] == "week";
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var buckets = new SortedDictionary<DateOnly, Dictionary<string, int>>();
            await foreach (var e in store.StreamEventsAsync(q, req.HttpContext.RequestAborted).ConfigureAwait(false))
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

            return Results.Json(new { bucket = week ? "week" : "day", buckets = Fill(buckets, week) });
        });

        api.MapGet("/facets", async (HttpRequest req, IMarsadStore store) =>
        {
            var outlets = new SortedSet<string>(StringComparer.Ordinal);
            var actors = new Dictionary<string, string>(StringComparer.Ordinal);
            var admin1 = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var e in store.StreamEventsAsync(new EventQuery { Limit = null }, req.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                if (e.Outlet is { } o) outlets.Add(o);
                if (e.Admin1 is { } a) admin1.Add(a);
                if (e.Actor1Name is { } n1) actors.TryAdd(n1, e.Actor1Id ?? n1);
                if (e.Actor2Name is { } n2) actors.TryAdd(n2, e.Actor2Id ?? n2);
            }

            var govs = Governorates.Load(req.HttpContext.RequestServices.GetRequiredService<EmbeddedAssets>());
            foreach (var g in govs)
            {
                admin1.Add(g.Name);
            }

            return Results.Json(new
            {
                eventTypes = AcledTaxonomy.SubTypes.Keys.Order(StringComparer.Ordinal),
                outlets,
                admin1 = admin1.Select(a => new { name = a, nameAr = govs.FirstOrDefault(g => g.Name == a)?.NameAr }),
                actors = actors.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new { id = kv.Value, name = kv.Key }),
            });
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
