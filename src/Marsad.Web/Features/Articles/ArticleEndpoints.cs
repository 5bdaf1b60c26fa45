using Marsad.Store;
using Marsad.Web.Features.Events;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Articles;

/// <summary>An article: its original text, entities (spans) and the events found in it.</summary>
internal static class ArticleEndpoints
{
    public static void MapArticleEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/articles/{id}", async (string id, IMarsadStore store, CancellationToken ct) =>
        {
            var doc = await store.GetDocumentAsync(id, ct).ConfigureAwait(false);
            if (doc is null)
            {
                return ApiErrors.NotFound();
            }

            return Results.Json(new
            {
                document = EventDetailDto.Doc(doc.Summary),
                text = doc.Text,
                entities = doc.Entities.Select(e => new { e.Type, e.Text, e.Start, e.End, e.RefId, e.RefName }),
                events = doc.Events.Select(e => new { summary = EventMapping.Summary(e), evidence = Evidence(e.Json) }),
                nearDuplicates = doc.NearDuplicates,
                warnings = doc.Warnings,
            });
        });

        api.MapGet("/articles", async (HttpRequest req, IMarsadStore store, CancellationToken ct) =>
        {
            var q = req.Query["q"].ToString().Trim();
            if (q.Length > 0)
            {
                var r = await store.SearchAsync(new SearchQuery(q) { Limit = 50 }, ct).ConfigureAwait(false);
                return Results.Json(new
                {
                    total = r.Total,
                    totalIsLowerBound = r.TotalIsLowerBound,
                    items = r.Hits.Select(h => new
                    {
                        id = h.DocumentId, h.Title, h.Outlet, published = EventMapping.Iso(h.Published),
                        snippets = h.Snippets.Select(s => new { s.Start, s.End, s.Text, highlights = s.Highlights.Select(x => new { x.Start, x.End }) }),
                    }),
                });
            }

            var docs = await store.ListDocumentsAsync(new DocumentQuery { Limit = 100 }, ct).ConfigureAwait(false);
            return Results.Json(new { total = docs.Count, items = docs.Select(d => new { d.Id, d.Title, d.Outlet, published = EventMapping.Iso(d.Published), d.EventCount }) });
        });
    }

    /// <summary>The evidence spans of a contract event object.</summary>
    public static IReadOnlyList<object> Evidence(string json)
    {
        var list = new List<object>();
        if (EventMapping.Element(json) is { } e && e.TryGetProperty("evidence", out var ev) && ev.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var s in ev.EnumerateArray())
            {
                if (s.TryGetProperty("start", out var a) && s.TryGetProperty("end", out var b) && a.TryGetInt32(out var start) && b.TryGetInt32(out var end))
                {
                    list.Add(new { start, end });
                }
            }
        }

        return list;
    }
}
