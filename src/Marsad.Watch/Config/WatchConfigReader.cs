using System.Text.Json;

namespace Marsad.Watch.Config;

/// <summary>A sources file read: the configuration, or every problem found in it (one line each).</summary>
public sealed record WatchConfigResult(WatchConfig? Config, IReadOnlyList<string> Errors)
{
    public bool IsValid => Config is not null;
}

/// <summary>
/// Reads a sources file (JSON). Unknown keys are errors (a misspelt <c>fullArticle</c> should not pass silently).
/// <code>
/// { "contact": "analyst@example.org",
///   "sources": [ { "url": "https://outlet.example/feed", "outlet": "...", "interval": "15m", "fullArticle": true } ],
///   "alerts": [ { "name": "...", "eventType": "Battles", "admin1": "Idlib", "minFatalities": 3 } ],
///   "alertsFile": "alerts.jsonl", "webhook": "https://hooks.example/x",
///   "http": { "timeout": "30s", "maxBytes": 10485760, "minDelay": "2s", "maxRedirects": 5, "retries": 2 } }
/// </code>
/// </summary>
public static class WatchConfigReader
{
    /// <summary>The poll interval when a source gives none.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    /// <summary>The shortest poll interval accepted.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    private static readonly string[] TopKeys = ["contact", "sources", "alerts", "alertsFile", "webhook", "http"];
    private static readonly string[] SourceKeys = ["url", "outlet", "language", "interval", "fullArticle"];
    private static readonly string[] AlertKeys = ["name", "eventType", "subEventType", "actor", "place", "admin1", "governorate", "minFatalities"];
    private static readonly string[] HttpKeys = ["timeout", "maxBytes", "minDelay", "maxRedirects", "retries", "retryBaseDelay", "maxRetryDelay", "maxBackoff"];

    public static WatchConfigResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WatchConfigResult(null, [$"{path}: cannot be read: {e.Message}"]);
        }

        return Parse(json, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <param name="baseDirectory">What a relative <c>alertsFile</c> is relative to.</param>
    public static WatchConfigResult Parse(string json, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new WatchConfigResult(null, [$"not valid JSON: {e.Message}"]);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new WatchConfigResult(null, ["the sources file must be a JSON object"]);
            }

            CheckKeys(root, TopKeys, "", errors);
            var contact = Text(root, "contact", "", errors);
            if (string.IsNullOrWhiteSpace(contact))
            {
                errors.Add("contact: required (an e-mail or URL for the outlets' webmasters; it goes into the User-Agent)");
            }
            else if (contact.Any(char.IsControl) || contact.Contains('(') || contact.Contains(')'))
            {
                errors.Add("contact: must not contain control characters or parentheses");
            }

            var sources = ReadSources(root, errors);
            var alerts = ReadAlerts(root, errors);
            var http = ReadHttp(root, errors);
            string? alertsFile = Text(root, "alertsFile", "", errors) is { Length: > 0 } af ? Path.GetFullPath(af, baseDirectory) : null;
            Uri? webhook = null;
            if (Text(root, "webhook", "", errors) is { Length: > 0 } hook && !TryHttpUrl(hook, out webhook))
            {
                errors.Add($"webhook: not an absolute http(s) URL: '{hook}'");
            }

            if (alerts.Count > 0 && alertsFile is null && webhook is null)
            {
                errors.Add("alerts: given, but neither alertsFile nor webhook says where they go");
            }

            return errors.Count > 0
                ? new WatchConfigResult(null, errors)
                : new WatchConfigResult(new WatchConfig(contact!.Trim(), sources, alerts, alertsFile, webhook, http), []);
        }
    }

    private static List<WatchSource> ReadSources(JsonElement root, List<string> errors)
    {
        var sources = new List<WatchSource>();
        if (!root.TryGetProperty("sources", out var arr) || arr.ValueKind != JsonValueKind.Array || arr.GetArrayLength() == 0)
        {
            errors.Add("sources: required, a non-empty array");
            return sources;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var s in arr.EnumerateArray())
        {
            var at = $"sources[{i++}]";
            if (s.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{at}: must be an object");
                continue;
            }

            CheckKeys(s, SourceKeys, at + ".", errors);
            var urlText = Text(s, "url", at + ".", errors);
            if (!TryHttpUrl(urlText, out var url))
            {
                errors.Add($"{at}.url: required, an absolute http(s) URL (got '{urlText}')");
                continue;
            }

            var interval = DefaultInterval;
            if (Text(s, "interval", at + ".", errors) is { } iv && (!Durations.TryParse(iv, out interval) || interval < MinInterval))
            {
                errors.Add($"{at}.interval: a duration of at least {MinInterval.TotalSeconds:0}s such as '15m' or '1h' (got '{iv}')");
                continue;
            }

            var full = false;
            if (s.TryGetProperty("fullArticle", out var fa))
            {
                if (fa.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{at}.fullArticle: true or false");
                    continue;
                }

                full = fa.GetBoolean();
            }

            var source = new WatchSource(url!, Text(s, "outlet", at + ".", errors)?.Trim() is { Length: > 0 } o ? o : null, Text(s, "language", at + ".", errors) ?? "ar", interval, full);
            if (!seen.Add(source.Id))
            {
                errors.Add($"{at}.url: listed twice ({source.Id})");
                continue;
            }

            sources.Add(source);
        }

        return sources;
    }

    private static List<AlertRule> ReadAlerts(JsonElement root, List<string> errors)
    {
        var rules = new List<AlertRule>();
        if (!root.TryGetProperty("alerts", out var arr))
        {
            return rules;
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            errors.Add("alerts: must be an array");
            return rules;
        }

        var i = 0;
        foreach (var a in arr.EnumerateArray())
        {
            var at = $"alerts[{i++}]";
            if (a.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{at}: must be an object");
                continue;
            }

            CheckKeys(a, AlertKeys, at + ".", errors);
            int? min = null;
            if (a.TryGetProperty("minFatalities", out var mf))
            {
                if (mf.ValueKind != JsonValueKind.Number || !mf.TryGetInt32(out var m) || m < 0)
                {
                    errors.Add($"{at}.minFatalities: a whole number ≥ 0");
                    continue;
                }

                min = m;
            }

            var rule = new AlertRule(
                Text(a, "name", at + ".", errors) ?? at,
                Text(a, "eventType", at + ".", errors),
                Text(a, "subEventType", at + ".", errors),
                Text(a, "actor", at + ".", errors),
                Text(a, "place", at + ".", errors),
                Text(a, "admin1", at + ".", errors) ?? Text(a, "governorate", at + ".", errors),
                min);
            if (rule is { EventType: null, SubEventType: null, Actor: null, Place: null, Admin1: null, MinFatalities: null })
            {
                // A rule without conditions would alert on every event: refused rather than flooding.
                errors.Add($"{at}: gives no condition (eventType, subEventType, actor, place, admin1 or minFatalities)");
                continue;
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static HttpPoliteness ReadHttp(JsonElement root, List<string> errors)
    {
        var d = HttpPoliteness.Default;
        if (!root.TryGetProperty("http", out var h))
        {
            return d;
        }

        if (h.ValueKind != JsonValueKind.Object)
        {
            errors.Add("http: must be an object");
            return d;
        }

        CheckKeys(h, HttpKeys, "http.", errors);
        return d with
        {
            Timeout = Duration(h, "timeout", d.Timeout, errors),
            MinDelay = Duration(h, "minDelay", d.MinDelay, errors),
            RetryBaseDelay = Duration(h, "retryBaseDelay", d.RetryBaseDelay, errors),
            MaxRetryDelay = Duration(h, "maxRetryDelay", d.MaxRetryDelay, errors),
            MaxBackoff = Duration(h, "maxBackoff", d.MaxBackoff, errors),
            MaxBytes = Whole(h, "maxBytes", d.MaxBytes, 1024, errors),
            MaxRedirects = (int)Whole(h, "maxRedirects", d.MaxRedirects, 0, errors),
            Retries = (int)Whole(h, "retries", d.Retries, 0, errors),
        };
    }

    private static TimeSpan Duration(JsonElement h, string key, TimeSpan fallback, List<string> errors)
    {
        if (Text(h, key, "http.", errors) is not { } t)
        {
            return fallback;
        }

        if (!Durations.TryParse(t, out var v))
        {
            errors.Add($"http.{key}: a duration such as '30s' (got '{t}')");
            return fallback;
        }

        return v;
    }

    private static long Whole(JsonElement h, string key, long fallback, long min, List<string> errors)
    {
        if (!h.TryGetProperty(key, out var v))
        {
            return fallback;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n < min || n > int.MaxValue)
        {
            errors.Add($"http.{key}: a whole number from {min}");
            return fallback;
        }

        return n;
    }

    private static string? Text(JsonElement e, string key, string at, List<string> errors)
    {
        if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{at}{key}: must be a string");
            return null;
        }

        return v.GetString();
    }

    private static void CheckKeys(JsonElement e, string[] known, string at, List<string> errors)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
            {
                errors.Add($"{at}{p.Name}: unknown key (known: {string.Join(", ", known)})");
            }
        }
    }

    private static bool TryHttpUrl(string? text, out Uri? url)
    {
        url = null;
        if (text is null || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        url = u;
        return true;
    }
}
