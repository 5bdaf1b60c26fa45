using System.Text.Json;
using Marsad.Store;

namespace Marsad.Web.Features.Events;

internal sealed record ActorDto(string? Id, string Name, int? Inter = null, string? NameAr = null);

internal sealed record PlaceDto(string? Id, string Name, string? NameAr, string? Admin1, string? Admin2, double? Lat, double? Lon, int? GeoPrecision);

internal sealed record EventSummaryDto(
    string Id,
    string DocumentId,
    string EventType,
    string SubEventType,
    string? Date,
    int TimePrecision,
    int? Fatalities,
    string Status,
    ActorDto? Actor1,
    ActorDto? Actor2,
    PlaceDto? Location,
    string? Outlet,
    string? Published,
    double Confidence,
    string AttributionKind,
    string? MergedEventId,
    int Version);

/// <summary>One map marker with what its popup shows (actors, sub-type, outlet) and its geo-precision (marker style).</summary>
internal sealed record MapItemDto(
    string Id, double Lat, double Lon, string Type, int? Fatalities, string? Date, string? Place,
    string? PlaceAr, int? GeoPrecision, string SubType, ActorDto? Actor1, ActorDto? Actor2, string? Outlet)
{
    public static MapItemDto From(StoredEvent e, string? placeAr) =>
        new(e.Id, e.Latitude!.Value, e.Longitude!.Value, e.EventType, e.Fatalities, EventMapping.Iso(e.Date), e.PlaceName, placeAr, e.GeoPrecision, e.SubEventType,
            e.Actor1Name is null ? null : new ActorDto(e.Actor1Id, e.Actor1Name),
            e.Actor2Name is null ? null : new ActorDto(e.Actor2Id, e.Actor2Name),
            e.Outlet);
}

internal static class EventMapping
{
    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static EventSummaryDto Summary(StoredEvent e)
    {
        string? placeAr = null;
        int? inter1 = null, inter2 = null;
        string? a1Ar = null, a2Ar = null;
        try
        {
            using var doc = JsonDocument.Parse(e.Json);
            var r = doc.RootElement;
            placeAr = Prop(r, "location", "name_ar");
            inter1 = Num(r, "actor1", "inter");
            inter2 = Num(r, "actor2", "inter");
            a1Ar = Prop(r, "actor1", "name_ar");
            a2Ar = Prop(r, "actor2", "name_ar");
        }
        catch (JsonException)
        {
            // The indexed columns are enough for a summary.
        }

        return new EventSummaryDto(
            e.Id,
            e.DocumentId,
            e.EventType,
            e.SubEventType,
            Iso(e.Date),
            e.TimePrecision,
            e.Fatalities,
            EventFilters.StatusName(e.Status),
            e.Actor1Name is null ? null : new ActorDto(e.Actor1Id, e.Actor1Name, inter1, a1Ar),
            e.Actor2Name is null ? null : new ActorDto(e.Actor2Id, e.Actor2Name, inter2, a2Ar),
            e.PlaceName is null && e.Latitude is null ? null : new PlaceDto(e.PlaceId, e.PlaceName ?? "", placeAr, e.Admin1, e.Admin2, e.Latitude, e.Longitude, e.GeoPrecision),
            e.Outlet,
            Iso(e.Published),
            e.Confidence,
            e.AttributionKind,
            e.MergedEventId,
            e.Version);
    }

    /// <summary>The location's <c>name_ar</c> in a contract event object, or null.</summary>
    public static string? PlaceNameAr(string json)
    {
        if (!json.Contains("\"name_ar\"", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return Prop(doc.RootElement, "location", "name_ar");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Prop(JsonElement r, string obj, string name) =>
        r.TryGetProperty(obj, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    private static int? Num(JsonElement r, string obj, string name) =>
        r.TryGetProperty(obj, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)
            ? i : null;

    /// <summary>Parses stored JSON for echoing to the client (as a JSON value, never as markup).</summary>
    public static JsonElement? Element(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
