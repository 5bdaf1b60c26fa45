using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marsad.Watch.Config;
using Polly;
using Polly.Retry;

namespace Marsad.Watch.Http;

/// <summary>
/// HTTP as a guest: robots.txt honoured (cached a day per origin), one request at a time per host with a minimum delay
/// between them (raised by Crawl-delay), conditional GETs, a whole-request timeout, a cap on the (decompressed) body,
/// bounded redirects, gzip/deflate/brotli, a User-Agent naming Marsad and its operator, and retries with exponential
/// backoff and jitter (Polly) after errors, 429 and 5xx, honouring a Retry-After up to <see cref="HttpPoliteness.MaxRetryDelay"/>.
/// Every wait goes through the injected <see cref="TimeProvider"/>. Building it does no I/O.
/// </summary>
public sealed class PoliteHttpClient : IDisposable
{
    /// <summary>The name robots.txt groups address Marsad by.</summary>
    public const string ProductToken = "marsad";

    /// <summary>How long a fetched robots.txt is trusted.</summary>
    public static readonly TimeSpan RobotsLifetime = TimeSpan.FromHours(24);

    /// <summary>robots.txt larger than this (RFC 9309: at least 500 KiB must be parsed) is cut there.</summary>
    internal const int MaxRobotsBytes = 512 * 1024;

    private const string FeedAccept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    private readonly HttpClient _client;
    private readonly HttpPoliteness _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<FetchResult> _retry;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _robotsLocks = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="handler">The transport (tests and benchmarks may pass their own); a <see cref="SocketsHttpHandler"/> by default.</param>
    public PoliteHttpClient(HttpPoliteness options, string userAgent, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(userAgent);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        handler ??= CreateHandler(options);
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        UserAgent = userAgent;
        var builder = new ResiliencePipelineBuilder<FetchResult> { TimeProvider = time };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<FetchResult>
            {
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                // A Retry-After longer than the poll should wait is left to the scheduler (the source is due after it).
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTransient: true } r && !(r.RetryAfter > options.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        _retry = builder.Build();
    }

    public string UserAgent { get; }

    internal static SocketsHttpHandler CreateHandler(HttpPoliteness options) => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        AllowAutoRedirect = options.MaxRedirects > 0,
        MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
    };

    /// <summary>A polite GET: robots.txt first, then the request with retries.</summary>
    public async Task<FetchResult> GetAsync(Uri url, Validators validators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var robots = await RobotsForAsync(url, cancellationToken).ConfigureAwait(false);
        if (!robots.IsAllowed(url.PathAndQuery))
        {
            return FetchResult.Failed(FetchStatus.Disallowed, url, $"disallowed by robots.txt ({url.GetLeftPart(UriPartial.Authority)}/robots.txt)");
        }

        var delay = robots.CrawlDelay is { } cd && cd > _options.MinDelay ? cd : _options.MinDelay;
        return await _retry.ExecuteAsync(
            async ct => await SendAsync(() => Get(url, validators), url, delay, _options.MaxBytes, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs JSON (an alert to the operator's webhook; robots.txt does not apply), with the same retries.</summary>
    public async Task<FetchResult> PostJsonAsync(Uri url, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(json);
        return await _retry.ExecuteAsync(
            async ct => await SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") },
                url,
                TimeSpan.Zero,
                MaxRobotsBytes,
                ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private static HttpRequestMessage Get(Uri url, Validators validators)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, url);
        req.Headers.TryAddWithoutValidation("Accept", FeedAccept);
        if (validators.ETag is { } etag)
        {
            req.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators.LastModified is { } lm)
        {
            req.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
        }

        return req;
    }

    /// <summary>The rules of <paramref name="url"/>'s origin: cached, else fetched once (one lookup per origin at a time).</summary>
    internal async Task<RobotsRules> RobotsForAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(origin, out var cached) && cached.Until > _time.GetUtcNow())
        {
            return cached.Rules;
        }

        var turn = _robotsLocks.GetOrAdd(origin, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_robots.TryGetValue(origin, out cached) && cached.Until > _time.GetUtcNow())
            {
                return cached.Rules;
            }

            var robotsUrl = new Uri(origin + "/robots.txt");
            var r = await SendAsync(() => Get(robotsUrl, Validators.None), robotsUrl, _options.MinDelay, MaxRobotsBytes, ct).ConfigureAwait(false);
            RobotsRules rules;
            if (r.IsOk)
            {
                rules = RobotsRules.Parse(Encoding.UTF8.GetString(r.Body!), ProductToken);
            }
            else if (r.Status == FetchStatus.HttpError && r.HttpStatus is >= 400 and < 500 and not 429)
            {
                // RFC 9309 2.3.1.3: robots.txt "unavailable" (4xx) means no restrictions.
                rules = RobotsRules.AllowAll;
            }
            else
            {
                // 2.3.1.4: "unreachable" (5xx, 429, no answer) means assume complete disallow; not cached, asked again next time.
                return RobotsRules.DisallowAll;
            }

            _robots[origin] = (rules, _time.GetUtcNow() + RobotsLifetime);
            return rules;
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<FetchResult> SendAsync(Func<HttpRequestMessage> request, Uri url, TimeSpan minDelay, long maxBytes, CancellationToken ct)
    {
        var gate = _hosts.GetOrAdd(url.Host, _ => new HostGate());
        await gate.EnterAsync(minDelay, _time, ct).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                using var req = request();
                using var resp = await _client.SendAsync(req, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                return await ReadAsync(resp, url, maxBytes, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return FetchResult.Failed(FetchStatus.Timeout, url, $"no complete response within {_options.Timeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException e)
            {
                return FetchResult.Failed(FetchStatus.NetworkError, url, "network error: " + e.Message);
            }
            catch (IOException e)
            {
                return FetchResult.Failed(FetchStatus.NetworkError, url, "network error reading the body: " + e.Message);
            }
        }
        finally
        {
            gate.Exit(_time.GetUtcNow());
        }
    }

    private async Task<FetchResult> ReadAsync(HttpResponseMessage resp, Uri url, long maxBytes, CancellationToken ct)
    {
        var final = resp.RequestMessage?.RequestUri ?? url;
        var status = (int)resp.StatusCode;
        var validators = new Validators(Header(resp.Headers, "ETag"), Header(resp.Content.Headers, "Last-Modified"));
        if (resp.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult(FetchStatus.NotModified, final, status, null, null, null, validators, null, null);
        }

        if (!resp.IsSuccessStatusCode)
        {
            var error = status is >= 300 and < 400 ? $"HTTP {status} (more than {_options.MaxRedirects} redirects, or a redirect without a target)" : $"HTTP {status}";
            return FetchResult.Failed(FetchStatus.HttpError, final, error, status, RetryAfter(resp.Headers.RetryAfter));
        }

        var tooLarge = $"response larger than the cap of {maxBytes:N0} bytes";
        if (resp.Content.Headers.ContentLength > maxBytes)
        {
            return FetchResult.Failed(FetchStatus.TooLarge, final, tooLarge, status);
        }

        var stream = await resp.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await ReadCappedAsync(stream, maxBytes, ct).ConfigureAwait(false);
            if (body is null)
            {
                return FetchResult.Failed(FetchStatus.TooLarge, final, tooLarge, status);
            }

            var type = resp.Content.Headers.ContentType;
            return new FetchResult(FetchStatus.Ok, final, status, body, type?.CharSet?.Trim('"', '\''), type?.MediaType, validators, null, null);
        }
    }

    /// <summary>The body, or null as soon as it passes <paramref name="maxBytes"/> (the rest is never read).</summary>
    internal static async Task<byte[]?> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            total += n;
            if (total > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
    {
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var d = date - _time.GetUtcNow();
            return d < TimeSpan.Zero ? TimeSpan.Zero : d;
        }

        return null;
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public void Dispose()
    {
        _client.Dispose();
        foreach (var g in _hosts.Values)
        {
            g.Dispose();
        }

        foreach (var l in _robotsLocks.Values)
        {
            l.Dispose();
        }
    }
}
