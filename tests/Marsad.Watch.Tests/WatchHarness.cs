using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Watch;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Marsad.Tests.Watch;

/// <summary>A watcher over a fresh SQLite store, on a fake clock (or the real one for timeout tests).</summary>
public sealed class WatchHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-watch-tests", Guid.NewGuid().ToString("N"));

    public WatchHarness(TimeProvider? time = null)
    {
        Directory.CreateDirectory(_dir);
        Time = time ?? new FakeTimeProvider(Start);
        Database = Path.Combine(_dir, "watch.db");
        Store = MarsadStore.Open(Database, Time);
    }

    public TimeProvider Time { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Time;

    public string Database { get; }

    public string Folder => _dir;

    public IMarsadStore Store { get; }

    /// <summary>Politeness for tests: no delay between requests (the fake clock does not move by itself), no retries.</summary>
    public static HttpPoliteness Http { get; } = HttpPoliteness.Default with { MinDelay = TimeSpan.Zero, Retries = 0, Timeout = TimeSpan.FromSeconds(20) };

    public static WatchConfig Config(IEnumerable<WatchSource> sources, HttpPoliteness? http = null, IReadOnlyList<AlertRule>? alerts = null, string? alertsFile = null, Uri? webhook = null) =>
        new("tests@example.org", [.. sources], alerts ?? [], alertsFile, webhook, http ?? Http);

    public static WatchSource Source(Uri url, bool fullArticle = false, string? outlet = "شبكة الوادي", TimeSpan? interval = null) =>
        new(url, outlet, "ar", interval ?? TimeSpan.FromMinutes(15), fullArticle);

    /// <summary>Extraction stand-in: the document as read, no annotations (these tests are about fetching and storing).</summary>
    public static AnnotatedDocument NoExtraction(Document d) => AnnotatedDocument.Start(d);

    public Watcher Watcher(WatchConfig config, PoliteHttpClient http, Func<Document, AnnotatedDocument>? extract = null) =>
        new(config, Store, extract ?? NoExtraction, http, Time, NullLogger.Instance, new Random(7));

    public PoliteHttpClient Client(WatchConfig config) => new(config.Http, config.UserAgent, Time);

    public async Task InitAsync() => await Store.MigrateAsync();

    public async Task<IReadOnlyList<DocumentSummary>> DocumentsAsync() => await Store.ListDocumentsAsync(new DocumentQuery { Limit = 1000 });

    public async Task<WatchSourceState> StateAsync(WatchSource source) =>
        (await Store.ListWatchSourcesAsync()).Single(s => s.SourceId == source.Id);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
