using System.Globalization;
using Marsad.Documents;
using Marsad.Inputs;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Ingest;

/// <summary>Ingest from the browser: uploaded files or pasted text (multipart form).</summary>
internal static class IngestEndpoints
{
    private const int MaxFiles = 50;

    public static void MapIngestEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/ingest", async (HttpRequest req, IngestService ingest, TimeProvider clock) =>
        {
            if (!req.HasFormContentType)
            {
                return ApiErrors.BadRequest("Send a multipart form with files or text.");
            }

            var form = await req.ReadFormAsync(req.HttpContext.RequestAborted).ConfigureAwait(false);
            DateOnly? published = null;
            var pub = form["published"].ToString().Trim();
            if (pub.Length > 0)
            {
                if (!DateOnly.TryParseExact(pub, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return ApiErrors.BadRequest("published must be YYYY-MM-DD.");
                }

                published = d;
            }

            var outlet = Opt(form["outlet"]);
            var ct = req.HttpContext.RequestAborted;
            if (form.Files.Count > MaxFiles)
            {
                return ApiErrors.BadRequest($"At most {MaxFiles} files per request.");
            }

            if (form.Files.Count > 0)
            {
                var items = await ingest.IngestFilesAsync([.. form.Files], new InputDefaults(outlet, published), ct).ConfigureAwait(false);
                return Results.Json(new { items });
            }

            var text = form["text"].ToString();
            var url = Opt(form["url"]);
            var path = url ?? "pasted-" + clock.GetUtcNow().ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture);
            var result = await ingest.IngestTextAsync(text, new DocumentSource(path, url, outlet, Opt(form["title"]), published), ct).ConfigureAwait(false);
            return Results.Json(new { items = result });
        }).DisableAntiforgery();

        api.MapGet("/ingest/rejections", async (Marsad.Store.IMarsadStore store, CancellationToken ct) =>
            Results.Json(new { items = await store.ListRejectionsAsync(100, ct).ConfigureAwait(false) }));
    }

    private static string? Opt(Microsoft.Extensions.Primitives.StringValues v)
    {
        var s = v.ToString().Trim();
        return s.Length == 0 ? null : s;
    }
}
