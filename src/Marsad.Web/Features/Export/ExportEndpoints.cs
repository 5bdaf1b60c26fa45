using Marsad.Store;
using Marsad.Store.Export;
using Marsad.Web.Features.Events;

namespace Marsad.Web.Features.Export;

/// <summary>
/// Exports (ACLED CSV, GeoJSON, JSONL) with the store's writers, honouring the current filters; optionally reviewed
/// events only (accepted or edited). Members of a merged event are written once, as their merged event, unless
/// <c>collapse=false</c>; rejected events are left out unless the status filter asks for them.
/// </summary>
internal static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/export", async (HttpContext ctx, IMarsadStore store) =>
        {
            var req = ctx.Request;
            var format = req.Query["format"].ToString();
            if (!EventFormats.Names.Contains(format))
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ctx.Response.WriteAsJsonAsync(new Infrastructure.ErrorBody("format must be " + string.Join(", ", EventFormats.Names) + ".", Infrastructure.ApiErrorCode.BadRequest), Infrastructure.WebJson.Options).ConfigureAwait(false);
                return;
            }

            var reviewedOnly = req.Query["reviewed"] == "true";
            var collapse = req.Query["collapse"] != "false";
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var (type, ext) = format switch
            {
                "acled-csv" => ("text/csv; charset=utf-8", "csv"),
                "geojson" => ("application/geo+json; charset=utf-8", "geojson"),
                _ => ("application/x-ndjson; charset=utf-8", "jsonl"),
            };
            ctx.Response.ContentType = type;
            ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"marsad-events{(reviewedOnly ? "-reviewed" : "")}.{ext}\"";
            var ct = ctx.RequestAborted;
            var writer = EventFormats.Create(format);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

            // The writers are synchronous: each piece is written to a buffer, then sent asynchronously.
            writer.Begin(buffer);
            await foreach (var e in store.StreamEventsAsync(q, ct).ConfigureAwait(false))
            {
                if (!Include(e, reviewedOnly, q.Status))
                {
                    continue;
                }

                MergedEvent? merged = null;
                if (e.MergedEventId is { } m)
                {
                    if (collapse && !seen.Add(m))
                    {
                        continue;
                    }

                    merged = await store.GetMergedEventAsync(m, ct).ConfigureAwait(false);
                }

                writer.Write(buffer, e, merged);
                if (buffer.GetStringBuilder().Length > 32_000)
                {
                    await Flush(ctx, buffer, ct).ConfigureAwait(false);
                }
            }

            writer.End(buffer);
            await Flush(ctx, buffer, ct).ConfigureAwait(false);
        });

    /// <summary>Reviewed-only keeps accepted and edited events; otherwise rejected ones are left out unless asked for.</summary>
    internal static bool Include(StoredEvent e, bool reviewedOnly, ReviewStatus? asked) =>
        reviewedOnly ? e.Status is ReviewStatus.Accepted or ReviewStatus.Edited
        : asked is not null || e.Status != ReviewStatus.Rejected;

    private static async Task Flush(HttpContext ctx, StringWriter buffer, CancellationToken ct)
    {
        var sb = buffer.GetStringBuilder();
        await ctx.Response.WriteAsync(sb.ToString(), ct).ConfigureAwait(false);
        sb.Clear();
    }
}
