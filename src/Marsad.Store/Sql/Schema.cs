namespace Marsad.Store.Sql;

/// <summary>
/// Versioned schema migrations. Each version is a list of statements applied in one transaction and recorded
/// in <c>schema_version</c>. Append versions; never edit a released one. Placeholders: <c>{serial}</c> an
/// auto-increment integer primary key, <c>{real}</c> a double, <c>{blob}</c> bytes.
/// </summary>
internal static class Schema
{
    public static readonly string[] Version1 =
    [
        """
        CREATE TABLE documents (
          seq {serial},
          id TEXT NOT NULL UNIQUE,
          content_hash TEXT NOT NULL,
          text TEXT NOT NULL,
          path TEXT NOT NULL,
          url TEXT,
          outlet TEXT,
          title TEXT,
          published TEXT,
          warnings TEXT NOT NULL,
          ingested_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          event_count INTEGER NOT NULL,
          duplicate_of TEXT,
          minhash {blob})
        """,
        "CREATE INDEX ix_documents_outlet ON documents(outlet, published)",
        "CREATE INDEX ix_documents_published ON documents(published)",
        "CREATE TABLE doc_bands (band INTEGER NOT NULL, hash BIGINT NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (band, hash, document_id))",
        "CREATE INDEX ix_doc_bands_document ON doc_bands(document_id)",
        "CREATE TABLE near_duplicates (document_id TEXT NOT NULL, other_id TEXT NOT NULL, similarity {real} NOT NULL, PRIMARY KEY (document_id, other_id))",
        "CREATE INDEX ix_near_duplicates_other ON near_duplicates(other_id)",
        """
        CREATE TABLE entities (
          document_id TEXT NOT NULL,
          ordinal INTEGER NOT NULL,
          type TEXT NOT NULL,
          text TEXT NOT NULL,
          start_offset INTEGER NOT NULL,
          end_offset INTEGER NOT NULL,
          ref_id TEXT,
          ref_name TEXT,
          ref_json TEXT,
          PRIMARY KEY (document_id, ordinal))
        """,
        "CREATE INDEX ix_entities_ref ON entities(ref_id)",
        """
        CREATE TABLE events (
          id TEXT PRIMARY KEY,
          document_id TEXT NOT NULL,
          ordinal INTEGER NOT NULL,
          version INTEGER NOT NULL,
          status TEXT NOT NULL,
          event_type TEXT NOT NULL,
          sub_event_type TEXT NOT NULL,
          event_date TEXT,
          time_precision INTEGER NOT NULL,
          actor1_id TEXT,
          actor1_name TEXT,
          actor1_inter INTEGER,
          actor2_id TEXT,
          actor2_name TEXT,
          actor2_inter INTEGER,
          place_id TEXT,
          place_name TEXT,
          admin1 TEXT,
          admin2 TEXT,
          latitude {real},
          longitude {real},
          geo_precision INTEGER,
          fatalities INTEGER,
          attribution_kind TEXT NOT NULL,
          outlet TEXT,
          published TEXT,
          confidence {real} NOT NULL,
          merged_id TEXT,
          json TEXT NOT NULL,
          machine_json TEXT NOT NULL)
        """,
        "CREATE INDEX ix_events_document ON events(document_id, ordinal)",
        // Filter column first, then (event_date, id): a filtered page "newest first" is one ordered index walk.
        "CREATE INDEX ix_events_date ON events(event_date, id)",
        "CREATE INDEX ix_events_type ON events(event_type, event_date, id)",
        "CREATE INDEX ix_events_sub_type ON events(sub_event_type, event_date, id)",
        "CREATE INDEX ix_events_admin1 ON events(admin1, event_date, id)",
        "CREATE INDEX ix_events_admin2 ON events(admin2, event_date, id)",
        "CREATE INDEX ix_events_place_id ON events(place_id, event_date, id)",
        "CREATE INDEX ix_events_place_name ON events(place_name, event_date, id)",
        "CREATE INDEX ix_events_outlet ON events(outlet, event_date, id)",
        "CREATE INDEX ix_events_actor1_id ON events(actor1_id, event_date, id)",
        "CREATE INDEX ix_events_actor2_id ON events(actor2_id, event_date, id)",
        "CREATE INDEX ix_events_actor1_name ON events(actor1_name, event_date, id)",
        "CREATE INDEX ix_events_actor2_name ON events(actor2_name, event_date, id)",
        "CREATE INDEX ix_events_status ON events(status, event_date, id)",
        "CREATE INDEX ix_events_merged ON events(merged_id)",
        "CREATE TABLE event_versions (event_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (event_id, version))",
        "CREATE TABLE review_audit (id {serial}, event_id TEXT NOT NULL, action TEXT NOT NULL, user_name TEXT NOT NULL, at TEXT NOT NULL, before_json TEXT, after_json TEXT, comment TEXT)",
        "CREATE INDEX ix_review_audit_event ON review_audit(event_id, id)",
        "CREATE TABLE manual_merges (event_id TEXT PRIMARY KEY, group_id TEXT NOT NULL)",
        """
        CREATE TABLE merged_events (
          id TEXT PRIMARY KEY,
          event_type TEXT NOT NULL,
          sub_event_type TEXT NOT NULL,
          event_date TEXT,
          place_name TEXT,
          admin1 TEXT,
          latitude {real},
          longitude {real},
          actor1_name TEXT,
          actor2_name TEXT,
          fatalities INTEGER,
          fatalities_conflict INTEGER NOT NULL,
          conflict_note TEXT,
          source_count INTEGER NOT NULL,
          outlet_count INTEGER NOT NULL)
        """,
        "CREATE INDEX ix_merged_events_date ON merged_events(event_date)",
        "CREATE TABLE merged_sources (merged_id TEXT NOT NULL, event_id TEXT NOT NULL, republication INTEGER NOT NULL, PRIMARY KEY (merged_id, event_id))",
        "CREATE INDEX ix_merged_sources_event ON merged_sources(event_id)",
        "CREATE TABLE users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL)",
        "CREATE TABLE rejections (id {serial}, input TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)",
    ];

    /// <summary>
    /// Version 2: the most used filter indexes carry the other low-cardinality filter columns, so combined
    /// filters (outlet + type, status + sub-type, ...) are counted and paged from the index alone.
    /// </summary>
    public static readonly string[] Version2 =
    [
        "DROP INDEX IF EXISTS ix_events_type",
        "DROP INDEX IF EXISTS ix_events_sub_type",
        "DROP INDEX IF EXISTS ix_events_outlet",
        "DROP INDEX IF EXISTS ix_events_status",
        "DROP INDEX IF EXISTS ix_events_admin1",
        "CREATE INDEX ix_events_type ON events(event_type, event_date, id, sub_event_type, status, outlet, admin1)",
        "CREATE INDEX ix_events_sub_type ON events(sub_event_type, event_date, id, event_type, status, outlet, admin1)",
        "CREATE INDEX ix_events_outlet ON events(outlet, event_date, id, event_type, sub_event_type, status, admin1)",
        "CREATE INDEX ix_events_status ON events(status, event_date, id, event_type, sub_event_type, outlet, admin1)",
        "CREATE INDEX ix_events_admin1 ON events(admin1, event_date, id, event_type, sub_event_type, status, outlet)",
    ];

    /// <summary>
    /// Version 3: near-duplicate lookups on narrow rows keyed by <c>documents.seq</c>. LSH band keys move from
    /// <c>doc_bands</c> (band, hash, document id; a rowid table with two indexes) to <c>lsh_bands</c> (band, hash,
    /// seq; SQLite: one WITHOUT ROWID b-tree), and signatures from <c>documents.minhash</c> (after the text) to
    /// <c>doc_signatures</c>, appended in seq order (<c>documents.minhash</c> is no longer written; old rows keep
    /// theirs, unread, rather than rewrite every document). Placeholders: <c>{rowid}</c> an integer primary key given by
    /// the caller, <c>{without_rowid}</c> SQLite's clustered-table clause (empty elsewhere).
    /// </summary>
    public static readonly string[] Version3 =
    [
        "CREATE TABLE doc_signatures (seq {rowid}, document_id TEXT NOT NULL, duplicate_of TEXT, signature {blob} NOT NULL)",
        "INSERT INTO doc_signatures (seq, document_id, duplicate_of, signature) SELECT seq, id, duplicate_of, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY seq",
        "CREATE TABLE lsh_bands (band INTEGER NOT NULL, hash BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (band, hash, seq)){without_rowid}",
        "INSERT INTO lsh_bands (band, hash, seq) SELECT b.band, b.hash, d.seq FROM doc_bands b JOIN documents d ON d.id = b.document_id ORDER BY b.band, b.hash, d.seq",
        "DROP TABLE doc_bands",
    ];

    /// <summary>
    /// Version 4 (cross-outlet merge at incident level): <c>events.fatalities_inferred</c> (1 when the figure is
    /// inferred, e.g. injuries only: 0, not stated; rows stored before are taken as stated), <c>events.country</c>
    /// (a country-level place contains every place of its country; backfilled from the event JSON by the dialect's
    /// statements) and <c>doc_signatures.shingles</c> (the number of distinct shingles a signature summarizes, for the
    /// containment estimate; null for signatures stored before, compared by Jaccard alone).
    /// </summary>
    public static readonly string[] Version4 =
    [
        "ALTER TABLE events ADD COLUMN fatalities_inferred INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN country TEXT",
        "ALTER TABLE doc_signatures ADD COLUMN shingles INTEGER",
    ];

    /// <summary>SQLite: version 4's backfill of <c>events.country</c>.</summary>
    public static readonly string[] SqliteVersion4 =
    [
        "UPDATE events SET country = json_extract(json, '$.location.country') WHERE json_type(json, '$.location') = 'object'",
    ];

    /// <summary>PostgreSQL: version 4's backfill of <c>events.country</c>.</summary>
    public static readonly string[] PostgresVersion4 =
    [
        "UPDATE events SET country = (json::jsonb -> 'location' ->> 'country') WHERE jsonb_typeof(json::jsonb -> 'location') = 'object'",
    ];

    /// <summary>
    /// Version 5: <c>marsad watch</c>'s state. <c>watch_sources</c>: per source (keyed by its configured URL) the last
    /// poll and success, HTTP validators (ETag, Last-Modified) of the last fully processed response, consecutive
    /// failures, the last error and when it is next due. <c>watch_items</c>: per item (keyed by its link, or source and
    /// hash when it has none) the content hash last processed and the document it became, written in the same
    /// transaction as that document, so a killed watcher neither loses nor repeats an item.
    /// </summary>
    public static readonly string[] Version5Watch =
    [
        """
        CREATE TABLE watch_sources (
          source_id TEXT PRIMARY KEY,
          outlet TEXT,
          feed_url TEXT,
          etag TEXT,
          last_modified TEXT,
          last_poll TEXT,
          last_success TEXT,
          last_error TEXT,
          failures INTEGER NOT NULL,
          next_due TEXT NOT NULL)
        """,
        """
        CREATE TABLE watch_items (
          item_key TEXT PRIMARY KEY,
          source_id TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          document_id TEXT,
          outcome TEXT NOT NULL,
          seen_at TEXT NOT NULL)
        """,
        "CREATE INDEX ix_watch_items_source ON watch_items(source_id, seen_at)",
        "CREATE INDEX ix_documents_ingested ON documents(ingested_at)",
    ];

    /// <summary>
    /// Version 6: sign-in sessions. <c>session_generation</c> is written into every session cookie and bumped by a
    /// password change, a sign-out or disabling the user, which revokes every session issued before; a disabled
    /// user cannot sign in.
    /// </summary>
    public static readonly string[] Version6Sessions =
    [
        "ALTER TABLE users ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0",
    ];

    /// <summary>
    /// Version 7: a document's title (<c>documents.title</c>: a feed item's, a page's <c>&lt;title&gt;</c>) is searchable.
    /// SQLite: the FTS5 table gets a title column beside the body (FTS5 cannot add a column, so the table is made
    /// anew); PostgreSQL: the tsvector holds the title's terms too (weight A), no statement needed. Either way every
    /// stored document is then re-indexed by <c>SqlStore</c>, since the index form is computed in C#.
    /// </summary>
    public const int TitleSearchVersion = 7;

    /// <summary>SQLite: version 7's full-text table, title and body (the re-index fills it).</summary>
    public static readonly string[] SqliteVersion7TitleFts =
    [
        "DROP TABLE documents_fts",
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
    ];

    /// <summary>SQLite: contentless FTS5 keyed by documents.seq, over the C#-normalized index form.</summary>
    public static readonly string[] SqliteVersion1Fts =
    [
        "CREATE VIRTUAL TABLE documents_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
    ];

    /// <summary>PostgreSQL: a tsvector over the C#-normalized index form with the 'arabic' configuration, GIN-indexed.</summary>
    public static readonly string[] PostgresVersion1Fts =
    [
        "ALTER TABLE documents ADD COLUMN tsv tsvector",
        "CREATE INDEX ix_documents_tsv ON documents USING GIN (tsv)",
    ];
}
