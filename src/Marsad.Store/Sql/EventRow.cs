using System.Globalization;
using System.Text.Json;

namespace Marsad.Store.Sql;

/// <summary>The indexed columns of one event, read from its contract JSON object (machine or edited).</summary>
internal sealed record EventRow(
    string EventType,
    string SubEventType,
    string? Date,
    int TimePrecision,
    string? Actor1Id,
    string? Actor1Name,
    int? Actor1Inter,
    string? Actor2Id,
    string? Actor2Name,
    int? Actor2Inter,
    string? PlaceId,
    string? PlaceName,
    string? Admin1,
    string? Admin2,
    double? Latitude,
    double? Longitude,
    int? GeoPrecision,
    int? Fatalities,
    string AttributionKind,
    double Confidence,
    string? Country = null,
    bool FatalitiesInferred = false)
{
    public static EventRow FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return FromElement(doc.RootElement);
    }

    public static EventRow FromElement(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An event must be a JSON object.");
        }

        var type = Str(e, "event_type") ?? throw new FormatException("event_type is required.");
        var sub = Str(e, "sub_event_type") ?? throw new FormatException("sub_event_type is required.");
        var date = Str(e, "date");
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new FormatException($"date must be YYYY-MM-DD, got '{date}'.");
        }

        Obj(e, "actor1", out var a1);
        Obj(e, "actor2", out var a2);
        Obj(e, "location", out var loc);
        Obj(e, "attribution", out var att);
        return new EventRow(
            type,
            sub,
            date,
            Int(e, "time_precision") ?? 3,
            a1 is { } x1 ? Str(x1, "id") : null,
            a1 is { } y1 ? Str(y1, "name") : null,
            a1 is { } z1 ? Int(z1, "inter") : null,
            a2 is { } x2 ? Str(x2, "id") : null,
            a2 is { } y2 ? Str(y2, "name") : null,
            a2 is { } z2 ? Int(z2, "inter") : null,
            loc is { } l1 ? Str(l1, "id") : null,
            loc is { } l2 ? Str(l2, "name") : null,
            loc is { } l3 ? Str(l3, "admin1") : null,
            loc is { } l4 ? Str(l4, "admin2") : null,
            loc is { } l5 ? Dbl(l5, "latitude") : null,
            loc is { } l6 ? Dbl(l6, "longitude") : null,
            loc is { } l7 ? Int(l7, "geo_precision") : null,
            Int(e, "fatalities"),
            att is { } t ? Str(t, "kind") ?? "unattributed" : "unattributed",
            Dbl(e, "confidence") ?? 0.5,
            loc is { } l8 ? Str(l8, "country") : null,
            e.TryGetProperty("fatalities_inferred", out var inferred) && inferred.ValueKind == JsonValueKind.True);
    }

    private static bool Obj(JsonElement e, string name, out JsonElement? value)
    {
        value = e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;
        return value is not null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Dbl(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
