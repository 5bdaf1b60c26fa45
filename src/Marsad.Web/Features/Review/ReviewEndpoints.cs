using System.Security.Claims;
using Marsad.Store;
using Marsad.Web.Features.Auth;
using Marsad.Web.Features.Catalogues;
using Marsad.Web.Features.Events;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Review;

internal sealed record ReviewComment(string? Comment);

internal sealed record MergeRequest(IReadOnlyList<string>? EventIds, string? Comment);

/// <summary>Review queue and actions; every action is audited by the store and the machine version is kept.</summary>
internal static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this RouteGroupBuilder api)
    {
        // Every review action changes events: the in-memory index is rebuilt before the next read.
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var result = await next(ctx).ConfigureAwait(false);
            if (!HttpMethods.IsGet(ctx.HttpContext.Request.Method))
            {
                ctx.HttpContext.RequestServices.GetRequiredService<EventIndex>().Invalidate();
            }

            return result;
        });

        // Ranked by what needs a human (ReviewQueue); full-text filters fall back to the store's order.
        api.MapGet("/review/queue", async (HttpRequest req, IMarsadStore store, EventIndex index, WebCatalogues catalogues) =>
        {
            var q = EventFilters.Parse(req.Query) with { Status = ReviewStatus.Unreviewed };
            var ct = req.HttpContext.RequestAborted;
            if (await index.FilterAsync(q, ct).ConfigureAwait(false) is { } matching)
            {
                var snap = await index.CurrentAsync(ct).ConfigureAwait(false);
                var ranked = ReviewQueue.Rank(snap.Events, matching, catalogues);
                return Results.Json(new { total = ranked.Count, items = ranked.Skip(q.Offset).Take(q.Limit ?? EventFilters.MaxPage) });
            }

            var page = await store.QueryEventsAsync(q, ct).ConfigureAwait(false);
            return Results.Json(new { total = page.Total, items = page.Items.Select(e => new QueueItemDto(EventMapping.Summary(e), [], 0)) });
        });

        api.MapGet("/review/{id}/candidates", async (string id, IMarsadStore store, EventIndex index, CancellationToken ct) =>
        {
            var d = await store.GetEventAsync(id, ct).ConfigureAwait(false);
            if (d is null)
            {
                return ApiErrors.NotFound();
            }

            var snap = await index.CurrentAsync(ct).ConfigureAwait(false);
            return Results.Json(new { items = ReviewQueue.Candidates(d.Event, snap.Events), km = ReviewQueue.CandidateKm, days = ReviewQueue.CandidateDays });
        });

        api.MapPost("/review/{id}/accept", (string id, ReviewComment? body, ClaimsPrincipal user, IMarsadStore store, CancellationToken ct) =>
            Act(id, store, ct, () => store.AcceptEventAsync(id, user.UserName()!, body?.Comment, ct)));

        api.MapPost("/review/{id}/reject", (string id, ReviewComment? body, ClaimsPrincipal user, IMarsadStore store, CancellationToken ct) =>
            Act(id, store, ct, () => store.RejectEventAsync(id, user.UserName()!, body?.Comment, ct)));

        api.MapPost("/review/{id}/edit", async (string id, EventEditRequest edit, ClaimsPrincipal user, IMarsadStore store, CancellationToken ct) =>
        {
            var current = await store.GetEventAsync(id, ct).ConfigureAwait(false);
            if (current is null)
            {
                return ApiErrors.NotFound();
            }

            string json;
            try
            {
                json = EventEdit.Apply(current.Event.Json, edit);
            }
            catch (FormatException e)
            {
                return ApiErrors.BadRequest(e.Message);
            }

            var saved = await store.EditEventAsync(id, user.UserName()!, json, edit.Comment, ct).ConfigureAwait(false);
            return Results.Json(EventMapping.Summary(saved));
        });

        api.MapPost("/review/merge", async (MergeRequest req, ClaimsPrincipal user, IMarsadStore store, CancellationToken ct) =>
        {
            var ids = (req.EventIds ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count < 2)
            {
                return ApiErrors.BadRequest("Merging needs at least two event ids.");
            }

            foreach (var i in ids)
            {
                if (await store.GetEventAsync(i, ct).ConfigureAwait(false) is null)
                {
                    return ApiErrors.BadRequest($"No event '{i}'.");
                }
            }

            var m = await store.MergeEventsAsync(ids, user.UserName()!, req.Comment, ct).ConfigureAwait(false);
            return Results.Json(new { id = m.Id, m.SourceCount, m.OutletCount });
        });

        api.MapGet("/review/audit", async (IMarsadStore store, CancellationToken ct) =>
        {
            var audit = await store.GetAuditAsync(null, 200, ct).ConfigureAwait(false);
            return Results.Json(new { items = audit.Select(AuditDto.From) });
        });
    }

    private static async Task<IResult> Act(string id, IMarsadStore store, CancellationToken ct, Func<Task<StoredEvent>> action)
    {
        if (await store.GetEventAsync(id, ct).ConfigureAwait(false) is null)
        {
            return ApiErrors.NotFound();
        }

        return Results.Json(EventMapping.Summary(await action().ConfigureAwait(false)));
    }
}
