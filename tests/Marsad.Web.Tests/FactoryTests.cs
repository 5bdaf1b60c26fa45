using System.Net;
using Marsad.Store;
using Marsad.Web;
using Marsad.Web.Features.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marsad.Tests;

/// <summary>
/// The same application under <see cref="WebApplicationFactory{TEntryPoint}"/> (in-memory test server). Marsad.Web is a
/// library, so the entry point type is this test assembly's (it has the entry point and deps file the factory checks)
/// and the host is assembled by <see cref="MarsadWebApp.ConfigureServices"/> and <see cref="MarsadWebApp.Configure"/>.
/// </summary>
public sealed class MarsadFactory : WebApplicationFactory<MarsadFactory>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-factory-").FullName;

    public MarsadFactory()
    {
        Store = MarsadStore.Open(Path.Combine(_dir, "f.db"));
        Store.MigrateAsync().GetAwaiter().GetResult();
        Store.IngestBatchAsync(Fixtures.All()).GetAwaiter().GetResult();
        Store.AddUserAsync(WebHost.Reviewer, PasswordHashing.Hash(WebHost.Password)).GetAwaiter().GetResult();
    }

    public IMarsadStore Store { get; }

    public WebOptions Options { get; init; } = new();

    /// <summary>The application's clock (sessions, rate limits); the system clock when null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Everything the application logged (category, level, whether an exception came with it).</summary>
    public CapturedLogs Logs { get; } = new();

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.AddProvider(Logs))
            .ConfigureWebHost(w => w
                .UseContentRoot(AppContext.BaseDirectory)
                .ConfigureServices(s => MarsadWebApp.ConfigureServices(s, Options, Store, time: Time))
                .Configure(app => MarsadWebApp.Configure(app, Options)));

    /// <summary>The UI is embedded in the assembly; the content root only needs to exist.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Store.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}

public sealed class FactoryTests : IDisposable
{
    private readonly MarsadFactory _open = new();
    private readonly MarsadFactory _closed = new() { Options = new WebOptions { ReadRequiresSignIn = true } };

    [Fact]
    public async Task Config_OpenReading_ReportsNoUser()
    {
        using var c = _open.CreateClient();
        var j = await c.GetJsonAsync("/api/config");
        j.GetProperty("readRequiresSignIn").GetBoolean().ShouldBeFalse();
        j.GetProperty("user").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Events_ReadRequiresSignIn_AnonymousIs401()
    {
        using var c = _closed.CreateClient();
        var r = await c.GetAsync(new Uri("/api/events", UriKind.Relative));
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Events_ReadRequiresSignIn_SignedInReads()
    {
        using var c = _closed.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await c.SignInAsync();
        var j = await c.GetJsonAsync("/api/events");
        j.GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Events_Open_AnonymousReads()
    {
        using var c = _open.CreateClient();
        var j = await c.GetJsonAsync("/api/events?status=machine");
        j.GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Review_SignedOut_AfterLogoutIs401()
    {
        using var c = _open.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await c.SignInAsync();
        (await c.GetAsync(new Uri("/api/review/queue", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await c.PostJsonAsync("/api/auth/logout", new { })).IsSuccessStatusCode.ShouldBeTrue();
        (await c.GetAsync(new Uri("/api/review/queue", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_TooManyAttempts_Is429()
    {
        // Password guessing is slowed: past the per-minute allowance, sign-in answers 429 even for a right password.
        using var c = _open.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i <= AuthSetup.LoginAttemptsPerMinute; i++)
        {
            codes.Add((await c.PostJsonAsync("/api/auth/login", new { username = WebHost.Reviewer, password = "guess " + i })).StatusCode);
        }

        codes.Take(AuthSetup.LoginAttemptsPerMinute).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        codes[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        (await c.PostJsonAsync("/api/auth/login", new { username = WebHost.Reviewer, password = WebHost.Password })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    public void Dispose()
    {
        _open.Dispose();
        _closed.Dispose();
    }
}
