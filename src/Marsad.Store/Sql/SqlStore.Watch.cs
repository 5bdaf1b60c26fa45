using System.Data.Common;
using System.Globalization;
using Dapper;
using Marsad.Pipeline;

namespace Marsad.Store.Sql;

/// <summary>The watcher's state tables (schema version 4): <c>watch_sources</c> and <c>watch_items</c>.</summary>
internal abstract partial class SqlStore
{
    private const string WatchSourceColumns = "source_id, outlet, feed_url, etag, last_modified, last_poll, last_success, last_error, failures, next_due";

    private const string WatchSourceSelect =
        "SELECT source_id AS SourceId, outlet AS Outlet, feed_url AS FeedUrl, etag AS ETag, last_modified AS LastModified, last_poll AS LastPoll, " +
        "last_success AS LastSuccess, last_error AS LastError, failures AS Failures, next_due AS NextDue FROM watch_sources";

    private const string WatchItemUpsertSql =
        "INSERT INTO watch_items (item_key, source_id, content_hash, document_id, outcome, seen_at) VALUES (@Key, @SourceId, @ContentHash, @DocumentId, @Outcome, @SeenAt) " +
        "ON CONFLICT (item_key) DO UPDATE SET source_id = excluded.source_id, content_hash = excluded.content_hash, document_id = excluded.document_id, outcome = excluded.outcome, seen_at = excluded.seen_at";

    /// <summary>Keys per lookup statement (well under SQLite's parameter limit).</summary>
    private const int WatchKeysPerStatement = 200;

    public async Task<IReadOnlyList<WatchSourceState>> ListWatchSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<WatchSourceRow>(new CommandDefinition(
            WatchSourceSelect + " ORDER BY source_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToState())];
    }

    public async Task SaveWatchSourceAsync(WatchSourceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO watch_sources ({WatchSourceColumns}) VALUES (@SourceId, @Outlet, @FeedUrl, @ETag, @LastModified, @LastPoll, @LastSuccess, @LastError, @Failures, @NextDue) " +
            "ON CONFLICT (source_id) DO UPDATE SET outlet = excluded.outlet, feed_url = excluded.feed_url, etag = excluded.etag, last_modified = excluded.last_modified, " +
            "last_poll = excluded.last_poll, last_success = excluded.last_success, last_error = excluded.last_error, failures = excluded.failures, next_due = excluded.next_due",
            WatchSourceRow.From(state),
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetWatchItemHashesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(WatchKeysPerStatement))
        {
            var p = new DynamicParameters();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@k" + i.ToString(CultureInfo.InvariantCulture);
                p.Add(names[i], chunk[i]);
            }

            var rows = await c.QueryAsync<(string Key, string Hash)>(new CommandDefinition(
                $"SELECT item_key, content_hash FROM watch_items WHERE item_key IN ({string.Join(", ", names)})", p, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var (key, hash) in rows)
            {
                found[key] = hash;
            }
        }

        return found;
    }

    public async Task RecordWatchItemsAsync(IReadOnlyList<WatchItemState> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(c, cancellationToken).ConfigureAwait(false);
        await WriteWatchItemsAsync(c, tx, items, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IngestBatchResult> IngestWatchedAsync(IReadOnlyList<AnnotatedDocument> documents, IReadOnlyList<WatchItemState> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return IngestBatchCoreAsync(documents, (c, tx, ct) => WriteWatchItemsAsync(c, tx, items, ct), cancellationToken);
    }

    private static async Task WriteWatchItemsAsync(DbConnection c, DbTransaction tx, IReadOnlyList<WatchItemState> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            await c.ExecuteAsync(new CommandDefinition(
                WatchItemUpsertSql,
                new { item.Key, item.SourceId, item.ContentHash, item.DocumentId, Outcome = item.Outcome.ToString(), SeenAt = TimeText(item.SeenAt) },
                tx,
                cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<WatchSourceStatus>> GetWatchStatusAsync(DateTimeOffset dayStart, CancellationToken cancellationToken = default)
    {
        var sources = await ListWatchSourcesAsync(cancellationToken).ConfigureAwait(false);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = (await c.QueryAsync<(string Source, long Today, long Total)>(new CommandDefinition(
                "SELECT source_id, SUM(CASE WHEN seen_at >= @day THEN 1 ELSE 0 END), COUNT(*) FROM watch_items WHERE document_id IS NOT NULL GROUP BY source_id",
                new { day = TimeText(dayStart) },
                cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Source, r => (r.Today, r.Total), StringComparer.Ordinal);
        return [.. sources.Select(s => counts.TryGetValue(s.SourceId, out var n) ? new WatchSourceStatus(s, n.Today, n.Total) : new WatchSourceStatus(s, 0, 0))];
    }

    public async Task<long> CountEventsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document_id WHERE d.ingested_at >= @since",
            new { since = TimeText(since) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The store's time text (UTC, fixed width, so text order is time order).</summary>
    private static string TimeText(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string? TimeText(DateTimeOffset? t) => t is { } v ? TimeText(v) : null;

    /// <summary>A <c>watch_sources</c> row as Dapper reads and writes it (times as text; columns aliased to these names).</summary>
    private sealed class WatchSourceRow
    {
        public string SourceId { get; set; } = "";

        public string? Outlet { get; set; }

        public string? FeedUrl { get; set; }

        public string? ETag { get; set; }

        public string? LastModified { get; set; }

        public string? LastPoll { get; set; }

        public string? LastSuccess { get; set; }

        public string? LastError { get; set; }

        public long Failures { get; set; }

        public string NextDue { get; set; } = "";

        public static WatchSourceRow From(WatchSourceState s) => new()
        {
            SourceId = s.SourceId,
            Outlet = s.Outlet,
            FeedUrl = s.FeedUrl,
            ETag = s.ETag,
            LastModified = s.LastModified,
            LastPoll = TimeText(s.LastPoll),
            LastSuccess = TimeText(s.LastSuccess),
            LastError = s.LastError,
            Failures = s.Failures,
            NextDue = TimeText(s.NextDue),
        };

        public WatchSourceState ToState() => new(
            SourceId,
            Outlet,
            FeedUrl,
            ETag,
            LastModified,
            LastPoll is null ? null : ParseTime(LastPoll),
            LastSuccess is null ? null : ParseTime(LastSuccess),
            LastError,
            (int)Failures,
            ParseTime(NextDue));
    }
}
