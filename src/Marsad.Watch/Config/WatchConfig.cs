namespace Marsad.Watch.Config;

/// <summary>One outlet to follow: a feed URL, or a section page whose feed is found from its <c>&lt;link rel="alternate"&gt;</c>.</summary>
/// <param name="Url">Absolute http(s) URL; also the source's id in the store.</param>
/// <param name="Outlet">Outlet name given to its documents (else the feed's title, else the page's site name).</param>
/// <param name="Language">The outlet's language (BCP 47; <c>ar</c> by default).</param>
/// <param name="Interval">Time between polls.</param>
/// <param name="FullArticle">Fetch the page behind each item (feeds often carry only a summary).</param>
public sealed record WatchSource(Uri Url, string? Outlet, string Language, TimeSpan Interval, bool FullArticle)
{
    public string Id => Url.AbsoluteUri;
}

/// <summary>
/// An alert rule: an event matches when every condition given holds (event type, sub-event type, an actor by id or
/// name, a place by id or name, a governorate (admin1), a minimum of fatalities). A rule with no condition is invalid.
/// </summary>
public sealed record AlertRule(string Name, string? EventType, string? SubEventType, string? Actor, string? Place, string? Admin1, int? MinFatalities);

/// <summary>How the watcher behaves on the network.</summary>
/// <param name="Timeout">Whole-request limit (headers and body).</param>
/// <param name="MaxBytes">Largest response body accepted (after decompression).</param>
/// <param name="MinDelay">Least time between two requests to the same host (robots.txt's Crawl-delay raises it).</param>
/// <param name="MaxRedirects">Redirects followed per request.</param>
/// <param name="Retries">Retries within one poll after an error, 429 or 503.</param>
/// <param name="RetryBaseDelay">First retry delay (exponential with jitter after it).</param>
/// <param name="MaxRetryDelay">A Retry-After longer than this is not waited for within the poll: the source is due again after it.</param>
/// <param name="MaxBackoff">Longest wait between polls of a failing source.</param>
public sealed record HttpPoliteness(
    TimeSpan Timeout,
    long MaxBytes,
    TimeSpan MinDelay,
    int MaxRedirects,
    int Retries,
    TimeSpan RetryBaseDelay,
    TimeSpan MaxRetryDelay,
    TimeSpan MaxBackoff)
{
    public static HttpPoliteness Default { get; } = new(
        TimeSpan.FromSeconds(30), 10 * 1024 * 1024, TimeSpan.FromSeconds(2), 5, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromHours(6));
}

/// <summary>A sources file: whom to follow, how politely, and what to alert on.</summary>
/// <param name="Contact">Who runs this watcher (an e-mail or URL), named in the User-Agent.</param>
/// <param name="AlertsFile">JSON Lines file alerts are appended to (relative paths are relative to the sources file).</param>
/// <param name="Webhook">Optional URL each alert is POSTed to as JSON.</param>
public sealed record WatchConfig(
    string Contact,
    IReadOnlyList<WatchSource> Sources,
    IReadOnlyList<AlertRule> Alerts,
    string? AlertsFile,
    Uri? Webhook,
    HttpPoliteness Http)
{
    /// <summary>The User-Agent sent with every request: Marsad, its version, and the operator's contact.</summary>
    public string UserAgent => $"Marsad/{typeof(WatchConfig).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"} (+{Contact})";
}
