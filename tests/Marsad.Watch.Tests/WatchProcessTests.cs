using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Watch;

/// <summary>
/// The real <c>marsad watch</c> process against a local outlet: killed with SIGKILL in the middle of a poll, then run
/// again, every item is stored exactly once and items committed before the kill are not fetched again; SIGTERM stops
/// it gracefully.
/// </summary>
public sealed class WatchProcessTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-watch-process", Guid.NewGuid().ToString("N"));
    private TestOutlet _outlet = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _outlet = await TestOutlet.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _outlet.DisposeAsync();
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

    private string WriteSources(bool fullArticle)
    {
        var path = Path.Combine(_dir, "sources.json");
        File.WriteAllText(path, $$"""
            { "contact": "tests@example.org",
              "http": { "minDelay": "0s", "retries": 0 },
              "sources": [ { "outlet": "شبكة الوادي", "url": "{{_outlet.Url("/feed.xml")}}", "interval": "1h", "fullArticle": {{(fullArticle ? "true" : "false")}} } ] }
            """);
        return path;
    }

    private void MapFeed(int count, TimeSpan pageDelay)
    {
        var items = Enumerable.Range(0, count).Select(i => new Fixtures.Item($"خبر {i}", _outlet.Url($"/news/{i}.html").AbsoluteUri, Fixtures.Report(i), new DateOnly(2026, 2, 20)));
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", items));
        for (var i = 0; i < count; i++)
        {
            var page = Encoding.UTF8.GetBytes(Fixtures.Page($"خبر {i}", Fixtures.Report(i)));
            _outlet.Map($"/news/{i}.html", async ctx =>
            {
                // Slow pages, so the poll is long enough to be killed in the middle.
                await Task.Delay(pageDelay);
                ctx.Response.ContentType = Fixtures.HtmlType;
                await ctx.Response.Body.WriteAsync(page);
            });
        }
    }

    [KillProcessFact]
    public async Task Watch_KilledMidPollThenRestarted_EachItemStoredOnce()
    {
        const int Count = 40;
        MapFeed(Count, TimeSpan.FromMilliseconds(150));
        var sources = WriteSources(fullArticle: true);
        var db = Path.Combine(_dir, "watch.db");

        using (var p = Start(db, sources))
        {
            var sw = Stopwatch.StartNew();
            // One batch committed (16 documents), then SIGKILL while the next pages are being fetched.
            while (Count0(db, "documents") < 16 && !p.HasExited && sw.Elapsed < TimeSpan.FromMinutes(4))
            {
                await Task.Delay(10);
            }

            p.HasExited.ShouldBeFalse("watch exited before it could be killed: " + await p.StandardError.ReadToEndAsync());
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        var afterKill = Count0(db, "documents");
        afterKill.ShouldBeGreaterThan(0);
        afterKill.ShouldBeLessThan(Count, "the poll finished before the kill; make the pages slower");
        var committed = Urls(db);
        committed.Count.ShouldBe((int)afterKill);
        Count0(db, "watch_items").ShouldBe(afterKill);

        SqliteConnection.ClearAllPools();
        using (var p = Start(db, sources, "--once"))
        {
            var err = p.StandardError.ReadToEndAsync();
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            p.ExitCode.ShouldBe(0, output + await err);
        }

        Count0(db, "documents").ShouldBe(Count);
        Count0(db, "watch_items").ShouldBe(Count);
        Scalar(db, "SELECT COUNT(DISTINCT id) FROM documents").ShouldBe(Count);
        // Items committed before the kill are never fetched again; each of the others at most twice (once in the killed run).
        foreach (var url in committed)
        {
            _outlet.Hits(new Uri(url).AbsolutePath).ShouldBe(1, url);
        }

        Enumerable.Range(0, Count).ShouldAllBe(i => _outlet.Hits($"/news/{i}.html") >= 1 && _outlet.Hits($"/news/{i}.html") <= 2);
    }

    [Fact]
    public async Task Watch_Sigterm_StopsGracefully()
    {
        MapFeed(3, TimeSpan.Zero);
        var sources = WriteSources(fullArticle: false);
        var db = Path.Combine(_dir, "term.db");
        using var p = Start(db, sources);
        var err = new StringBuilder();
        p.ErrorDataReceived += (_, e) =>
        {
            lock (err)
            {
                err.AppendLine(e.Data);
            }
        };
        p.BeginErrorReadLine();
        var sw = Stopwatch.StartNew();
        while (Count0(db, "watch_sources") < 1 && !p.HasExited && sw.Elapsed < TimeSpan.FromMinutes(4))
        {
            await Task.Delay(20);
        }

        p.HasExited.ShouldBeFalse();
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        // The guard keeps a process that ignores SIGTERM from hanging the suite.
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, err.ToString());
        err.ToString().ShouldContain("\"message\":\"stopped\"");
        Count0(db, "documents").ShouldBe(3);
    }

    private static Process Start(string db, string sources, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { MarsadDll(), "watch", "--db", db, sources }.Concat(extra))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("MARSAD_DB");
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start marsad");
    }

    /// <summary>The CLI built beside this test assembly's configuration (the project reference builds it).</summary>
    private static string MarsadDll()
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Marsad.Testing.SharedMaterial.RepositoryRoot, "src", "Marsad.Cli", "bin", config, "net10.0", "marsad.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} not built");
        return dll;
    }

    private static long Count0(string db, string table)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            return Scalar(db, "SELECT COUNT(*) FROM " + table);
        }
        catch (SqliteException)
        {
            // The schema is not created yet.
            return 0;
        }
    }

    private static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Urls(string db)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT url FROM documents";
        using var r = cmd.ExecuteReader();
        var urls = new List<string>();
        while (r.Read())
        {
            urls.Add(r.GetString(0));
        }

        return urls;
    }
}

/// <summary>
/// The kill -9 process test starts the full pipeline in a child process twice; on a saturated 2-core machine it
/// has outrun its hang detector, so it runs when MARSAD_WATCH_KILL_TEST=1 (as the web performance run is opt-in).
/// </summary>
public sealed class KillProcessFactAttribute : FactAttribute
{
    public KillProcessFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MARSAD_WATCH_KILL_TEST") != "1")
        {
            Skip = "Process kill test: set MARSAD_WATCH_KILL_TEST=1 to run it (two child processes with the full pipeline).";
        }
    }
}
