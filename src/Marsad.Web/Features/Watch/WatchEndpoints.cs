using System.Globalization;
using Marsad.Store;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Watch;

/// <summary>
/// <c>GET /api/watch?since=ISO</c>: each watched source's status (last poll and success, last error, failures in a row,
/// next due, documents today and in all) and how many events were stored since <c>since</c> (the page's last visit).
/// </summary>
internal static class WatchEndpoints
{
    public static void MapWatchEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/watch", async (string? since, IMarsadStore store, TimeProvider clock, CancellationToken ct) =>
        {
            DateTimeOffset? from = null;
            if (!string.IsNullOrEmpty(since))
            {
                if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                {
                    return ApiErrors.BadRequest("since must be an ISO 8601 time.");
                }

                from = s;
            }

            var now = clock.GetUtcNow();
            var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            var sources = await store.GetWatchStatusAsync(dayStart, ct).ConfigureAwait(false);
            long? newEvents = from is { } f ? await store.CountEventsSinceAsync(f, ct).ConfigureAwait(false) : null;
            return Results.Json(new
            {
                now,
                newEventsSince = newEvents,
                sources = sources.Select(s => new
                {
                    id = s.State.SourceId,
                    outlet = s.State.Outlet,
                    feedUrl = s.State.FeedUrl,
                    lastPoll = s.State.LastPoll,
                    lastSuccess = s.State.LastSuccess,
                    lastError = s.State.LastError,
                    failures = s.State.Failures,
                    nextDue = s.State.NextDue,
                    documentsToday = s.DocumentsToday,
                    documentsTotal = s.DocumentsTotal,
                }),
            });
        });
}
