using Marsad.Store;
using Marsad.Web.Features.Events;

namespace Marsad.Web.Features.Actors;

/// <summary>
/// The actor graph: actors as nodes, events between them as edges (actor1 → actor2, with count and event types), and
/// affiliation edges (an associated actor → the main actor of its side). Built like the store's
/// <see cref="IQueryStore.GetActorGraphAsync"/>, from the matching events of the in-memory index.
/// </summary>
internal static class ActorEndpoints
{
    private const int EventIdsPerEdge = 20;

    public static void MapActorEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/actors/graph", async (HttpRequest req, IMarsadStore store, EventIndex index) =>
        {
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var ct = req.HttpContext.RequestAborted;
            if (await index.ViewAsync("graph" + req.QueryString, q, Graph, ct).ConfigureAwait(false) is { } bytes)
            {
                return Results.Bytes(bytes, EventEndpoints.JsonType);
            }

            return Results.Json(Graph(await FromStoreAsync(store, q, ct).ConfigureAwait(false)));
        });

    internal static object Graph(IReadOnlyList<IndexedEvent> events)
    {
        var nodes = new SortedDictionary<string, (string Name, int? Inter, int Count)>(StringComparer.Ordinal);
        var edges = new SortedDictionary<(string, string), (List<string> Ids, Dictionary<string, int> Types)>();
        var affiliations = new HashSet<(string, string)>();
        var assocNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var x in events.OrderBy(x => x.Event.Id, StringComparer.Ordinal))
        {
            var e = x.Event;
            if (e.Actor1Id is { } a1)
            {
                nodes[a1] = nodes.TryGetValue(a1, out var n) ? n with { Count = n.Count + 1 } : (e.Actor1Name ?? a1, null, 1);
            }

            if (e.Actor2Id is { } a2)
            {
                nodes[a2] = nodes.TryGetValue(a2, out var n) ? n with { Count = n.Count + 1 } : (e.Actor2Name ?? a2, null, 1);
            }

            // An actor against itself (a self-loop) says nothing about relations between actors.
            if (e.Actor1Id is { } s && e.Actor2Id is { } t && s != t)
            {
                if (!edges.TryGetValue((s, t), out var edge))
                {
                    edges[(s, t)] = edge = ([], new Dictionary<string, int>(StringComparer.Ordinal));
                }

                edge.Ids.Add(e.Id);
                edge.Types[e.EventType] = edge.Types.GetValueOrDefault(e.EventType) + 1;
            }

            foreach (var (assocId, assocName, mainId) in x.Affiliations)
            {
                affiliations.Add((assocId, mainId));
                assocNames.TryAdd(assocId, assocName);
            }
        }

        // Associated actors that are never actor1/actor2 still appear, linked by their affiliation edge.
        foreach (var (assoc, main) in affiliations)
        {
            if (nodes.ContainsKey(main) && !nodes.ContainsKey(assoc))
            {
                nodes[assoc] = (assocNames[assoc], null, 0);
            }
        }

        return new
        {
            nodes = nodes.Select(n => new ActorNode(n.Key, n.Value.Name, n.Value.Inter, n.Value.Count)).ToList(),
            edges = edges.Select(x => new
            {
                source = x.Key.Item1,
                target = x.Key.Item2,
                count = x.Value.Ids.Count,
                eventIds = x.Value.Ids.Take(EventIdsPerEdge).ToList(),
                types = x.Value.Types,
            }).ToList(),
            affiliations = affiliations.Where(p => nodes.ContainsKey(p.Item1) && nodes.ContainsKey(p.Item2)).Select(p => new { source = p.Item1, target = p.Item2 }).ToList(),
        };
    }

    private static async Task<List<IndexedEvent>> FromStoreAsync(IMarsadStore store, EventQuery q, CancellationToken ct)
    {
        var list = new List<IndexedEvent>();
        await foreach (var e in store.StreamEventsAsync(q, ct).ConfigureAwait(false))
        {
            list.Add(new IndexedEvent(e, []));
        }

        return list;
    }
}
