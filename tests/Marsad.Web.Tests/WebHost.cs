using Marsad.Store;
using Microsoft.AspNetCore.Builder;
using Marsad.Web;
using Marsad.Web.Features.Auth;

namespace Marsad.Tests;

/// <summary>
/// A running <c>marsad serve</c> on 127.0.0.1 with a random port, over a fresh SQLite store seeded with
/// <see cref="Fixtures"/> and one reviewer account. Shared by the API and browser tests of a class.
/// </summary>
public sealed class WebHost : IAsyncLifetime
{
    public const string Reviewer = "rana";
    public const string Password = "correct horse battery";

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-web-test-").FullName;
    private WebApplication? _app;

    public IMarsadStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public WebOptions Options { get; set; } = new();

    public async Task InitializeAsync()
    {
        Store = MarsadStore.Open(Path.Combine(_dir, "test.db"));
        await Store.MigrateAsync();
        await Store.IngestBatchAsync(Fixtures.All());
        await Store.RecomputeMergesAsync();
        await Store.AddUserAsync(Reviewer, PasswordHashing.Hash(Password), "reviewer");
        _app = MarsadWebApp.Build(Options with { Urls = "http://127.0.0.1:0", Database = Path.Combine(_dir, "test.db") }, Store, catalogues: Fixtures.Catalogues());
        await _app.StartAsync();
        BaseAddress = new Uri(MarsadWebApp.Addresses(_app)[0].Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public HttpClient Client() => new(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
