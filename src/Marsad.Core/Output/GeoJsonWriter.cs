using System.Globalization;
using System.Text.Json;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Output;

/// <summary>
/// A GeoJSON FeatureCollection (RFC 7946) of events: one Feature per event, a Point at its location
/// ([longitude, latitude]) or a null geometry when the place is unknown; properties carry the coded fields
/// and the document id. One collection for the whole stream.
/// </summary>
public sealed class GeoJsonWriter : IDocumentWriter
{
    private bool _any;

    public void Begin(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _any = false;
        output.Write("{\"type\":\"FeatureCollection\",\"features\":[");
    }

    public void Write(TextWriter output, AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        for (var i = 0; i < document.Events.Length; i++)
        {
            if (_any)
            {
                output.Write(',');
            }

            output.Write('\n');
            output.Write(Feature(document, i));
            _any = true;
        }
    }

    public void End(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("\n]}\n");
        output.Flush();
    }

    /// <summary>One event as a GeoJSON Feature.</summary>
    public static string Feature(AnnotatedDocument document, int index)
    {
        ArgumentNullException.ThrowIfNull(document);
        var e = document.Events[index];
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, ContractJsonWriter.Options))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WritePropertyName("geometry");
            if (e.Location is { } loc)
            {
                w.WriteStartObject();
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(Math.Round(loc.Place.Longitude, 5));
                w.WriteNumberValue(Math.Round(loc.Place.Latitude, 5));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartObject("properties");
            w.WriteString("event_id_cnty", AcledCsvWriter.EventId(AcledCountries.Find(e.Location?.Place.Country)?.Alpha3 ?? "XXX", document.Document.Id, index));
            w.WriteString("document_id", document.Document.Id);
            w.WriteString("source_path", document.Document.Source.Path);
            w.WriteString("outlet", document.Document.Source.Outlet);
            w.WriteString("event_type", e.EventType);
            w.WriteString("sub_event_type", e.SubEventType);
            w.WriteString("disorder_type", AcledTaxonomy.DisorderType(e.EventType));
            w.WriteStartArray("tags");
            foreach (var t in e.Tags)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            if (e.Date is { } d)
            {
                w.WriteString("event_date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("event_date");
            }

            w.WriteNumber("time_precision", EventPrecision.Of(e));
            w.WriteString("actor1", e.Actor1?.Name);
            w.WriteString("actor2", e.Actor2?.Name);
            w.WriteString("location", e.Location?.Place.Name);
            w.WriteString("location_ar", e.Location?.Place.NameAr);
            w.WriteString("admin1", e.Location?.Place.Admin1);
            if (e.Location is { } l)
            {
                w.WriteNumber("geo_precision", l.GeoPrecision);
            }
            else
            {
                w.WriteNull("geo_precision");
            }

            if (e.Fatalities is { } f)
            {
                w.WriteNumber("fatalities", f);
            }
            else
            {
                w.WriteNull("fatalities");
            }

            w.WriteString("attribution", ContractJsonWriter.AttributionKindName(e.Attribution.Kind));
            w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
            w.WriteString("notes", AcledCsvWriter.Notes(e));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
