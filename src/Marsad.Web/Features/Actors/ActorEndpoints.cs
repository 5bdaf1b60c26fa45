using Marsad.Store;
using Marsad.Web.Features.Events;

namespace Marsad.Web.Features.Actors;

/// <summary>The actor graph: actors as nodes, events between them as edges (type and count).</summary>
internal static class ActorEndpoints
{
    public static void MapActorEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/actors/graph", async (HttpRequest req, IMarsadStore store) =>
        {
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var g = await store.GetActorGraphAsync(q, req.HttpContext.RequestAborted).ConfigureAwait(false);

            // Edge types: the store gives counts per actor pair; the UI also shows the event types of each pair.
            var types = new Dictionary<(string, string), Dictionary<string, int>>();
            var affiliations = new HashSet<(string, string)>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var e in store.StreamEventsAsync(q, req.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                if (e.Actor1Id is { } a && e.Actor2Id is { } b)
                {
                    if (!types.TryGetValue((a, b), out var t))
                    {
                        types[(a, b)] = t = new Dictionary<string, int>(StringComparer.Ordinal);
                    }

                    t[e.EventType] = t.GetValueOrDefault(e.EventType) + 1;
                }

                AddAffiliations(e.Json, affiliations, names);
            }

            // Associated actors that are never actor1/actor2 still appear, linked by their affiliation edge.
            var nodes = g.Nodes.ToList();
            var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (assoc, main) in affiliations)
            {
                if (ids.Contains(main) && names.TryGetValue(assoc, out var assocName) && ids.Add(assoc))
                {
                    nodes.Add(new ActorNode(assoc, assocName, null, 0));
                }
            }

            return Results.Json(new
            {
                nodes,
                edges = g.Edges.Select(x => new
                {
                    source = x.Actor1Id,
                    target = x.Actor2Id,
                    count = x.EventCount,
                    x.EventIds,
                    types = types.GetValueOrDefault((x.Actor1Id, x.Actor2Id)) ?? [],
                }),
                affiliations = affiliations.Where(p => ids.Contains(p.Item1) && ids.Contains(p.Item2)).Select(p => new { source = p.Item1, target = p.Item2 }),
            });
        });

    /// <summary>Associated actors (assoc_actor_1/2) are affiliated with the main actor of their side.</summary>
    private static void AddAffiliations(string json, HashSet<(string, string)> into, Dictionary<string, string> names)
    {
        if (EventMapping.Element(json) is not { } e)
        {
            return;
        }

        foreach (var (main, assoc) in new[] { ("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2") })
        {
            if (e.TryGetProperty(main, out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Object
                && m.TryGetProperty("id", out var mid) && mid.GetString() is { } mainId
                && e.TryGetProperty(assoc, out var arr) && arr.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var a in arr.EnumerateArray())
                {
                    if (a.ValueKind == System.Text.Json.JsonValueKind.Object && a.TryGetProperty("id", out var aid) && aid.GetString() is { } assocId && assocId != mainId)
                    {
                        into.Add((assocId, mainId));
                        if (a.TryGetProperty("name", out var an) && an.GetString() is { } assocName)
                        {
                            names.TryAdd(assocId, assocName);
                        }
                    }
                }
            }
        }
    }
}
