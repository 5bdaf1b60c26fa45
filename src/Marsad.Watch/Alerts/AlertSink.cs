using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Microsoft.Extensions.Logging;

namespace Marsad.Watch.Alerts;

/// <summary>One alert: which rule an event of a newly stored document matched, and the event's main facts.</summary>
public sealed record Alert(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("document_id")] string DocumentId,
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("sub_event_type")] string SubEventType,
    [property: JsonPropertyName("date")] DateOnly? Date,
    [property: JsonPropertyName("place")] string? Place,
    [property: JsonPropertyName("admin1")] string? Admin1,
    [property: JsonPropertyName("actor1")] string? Actor1,
    [property: JsonPropertyName("actor2")] string? Actor2,
    [property: JsonPropertyName("fatalities")] int? Fatalities,
    [property: JsonPropertyName("outlet")] string? Outlet,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("title")] string? Title);

/// <summary>Whether an event matches a rule: every condition the rule gives must hold (text compared ignoring case).</summary>
public static class AlertMatcher
{
    public static bool Matches(AlertRule rule, ExtractedEvent e)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(e);
        var place = e.Location?.Place;
        return (rule.EventType is null || Same(rule.EventType, e.EventType))
            && (rule.SubEventType is null || Same(rule.SubEventType, e.SubEventType))
            && (rule.Actor is null || ActorsOf(e).Any(a => Same(rule.Actor, a.Id) || Same(rule.Actor, a.Name)))
            && (rule.Place is null || (place is not null && (Same(rule.Place, place.Id) || Same(rule.Place, place.Name) || Same(rule.Place, place.NameAr))))
            && (rule.Admin1 is null || (place is not null && Same(rule.Admin1, place.Admin1)))
            && (rule.MinFatalities is null || e.Fatalities >= rule.MinFatalities);
    }

    private static IEnumerable<EventActor> ActorsOf(ExtractedEvent e)
    {
        if (e.Actor1 is { } a1)
        {
            yield return a1;
        }

        if (e.Actor2 is { } a2)
        {
            yield return a2;
        }

        foreach (var a in e.AssocActors1.Concat(e.AssocActors2))
        {
            yield return a;
        }
    }

    private static bool Same(string wanted, string? actual) =>
        actual is not null && string.Equals(wanted.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Raises alerts for newly stored documents: a line per alert appended to the JSON Lines file, and a POST of the same
/// JSON to the webhook when one is configured (a failed POST is logged; the file keeps the alert).
/// </summary>
public sealed partial class AlertSink(WatchConfig config, PoliteHttpClient http, TimeProvider time, ILogger logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly SemaphoreSlim _file = new(1, 1);

    /// <summary>Alerts for <paramref name="document"/>'s events (its events' ids are the store's: document id and ordinal).</summary>
    public IReadOnlyList<Alert> Match(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var alerts = new List<Alert>();
        if (config.Alerts.Count == 0)
        {
            return alerts;
        }

        var src = document.Document.Source;
        for (var i = 0; i < document.Events.Length; i++)
        {
            var e = document.Events[i];
            foreach (var rule in config.Alerts.Where(r => AlertMatcher.Matches(r, e)))
            {
                alerts.Add(new Alert(
                    time.GetUtcNow(),
                    rule.Name,
                    Store.StoreIds.EventId(document.Document.Id, i),
                    document.Document.Id,
                    e.EventType,
                    e.SubEventType,
                    e.Date,
                    e.Location?.Place.Name,
                    e.Location?.Place.Admin1,
                    e.Actor1?.Name,
                    e.Actor2?.Name,
                    e.Fatalities,
                    src.Outlet,
                    src.Url ?? src.Path,
                    src.Title));
            }
        }

        return alerts;
    }

    public async Task RaiseAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            var json = JsonSerializer.Serialize(alert, Json);
            if (config.AlertsFile is { } path)
            {
                await _file.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await File.AppendAllTextAsync(path, json + "\n", ct).ConfigureAwait(false);
                }
                finally
                {
                    _file.Release();
                }
            }

            LogAlert(logger, alert.Rule, alert.EventId, alert.Url);
            if (config.Webhook is { } hook)
            {
                var r = await http.PostJsonAsync(hook, json, ct).ConfigureAwait(false);
                if (!r.IsOk)
                {
                    LogWebhookFailed(logger, alert.EventId, r.Describe());
                }
            }
        }
    }

    public void Dispose() => _file.Dispose();

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "alert {Rule} for event {EventId} ({Url})")]
    private static partial void LogAlert(ILogger logger, string rule, string eventId, string? url);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "webhook POST for event {EventId} failed: {Error}")]
    private static partial void LogWebhookFailed(ILogger logger, string eventId, string error);
}
