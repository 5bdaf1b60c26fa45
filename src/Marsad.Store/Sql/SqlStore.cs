using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Marsad.Output;
using Marsad.Pipeline;
using Marsad.Store.Dedup;
using Marsad.Store.Merge;
using Marsad.Store.Search;

namespace Marsad.Store.Sql;

/// <summary>
/// The store over SQL, shared by SQLite and PostgreSQL: the same tables, the same parameterized statements
/// (every user value is a parameter). Dialects supply connections, migration extras, locking and full-text search.
/// </summary>
internal abstract partial class SqlStore(TimeProvider time) : IMarsadStore
{
    protected const string EventColumns =
        "id, document_id, ordinal, version, status, event_type, sub_event_type, event_date, time_precision, actor1_id, actor1_name, actor2_id, actor2_name, place_id, place_name, admin1, admin2, latitude, longitude, geo_precision, fatalities, attribution_kind, outlet, published, confidence, merged_id, json";

    private const string DocumentSummaryColumns =
        "id, path, url, outlet, title, published, ingested_at, updated_at, event_count, duplicate_of";

    protected TimeProvider Time { get; } = time;

    public abstract string Kind { get; }

    /// <summary>The newest schema version this code knows.</summary>
    public static int LatestVersion => Schema.TitleSearchVersion;

    // ---- dialect hooks -------------------------------------------------------------------------------

    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Begins a write transaction (SQLite: IMMEDIATE, so the writer lock is taken up front).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>The statements of a schema version, with placeholders replaced for this dialect.</summary>
    protected abstract IReadOnlyList<string> MigrationStatements(int version);

    /// <summary>Serializes work on <paramref name="key"/> across processes for the transaction (PostgreSQL advisory lock).</summary>
    protected abstract Task LockAsync(DbConnection connection, DbTransaction tx, string key, CancellationToken ct);

    /// <summary>Indexes (or, with <paramref name="replace"/>, re-indexes) document <paramref name="seq"/>'s title and body for search, inside the batch.</summary>
    protected abstract Task WriteFullTextAsync(BatchCommands commands, long seq, FullTextForms forms, bool replace, CancellationToken ct);

    /// <summary>SQL selecting <c>seq</c> and <c>score</c> (higher is better) of documents matching <c>@match</c>, joined as <c>d</c>.</summary>
    protected abstract string FullTextSelect { get; }

    /// <summary>Like <see cref="FullTextSelect"/> without computing a score (0).</summary>
    protected abstract string FullTextSelectUnranked { get; }

    /// <summary>Without document filters: <c>seq</c> and <c>score</c> from the full-text index alone (defaults to the joined form).</summary>
    protected virtual string FullTextOnly => FullTextSelect;

    /// <summary>Without document filters and without scores.</summary>
    protected virtual string FullTextOnlyUnranked => FullTextSelectUnranked;

    /// <summary>Above this many matching documents, search results come newest first instead of by relevance.</summary>
    public const int RankedSearchLimit = 2000;

    /// <summary>Search totals are exact up to this many matching documents (10,000), a lower bound beyond.</summary>
    internal int SearchTotalCap { get; set; } = 10_000;

    /// <summary>Runs the capped count of a search (one scalar).</summary>
    protected virtual Task<long> CountMatchesAsync(DbConnection connection, string sql, DynamicParameters parameters, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: ct));

    /// <summary>SQL selecting the ids of documents matching <c>@match</c>.</summary>
    protected abstract string FullTextDocumentIds { get; }

    /// <summary>The value of <c>@match</c> for these query terms.</summary>
    protected abstract string FullTextParameter(ImmutableArray<string> terms);

    /// <summary>Checks the schema table exists and returns the applied version (0 when none).</summary>
    protected abstract Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction tx, CancellationToken ct);

    // ---- migrations ----------------------------------------------------------------------------------

    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(LatestVersion, cancellationToken);

    /// <summary>Applies pending migrations up to <paramref name="targetVersion"/> (tests build older schemas with it).</summary>
    internal async Task<int> MigrateAsync(int targetVersion, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, LatestVersion);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(c, cancellationToken).ConfigureAwait(false);
        await LockAsync(c, tx, "marsad:migrate", cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(c, tx, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException($"The database's schema version {current} is newer than this program's ({LatestVersion}).");
        }

        for (var v = current + 1; v <= targetVersion; v++)
        {
            foreach (var sql in MigrationStatements(v))
            {
                await c.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            if (v == Schema.TitleSearchVersion)
            {
                await ReindexFullTextAsync(c, tx, cancellationToken).ConfigureAwait(false);
            }

            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)",
                new { v, at = Now() },
                tx,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max(current, targetVersion);
    }

    /// <summary>Documents read at a time by <see cref="ReindexFullTextAsync"/> (bounds its memory).</summary>
    private const int ReindexPageSize = 256;

    /// <summary>
    /// Writes every stored document's title and body into the full-text index anew, in the migration's transaction,
    /// with the forms an ingest computes (<see cref="ReportBody.Terms"/>): schema version 7 made titles searchable.
    /// </summary>
    private async Task ReindexFullTextAsync(DbConnection c, DbTransaction tx, CancellationToken ct)
    {
        await using var commands = new BatchCommands(c, tx);
        var after = long.MinValue;
        while (true)
        {
            var page = (await c.QueryAsync<(long Seq, string? Title, string Text)>(new CommandDefinition(
                "SELECT seq, title, text FROM documents WHERE seq > @after ORDER BY seq LIMIT @limit",
                new { after, limit = ReindexPageSize },
                tx,
                cancellationToken: ct)).ConfigureAwait(false)).AsList();
            if (page.Count == 0)
            {
                return;
            }

            foreach (var (seq, title, text) in page)
            {
                // The table was made anew (SQLite) or the row's tsvector is overwritten (PostgreSQL): nothing to delete.
                await WriteFullTextAsync(commands, seq, FullTextForms.Of(title, ReportBody.Terms(text).All), replace: false, ct).ConfigureAwait(false);
            }

            after = page[^1].Seq;
        }
    }

    // ---- ingest --------------------------------------------------------------------------------------

    public Task<IngestBatchResult> IngestBatchAsync(IReadOnlyList<AnnotatedDocument> documents, CancellationToken cancellationToken = default) =>
        IngestBatchCoreAsync(documents, null, cancellationToken);

    /// <summary>The batch transaction; <paramref name="beforeCommit"/> writes more rows in it (the watcher's item marks).</summary>
    private async Task<IngestBatchResult> IngestBatchCoreAsync(
        IReadOnlyList<AnnotatedDocument> documents, Func<DbConnection, DbTransaction, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var prepared = documents.Select(PreparedDocument.From).ToList();
        var results = new List<IngestItemResult>(prepared.Count);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(c, cancellationToken).ConfigureAwait(false);

        // Lock every document of the batch in a fixed order, so concurrent batches never deadlock.
        foreach (var id in prepared.Select(p => p.Id).Distinct().Order(StringComparer.Ordinal))
        {
            await LockAsync(c, tx, "doc:" + id, cancellationToken).ConfigureAwait(false);
        }

        var now = Now();
        await using (var commands = new BatchCommands(c, tx))
        {
            foreach (var p in prepared)
            {
                results.Add(await IngestOneAsync(c, tx, commands, p, now, cancellationToken).ConfigureAwait(false));
            }
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(c, tx, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestBatchResult(results);
    }

    private const string ExistingSql = "SELECT seq, content_hash FROM documents WHERE id = @id";

    private const string DocumentInsertSql =
        "INSERT INTO documents (id, content_hash, text, path, url, outlet, title, published, warnings, ingested_at, updated_at, event_count, duplicate_of) " +
        "VALUES (@id, @hash, @text, @path, @url, @outlet, @title, @published, @warnings, @now, @now, @count, @dup) RETURNING seq";

    private const string SignatureInsertSql = "INSERT INTO doc_signatures (seq, document_id, duplicate_of, signature, shingles) VALUES (@seq, @id, @dup, @sig, @shingles)";

    private const string NearDuplicateInsertSql = "INSERT INTO near_duplicates (document_id, other_id, similarity) VALUES (@a, @b, @s) ON CONFLICT DO NOTHING";

    private const string EventInsertSql =
        "INSERT INTO events (id, document_id, ordinal, version, status, event_type, sub_event_type, event_date, time_precision, actor1_id, actor1_name, actor1_inter, actor2_id, actor2_name, actor2_inter, place_id, place_name, admin1, admin2, latitude, longitude, geo_precision, fatalities, attribution_kind, outlet, published, confidence, merged_id, json, machine_json, fatalities_inferred, country) " +
        "VALUES (@id, @documentId, @ordinal, 0, @status, @EventType, @SubEventType, @Date, @TimePrecision, @Actor1Id, @Actor1Name, @Actor1Inter, @Actor2Id, @Actor2Name, @Actor2Inter, @PlaceId, @PlaceName, @Admin1, @Admin2, @Latitude, @Longitude, @GeoPrecision, @Fatalities, @AttributionKind, @outlet, @published, @Confidence, NULL, @json, @json, @FatalitiesInferred, @Country)";

    /// <summary>A new document's 16 LSH band keys, one statement (band numbers are constants of the text).</summary>
    private static readonly string BandInsertSql =
        "INSERT INTO lsh_bands (band, hash, seq) VALUES " +
        string.Join(", ", Enumerable.Range(0, MinHash.Bands).Select(b => string.Create(CultureInfo.InvariantCulture, $"({b}, @h{b}, @seq)"))) +
        " ON CONFLICT DO NOTHING";

    /// <summary>Near-duplicate candidates compared per new document (the ones sharing the most LSH bands, then the earliest).</summary>
    internal const int MaxNearDuplicateCandidates = 200;

    /// <summary>
    /// The signatures of the documents sharing at least one LSH band with a new one, in one statement: band keys
    /// and signatures are narrow rows keyed by <c>seq</c>, so the candidates' <c>documents</c> rows (text first)
    /// are never read. A republication (estimated Jaccard ≥ 0.7) shares most bands, so it ranks first.
    /// </summary>
    private static readonly string CandidateSql =
        "SELECT s.seq, s.document_id, s.signature, s.duplicate_of, s.shingles FROM doc_signatures s JOIN (SELECT seq FROM lsh_bands WHERE " +
        string.Join(" OR ", Enumerable.Range(0, MinHash.Bands).Select(b => string.Create(CultureInfo.InvariantCulture, $"(band = {b} AND hash = @h{b})"))) +
        " GROUP BY seq ORDER BY COUNT(*) DESC, seq LIMIT " + MaxNearDuplicateCandidates.ToString(CultureInfo.InvariantCulture) + ") c ON c.seq = s.seq ORDER BY s.seq";

    private async Task<IngestItemResult> IngestOneAsync(DbConnection c, DbTransaction tx, BatchCommands commands, PreparedDocument p, string now, CancellationToken ct)
    {
        (long Seq, string Hash)? existing = null;
        await using (var r = await commands.For(ExistingSql).Set("id", p.Id).ReaderAsync(ct).ConfigureAwait(false))
        {
            if (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                existing = (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1));
            }
        }

        if (existing is { } ex && ex.Hash == p.ContentHash)
        {
            return new IngestItemResult(p.Source.Path, p.Id, IngestOutcome.Unchanged, p.Events.Count, null, null);
        }

        var src = p.Source;
        long seq;
        string? duplicateOf = null;
        if (existing is { } old)
        {
            seq = old.Seq;
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE documents SET content_hash = @hash, text = @text, path = @path, url = @url, outlet = @outlet, title = @title, published = @published, warnings = @warnings, updated_at = @now, event_count = @count WHERE id = @id",
                new
                {
                    id = p.Id,
                    hash = p.ContentHash,
                    text = p.Text,
                    path = src.Path,
                    url = src.Url,
                    outlet = src.Outlet,
                    title = src.Title,
                    published = DateText(src.Published),
                    warnings = p.WarningsJson,
                    now,
                    count = p.Events.Count,
                },
                tx,
                cancellationToken: ct)).ConfigureAwait(false);
            duplicateOf = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT duplicate_of FROM documents WHERE id = @id", new { id = p.Id }, tx, cancellationToken: ct)).ConfigureAwait(false);
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM entities WHERE document_id = @id", new { id = p.Id }, tx, cancellationToken: ct)).ConfigureAwait(false);
        }
        else
        {
            var signature = p.Signature;
            var bands = MinHash.BandKeys(signature);
            (duplicateOf, var links) = await FindNearDuplicateAsync(commands, signature, p.Shingles, bands, ct).ConfigureAwait(false);
            var insert = commands.For(DocumentInsertSql)
                .Set("id", p.Id).Set("hash", p.ContentHash).Set("text", p.Text).Set("path", src.Path).Set("url", src.Url)
                .Set("outlet", src.Outlet).Set("title", src.Title).Set("published", DateText(src.Published)).Set("warnings", p.WarningsJson)
                .Set("now", now).Set("count", p.Events.Count).Set("dup", duplicateOf);
            seq = Convert.ToInt64(await insert.ScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await commands.For(SignatureInsertSql).Set("seq", seq).Set("id", p.Id).Set("dup", duplicateOf).Set("sig", MinHash.ToBytes(signature)).Set("shingles", p.Shingles)
                .ExecuteAsync(ct).ConfigureAwait(false);
            var bandInsert = commands.For(BandInsertSql).Set("seq", seq);
            for (var b = 0; b < bands.Length; b++)
            {
                bandInsert.Set(BandParameter(b), bands[b]);
            }

            await bandInsert.ExecuteAsync(ct).ConfigureAwait(false);
            foreach (var (other, sim) in links)
            {
                await commands.For(NearDuplicateInsertSql).Set("a", p.Id).Set("b", other).Set("s", sim).ExecuteAsync(ct).ConfigureAwait(false);
            }
        }

        await WriteFullTextAsync(commands, seq, p.FullText, existing is not null, ct).ConfigureAwait(false);

        await InsertEntitiesAsync(commands, p, ct).ConfigureAwait(false);
        await WriteMachineEventsAsync(c, tx, commands, p, existing is not null, ct).ConfigureAwait(false);
        return new IngestItemResult(src.Path, p.Id, existing is null ? IngestOutcome.Stored : IngestOutcome.Updated, p.Events.Count, duplicateOf, null);
    }

    private static readonly string[] BandParameters = [.. Enumerable.Range(0, MinHash.Bands).Select(b => "h" + b.ToString(CultureInfo.InvariantCulture))];

    private static string BandParameter(int band) => BandParameters[band];

    private const int EntityRowsPerStatement = 32;

    private static readonly string[] EntityInsertSql = [.. Enumerable.Range(0, EntityRowsPerStatement + 1).Select(EntityInsertText)];

    private static readonly string[][] EntityParameters =
        [.. Enumerable.Range(0, EntityRowsPerStatement).Select(k => new[] { "i", "t", "x", "s", "e", "ri", "rn", "rj" }.Select(n => n + k.ToString(CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>An insert of <paramref name="rows"/> entity rows (the text holds parameter names only).</summary>
    private static string EntityInsertText(int rows)
    {
        var sql = new StringBuilder("INSERT INTO entities (document_id, ordinal, type, text, start_offset, end_offset, ref_id, ref_name, ref_json) VALUES ");
        for (var k = 0; k < rows; k++)
        {
            var x = k.ToString(CultureInfo.InvariantCulture);
            sql.Append(k == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@d, @i{x}, @t{x}, @x{x}, @s{x}, @e{x}, @ri{x}, @rn{x}, @rj{x})");
        }

        return sql.ToString();
    }

    /// <summary>Entity rows, several per statement; one reusable statement per row count.</summary>
    private static async Task InsertEntitiesAsync(BatchCommands commands, PreparedDocument p, CancellationToken ct)
    {
        for (var from = 0; from < p.Entities.Count; from += EntityRowsPerStatement)
        {
            var n = Math.Min(EntityRowsPerStatement, p.Entities.Count - from);
            var insert = commands.For(EntityInsertSql[n]).Set("d", p.Id);
            for (var k = 0; k < n; k++)
            {
                var e = p.Entities[from + k];
                var names = EntityParameters[k];
                insert.Set(names[0], from + k).Set(names[1], e.Type).Set(names[2], e.Text).Set(names[3], e.Start).Set(names[4], e.End)
                    .Set(names[5], e.RefId).Set(names[6], e.RefName).Set(names[7], e.RefJson);
            }

            await insert.ExecuteAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<(string? DuplicateOf, List<(string Other, double Similarity)> Links)> FindNearDuplicateAsync(
        BatchCommands commands, uint[] signature, int shingles, long[] bands, CancellationToken ct)
    {
        var lookup = commands.For(CandidateSql);
        for (var b = 0; b < bands.Length; b++)
        {
            lookup.Set(BandParameter(b), bands[b]);
        }

        var links = new List<(string, double)>();
        string? duplicateOf = null;
        // Rows come in seq order: the first match is the earliest stored original, the one this republishes.
        await using var r = await lookup.ReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var other = MinHash.FromBytes((byte[])r.GetValue(2));
            var resemblance = MinHash.Compare(signature, shingles, other, r.IsDBNull(4) ? null : Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture));
            if (resemblance.IsNearDuplicate)
            {
                // The link's similarity: the estimated Jaccard, or the containment when only that links them.
                var sim = Math.Max(resemblance.Jaccard, resemblance.Jaccard >= MinHash.DuplicateThreshold ? 0 : resemblance.Containment);
                var id = r.GetString(1);
                links.Add((id, Math.Round(sim, 4)));
                duplicateOf ??= r.IsDBNull(3) ? id : r.GetString(3);
            }
        }

        return (duplicateOf, links);
    }

    private static async Task WriteMachineEventsAsync(DbConnection c, DbTransaction tx, BatchCommands commands, PreparedDocument p, bool existed, CancellationToken ct)
    {
        var reviewed = new HashSet<int>();
        if (existed)
        {
            foreach (var (ordinal, status) in await c.QueryAsync<(long, string)>(new CommandDefinition(
                "SELECT ordinal, status FROM events WHERE document_id = @d", new { d = p.Id }, tx, cancellationToken: ct)).ConfigureAwait(false))
            {
                if (status != nameof(ReviewStatus.Unreviewed))
                {
                    reviewed.Add((int)ordinal);
                }
            }

            // Unreviewed machine events are replaced; reviewed ones keep their human version (the machine's is refreshed).
            await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM events WHERE document_id = @d AND status = @s", new { d = p.Id, s = nameof(ReviewStatus.Unreviewed) }, tx, cancellationToken: ct)).ConfigureAwait(false);
        }

        var outlet = p.Source.Outlet;
        var published = DateText(p.Source.Published);
        for (var i = 0; i < p.Events.Count; i++)
        {
            var (json, row) = p.Events[i];
            var id = EventId(p.Id, i);
            if (reviewed.Contains(i))
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE events SET machine_json = @json WHERE id = @id", new { id, json }, tx, cancellationToken: ct)).ConfigureAwait(false);
                continue;
            }

            // One machine event (version 0, unreviewed).
            await commands.For(EventInsertSql)
                .Set("id", id).Set("documentId", p.Id).Set("ordinal", i).Set("status", nameof(ReviewStatus.Unreviewed))
                .Set("EventType", row.EventType).Set("SubEventType", row.SubEventType).Set("Date", row.Date).Set("TimePrecision", row.TimePrecision)
                .Set("Actor1Id", row.Actor1Id).Set("Actor1Name", row.Actor1Name).Set("Actor1Inter", row.Actor1Inter)
                .Set("Actor2Id", row.Actor2Id).Set("Actor2Name", row.Actor2Name).Set("Actor2Inter", row.Actor2Inter)
                .Set("PlaceId", row.PlaceId).Set("PlaceName", row.PlaceName).Set("Admin1", row.Admin1).Set("Admin2", row.Admin2)
                .Set("Latitude", row.Latitude).Set("Longitude", row.Longitude).Set("GeoPrecision", row.GeoPrecision).Set("Fatalities", row.Fatalities)
                .Set("AttributionKind", row.AttributionKind).Set("outlet", outlet).Set("published", published).Set("Confidence", row.Confidence).Set("json", json)
                .Set("FatalitiesInferred", row.FatalitiesInferred ? 1 : 0).Set("Country", row.Country)
                .ExecuteAsync(ct).ConfigureAwait(false);
        }
    }

    public static string EventId(string documentId, int ordinal) => StoreIds.EventId(documentId, ordinal);

    public async Task RecordRejectionAsync(string input, string reason, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO rejections (input, reason, at) VALUES (@input, @reason, @at)", new { input, reason, at = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RejectedInput>> ListRejectionsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Id, string Input, string Reason, string At)>(new CommandDefinition(
            "SELECT id, input, reason, at FROM rejections ORDER BY id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new RejectedInput(r.Id, r.Input, r.Reason, ParseTime(r.At)))];
    }

    // ---- merges --------------------------------------------------------------------------------------

    public async Task<MergeSummary> RecomputeMergesAsync(MergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MergeOptions();
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(c, cancellationToken).ConfigureAwait(false);
        await LockAsync(c, tx, "marsad:merge", cancellationToken).ConfigureAwait(false);
        var candidates = (await c.QueryAsync<MergeCandidate>(new CommandDefinition(
            "SELECT e.id AS Id, e.document_id AS DocumentId, e.event_type AS EventType, e.sub_event_type AS SubEventType, e.event_date AS Date, e.time_precision AS TimePrecision, " +
            "e.latitude AS Latitude, e.longitude AS Longitude, e.geo_precision AS GeoPrecision, e.place_id AS PlaceId, e.country AS Country, e.admin1 AS Admin1, e.admin2 AS Admin2, " +
            "e.actor1_id AS Actor1Id, e.actor1_inter AS Actor1Inter, e.actor2_id AS Actor2Id, e.fatalities AS Fatalities, e.fatalities_inferred AS FatalitiesInferred, " +
            "e.outlet AS Outlet, e.confidence AS Confidence, d.duplicate_of AS DuplicateOf, m.group_id AS ManualGroup, d.seq AS DocumentSeq, d.published AS Published " +
            "FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN manual_merges m ON m.event_id = e.id WHERE e.status <> @rejected",
            new { rejected = nameof(ReviewStatus.Rejected) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var clusters = EventMerger.Cluster(candidates, options);
        var signatures = await ClusterSignaturesAsync(c, tx, clusters, cancellationToken).ConfigureAwait(false);

        await c.ExecuteAsync(new CommandDefinition("DELETE FROM merged_sources", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM merged_events", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition("UPDATE events SET merged_id = NULL WHERE merged_id IS NOT NULL", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var members = 0;
        // Three statements, each prepared once for the whole recomputation and executed per merged event or member.
        await using (var commands = new BatchCommands(c, tx))
        {
            foreach (var cluster in clusters)
            {
                var republished = EventMerger.FindRepublications(cluster, signatures);
                var m = EventMerger.Summarize(cluster, republished);
                members += cluster.Count;
                await commands.For(MergedInsertSql)
                    .Set("Id", m.Id).Set("EventType", m.EventType).Set("SubEventType", m.SubEventType).Set("Date", m.Date)
                    .Set("Actor1Source", m.Actor1Source).Set("Actor2Source", m.Actor2Source).Set("Fatalities", m.Fatalities)
                    .Set("Conflict", m.FatalitiesConflict ? 1 : 0).Set("ConflictNote", m.ConflictNote).Set("SourceCount", m.SourceCount)
                    .Set("OutletCount", m.OutletCount).Set("Representative", m.Representative)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                foreach (var e in cluster)
                {
                    await commands.For(MergedSourceInsertSql).Set("m", m.Id).Set("e", e.Id).Set("r", EventMerger.IsRepublication(e, republished) ? 1 : 0)
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    await commands.For(MergedIdUpdateSql).Set("m", m.Id).Set("e", e.Id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MergeSummary(clusters.Count, members);
    }

    /// <summary>A merged event: type, sub-type, date and actors as the merger chose them; the place is the representative's.</summary>
    private const string MergedInsertSql =
        "INSERT INTO merged_events (id, event_type, sub_event_type, event_date, place_name, admin1, latitude, longitude, actor1_name, actor2_name, fatalities, fatalities_conflict, conflict_note, source_count, outlet_count) " +
        "SELECT @Id, @EventType, @SubEventType, @Date, e.place_name, e.admin1, e.latitude, e.longitude, " +
        "(SELECT a1.actor1_name FROM events a1 WHERE a1.id = @Actor1Source), (SELECT a2.actor2_name FROM events a2 WHERE a2.id = @Actor2Source), " +
        "CAST(@Fatalities AS INTEGER), @Conflict, @ConflictNote, @SourceCount, @OutletCount FROM events e WHERE e.id = @Representative";

    private const string MergedSourceInsertSql = "INSERT INTO merged_sources (merged_id, event_id, republication) VALUES (@m, @e, @r)";

    private const string MergedIdUpdateSql = "UPDATE events SET merged_id = @m WHERE id = @e";

    /// <summary>From this many documents in merged events on, their signatures are read by one scan instead of lookups by id.</summary>
    internal int ScanSignaturesAbove { get; set; } = 5000;

    /// <summary>The body signatures of the documents in merged events (for republications found among them), read in batches.</summary>
    private async Task<Dictionary<string, (uint[] Signature, int? Shingles)>> ClusterSignaturesAsync(
        DbConnection c, DbTransaction tx, IReadOnlyList<IReadOnlyList<MergeCandidate>> clusters, CancellationToken ct)
    {
        var ids = clusters.SelectMany(cl => cl).Where(e => e.DuplicateOf is null).Select(e => e.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, (uint[], int?)>(StringComparer.Ordinal);
        if (ids.Count >= ScanSignaturesAbove)
        {
            // Many documents: one sequential pass over the narrow signature table beats as many index lookups.
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
                "SELECT document_id, signature, shingles FROM doc_signatures", transaction: tx, cancellationToken: ct)).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var id = r.GetString(0);
                if (wanted.Contains(id))
                {
                    result[id] = (MinHash.FromBytes((byte[])r.GetValue(1)), r.IsDBNull(2) ? null : Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture));
                }
            }

            return result;
        }

        const int Batch = 500;
        for (var from = 0; from < ids.Count; from += Batch)
        {
            // One parameter per id, named in the text (both dialects; Dapper sends a list to PostgreSQL as one array).
            var batch = ids.GetRange(from, Math.Min(Batch, ids.Count - from));
            var parameters = new DynamicParameters();
            for (var k = 0; k < batch.Count; k++)
            {
                parameters.Add("d" + k.ToString(CultureInfo.InvariantCulture), batch[k]);
            }

            var names = string.Join(", ", Enumerable.Range(0, batch.Count).Select(k => "@d" + k.ToString(CultureInfo.InvariantCulture)));
            foreach (var (id, signature, shingles) in await c.QueryAsync<(string, byte[], long?)>(new CommandDefinition(
                "SELECT d.id, s.signature, s.shingles FROM documents d JOIN doc_signatures s ON s.seq = d.seq WHERE d.id IN (" + names + ")",
                parameters, tx, cancellationToken: ct)).ConfigureAwait(false))
            {
                result[id] = (MinHash.FromBytes(signature), (int?)shingles);
            }
        }

        return result;
    }

    public async Task<MergedEvent?> GetMergedEventAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetMergedAsync(c, id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<MergedEvent?> GetMergedAsync(DbConnection c, string id, CancellationToken ct)
    {
        MergedEvent? merged = null;
        await using (var r = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT id, event_type, sub_event_type, event_date, place_name, admin1, latitude, longitude, actor1_name, actor2_name, fatalities, fatalities_conflict, conflict_note, source_count, outlet_count FROM merged_events WHERE id = @id",
            new { id }, cancellationToken: ct)).ConfigureAwait(false))
        {
            if (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                merged = new MergedEvent(
                    r.GetString(0), r.GetString(1), r.GetString(2), Date(r, 3), Str(r, 4), Str(r, 5), Dbl(r, 6), Dbl(r, 7), Str(r, 8), Str(r, 9),
                    Int(r, 10), Convert.ToInt32(r.GetValue(11), CultureInfo.InvariantCulture) != 0, Str(r, 12),
                    Convert.ToInt32(r.GetValue(13), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(14), CultureInfo.InvariantCulture), []);
            }
        }

        if (merged is null)
        {
            return null;
        }

        var sources = new List<MergedSource>();
        var rows = await c.QueryAsync<(string EventId, string DocumentId, string? Outlet, string? Url, string? Title, string? Published, long? Fatalities, string Json, string Text, long Republication, long Inferred)>(new CommandDefinition(
            "SELECT e.id, e.document_id, d.outlet, d.url, d.title, d.published, e.fatalities, e.json, d.text, s.republication, e.fatalities_inferred FROM merged_sources s JOIN events e ON e.id = s.event_id JOIN documents d ON d.id = e.document_id WHERE s.merged_id = @id ORDER BY e.id",
            new { id }, cancellationToken: ct)).ConfigureAwait(false);
        foreach (var s in rows)
        {
            var (attribution, evidence) = EvidenceOf(s.Json, s.Text);
            sources.Add(new MergedSource(s.EventId, s.DocumentId, s.Outlet, s.Url, s.Title, ParseDate(s.Published), (int?)s.Fatalities, attribution, evidence, s.Republication != 0, s.Inferred != 0));
        }

        return merged with { Sources = sources };
    }

    public async Task<IReadOnlyList<MergedEvent>> ListMergedEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var (where, p) = BuildWhere(query);
        p.Add("limit", query.Limit ?? int.MaxValue);
        p.Add("offset", query.Offset);
        var ids = await c.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT merged_id FROM events WHERE merged_id IS NOT NULL{where} ORDER BY merged_id LIMIT @limit OFFSET @offset", p, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var list = new List<MergedEvent>();
        foreach (var id in ids)
        {
            if (await GetMergedAsync(c, id, cancellationToken).ConfigureAwait(false) is { } m)
            {
                list.Add(m);
            }
        }

        return list;
    }

    // ---- queries -------------------------------------------------------------------------------------

    public async Task<StoredDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        DocumentSummary? summary = null;
        string text = string.Empty;
        string warnings = "[]";
        await using (var r = await c.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {DocumentSummaryColumns}, text, warnings FROM documents WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                summary = ReadSummary(r);
                text = r.GetString(10);
                warnings = r.GetString(11);
            }
        }

        if (summary is null)
        {
            return null;
        }

        var entities = (await c.QueryAsync<(string D, long O, string Type, string Text, long S, long E, string? RefId, string? RefName, string? RefJson)>(new CommandDefinition(
            "SELECT document_id, ordinal, type, text, start_offset, end_offset, ref_id, ref_name, ref_json FROM entities WHERE document_id = @id ORDER BY ordinal",
            new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(e => new StoredEntity(e.D, (int)e.O, e.Type, e.Text, (int)e.S, (int)e.E, e.RefId, e.RefName, e.RefJson)).ToList();
        var events = await ReadEventsAsync(c, $"SELECT {EventColumns} FROM events WHERE document_id = @id ORDER BY ordinal", new { id }, cancellationToken).ConfigureAwait(false);
        var dups = (await c.QueryAsync<(string A, string B, double S)>(new CommandDefinition(
            "SELECT document_id, other_id, similarity FROM near_duplicates WHERE document_id = @id OR other_id = @id ORDER BY document_id, other_id",
            new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(d => new NearDuplicate(d.A, d.B, d.S)).ToList();
        var warningList = JsonSerializer.Deserialize<List<string>>(warnings) ?? [];
        return new StoredDocument(summary, text, entities, events, dups, warningList);
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {DocumentSummaryColumns} FROM documents WHERE 1 = 1");
        var p = new DynamicParameters();
        if (query.Outlet is not null)
        {
            sql.Append(" AND outlet = @outlet");
            p.Add("outlet", query.Outlet);
        }

        if (query.PublishedFrom is { } f)
        {
            sql.Append(" AND published >= @from");
            p.Add("from", DateText(f));
        }

        if (query.PublishedTo is { } t)
        {
            sql.Append(" AND published <= @to");
            p.Add("to", DateText(t));
        }

        sql.Append(" ORDER BY seq DESC LIMIT @limit OFFSET @offset");
        p.Add("limit", query.Limit);
        p.Add("offset", query.Offset);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DocumentSummary>();
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(sql.ToString(), p, cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadSummary(r));
        }

        return list;
    }

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, p) = BuildWhere(query);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition(CountSql(query, where), p, cancellationToken: cancellationToken)).ConfigureAwait(false);
        p.Add("limit", query.Limit ?? int.MaxValue);
        p.Add("offset", query.Offset);
        var items = await ReadEventsAsync(c, PageSql(query, where, p), p, cancellationToken).ConfigureAwait(false);
        return new EventPage(items, total);
    }

    private static readonly string[] ActorColumns = ["actor1_id", "actor2_id", "actor1_name", "actor2_name"];

    private static readonly string[] PlaceColumns = ["place_id", "place_name", "admin1", "admin2"];

    /// <summary>
    /// The total count. An actor or place filter (an OR over four columns) is counted as the UNION of four
    /// index-only scans of the matching ids: an OR makes PostgreSQL visit every matching heap row (a bitmap heap
    /// scan, ~400 ms for 47,000 matches among 1,000,000 events), the union reads only the narrow indexes.
    /// </summary>
    private string CountSql(EventQuery query, string where)
    {
        var (columns, name, rest) = query switch
        {
            { Actor.Length: > 0 } => (ActorColumns, "actor", query with { Actor = null }),
            { Place.Length: > 0 } => (PlaceColumns, "place", query with { Place = null }),
            _ => (null, null, query),
        };
        if (columns is null)
        {
            return $"SELECT COUNT(*) FROM events WHERE 1 = 1{where}";
        }

        // The other filters' clauses use the same parameter names and values, already in p.
        var (restWhere, _) = BuildWhere(rest);
        var scans = columns.Select(col => $"SELECT id FROM events WHERE {col} = @{name}{restWhere}");
        return $"SELECT COUNT(*) FROM ({string.Join(" UNION ", scans)}) u";
    }

    /// <summary>
    /// The page query. An actor or place filter matches any of four columns; an OR over them cannot walk one
    /// index in date order, so the page is the union of four index walks, each stopped after offset+limit rows.
    /// </summary>
    private string PageSql(EventQuery query, string where, DynamicParameters p)
    {
        const string Order = " ORDER BY event_date DESC, id DESC";
        var (columns, name, rest) = query switch
        {
            { Actor.Length: > 0, Limit: not null } => (ActorColumns, "actor", query with { Actor = null }),
            { Place.Length: > 0, Limit: not null } => (PlaceColumns, "place", query with { Place = null }),
            _ => (null, null, query),
        };
        if (columns is null)
        {
            return $"SELECT {EventColumns} FROM events WHERE 1 = 1{where}{Order} LIMIT @limit OFFSET @offset";
        }

        // The other filters' clauses use the same parameter names and values, already in p.
        var (restWhere, _) = BuildWhere(rest);
        p.Add("walk", (long)query.Offset + query.Limit!.Value);
        var walks = columns.Select((col, i) => $"SELECT id FROM (SELECT id FROM events WHERE {col} = @{name}{restWhere}{Order} LIMIT @walk) w{i}");
        return $"SELECT {EventColumns} FROM events WHERE id IN ({string.Join(" UNION ", walks)}){Order} LIMIT @limit OFFSET @offset";
    }

    public async IAsyncEnumerable<StoredEvent> StreamEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, p) = BuildWhere(query);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {EventColumns} FROM events WHERE 1 = 1{where} ORDER BY event_date, id", p, cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(r);
        }
    }

    public async Task<EventDetail?> GetEventAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var ev = (await ReadEventsAsync(c, $"SELECT {EventColumns} FROM events WHERE id = @id", new { id }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (ev is null)
        {
            return null;
        }

        var machine = await c.ExecuteScalarAsync<string>(new CommandDefinition("SELECT machine_json FROM events WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? ev.Json;
        DocumentSummary? doc = null;
        var text = string.Empty;
        await using (var r = await c.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {DocumentSummaryColumns}, text FROM documents WHERE id = @d", new { d = ev.DocumentId }, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                doc = ReadSummary(r);
                text = r.GetString(10);
            }
        }

        if (doc is null)
        {
            return null;
        }

        var (attribution, evidence) = EvidenceOf(ev.Json, text);
        var versions = new List<EventVersion> { new(id, 0, machine, "machine", doc.UpdatedAt) };
        versions.AddRange((await c.QueryAsync<(long V, string Json, string By, string At)>(new CommandDefinition(
            "SELECT version, json, created_by, created_at FROM event_versions WHERE event_id = @id ORDER BY version", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(v => new EventVersion(id, (int)v.V, v.Json, v.By, ParseTime(v.At))));
        var audit = await AuditAsync(c, null, id, 1000, cancellationToken).ConfigureAwait(false);
        var merged = ev.MergedEventId is { } m ? await GetMergedAsync(c, m, cancellationToken).ConfigureAwait(false) : null;
        return new EventDetail(ev, machine, doc, evidence, attribution, versions, audit, merged);
    }

    public async Task<ActorGraph> GetActorGraphAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, p) = BuildWhere(query);
        p.Add("limit", query.Limit ?? 100_000);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, string? A1, string? N1, long? I1, string? A2, string? N2, long? I2)>(new CommandDefinition(
            $"SELECT id, actor1_id, actor1_name, actor1_inter, actor2_id, actor2_name, actor2_inter FROM events WHERE (actor1_id IS NOT NULL OR actor2_id IS NOT NULL){where} ORDER BY id LIMIT @limit",
            p, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var nodes = new SortedDictionary<string, (string Name, int? Inter, int Count)>(StringComparer.Ordinal);
        var edges = new SortedDictionary<(string, string), List<string>>();
        void Node(string id, string? name, long? inter)
        {
            nodes[id] = nodes.TryGetValue(id, out var n) ? n with { Count = n.Count + 1 } : (name ?? id, (int?)inter, 1);
        }

        foreach (var r in rows)
        {
            if (r.A1 is not null)
            {
                Node(r.A1, r.N1, r.I1);
            }

            if (r.A2 is not null)
            {
                Node(r.A2, r.N2, r.I2);
            }

            if (r.A1 is not null && r.A2 is not null)
            {
                if (!edges.TryGetValue((r.A1, r.A2), out var list))
                {
                    edges[(r.A1, r.A2)] = list = [];
                }

                list.Add(r.Id);
            }
        }

        return new ActorGraph(
            [.. nodes.Select(n => new ActorNode(n.Key, n.Value.Name, n.Value.Inter, n.Value.Count))],
            [.. edges.Select(e => new ActorEdge(e.Key.Item1, e.Key.Item2, e.Value.Count, [.. e.Value.Take(20)]))]);
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var r = await c.QuerySingleAsync<(long D, long E, long M, long R, long U)>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM merged_events), (SELECT COUNT(*) FROM rejections), (SELECT COUNT(*) FROM users)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new StoreStats(r.D, r.E, r.M, r.R, r.U);
    }

    /// <summary>The WHERE clauses (fixed text) and their parameters (user values) of an event query.</summary>
    private (string Where, DynamicParameters Parameters) BuildWhere(EventQuery q)
    {
        var sb = new StringBuilder();
        var p = new DynamicParameters();
        void Add(string clause, string name, object? value)
        {
            sb.Append(" AND ").Append(clause);
            p.Add(name, value);
        }

        if (q.EventType is { Length: > 0 } t)
        {
            Add("event_type = @type", "type", t);
        }

        if (q.SubEventType is { Length: > 0 } st)
        {
            Add("sub_event_type = @sub", "sub", st);
        }

        if (q.Actor is { Length: > 0 } a)
        {
            Add("(actor1_id = @actor OR actor2_id = @actor OR actor1_name = @actor OR actor2_name = @actor)", "actor", a);
        }

        if (q.Place is { Length: > 0 } pl)
        {
            Add("(place_id = @place OR place_name = @place OR admin1 = @place OR admin2 = @place)", "place", pl);
        }

        if (q.Admin1 is { Length: > 0 } a1)
        {
            Add("admin1 = @admin1", "admin1", a1);
        }

        if (q.DateFrom is { } f)
        {
            Add("event_date >= @from", "from", DateText(f));
        }

        if (q.DateTo is { } to)
        {
            Add("event_date <= @to", "to", DateText(to));
        }

        if (q.Outlet is { Length: > 0 } o)
        {
            Add("outlet = @outlet", "outlet", o);
        }

        if (q.Status is { } s)
        {
            Add("status = @status", "status", s.ToString());
        }

        if (q.DocumentId is { Length: > 0 } d)
        {
            Add("document_id = @doc", "doc", d);
        }

        if (q.Text is { Length: > 0 } text)
        {
            var terms = SearchText.QueryTerms(text);
            if (terms.Length == 0)
            {
                sb.Append(" AND 1 = 0");
            }
            else
            {
                Add($"document_id IN ({FullTextDocumentIds})", "match", FullTextParameter(terms));
            }
        }

        return (sb.ToString(), p);
    }

    // ---- search --------------------------------------------------------------------------------------

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SearchText.QueryTerms(query.Text);
        if (terms.Length == 0)
        {
            return new SearchResults([], 0);
        }

        var filters = new StringBuilder();
        var p = new DynamicParameters();
        p.Add("match", FullTextParameter(terms));
        if (query.Outlet is { Length: > 0 } o)
        {
            filters.Append(" AND d.outlet = @outlet");
            p.Add("outlet", o);
        }

        if (query.PublishedFrom is { } f)
        {
            filters.Append(" AND d.published >= @from");
            p.Add("from", DateText(f));
        }

        if (query.PublishedTo is { } t)
        {
            filters.Append(" AND d.published <= @to");
            p.Add("to", DateText(t));
        }

        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Counted up to the cap only: an exact count of a common word reads every match.
        p.Add("countLimit", SearchTotalCap + 1);
        var counted = await CountMatchesAsync(
            c, $"SELECT COUNT(*) FROM ({(filters.Length == 0 ? FullTextOnlyUnranked : FullTextSelectUnranked)}{filters} LIMIT @countLimit) x", p, cancellationToken).ConfigureAwait(false);
        var lowerBound = counted > SearchTotalCap;
        var total = lowerBound ? SearchTotalCap : counted;
        p.Add("limit", query.Limit);
        p.Add("offset", query.Offset);
        // Narrow queries: best matches first. Broad ones (more than RankedSearchLimit matches): newest first,
        // which the index returns without scoring every match (relevance among thousands of hits means little).
        var order = total <= RankedSearchLimit ? " ORDER BY score DESC, seq" : " ORDER BY seq DESC";
        var top = (await c.QueryAsync<(long Seq, double Score)>(new CommandDefinition(
            $"{(filters.Length > 0 ? (total <= RankedSearchLimit ? FullTextSelect : FullTextSelectUnranked) : total <= RankedSearchLimit ? FullTextOnly : FullTextOnlyUnranked)}{filters}{order} LIMIT @limit OFFSET @offset", p, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var hits = new List<SearchHit>(top.Count);
        foreach (var (seq, score) in top)
        {
            var d = await c.QuerySingleAsync<(string Id, string? Title, string? Outlet, string? Published, string Text)>(new CommandDefinition(
                "SELECT id, title, outlet, published, text FROM documents WHERE seq = @seq", new { seq }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            hits.Add(new SearchHit(d.Id, d.Title, d.Outlet, ParseDate(d.Published), Math.Round(score, 6), Snippets.Build(d.Text, terms)));
        }

        return new SearchResults(hits, total, lowerBound);
    }

    // ---- review --------------------------------------------------------------------------------------

    public Task<StoredEvent> AcceptEventAsync(string eventId, string user, string? comment = null, CancellationToken cancellationToken = default) =>
        ReviewAsync(eventId, user, ReviewAction.Accept, null, comment, cancellationToken);

    public Task<StoredEvent> EditEventAsync(string eventId, string user, string eventJson, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        return ReviewAsync(eventId, user, ReviewAction.Edit, eventJson, comment, cancellationToken);
    }

    public Task<StoredEvent> RejectEventAsync(string eventId, string user, string? comment = null, CancellationToken cancellationToken = default) =>
        ReviewAsync(eventId, user, ReviewAction.Reject, null, comment, cancellationToken);

    private async Task<StoredEvent> ReviewAsync(string eventId, string user, ReviewAction action, string? newJson, string? comment, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        EventRow? row = null;
        if (newJson is not null)
        {
            // Validate and compact the edited event (throws FormatException on a bad event).
            using var parsed = JsonDocument.Parse(newJson);
            row = EventRow.FromElement(parsed.RootElement);
            newJson = JsonSerializer.Serialize(parsed.RootElement, CompactJson);
        }

        await using var c = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(c, ct).ConfigureAwait(false);
        await LockAsync(c, tx, "event:" + eventId, ct).ConfigureAwait(false);
        var cur = await c.QuerySingleOrDefaultAsync<(string Json, long Version)?>(new CommandDefinition(
            "SELECT json, version FROM events WHERE id = @eventId", new { eventId }, tx, cancellationToken: ct)).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No event '{eventId}'.");
        var now = Now();
        var after = cur.Json;
        switch (action)
        {
            case ReviewAction.Accept:
                await SetStatusAsync(c, tx, eventId, ReviewStatus.Accepted, ct).ConfigureAwait(false);
                break;
            case ReviewAction.Reject:
                await SetStatusAsync(c, tx, eventId, ReviewStatus.Rejected, ct).ConfigureAwait(false);
                break;
            case ReviewAction.Edit:
                var version = (int)cur.Version + 1;
                after = newJson!;
                var r = row!;
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO event_versions (event_id, version, json, created_by, created_at) VALUES (@eventId, @version, @after, @user, @now)",
                    new { eventId, version, after, user, now }, tx, cancellationToken: ct)).ConfigureAwait(false);
                await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE events SET version = @version, status = @status, json = @after, event_type = @EventType, sub_event_type = @SubEventType, event_date = @Date, time_precision = @TimePrecision, " +
                    "actor1_id = @Actor1Id, actor1_name = @Actor1Name, actor1_inter = @Actor1Inter, actor2_id = @Actor2Id, actor2_name = @Actor2Name, actor2_inter = @Actor2Inter, " +
                    "place_id = @PlaceId, place_name = @PlaceName, admin1 = @Admin1, admin2 = @Admin2, latitude = @Latitude, longitude = @Longitude, geo_precision = @GeoPrecision, " +
                    "fatalities = @Fatalities, attribution_kind = @AttributionKind, confidence = @Confidence, fatalities_inferred = @Inferred, country = @Country WHERE id = @eventId",
                    new
                    {
                        eventId, version, status = nameof(ReviewStatus.Edited), after,
                        r.EventType, r.SubEventType, r.Date, r.TimePrecision, r.Actor1Id, r.Actor1Name, r.Actor1Inter, r.Actor2Id, r.Actor2Name, r.Actor2Inter,
                        r.PlaceId, r.PlaceName, r.Admin1, r.Admin2, r.Latitude, r.Longitude, r.GeoPrecision, r.Fatalities, r.AttributionKind, r.Confidence,
                        Inferred = r.FatalitiesInferred ? 1 : 0, r.Country,
                    },
                    tx,
                    cancellationToken: ct)).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }

        await WriteAuditAsync(c, tx, eventId, action, user, now, cur.Json, after, comment, ct).ConfigureAwait(false);
        var result = (await ReadEventsAsync(c, $"SELECT {EventColumns} FROM events WHERE id = @eventId", new { eventId }, ct, tx).ConfigureAwait(false)).Single();
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    public async Task<MergedEvent> MergeEventsAsync(IReadOnlyList<string> eventIds, string user, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var ids = eventIds.Distinct().Order(StringComparer.Ordinal).ToList();
        if (ids.Count < 2)
        {
            throw new ArgumentException("A merge needs at least two events.", nameof(eventIds));
        }

        await using (var c = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var tx = await BeginWriteAsync(c, cancellationToken).ConfigureAwait(false);
            await LockAsync(c, tx, "marsad:merge", cancellationToken).ConfigureAwait(false);
            var now = Now();
            // Existing manual groups of these events join the new group.
            var groups = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var json = await c.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT json FROM events WHERE id = @id", new { id }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException($"No event '{id}'.");
                _ = json;
                if (await c.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT group_id FROM manual_merges WHERE event_id = @id", new { id }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } g)
                {
                    groups.Add(g);
                }
            }

            var members = new SortedSet<string>(ids, StringComparer.Ordinal);
            foreach (var g in groups)
            {
                members.UnionWith(await c.QueryAsync<string>(new CommandDefinition("SELECT event_id FROM manual_merges WHERE group_id = @g", new { g }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false));
            }

            var group = "g-" + members.Min;
            foreach (var id in members)
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO manual_merges (event_id, group_id) VALUES (@id, @group) ON CONFLICT (event_id) DO UPDATE SET group_id = excluded.group_id",
                    new { id, group }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            foreach (var id in ids)
            {
                var before = await c.ExecuteScalarAsync<string>(new CommandDefinition("SELECT json FROM events WHERE id = @id", new { id }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await SetStatusAsync(c, tx, id, ReviewStatus.Merged, cancellationToken).ConfigureAwait(false);
                await WriteAuditAsync(c, tx, id, ReviewAction.Merge, user, now, before, before, comment ?? ("merged with " + string.Join(", ", members.Where(m => m != id))), cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await RecomputeMergesAsync(null, cancellationToken).ConfigureAwait(false);
        await using var c2 = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var mergedId = await c2.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT merged_id FROM events WHERE id = @id", new { id = ids[0] }, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The merge produced no merged event.");
        return await GetMergedAsync(c2, mergedId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("Merged event vanished.");
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string? eventId = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AuditAsync(c, null, eventId, limit, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(DbConnection c, DbTransaction? tx, string? eventId, int limit, CancellationToken ct)
    {
        var sql = eventId is null
            ? "SELECT id, event_id, action, user_name, at, before_json, after_json, comment FROM review_audit ORDER BY id DESC LIMIT @limit"
            : "SELECT id, event_id, action, user_name, at, before_json, after_json, comment FROM review_audit WHERE event_id = @eventId ORDER BY id DESC LIMIT @limit";
        var rows = await c.QueryAsync<(long Id, string EventId, string Action, string User, string At, string? Before, string? After, string? Comment)>(new CommandDefinition(
            sql, new { eventId, limit }, tx, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditEntry(r.Id, r.EventId, Enum.Parse<ReviewAction>(r.Action), r.User, ParseTime(r.At), r.Before, r.After, r.Comment))];
    }

    private static Task SetStatusAsync(DbConnection c, DbTransaction tx, string id, ReviewStatus status, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("UPDATE events SET status = @status WHERE id = @id", new { id, status = status.ToString() }, tx, cancellationToken: ct));

    private static Task WriteAuditAsync(DbConnection c, DbTransaction tx, string eventId, ReviewAction action, string user, string at, string? before, string? after, string? comment, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO review_audit (event_id, action, user_name, at, before_json, after_json, comment) VALUES (@eventId, @action, @user, @at, @before, @after, @comment)",
            new { eventId, action = action.ToString(), user, at, before, after, comment }, tx, cancellationToken: ct));

    // ---- users ---------------------------------------------------------------------------------------

    public async Task<bool> AddUserAsync(string name, string passwordHash, string role = "reviewer", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO users (name, password_hash, role, created_at) VALUES (@name, @passwordHash, @role, @at) ON CONFLICT (name) DO NOTHING",
            new { name, passwordHash, role, at = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return n == 1;
    }

    public async Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @passwordHash, session_generation = session_generation + 1 WHERE name = @name",
            new { name, passwordHash }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> RevokeSessionsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET session_generation = session_generation + 1 WHERE name = @name", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET disabled = @disabled, session_generation = session_generation + 1 WHERE name = @name",
            new { name, disabled = disabled ? 1 : 0 }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private const string UserColumns = "name, password_hash, role, created_at, session_generation, disabled";

    public async Task<StoreUser?> GetUserAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var r = await c.QuerySingleOrDefaultAsync<(string Name, string Hash, string Role, string At, long Generation, long Disabled)?>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE name = @name", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return r is { } u ? ToUser(u) : null;
    }

    public async Task<IReadOnlyList<StoreUser>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Name, string Hash, string Role, string At, long Generation, long Disabled)>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users ORDER BY name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(ToUser)];
    }

    private static StoreUser ToUser((string Name, string Hash, string Role, string At, long Generation, long Disabled) u) =>
        new(u.Name, u.Hash, u.Role, ParseTime(u.At), u.Generation, u.Disabled != 0);

    // ---- helpers -------------------------------------------------------------------------------------

    private static readonly JsonSerializerOptions CompactJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    protected string Now() => Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    protected static string? DateText(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(DbConnection c, string sql, object param, CancellationToken ct, DbTransaction? tx = null)
    {
        var list = new List<StoredEvent>();
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(sql, param, tx, cancellationToken: ct)).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(ReadEvent(r));
        }

        return list;
    }

    private static StoredEvent ReadEvent(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
        Enum.Parse<ReviewStatus>(r.GetString(4)), r.GetString(5), r.GetString(6), Date(r, 7), Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture),
        Str(r, 9), Str(r, 10), Str(r, 11), Str(r, 12), Str(r, 13), Str(r, 14), Str(r, 15), Str(r, 16), Dbl(r, 17), Dbl(r, 18), Int(r, 19), Int(r, 20),
        r.GetString(21), Str(r, 22), Date(r, 23), Convert.ToDouble(r.GetValue(24), CultureInfo.InvariantCulture), Str(r, 25), r.GetString(26));

    private static DocumentSummary ReadSummary(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Date(r, 5), ParseTime(r.GetString(6)), ParseTime(r.GetString(7)),
        Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture), Str(r, 9));

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : ParseDate(r.GetString(i));

    /// <summary>An event's attribution and evidence spans with the original text they slice.</summary>
    internal static (EventAttribution Attribution, IReadOnlyList<EvidenceSpan> Evidence) EvidenceOf(string json, string text)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        var attribution = new EventAttribution("unattributed", null, null, null, null);
        if (e.TryGetProperty("attribution", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            attribution = new EventAttribution(
                a.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "unattributed",
                a.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                a.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
                a.TryGetProperty("end", out var en) && en.ValueKind == JsonValueKind.Number ? en.GetInt32() : null,
                a.TryGetProperty("source_name", out var sn) && sn.ValueKind == JsonValueKind.String ? sn.GetString() : null);
        }

        var evidence = new List<EvidenceSpan>();
        if (e.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Array)
        {
            foreach (var span in ev.EnumerateArray())
            {
                if (span.TryGetProperty("start", out var s) && span.TryGetProperty("end", out var en)
                    && s.TryGetInt32(out var start) && en.TryGetInt32(out var end) && 0 <= start && start <= end && end <= text.Length)
                {
                    evidence.Add(new EvidenceSpan(start, end, text[start..end]));
                }
            }
        }

        return (attribution, evidence);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        DisposeCoreAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>A document turned into what the tables hold, computed outside the transaction.</summary>
    private sealed record PreparedDocument(
        string Id,
        string Text,
        Marsad.Documents.DocumentSource Source,
        string ContentHash,
        string WarningsJson,
        IReadOnlyList<PreparedEntity> Entities,
        IReadOnlyList<(string Json, EventRow Row)> Events,
        FullTextForms FullText,
        uint[] Signature,
        int Shingles)
    {
        public static PreparedDocument From(AnnotatedDocument doc)
        {
            ArgumentNullException.ThrowIfNull(doc);
            var json = ContractJsonWriter.ToJson(doc);
            // The content hash covers the text too: the id folds diacritics/whitespace, the stored text must not.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json + "\n" + doc.Text)));
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            var entities = new List<PreparedEntity>();
            foreach (var m in root.GetProperty("entities").EnumerateArray())
            {
                var r = m.GetProperty("ref");
                entities.Add(new PreparedEntity(
                    m.GetProperty("type").GetString()!,
                    m.GetProperty("text").GetString()!,
                    m.GetProperty("start").GetInt32(),
                    m.GetProperty("end").GetInt32(),
                    r.ValueKind == JsonValueKind.Object && r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
                    r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
                    r.ValueKind == JsonValueKind.Null ? null : r.GetRawText()));
            }

            var events = new List<(string, EventRow)>();
            foreach (var e in root.GetProperty("events").EnumerateArray())
            {
                events.Add((e.GetRawText(), EventRow.FromElement(e)));
            }

            // The search terms once: all of them for the full-text index (beside the title's), the body's (boilerplate lines left out) for
            // the near-duplicate signature (a text that is all boilerplate keeps all its terms).
            var (terms, body) = ReportBody.Terms(doc.Text);
            var (signature, shingles) = MinHash.Summarize(body.Count > 0 ? body : terms);
            return new PreparedDocument(doc.Document.Id, doc.Text, doc.Document.Source, hash, root.GetProperty("warnings").GetRawText(), entities, events, FullTextForms.Of(doc.Document.Source.Title, terms), signature, shingles);
        }
    }

    private sealed record PreparedEntity(string Type, string Text, int Start, int End, string? RefId, string? RefName, string? RefJson);
}
