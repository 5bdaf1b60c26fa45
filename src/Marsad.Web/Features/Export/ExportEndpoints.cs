using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Events;
using Marsad.Store;
using Marsad.Web.Features.Events;

namespace Marsad.Web.Features.Export;

/// <summary>Exports (ACLED CSV, GeoJSON, JSONL) honouring the current filters; optionally reviewed events only.</summary>
internal static class ExportEndpoints
{
    private static readonly string[] AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "inter1", "actor2", "inter2", "admin1", "admin2", "location", "latitude", "longitude",
        "geo_precision", "source", "notes", "fatalities", "tags", "review_status",
    ];

    public static void MapExportEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/export", async (HttpContext ctx, IMarsadStore store) =>
        {
            var req = ctx.Request;
            var format = req.Query["format"].ToString();
            if (format is not ("acled-csv" or "geojson" or "jsonl"))
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ctx.Response.WriteAsJsonAsync(new { error = "format must be acled-csv, geojson or jsonl." }).ConfigureAwait(false);
                return;
            }

            var reviewedOnly = req.Query["reviewed"] == "true";
            var q = EventFilters.Parse(req.Query, defaultLimit: null) with { Limit = null, Offset = 0 };
            var (type, ext) = format switch
            {
                "acled-csv" => ("text/csv; charset=utf-8", "csv"),
                "geojson" => ("application/geo+json", "geojson"),
                _ => ("application/x-ndjson; charset=utf-8", "jsonl"),
            };
            ctx.Response.ContentType = type;
            ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"marsad-events{(reviewedOnly ? "-reviewed" : "")}.{ext}\"";
            var ct = ctx.RequestAborted;
            var w = new StreamWriter(ctx.Response.Body, new UTF8Encoding(false), 1 << 16);
            await using (w.ConfigureAwait(false))
            {
                var first = true;
                if (format == "acled-csv")
                {
                    await w.WriteLineAsync(string.Join(',', AcledColumns)).ConfigureAwait(false);
                }
                else if (format == "geojson")
                {
                    await w.WriteAsync("{\"type\":\"FeatureCollection\",\"features\":[").ConfigureAwait(false);
                }

                await foreach (var e in store.StreamEventsAsync(q, ct).ConfigureAwait(false))
                {
                    if (!Include(e, reviewedOnly, q.Status))
                    {
                        continue;
                    }

                    switch (format)
                    {
                        case "acled-csv":
                            await w.WriteLineAsync(CsvRow(e)).ConfigureAwait(false);
                            break;
                        case "geojson":
                            if (e.Latitude is null || e.Longitude is null)
                            {
                                continue;
                            }

                            await w.WriteAsync((first ? "" : ",") + Feature(e)).ConfigureAwait(false);
                            first = false;
                            break;
                        default:
                            await w.WriteLineAsync(JsonLine(e)).ConfigureAwait(false);
                            break;
                    }
                }

                if (format == "geojson")
                {
                    await w.WriteAsync("]}").ConfigureAwait(false);
                }
            }
        });

    /// <summary>Rejected and merged-away events are left out unless asked for; reviewed-only keeps accepted and edited.</summary>
    internal static bool Include(StoredEvent e, bool reviewedOnly, ReviewStatus? asked) =>
        reviewedOnly ? e.Status is ReviewStatus.Accepted or ReviewStatus.Edited
        : asked is not null || e.Status != ReviewStatus.Rejected;

    private static string Inv(FormattableString s) => FormattableString.Invariant(s);

    internal static string CsvRow(StoredEvent e)
    {
        var (inter1, inter2, tags, notes) = Extra(e.Json);
        string[] cells =
        [
            e.Id, EventMapping.Iso(e.Date) ?? "", e.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
            e.TimePrecision.ToString(CultureInfo.InvariantCulture), AcledTaxonomy.DisorderType(e.EventType), e.EventType, e.SubEventType,
            e.Actor1Name ?? "", inter1, e.Actor2Name ?? "", inter2, e.Admin1 ?? "", e.Admin2 ?? "", e.PlaceName ?? "",
            e.Latitude is { } la ? la.ToString("0.#####", CultureInfo.InvariantCulture) : "",
            e.Longitude is { } lo ? lo.ToString("0.#####", CultureInfo.InvariantCulture) : "",
            e.GeoPrecision?.ToString(CultureInfo.InvariantCulture) ?? "", e.Outlet ?? "", notes,
            e.Fatalities?.ToString(CultureInfo.InvariantCulture) ?? "", tags, EventFilters.StatusName(e.Status),
        ];
        return string.Join(',', cells.Select(Csv));
    }

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not run it.</summary>
    internal static string Csv(string v)
    {
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            v = "'" + v;
        }

        return v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static (string Inter1, string Inter2, string Tags, string Notes) Extra(string json)
    {
        if (EventMapping.Element(json) is not { } r)
        {
            return ("", "", "", "");
        }

        static string Inter(JsonElement r, string k) =>
            r.TryGetProperty(k, out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty("inter", out var i) && i.ValueKind == JsonValueKind.Number
                ? i.GetRawText() : "";
        static string Join(JsonElement r, string k) =>
            r.TryGetProperty(k, out var a) && a.ValueKind == JsonValueKind.Array
                ? string.Join("; ", a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()))
                : r.TryGetProperty(k, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";
        return (Inter(r, "actor1"), Inter(r, "actor2"), Join(r, "tags"), Join(r, "notes"));
    }

    private static string Feature(StoredEvent e)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", e.Id);
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(e.Longitude!.Value);
            w.WriteNumberValue(e.Latitude!.Value);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WritePropertyName("properties");
            using (var doc = JsonDocument.Parse(e.Json))
            {
                w.WriteStartObject();
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    p.WriteTo(w);
                }

                w.WriteString("event_id", e.Id);
                w.WriteString("document_id", e.DocumentId);
                w.WriteString("review_status", EventFilters.StatusName(e.Status));
                w.WriteString("outlet", e.Outlet);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string JsonLine(StoredEvent e)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        using (var doc = JsonDocument.Parse(e.Json))
        {
            w.WriteStartObject();
            w.WriteString("event_id", e.Id);
            w.WriteString("document_id", e.DocumentId);
            w.WriteString("review_status", EventFilters.StatusName(e.Status));
            w.WriteString("outlet", e.Outlet);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name is not ("event_id" or "document_id" or "review_status" or "outlet"))
                {
                    p.WriteTo(w);
                }
            }

            w.WriteEndObject();
        }

        _ = Inv($"");
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
