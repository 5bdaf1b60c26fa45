using System.Security.Cryptography;
using System.Text;
using Marsad.Documents;
using Marsad.Inputs;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Watch.Alerts;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Microsoft.Extensions.Logging;

namespace Marsad.Watch.Polling;

/// <summary>
/// Polls one source: its feed (conditional GET; a section page's feed is discovered once and remembered), then each item
/// new or changed since last time (by link and content hash), its full article page when configured (the feed's text when
/// the page has none), extraction, and storage in batches, each batch one transaction together with its items' marks.
/// The feed's validators are saved only once all its items are processed, so a poll cut short (kill -9) is repeated and
/// resumes where it stopped. Failures back off exponentially with jitter, no sooner than a Retry-After.
/// </summary>
internal sealed partial class SourcePoller(
    WatchConfig config,
    IMarsadStore store,
    Func<Document, AnnotatedDocument> extract,
    PoliteHttpClient http,
    AlertSink alerts,
    TimeProvider time,
    ILogger logger,
    Random random,
    SemaphoreSlim extraction)
{
    /// <summary>Documents per store transaction.</summary>
    internal const int BatchSize = 16;

    private readonly InputReader _reader = new();

    public async Task<PollOutcome> PollAsync(WatchSource source, WatchSourceState state, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        state = state with { LastPoll = now, Outlet = source.Outlet ?? state.Outlet };
        var feedUrl = state.FeedUrl is { } known && Uri.TryCreate(known, UriKind.Absolute, out var u) ? u : source.Url;
        var fetched = await http.GetAsync(feedUrl, new Validators(state.ETag, state.LastModified), ct).ConfigureAwait(false);
        if (fetched.Status == FetchStatus.NotModified)
        {
            return await SucceedAsync(source, state, new Validators(state.ETag, state.LastModified), Counts.None, null, ct).ConfigureAwait(false);
        }

        if (!fetched.IsOk)
        {
            return await FailAsync(source, state, fetched.Describe(), fetched.RetryAfter, ct).ConfigureAwait(false);
        }

        if (!BodyText.TryDecode(fetched.Body!, fetched.Charset, out var text, out var decodeError))
        {
            return await FailAsync(source, state, $"{fetched.Url}: {decodeError}", null, ct).ConfigureAwait(false);
        }

        if (BodyText.KindOf(text) == InputKind.Html)
        {
            // A section page: follow the feed it announces (remembered, so the page is not fetched again).
            if (BodyText.DiscoverFeed(text, fetched.Url) is not { } discovered)
            {
                return await FailAsync(source, state, $"{fetched.Url}: an HTML page announcing no RSS or Atom feed (<link rel=\"alternate\">)", null, ct).ConfigureAwait(false);
            }

            LogDiscovered(logger, source.Id, discovered.AbsoluteUri);
            state = state with { FeedUrl = discovered.AbsoluteUri, ETag = null, LastModified = null };
            fetched = await http.GetAsync(discovered, Validators.None, ct).ConfigureAwait(false);
            if (!fetched.IsOk)
            {
                return await FailAsync(source, state, fetched.Describe(), fetched.RetryAfter, ct).ConfigureAwait(false);
            }

            if (!BodyText.TryDecode(fetched.Body!, fetched.Charset, out text, out decodeError))
            {
                return await FailAsync(source, state, $"{fetched.Url}: {decodeError}", null, ct).ConfigureAwait(false);
            }
        }

        var feed = FeedReader.Read(new StringReader(text));
        if (feed.Error is not null)
        {
            return await FailAsync(source, state, $"{fetched.Url}: {feed.Error}", null, ct).ConfigureAwait(false);
        }

        var counts = await ProcessItemsAsync(source, feed, fetched.Url, ct).ConfigureAwait(false);
        // Validators only when every item is done: a deferred item makes the next poll fetch the whole feed again.
        var validators = counts.Deferred == 0 ? fetched.Validators : new Validators(state.ETag, state.LastModified);
        var note = counts.Deferred > 0 ? $"{counts.Deferred} item(s) deferred to the next poll: {counts.DeferReason}" : null;
        return await SucceedAsync(source, state, validators, counts, note, ct).ConfigureAwait(false);
    }

    private async Task<Counts> ProcessItemsAsync(WatchSource source, FeedReadResult feed, Uri feedUrl, CancellationToken ct)
    {
        // Oldest first (feeds list the newest first), so alerts come in publication order; one entry per key.
        var items = new List<FeedEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in feed.Items.Reverse())
        {
            var link = BodyText.ResolveHttp(item.Link, feedUrl);
            var hash = ItemHash(item, link);
            var key = link?.AbsoluteUri ?? $"{source.Id}#{hash}";
            if (keys.Add(key))
            {
                items.Add(new FeedEntry(item, link, key, hash));
            }
        }

        var seen = await store.GetWatchItemHashesAsync(keys, ct).ConfigureAwait(false);
        var fresh = items.Where(i => !seen.TryGetValue(i.Key, out var h) || h != i.Hash).ToList();
        var counts = Counts.None with { Items = items.Count, Fresh = fresh.Count };
        var batch = new Batch();
        foreach (var entry in fresh)
        {
            var doc = await DocumentForAsync(source, feed, entry, ct).ConfigureAwait(false);
            if (doc.DeferReason is { } why)
            {
                counts = counts with { Deferred = counts.Deferred + 1, DeferReason = counts.DeferReason ?? why };
                continue;
            }

            var mark = new WatchItemState(entry.Key, source.Id, entry.Hash, null, WatchItemOutcome.Rejected, time.GetUtcNow());
            if (doc.Document is null)
            {
                await RejectAsync(entry, doc.Rejection!, ct).ConfigureAwait(false);
                batch.Marks.Add(mark);
                counts = counts with { Rejected = counts.Rejected + 1 };
                continue;
            }

            var annotated = await ExtractAsync(doc.Document, ct).ConfigureAwait(false);
            if (annotated.Failure is { } failure)
            {
                await RejectAsync(entry, failure, ct).ConfigureAwait(false);
                batch.Marks.Add(mark);
                counts = counts with { Rejected = counts.Rejected + 1 };
                continue;
            }

            batch.Documents.Add(annotated.Document!);
            batch.Marks.Add(mark with { DocumentId = doc.Document.Id, Outcome = WatchItemOutcome.Stored });
            if (batch.Documents.Count >= BatchSize)
            {
                counts = counts.Add(await FlushAsync(batch, ct).ConfigureAwait(false));
            }
        }

        return counts.Add(await FlushAsync(batch, ct).ConfigureAwait(false));
    }

    private async Task<Counts> FlushAsync(Batch batch, CancellationToken ct)
    {
        if (batch.Marks.Count == 0)
        {
            return Counts.None;
        }

        var result = await store.IngestWatchedAsync(batch.Documents, batch.Marks, ct).ConfigureAwait(false);
        int stored = 0, updated = 0, unchanged = 0;
        var raised = new List<Alert>();
        for (var i = 0; i < result.Items.Count; i++)
        {
            switch (result.Items[i].Outcome)
            {
                case IngestOutcome.Stored:
                    stored++;
                    // Only documents new to the store alert: the same report through a second feed or link does not alert twice.
                    raised.AddRange(alerts.Match(batch.Documents[i]));
                    break;
                case IngestOutcome.Updated:
                    updated++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        batch.Documents.Clear();
        batch.Marks.Clear();
        await alerts.RaiseAsync(raised, ct).ConfigureAwait(false);
        return Counts.None with { Stored = stored, Updated = updated, Unchanged = unchanged, Alerts = raised.Count };
    }

    private async Task<ItemDocument> DocumentForAsync(WatchSource source, FeedReadResult feed, FeedEntry entry, CancellationToken ct)
    {
        var item = entry.Item;
        var outlet = source.Outlet ?? feed.FeedTitle;
        string? pageProblem = null;
        if (source.FullArticle && entry.Link is { } link)
        {
            var page = await http.GetAsync(link, Validators.None, ct).ConfigureAwait(false);
            if (page.IsTransient)
            {
                return ItemDocument.Deferred($"{link}: {page.Describe()}");
            }

            if (!page.IsOk)
            {
                pageProblem = page.Describe();
            }
            else if (!BodyText.TryDecode(page.Body!, page.Charset, out var html, out var decodeError))
            {
                pageProblem = decodeError;
            }
            else
            {
                var read = _reader.ReadText(link.AbsoluteUri, new StringReader(html), new InputDefaults(outlet, item.Published)).FirstOrDefault();
                if (read.Document is { } d)
                {
                    var s = d.Source;
                    return ItemDocument.Of(new Document(d.Text, new DocumentSource(
                        link.AbsoluteUri, s.Url ?? link.AbsoluteUri, source.Outlet ?? s.Outlet ?? outlet, item.Title ?? s.Title, item.Published ?? s.Published)));
                }

                pageProblem = read.Rejection?.Reason;
            }
        }

        if (!string.IsNullOrWhiteSpace(item.Text) && item.Text.Length <= InputLimits.DefaultMaxDocumentChars)
        {
            // The feed's own text: the configured choice, or the fallback when the page had none.
            var path = entry.Link?.AbsoluteUri ?? $"{feed.FeedTitle ?? source.Id}:item {item.Number}";
            return ItemDocument.Of(new Document(item.Text, new DocumentSource(path, entry.Link?.AbsoluteUri, outlet, item.Title, item.Published)));
        }

        return ItemDocument.Rejected(pageProblem is null ? "feed item has no text" : $"feed item has no text, and its page: {pageProblem}");
    }

    private async Task<(AnnotatedDocument? Document, string? Failure)> ExtractAsync(Document document, CancellationToken ct)
    {
        // One extraction at a time (the pipeline's components are shared); fetching goes on in parallel.
        await extraction.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return (extract(document), null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException)
        {
            return (null, "extraction failed: " + e.Message);
        }
        finally
        {
            extraction.Release();
        }
    }

    private async Task RejectAsync(FeedEntry entry, string reason, CancellationToken ct)
    {
        var input = entry.Link?.AbsoluteUri ?? entry.Key;
        LogRejected(logger, input, reason);
        await store.RecordRejectionAsync(input, reason, ct).ConfigureAwait(false);
    }

    private async Task<PollOutcome> SucceedAsync(WatchSource source, WatchSourceState state, Validators validators, Counts counts, string? note, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var next = now + source.Interval;
        await store.SaveWatchSourceAsync(
            state with { ETag = validators.ETag, LastModified = validators.LastModified, LastSuccess = now, LastError = note, Failures = 0, NextDue = next },
            ct).ConfigureAwait(false);
        LogPolled(logger, source.Id, counts.Items, counts.Fresh, counts.Stored, counts.Updated, counts.Unchanged, counts.Rejected, counts.Deferred, next);
        return new PollOutcome(source.Id, true, counts.Items, counts.Fresh, counts.Stored, counts.Updated, counts.Unchanged, counts.Rejected, counts.Deferred, counts.Alerts, note, next);
    }

    private async Task<PollOutcome> FailAsync(WatchSource source, WatchSourceState state, string error, TimeSpan? retryAfter, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failures = state.Failures + 1;
        var next = now + Backoff(source.Interval, failures, retryAfter, config.Http.MaxBackoff, random);
        await store.SaveWatchSourceAsync(state with { LastError = error, Failures = failures, NextDue = next }, ct).ConfigureAwait(false);
        LogFailed(logger, source.Id, failures, error, next);
        return new PollOutcome(source.Id, false, 0, 0, 0, 0, 0, 0, 0, 0, error, next);
    }

    /// <summary>
    /// The wait after the <paramref name="failures"/>-th failure in a row: the interval doubled per failure (the first
    /// waits one interval), at most <paramref name="maxBackoff"/> (never less than the interval), jittered by ±25 %;
    /// never sooner than the server's Retry-After.
    /// </summary>
    internal static TimeSpan Backoff(TimeSpan interval, int failures, TimeSpan? retryAfter, TimeSpan maxBackoff, Random random)
    {
        var cap = maxBackoff > interval ? maxBackoff : interval;
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var raw = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, cap.Ticks));
        var jittered = raw * (0.75 + (random.NextDouble() * 0.5));
        return retryAfter is { } ra && ra > jittered ? ra : jittered;
    }

    /// <summary>The content hash of an item as the feed gives it (title, link, date, text).</summary>
    internal static string ItemHash(FeedItem item, Uri? link)
    {
        var s = string.Join('\u001f', item.Title ?? string.Empty, link?.AbsoluteUri ?? string.Empty, item.Published?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, item.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)).AsSpan(0, 16));
    }

    private sealed record FeedEntry(FeedItem Item, Uri? Link, string Key, string Hash);

    private sealed class Batch
    {
        public List<AnnotatedDocument> Documents { get; } = [];

        public List<WatchItemState> Marks { get; } = [];
    }

    private readonly record struct ItemDocument(Document? Document, string? Rejection, string? DeferReason)
    {
        public static ItemDocument Of(Document d) => new(d, null, null);

        public static ItemDocument Rejected(string reason) => new(null, reason, null);

        public static ItemDocument Deferred(string reason) => new(null, null, reason);
    }

    private sealed record Counts(int Items, int Fresh, int Stored, int Updated, int Unchanged, int Rejected, int Deferred, int Alerts, string? DeferReason)
    {
        public static Counts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, null);

        public Counts Add(Counts o) => this with { Stored = Stored + o.Stored, Updated = Updated + o.Updated, Unchanged = Unchanged + o.Unchanged, Alerts = Alerts + o.Alerts };
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "polled {Source}: {Items} items, {Fresh} new or changed, {Stored} stored, {Updated} updated, {Unchanged} already stored, {Rejected} rejected, {Deferred} deferred; next {NextDue:O}")]
    private static partial void LogPolled(ILogger logger, string source, int items, int fresh, int stored, int updated, int unchanged, int rejected, int deferred, DateTimeOffset nextDue);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "poll of {Source} failed ({Failures} in a row): {Error}; next {NextDue:O}")]
    private static partial void LogFailed(ILogger logger, string source, int failures, string error, DateTimeOffset nextDue);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "{Source} announces the feed {Feed}")]
    private static partial void LogDiscovered(ILogger logger, string source, string feed);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "rejected {Input}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string input, string reason);
}
