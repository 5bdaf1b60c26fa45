using System.Collections.Concurrent;
using System.Data.Common;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Watch.Alerts;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Marsad.Watch.Polling;
using Microsoft.Extensions.Logging;

namespace Marsad.Watch;

/// <summary>
/// Follows the configured sources: each round polls the sources that are due (their state is in the store, so a
/// restarted watcher carries on where the last one stopped), several hosts at once, one host's sources in turn.
/// <see cref="RunAsync"/> repeats rounds until cancelled (SIGTERM); <see cref="PollDueAsync"/> is one round (<c>--once</c>).
/// All waiting is on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class Watcher : IDisposable
{
    /// <summary>Hosts polled at the same time.</summary>
    public const int MaxParallelSources = 4;

    /// <summary>The longest sleep between rounds (the sources file's intervals are usually shorter).</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(10);

    private readonly WatchConfig _config;
    private readonly IMarsadStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AlertSink _alerts;
    private readonly SemaphoreSlim _extraction = new(1, 1);
    private readonly SourcePoller _poller;

    public Watcher(WatchConfig config, IMarsadStore store, Func<Document, AnnotatedDocument> extract, PoliteHttpClient http, TimeProvider time, ILogger logger, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _config = config;
        _store = store;
        _time = time;
        _logger = logger;
        _alerts = new AlertSink(config, http, time, logger);
        _poller = new SourcePoller(config, store, extract, http, _alerts, time, logger, random ?? new Random(), _extraction);
    }

    /// <summary>One round: every source due now is polled once.</summary>
    public async Task<WatchRound> PollDueAsync(CancellationToken cancellationToken)
    {
        var states = (await _store.ListWatchSourcesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        var due = _config.Sources.Where(s => !states.TryGetValue(s.Id, out var st) || st.NextDue <= now).ToList();
        var polls = new ConcurrentBag<PollOutcome>();
        // Hosts in parallel; one host's sources one after the other, so two feeds of an outlet that list the same
        // item never race for it (the second sees it stored), and the host's requests never interleave.
        await Parallel.ForEachAsync(
            due.GroupBy(s => s.Url.Host, StringComparer.OrdinalIgnoreCase),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSources, CancellationToken = cancellationToken },
            async (host, ct) =>
            {
                foreach (var source in host)
                {
                    var state = states.GetValueOrDefault(source.Id) ?? WatchSourceState.New(source.Id, source.Outlet, now);
                    try
                    {
                        polls.Add(await _poller.PollAsync(source, state, ct).ConfigureAwait(false));
                    }
                    catch (DbException e)
                    {
                        // The store refused (busy, full disk): the source stays due and is tried next round.
                        LogStoreError(_logger, source.Id, e.Message);
                        polls.Add(new PollOutcome(source.Id, false, 0, 0, 0, 0, 0, 0, 0, 0, "store error: " + e.Message, _time.GetUtcNow() + source.Interval));
                    }
                }
            }).ConfigureAwait(false);

        var nextDue = _config.Sources
            .Select(s => polls.FirstOrDefault(p => p.SourceId == s.Id)?.NextDue ?? (states.TryGetValue(s.Id, out var st) ? st.NextDue : now))
            .DefaultIfEmpty(now + MaxSleep)
            .Min();
        return new WatchRound([.. polls.OrderBy(p => p.SourceId, StringComparer.Ordinal)], nextDue);
    }

    /// <summary>Rounds until <paramref name="cancellationToken"/> is cancelled; returns normally then (graceful shutdown).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogStarted(_logger, _config.Sources.Count, _config.UserAgent);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var round = await PollDueAsync(cancellationToken).ConfigureAwait(false);
                var sleep = round.NextDue - _time.GetUtcNow();
                sleep = sleep < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : sleep > MaxSleep ? MaxSleep : sleep;
                await Task.Delay(sleep, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: every committed batch stays, the poll in flight is repeated by the next run.
        }

        LogStopped(_logger);
    }

    public void Dispose()
    {
        _alerts.Dispose();
        _extraction.Dispose();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "watching {Sources} sources as {UserAgent}")]
    private static partial void LogStarted(ILogger logger, int sources, string userAgent);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "store error while polling {Source}: {Error}")]
    private static partial void LogStoreError(ILogger logger, string source, string error);
}
