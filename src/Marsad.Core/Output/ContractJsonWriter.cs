using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Annotations;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Output;

/// <summary>
/// Writes one annotated document as the contract's JSON object (../shared/contract/README.md).
/// Field names here are the contract: add, never rename or drop.
/// </summary>
public static class ContractJsonWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static JsonWriterOptions Options => WriterOptions;

    public static string ToJson(AnnotatedDocument doc)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(w, doc);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, AnnotatedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(doc);
        var d = doc.Document;
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteStartObject("source");
        w.WriteString("path", d.Source.Path);
        w.WriteString("url", d.Source.Url);
        w.WriteString("outlet", d.Source.Outlet);
        w.WriteString("title", d.Source.Title);
        WriteDate(w, "published", d.Source.Published);
        w.WriteEndObject();

        w.WriteStartArray("entities");
        foreach (var m in doc.Mentions)
        {
            WriteMention(w, m);
        }

        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in doc.Events)
        {
            WriteEvent(w, e);
        }

        w.WriteEndArray();

        w.WriteStartArray("warnings");
        foreach (var warning in doc.Warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string TypeName(EntityType type) => type switch
    {
        EntityType.Place => "place",
        EntityType.Actor => "actor",
        EntityType.Person => "person",
        EntityType.Date => "date",
        EntityType.Quantity => "quantity",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string AttributionKindName(AttributionKind kind) => kind switch
    {
        AttributionKind.Outlet => "outlet",
        AttributionKind.Correspondent => "correspondent",
        AttributionKind.NamedSource => "named_source",
        AttributionKind.AnonymousSource => "anonymous_source",
        AttributionKind.OfficialStatement => "official_statement",
        AttributionKind.OtherOutlet => "other_outlet",
        AttributionKind.Unattributed => "unattributed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void WriteMention(Utf8JsonWriter w, Mention m)
    {
        w.WriteStartObject();
        w.WriteString("type", TypeName(m.Type));
        w.WriteString("text", m.Text);
        w.WriteNumber("start", m.Start);
        w.WriteNumber("end", m.End);
        w.WritePropertyName("ref");
        WriteRef(w, m.Ref);
        w.WriteString("annotator", m.Annotator);
        w.WriteNumber("confidence", Math.Round(m.Confidence, 3));
        w.WriteEndObject();
    }

    public static void WriteRef(Utf8JsonWriter w, EntityRef? r)
    {
        ArgumentNullException.ThrowIfNull(w);
        switch (r)
        {
            case null:
                w.WriteNullValue();
                break;
            case PlaceRef p:
                WritePlace(w, p, p.GeoPrecision, includePrecision: true);
                break;
            case ActorRef a:
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("name", a.Name);
                w.WriteNumber("inter", a.Inter);
                if (a.NameAr is not null)
                {
                    w.WriteString("name_ar", a.NameAr);
                }

                if (a.Country is not null)
                {
                    w.WriteString("country", a.Country);
                }

                if (a.Affiliation is not null)
                {
                    w.WriteString("affiliation", a.Affiliation);
                }

                if (a.Provisional)
                {
                    // An unlisted group named by the text's own pattern: an analyst should check it in review.
                    w.WriteBoolean("provisional", true);
                }

                w.WriteEndObject();
                break;
            case PersonRef p:
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("name", p.Name);
                w.WriteString("role", p.Role);
                if (p.ActorId is not null)
                {
                    w.WriteString("actor_id", p.ActorId);
                }

                w.WriteEndObject();
                break;
            case DateRef d:
                w.WriteStartObject();
                WriteDate(w, "value", d.Value);
                w.WriteNumber("time_precision", d.TimePrecision);
                w.WriteString("kind", d.Kind);
                if (d.RangeEnd is { } end)
                {
                    WriteDate(w, "range_end", end);
                }

                w.WriteEndObject();
                break;
            case QuantityRef q:
                w.WriteStartObject();
                w.WriteNumber("value", q.Value);
                if (q.Count is { } count)
                {
                    w.WriteNumber("count", count);
                }
                else
                {
                    // A vague count: value is only the lower bound; there is no number to count.
                    w.WriteNull("count");
                }

                w.WriteString("qualifier", q.Qualifier);
                if (q.ConventionNote is not null)
                {
                    w.WriteString("convention", q.ConventionNote);
                }
                w.WriteString("noun", q.Noun);
                if (q.NounLemma is not null)
                {
                    w.WriteString("noun_lemma", q.NounLemma);
                }

                w.WriteEndObject();
                break;
            default:
                throw new NotSupportedException($"No JSON form for {r.GetType().Name}.");
        }
    }

    public static void WritePlace(Utf8JsonWriter w, PlaceRef p, int geoPrecision, bool includePrecision)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        w.WriteString("name_ar", p.NameAr);
        w.WriteNumber("latitude", Math.Round(p.Latitude, 5));
        w.WriteNumber("longitude", Math.Round(p.Longitude, 5));
        if (includePrecision)
        {
            w.WriteNumber("geo_precision", geoPrecision);
        }

        w.WriteString("country", p.Country);
        w.WriteString("admin1", p.Admin1);
        w.WriteString("admin2", p.Admin2);
        w.WriteString("admin3", p.Admin3);
        w.WriteString("kind", p.Kind);
        if (p.Pcode is not null)
        {
            w.WriteString("pcode", p.Pcode);
        }

        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, ExtractedEvent e)
    {
        w.WriteStartObject();
        w.WriteString("event_type", e.EventType);
        w.WriteString("sub_event_type", e.SubEventType);
        w.WriteStartArray("tags");
        foreach (var t in e.Tags)
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
        WriteDate(w, "date", e.Date);
        w.WriteNumber("time_precision", EventPrecision.Of(e));
        WriteActor(w, "actor1", e.Actor1);
        WriteActor(w, "actor2", e.Actor2);
        WriteActors(w, "assoc_actor_1", e.AssocActors1);
        WriteActors(w, "assoc_actor_2", e.AssocActors2);
        w.WritePropertyName("location");
        if (e.Location is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WritePlace(w, e.Location.Place, e.Location.GeoPrecision, includePrecision: true);
        }

        if (e.Fatalities is { } f)
        {
            w.WriteNumber("fatalities", f);
        }
        else
        {
            w.WriteNull("fatalities");
        }

        // Added field (contract: add, never rename): the figure is inferred, not told by the text.
        w.WriteBoolean("fatalities_inferred", e.FatalitiesInferred);
        w.WriteStartObject("attribution");
        w.WriteString("kind", AttributionKindName(e.Attribution.Kind));
        w.WriteString("text", e.Attribution.Text);
        if (e.Attribution.Span is { } s)
        {
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
        }

        if (e.Attribution.SourceName is not null)
        {
            w.WriteString("source_name", e.Attribution.SourceName);
        }

        w.WriteEndObject();
        w.WriteStartArray("evidence");
        foreach (var ev in e.Evidence)
        {
            w.WriteStartObject();
            w.WriteNumber("start", ev.Start);
            w.WriteNumber("end", ev.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("trigger");
        w.WriteNumber("start", e.Trigger.Start);
        w.WriteNumber("end", e.Trigger.End);
        w.WriteEndObject();
        w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
        w.WriteStartArray("notes");
        foreach (var n in e.Notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        w.WriteString("fatality_basis", EventDecision.SnakeCase(e.FatalityBasis.ToString()));
        w.WriteStartArray("decisions");
        foreach (var d in e.Decisions)
        {
            w.WriteStartObject();
            w.WriteString("stage", d.StageName);
            w.WriteString("reason", d.ReasonName);
            if (d.Detail is not null)
            {
                w.WriteString("detail", d.Detail);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter w, string name, EventActor? a)
    {
        w.WritePropertyName(name);
        WriteActorValue(w, a);
    }

    private static void WriteActorValue(Utf8JsonWriter w, EventActor? a)
    {
        if (a is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("name", a.Name);
        w.WriteNumber("inter", a.Inter);
        if (a.Text is not null)
        {
            w.WriteString("text", a.Text);
        }

        if (a.Span is { } s)
        {
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
        }

        w.WriteEndObject();
    }

    private static void WriteActors(Utf8JsonWriter w, string name, IEnumerable<EventActor> actors)
    {
        w.WriteStartArray(name);
        foreach (var a in actors)
        {
            WriteActorValue(w, a);
        }

        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
