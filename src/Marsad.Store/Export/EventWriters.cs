using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marsad.Store.Export;

/// <summary>Writes stored events in one format: begun once, one call per event, ended once.</summary>
public interface IEventWriter
{
    void Begin(TextWriter output);

    /// <summary>Writes one event; <paramref name="merged"/> (when given) supplies the merged figures and sources.</summary>
    void Write(TextWriter output, StoredEvent storedEvent, MergedEvent? merged);

    void End(TextWriter output);
}

/// <summary>The event formats by the names <c>--format</c> takes.</summary>
public static class EventFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "acled-csv", "geojson"];

    public static IEventWriter Create(string name) => name switch
    {
        "jsonl" => new EventJsonLinesWriter(),
        "acled-csv" => new AcledCsvWriter(),
        "geojson" => new GeoJsonWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown format."),
    };

    internal static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    internal static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>
/// One JSON object per line: the contract's event object (current version) plus the store's fields
/// (<c>id</c>, <c>document_id</c>, <c>review_status</c>, <c>version</c>, <c>outlet</c>, <c>published</c>, <c>merged_event</c>).
/// An event of a merged event carries the merged figures, as the other formats do: <c>fatalities</c> is the merged
/// event's (the lowest stated figure), the report's own figure is kept in <c>reported_fatalities</c>, and the conflict
/// note is appended to <c>notes</c>; <c>merged_event</c> holds the merged type, sub-type, date and actors and each
/// source's figure.
/// </summary>
public sealed class EventJsonLinesWriter : IEventWriter
{
    public void Begin(TextWriter output)
    {
    }

    public void Write(TextWriter output, StoredEvent storedEvent, MergedEvent? merged)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(storedEvent);
        output.WriteLine(ToJson(storedEvent, merged));
    }

    public void End(TextWriter output)
    {
    }

    public static string ToJson(StoredEvent e, MergedEvent? merged)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, EventFormats.JsonOptions))
        {
            using var doc = JsonDocument.Parse(e.Json);
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("document_id", e.DocumentId);
            w.WriteString("review_status", e.Status.ToString().ToLowerInvariant());
            w.WriteNumber("version", e.Version);
            w.WriteString("outlet", e.Outlet);
            w.WriteString("published", e.Published is { } p ? EventFormats.Date(p) : null);
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name is "id" or "document_id" or "review_status" or "version" or "outlet" or "published" or "merged_event" or "reported_fatalities")
                {
                    continue;
                }

                if (merged is not null && prop.Name == "fatalities")
                {
                    WriteNumberOrNull(w, "fatalities", merged.Fatalities);
                    w.WritePropertyName("reported_fatalities");
                    prop.Value.WriteTo(w);
                }
                else if (merged?.ConflictNote is { } note && prop.Name == "notes" && prop.Value.ValueKind == JsonValueKind.Array)
                {
                    w.WriteStartArray("notes");
                    foreach (var n in prop.Value.EnumerateArray())
                    {
                        n.WriteTo(w);
                    }

                    w.WriteStringValue(note);
                    w.WriteEndArray();
                }
                else
                {
                    prop.WriteTo(w);
                }
            }

            if (merged?.ConflictNote is { } conflict && !doc.RootElement.TryGetProperty("notes", out _))
            {
                w.WriteStartArray("notes");
                w.WriteStringValue(conflict);
                w.WriteEndArray();
            }

            w.WritePropertyName("merged_event");
            if (merged is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartObject();
                w.WriteString("id", merged.Id);
                w.WriteString("event_type", merged.EventType);
                w.WriteString("sub_event_type", merged.SubEventType);
                w.WriteString("date", merged.Date is { } md ? EventFormats.Date(md) : null);
                w.WriteString("actor1", merged.Actor1Name);
                w.WriteString("actor2", merged.Actor2Name);
                WriteNumberOrNull(w, "fatalities", merged.Fatalities);
                w.WriteBoolean("fatalities_conflict", merged.FatalitiesConflict);
                w.WriteString("conflict_note", merged.ConflictNote);
                w.WriteNumber("source_count", merged.SourceCount);
                w.WriteNumber("outlet_count", merged.OutletCount);
                w.WriteStartArray("sources");
                foreach (var s in merged.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("event_id", s.EventId);
                    w.WriteString("document_id", s.DocumentId);
                    w.WriteString("outlet", s.Outlet);
                    w.WriteString("url", s.Url);
                    w.WriteBoolean("republication", s.Republication);
                    WriteNumberOrNull(w, "fatalities", s.Fatalities);
                    w.WriteBoolean("fatalities_inferred", s.FatalitiesInferred);
                    w.WriteString("attribution", s.Attribution.Kind);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

/// <summary>
/// ACLED's 31 public columns in ACLED's order with ACLED's value conventions — the same as
/// <c>extract --format acled-csv</c> (<see cref="Marsad.Output.AcledCsvWriter"/>): country names, inter as
/// ACLED's labels, iso numeric, region, disorder_type, civilian_targeting, source_scale, timestamp — then
/// Marsad's own (document_id, review_status, merged_event_id, source_count, outlet_count,
/// fatalities_conflict). With a merged event, <c>source</c> lists every corroborating outlet and
/// <c>fatalities</c> is the lowest figure. Cells are spreadsheet-safe (<see cref="Marsad.Output.CsvCells"/>).
/// </summary>
public sealed class AcledCsvWriter(TimeProvider? time = null) : IEventWriter
{
    /// <summary>Marsad's columns, after ACLED's.</summary>
    public static IReadOnlyList<string> MarsadColumns { get; } =
        ["document_id", "review_status", "merged_event_id", "source_count", "outlet_count", "fatalities_conflict"];

    public static IReadOnlyList<string> Columns { get; } = [.. Marsad.Output.AcledCsvWriter.Columns, .. MarsadColumns];

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private string _timestamp = string.Empty;

    public void Begin(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        output.WriteLine(string.Join(',', Columns));
    }

    public void Write(TextWriter output, StoredEvent storedEvent, MergedEvent? merged)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(storedEvent);
        var e = storedEvent;
        using var doc = JsonDocument.Parse(e.Json);
        var root = doc.RootElement;
        var inter1 = Inter(root, "actor1") ?? 0;
        var inter2 = Inter(root, "actor2") ?? 0;
        var country = Marsad.Output.AcledCountries.Find(LocationField(root, "country"));
        var sources = merged is null
            ? e.Outlet ?? string.Empty
            : string.Join("; ", merged.Sources.Where(s => !s.Republication).Select(s => s.Outlet ?? s.DocumentId).Distinct(StringComparer.Ordinal));
        var notes = new List<string>();
        if (root.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.Array)
        {
            notes.AddRange(n.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
        }

        if (merged?.ConflictNote is { } conflict)
        {
            notes.Add(conflict);
        }

        var fatalities = merged is not null ? merged.Fatalities : e.Fatalities;
        var civilianTargeting = inter2 == 7 && e.EventType is Marsad.Events.AcledTaxonomy.ViolenceAgainstCivilians or Marsad.Events.AcledTaxonomy.ExplosionsRemoteViolence;
        string[] values =
        [
            Marsad.Output.AcledCsvWriter.EventId(country?.Alpha3 ?? "XXX", e.DocumentId, e.Ordinal),
            EventFormats.Date(e.Date),
            e.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            (e.Date is null ? Marsad.Annotations.DateRef.UnknownDatePrecision : e.TimePrecision).ToString(CultureInfo.InvariantCulture),
            Marsad.Events.AcledTaxonomy.DisorderType(e.EventType),
            e.EventType,
            e.SubEventType,
            e.Actor1Name ?? string.Empty,
            Names(root, "assoc_actor_1"),
            Marsad.Events.AcledTaxonomy.InterLabel(inter1),
            e.Actor2Name ?? string.Empty,
            Names(root, "assoc_actor_2"),
            Marsad.Events.AcledTaxonomy.InterLabel(inter2),
            Marsad.Output.AcledCsvWriter.Interaction(inter1, inter2).ToString(CultureInfo.InvariantCulture),
            civilianTargeting ? "Civilian targeting" : string.Empty,
            country?.Numeric.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            country?.Region ?? string.Empty,
            country?.Name ?? string.Empty,
            e.Admin1 ?? string.Empty,
            e.Admin2 ?? string.Empty,
            LocationField(root, "admin3"),
            e.PlaceName ?? string.Empty,
            e.Latitude is { } lat ? Math.Round(lat, 4).ToString(CultureInfo.InvariantCulture) : string.Empty,
            e.Longitude is { } lon ? Math.Round(lon, 4).ToString(CultureInfo.InvariantCulture) : string.Empty,
            e.GeoPrecision?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            sources,
            e.Outlet is null && merged is null ? "Other" : "National",
            string.Join(" | ", notes),
            fatalities?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Names(root, "tags"),
            _timestamp,
            e.DocumentId,
            e.Status.ToString().ToLowerInvariant(),
            merged?.Id ?? string.Empty,
            (merged?.SourceCount ?? 1).ToString(CultureInfo.InvariantCulture),
            (merged?.OutletCount ?? 1).ToString(CultureInfo.InvariantCulture),
            merged?.FatalitiesConflict == true ? "1" : "0",
        ];
        output.WriteLine(string.Join(',', values.Select(Csv)));
    }

    public void End(TextWriter output)
    {
    }

    /// <summary>RFC 4180 quoting, spreadsheet-safe.</summary>
    public static string Csv(string value) => Marsad.Output.CsvCells.Cell(value);

    private static int? Inter(JsonElement root, string actor) =>
        root.TryGetProperty(actor, out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty("inter", out var i) && i.TryGetInt32(out var v) ? v : null;

    private static string Names(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        return string.Join("; ", arr.EnumerateArray().Select(x => x.ValueKind switch
        {
            JsonValueKind.String => x.GetString(),
            JsonValueKind.Object when x.TryGetProperty("name", out var nm) => nm.GetString(),
            _ => null,
        }).Where(s => s is not null));
    }

    internal static string LocationField(JsonElement root, string field) =>
        root.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object && l.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : string.Empty;
}

/// <summary>
/// A GeoJSON FeatureCollection of events with coordinates (points; properties are the main fields). An event of a
/// merged event carries the merged figure (<c>fatalities</c>), <c>fatalities_conflict</c> and <c>conflict_note</c>.
/// </summary>
public sealed class GeoJsonWriter : IEventWriter
{
    private bool _first = true;

    public void Begin(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("{\"type\":\"FeatureCollection\",\"features\":[");
        _first = true;
    }

    public void Write(TextWriter output, StoredEvent storedEvent, MergedEvent? merged)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(storedEvent);
        var e = storedEvent;
        if (e.Latitude is not { } lat || e.Longitude is not { } lon)
        {
            return;
        }

        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, EventFormats.JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(Math.Round(lon, 5));
            w.WriteNumberValue(Math.Round(lat, 5));
            w.WriteEndArray();
            w.WriteEndObject();
            using var doc = JsonDocument.Parse(e.Json);
            var root = doc.RootElement;
            var country = Marsad.Output.AcledCountries.Find(AcledCsvWriter.LocationField(root, "country"));
            var f = merged is not null ? merged.Fatalities : e.Fatalities;

            // The properties of extract's GeoJSON (one schema, Marsad.Output.GeoJsonWriter.PropertyNames), then the store's.
            w.WriteStartObject("properties");
            w.WriteString("event_id_cnty", Marsad.Output.AcledCsvWriter.EventId(country?.Alpha3 ?? "XXX", e.DocumentId, e.Ordinal));
            w.WriteString("document_id", e.DocumentId);
            w.WriteNull("source_path");
            w.WriteString("outlet", e.Outlet);
            w.WriteString("event_type", e.EventType);
            w.WriteString("sub_event_type", e.SubEventType);
            w.WriteString("disorder_type", Marsad.Events.AcledTaxonomy.DisorderType(e.EventType));
            w.WritePropertyName("tags");
            if (root.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
            {
                tags.WriteTo(w);
            }
            else
            {
                w.WriteStartArray();
                w.WriteEndArray();
            }

            w.WriteString("event_date", e.Date is { } d ? EventFormats.Date(d) : null);
            w.WriteNumber("time_precision", e.Date is null ? Marsad.Annotations.DateRef.UnknownDatePrecision : e.TimePrecision);
            w.WriteString("actor1", e.Actor1Name);
            w.WriteString("actor2", e.Actor2Name);
            w.WriteString("location", e.PlaceName);
            w.WriteString("location_ar", root.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Object && loc.TryGetProperty("name_ar", out var ar) && ar.ValueKind == JsonValueKind.String ? ar.GetString() : null);
            w.WriteString("admin1", e.Admin1);
            if (e.GeoPrecision is { } gp)
            {
                w.WriteNumber("geo_precision", gp);
            }
            else
            {
                w.WriteNull("geo_precision");
            }

            if (f is { } fv)
            {
                w.WriteNumber("fatalities", fv);
            }
            else
            {
                w.WriteNull("fatalities");
            }

            w.WriteString("attribution", e.AttributionKind);
            w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
            w.WriteString("notes", root.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array
                ? string.Join(" | ", notes.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()))
                : null);
            w.WriteString("id", e.Id);
            w.WriteString("review_status", e.Status.ToString().ToLowerInvariant());
            w.WriteString("merged_event_id", merged?.Id);
            w.WriteNumber("outlet_count", merged?.OutletCount ?? 1);
            w.WriteNumber("source_count", merged?.SourceCount ?? 1);
            w.WriteBoolean("fatalities_conflict", merged?.FatalitiesConflict == true);
            w.WriteString("conflict_note", merged?.ConflictNote);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        if (!_first)
        {
            output.Write(',');
        }

        _first = false;
        output.Write(Encoding.UTF8.GetString(ms.ToArray()));
    }

    public void End(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("]}");
    }
}

/// <summary>
/// Streams a dataset: every matching event, or (collapsed) one row per real-world event: the members of a
/// merged event appear once, as their merged event, and rejected events are left out unless asked for.
/// </summary>
public static class EventExporter
{
    public static async Task<int> WriteAsync(IQueryStore store, EventQuery query, IEventWriter writer, TextWriter output, bool collapseMerged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(output);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        writer.Begin(output);
        await foreach (var e in store.StreamEventsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is null && e.Status == ReviewStatus.Rejected)
            {
                continue;
            }

            MergedEvent? merged = null;
            if (e.MergedEventId is { } m)
            {
                if (collapseMerged && !seen.Add(m))
                {
                    continue;
                }

                merged = await store.GetMergedEventAsync(m, cancellationToken).ConfigureAwait(false);
            }

            writer.Write(output, e, merged);
            rows++;
        }

        writer.End(output);
        return rows;
    }
}
