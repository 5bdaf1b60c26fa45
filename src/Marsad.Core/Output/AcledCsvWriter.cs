using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Output;

/// <summary>
/// ACLED's export layout: one row per event, the 31 columns in ACLED's order, RFC 4180 quoting, UTF-8.
/// Choices where ACLED's codebook leaves room:
/// <list type="bullet">
/// <item>event_id_cnty: country alpha-3 (XXX when unknown) + a number from a hash of document id and event index: deterministic.</item>
/// <item>inter1/inter2: ACLED's text labels; interaction: the two inter codes, lower first (13), or inter1 then 0 (10) for a sole actor.</item>
/// <item>source: the outlet; source_scale: "National" when the outlet is known, else "Other".</item>
/// <item>fatalities: empty when unknown (Marsad never guesses a figure).</item>
/// <item>timestamp: unix seconds of the export, from the injected <see cref="TimeProvider"/>.</item>
/// </list>
/// </summary>
public sealed class AcledCsvWriter : IDocumentWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    private readonly TimeProvider _time;

    public AcledCsvWriter(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    public void Begin(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteRow(output, Columns);
    }

    public void Write(TextWriter output, AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < document.Events.Length; i++)
        {
            WriteRow(output, Row(document, i, timestamp));
        }
    }

    public void End(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Flush();
    }

    /// <summary>The 31 fields of event <paramref name="index"/> of <paramref name="document"/>.</summary>
    public static IReadOnlyList<string> Row(AnnotatedDocument document, int index, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(document);
        var e = document.Events[index];
        var place = e.Location?.Place;
        var country = AcledCountries.Find(place?.Country);
        var inter1 = e.Actor1?.Inter ?? 0;
        var inter2 = e.Actor2?.Inter ?? 0;
        var outlet = document.Document.Source.Outlet;
        return
        [
            EventId(country?.Alpha3 ?? "XXX", document.Document.Id, index),
            e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            e.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            EventPrecision.Of(e).ToString(CultureInfo.InvariantCulture),
            AcledTaxonomy.DisorderType(e.EventType),
            e.EventType,
            e.SubEventType,
            e.Actor1?.Name ?? string.Empty,
            string.Join("; ", e.AssocActors1.Select(a => a.Name)),
            AcledTaxonomy.InterLabel(inter1),
            e.Actor2?.Name ?? string.Empty,
            string.Join("; ", e.AssocActors2.Select(a => a.Name)),
            AcledTaxonomy.InterLabel(inter2),
            Interaction(inter1, inter2).ToString(CultureInfo.InvariantCulture),
            inter2 == 7 && e.EventType is AcledTaxonomy.ViolenceAgainstCivilians or AcledTaxonomy.ExplosionsRemoteViolence ? "Civilian targeting" : string.Empty,
            country?.Numeric.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            country?.Region ?? string.Empty,
            country?.Name ?? string.Empty,
            place?.Admin1 ?? string.Empty,
            place?.Admin2 ?? string.Empty,
            place?.Admin3 ?? string.Empty,
            place?.Name ?? string.Empty,
            place is null ? string.Empty : Math.Round(place.Latitude, 4).ToString(CultureInfo.InvariantCulture),
            place is null ? string.Empty : Math.Round(place.Longitude, 4).ToString(CultureInfo.InvariantCulture),
            e.Location?.GeoPrecision.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            outlet ?? string.Empty,
            outlet is null ? "Other" : "National",
            Notes(e),
            e.Fatalities?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            string.Join("; ", e.Tags),
            timestamp,
        ];
    }

    /// <summary>ACLED's interaction code: both inter codes, lower first; a sole actor's code then 0.</summary>
    public static int Interaction(int inter1, int inter2)
    {
        if (inter1 <= 0 && inter2 <= 0)
        {
            return 0;
        }

        if (inter1 <= 0 || inter2 <= 0)
        {
            return Math.Max(inter1, inter2) * 10;
        }

        return (Math.Min(inter1, inter2) * 10) + Math.Max(inter1, inter2);
    }

    public static string EventId(string alpha3, string documentId, int index)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(documentId + ":" + index.ToString(CultureInfo.InvariantCulture)), hash);
        var n = BitConverter.ToUInt32(hash[..4]) % 100_000_000;
        return alpha3 + n.ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>A short English summary built from the coded fields.</summary>
    public static string Notes(ExtractedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        sb.Append(e.Date is { } d ? "On " + d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "On an unreported date");
        if (e.Date is not null && e.TimePrecision > 1)
        {
            sb.Append(e.TimePrecision == 2 ? " (week)" : " (month)");
        }

        sb.Append(", ").Append(e.Actor1?.Name ?? "unidentified actors").Append(' ').Append(Verb(e.SubEventType));
        if (e.Actor2 is not null)
        {
            sb.Append(' ').Append(e.SubEventType == "Armed clash" ? "with " : "against ").Append(e.Actor2.Name);
        }

        if (e.Location is { } loc)
        {
            sb.Append(" in ").Append(loc.Place.Name);
            if (loc.Place.Admin1 is { } a1 && !string.Equals(a1, loc.Place.Name, StringComparison.Ordinal))
            {
                sb.Append(" (").Append(a1).Append(')');
            }
        }

        if (e.Tags.Length > 0)
        {
            sb.Append(" [").Append(string.Join(", ", e.Tags)).Append(']');
        }

        sb.Append('.');
        if (e.Fatalities is { } f)
        {
            sb.Append(' ').Append(f.ToString(CultureInfo.InvariantCulture)).Append(f == 1 ? " fatality." : " fatalities.");
        }

        sb.Append(" Source: ").Append(AttributionPhrase(e.Attribution.Kind)).Append('.');
        return sb.ToString();
    }

    private static string Verb(string subEventType) => subEventType switch
    {
        "Armed clash" => "clashed",
        "Government regains territory" => "regained territory",
        "Non-state actor overtakes territory" => "took over territory",
        "Air/drone strike" => "carried out an air/drone strike",
        "Shelling/artillery/missile attack" => "shelled",
        "Remote explosive/landmine/IED" => "detonated an explosive",
        "Suicide bomb" => "carried out a suicide bombing",
        "Grenade" => "threw a grenade",
        "Chemical weapon" => "used a chemical weapon",
        "Attack" => "attacked",
        "Abduction/forced disappearance" => "abducted people",
        "Sexual violence" => "committed sexual violence",
        "Peaceful protest" => "protested peacefully",
        "Protest with intervention" => "protested and were dispersed",
        "Excessive force against protesters" => "faced excessive force",
        "Violent demonstration" => "demonstrated violently",
        "Mob violence" => "engaged in mob violence",
        "Agreement" => "reached or pursued an agreement",
        "Arrests" => "made arrests",
        "Change to group/activity" => "changed its activity",
        "Disrupted weapons use" => "disrupted weapons use",
        "Headquarters or base established" => "established a base",
        "Looting/property destruction" => "looted or destroyed property",
        "Non-violent transfer of territory" => "transferred territory",
        _ => "was involved in a development",
    };

    private static string AttributionPhrase(AttributionKind kind) => kind switch
    {
        AttributionKind.Outlet => "the outlet",
        AttributionKind.Correspondent => "the outlet's correspondent",
        AttributionKind.NamedSource => "a named source",
        AttributionKind.AnonymousSource => "an anonymous source",
        AttributionKind.OfficialStatement => "an official statement",
        AttributionKind.OtherOutlet => "another outlet",
        _ => "unattributed",
    };

    /// <summary>One RFC 4180 record: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF ends it.</summary>
    public static void WriteRow(TextWriter output, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            output.Write(Quote(fields[i]));
        }

        output.Write("\r\n");
    }

    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
