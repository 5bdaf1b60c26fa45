using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using Marsad.Store.Search;
using Microsoft.Data.Sqlite;

namespace Marsad.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Every write is one IMMEDIATE transaction, so a killed
/// process leaves the last committed batch and nothing half-written. Full-text search is FTS5 over the
/// C#-normalized index forms of the title and the body, one column each (FTS5 knows nothing of Arabic).
/// </summary>
internal sealed class SqliteStore(string path, TimeProvider time) : Sql.SqlStore(time)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        DefaultTimeout = 120,
    }.ToString();

    public override string Kind => "sqlite";

    public string Path { get; } = path;

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 120000; PRAGMA cache_size = -65536;").ConfigureAwait(false);
        return c;
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override IReadOnlyList<string> MigrationStatements(int version) => version switch
    {
        1 => [.. Sql.Schema.Version1.Select(Dialect), .. Sql.Schema.SqliteVersion1Fts],
        2 => [.. Sql.Schema.Version2.Select(Dialect)],
        3 => [.. Sql.Schema.Version3.Select(Dialect)],
        4 => [.. Sql.Schema.Version4.Select(Dialect), .. Sql.Schema.SqliteVersion4],
        5 => [.. Sql.Schema.Version5Watch.Select(Dialect)],
        6 => [.. Sql.Schema.Version6Sessions.Select(Dialect)],
        Sql.Schema.TitleSearchVersion => Sql.Schema.SqliteVersion7TitleFts,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    private static string Dialect(string sql) => sql
        .Replace("{serial}", "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal)
        .Replace("{real}", "REAL", StringComparison.Ordinal)
        .Replace("{blob}", "BLOB", StringComparison.Ordinal)
        .Replace("{rowid}", "INTEGER PRIMARY KEY", StringComparison.Ordinal)
        .Replace("{without_rowid}", " WITHOUT ROWID", StringComparison.Ordinal);

    protected override async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", transaction: tx, cancellationToken: ct)).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: tx, cancellationToken: ct)).ConfigureAwait(false);
    }

    // One writer at a time: the IMMEDIATE transaction already holds SQLite's write lock.
    protected override Task LockAsync(DbConnection connection, DbTransaction tx, string key, CancellationToken ct) => Task.CompletedTask;

    protected override async Task WriteFullTextAsync(Sql.BatchCommands commands, long seq, FullTextForms forms, bool replace, CancellationToken ct)
    {
        if (replace)
        {
            await commands.For("DELETE FROM documents_fts WHERE rowid = @seq").Set("seq", seq).ExecuteAsync(ct).ConfigureAwait(false);
        }

        await commands.For("INSERT INTO documents_fts (rowid, title, body) VALUES (@seq, @title, @body)")
            .Set("seq", seq).Set("title", forms.Title).Set("body", forms.Body).ExecuteAsync(ct).ConfigureAwait(false);
    }

    // bm25 rank is lower-is-better; negate so higher is better in both dialects.
    protected override string FullTextSelect =>
        "SELECT d.seq AS seq, -f.rank AS score FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH @match";

    protected override string FullTextSelectUnranked =>
        "SELECT d.seq AS seq, 0.0 AS score FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH @match";

    // No join: the FTS rowid is documents.seq.
    protected override string FullTextOnly => "SELECT rowid AS seq, -rank AS score FROM documents_fts WHERE documents_fts MATCH @match";

    protected override string FullTextOnlyUnranked => "SELECT rowid AS seq, 0.0 AS score FROM documents_fts WHERE documents_fts MATCH @match";

    protected override string FullTextDocumentIds =>
        "SELECT d.id FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH @match";

    protected override string FullTextParameter(ImmutableArray<string> terms) => SearchText.Fts5Match(terms);

    protected override ValueTask DisposeCoreAsync()
    {
        // Release pooled handles so the file can be deleted or copied (tests, the kill test).
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
