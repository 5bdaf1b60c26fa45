using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Events;

namespace Marsad.Web.Features.Review;

/// <summary>
/// A reviewer's changes to an event. Only fields present (non-null) are changed; <see cref="Clear"/> names fields
/// to set to null (e.g. fatalities unknown, actor2 none).
/// </summary>
internal sealed record EventEditRequest
{
    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    public string? Date { get; init; }

    public int? TimePrecision { get; init; }

    public int? Fatalities { get; init; }

    public string? Actor1 { get; init; }

    public int? Inter1 { get; init; }

    /// <summary>The catalogue id of a picked actor 1 (kept with the new name; a typed name clears the id).</summary>
    public string? Actor1Id { get; init; }

    public string? Actor2Id { get; init; }

    /// <summary>The gazetteer id of a picked place (kept with the new name; a typed name clears the id).</summary>
    public string? PlaceId { get; init; }

    public string? Actor2 { get; init; }

    public int? Inter2 { get; init; }

    public string? Location { get; init; }

    public string? Admin1 { get; init; }

    public string? Admin2 { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public int? GeoPrecision { get; init; }

    public string? AttributionKind { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<string>? Clear { get; init; }

    public string? Comment { get; init; }
}

/// <summary>Applies an <see cref="EventEditRequest"/> to a contract event object, validating against the contract.</summary>
internal static class EventEdit
{
    private static readonly HashSet<string> AttributionKinds =
        ["outlet", "correspondent", "named_source", "anonymous_source", "official_statement", "other_outlet", "unattributed"];

    private static readonly HashSet<string> Clearable = ["fatalities", "actor2", "date", "location", "tags", "notes"];

    public static string Apply(string currentJson, EventEditRequest edit)
    {
        var node = JsonNode.Parse(currentJson) as JsonObject ?? throw new FormatException("The stored event is not a JSON object.");
        var type = edit.EventType ?? (string?)node["event_type"];
        var sub = edit.SubEventType ?? (string?)node["sub_event_type"];
        if (edit.EventType is not null && edit.SubEventType is null && type is not null && sub is not null && !AcledTaxonomy.IsValid(type, sub))
        {
            sub = AcledTaxonomy.SubTypes.TryGetValue(type, out var subs) ? subs[0] : sub;
        }

        if (type is null || sub is null || !AcledTaxonomy.IsValid(type, sub))
        {
            throw new FormatException($"'{type}' / '{sub}' is not an ACLED event type / sub-event type pair.");
        }

        node["event_type"] = type;
        node["sub_event_type"] = sub;
        if (edit.Date is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new FormatException("date must be YYYY-MM-DD.");
            }

            node["date"] = date;
        }

        if (edit.TimePrecision is { } tp)
        {
            node["time_precision"] = tp is >= 1 and <= 3 ? tp : throw new FormatException("time_precision must be 1, 2 or 3.");
        }

        if (edit.Fatalities is { } f)
        {
            node["fatalities"] = f >= 0 ? f : throw new FormatException("fatalities must be 0 or more.");
        }

        SetActor(node, "actor1", edit.Actor1, edit.Inter1, edit.Actor1Id);
        SetActor(node, "actor2", edit.Actor2, edit.Inter2, edit.Actor2Id);
        if (edit.Location is not null || edit.Admin1 is not null || edit.Admin2 is not null || edit.Latitude is not null || edit.Longitude is not null || edit.GeoPrecision is not null)
        {
            var loc = node["location"] as JsonObject ?? [];
            node["location"] = loc;
            if (edit.Location is { } name)
            {
                if (!string.Equals((string?)loc["name"], name, StringComparison.Ordinal))
                {
                    loc["id"] = null;
                }

                loc["name"] = name;
                if (edit.PlaceId is { Length: > 0 } pid)
                {
                    loc["id"] = pid;
                }
            }

            if (edit.Admin1 is { } a1) loc["admin1"] = a1;
            if (edit.Admin2 is { } a2) loc["admin2"] = a2;
            if (edit.Latitude is { } lat) loc["latitude"] = lat is >= -90 and <= 90 ? lat : throw new FormatException("latitude out of range.");
            if (edit.Longitude is { } lon) loc["longitude"] = lon is >= -180 and <= 180 ? lon : throw new FormatException("longitude out of range.");
            if (edit.GeoPrecision is { } gp) loc["geo_precision"] = gp is >= 1 and <= 3 ? gp : throw new FormatException("geo_precision must be 1, 2 or 3.");
        }

        if (edit.AttributionKind is { } kind)
        {
            if (!AttributionKinds.Contains(kind))
            {
                throw new FormatException($"Unknown attribution kind '{kind}'.");
            }

            var att = node["attribution"] as JsonObject ?? [];
            att["kind"] = kind;
            node["attribution"] = att;
        }

        if (edit.Tags is { } tags)
        {
            node["tags"] = new JsonArray([.. tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (JsonNode?)JsonValue.Create(t.Trim()))]);
        }

        if (edit.Notes is { } notes)
        {
            node["notes"] = notes;
        }

        foreach (var c in edit.Clear ?? [])
        {
            if (!Clearable.Contains(c))
            {
                throw new FormatException($"'{c}' cannot be cleared.");
            }

            node[c] = null;
        }

        return node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void SetActor(JsonObject node, string key, string? name, int? inter, string? id)
    {
        if (name is null && inter is null)
        {
            return;
        }

        var a = node[key] as JsonObject ?? [];
        node[key] = a;
        if (name is not null)
        {
            if (!string.Equals((string?)a["name"], name, StringComparison.Ordinal))
            {
                a["id"] = null;
            }

            a["name"] = name;
            if (id is { Length: > 0 })
            {
                a["id"] = id;
            }
        }

        if (inter is { } i)
        {
            a["inter"] = i is >= 0 and <= 8 ? i : throw new FormatException("inter must be 0–8.");
        }
    }
}
