using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Marsad.Cli.Composition;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Watch;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Marsad.Bench;

/// <summary>
/// <c>watch-bench [--sources 200] [--items 10000] [--minutes 60] [--interval 5m] [--no-extraction] [--db PATH]</c>:
/// <c>marsad watch</c> over an hour of polling compressed by a fake clock. The outlets are a separate process (this
/// program with <c>watch-bench-server</c>) on 127.0.0.1, so the CPU time measured here is the watcher's alone: 200 RSS
/// feeds whose items appear evenly over the hour (each feed lists its newest 20, ETag = items so far, 304 when nothing is
/// new), each item linking to its article page (fetched: full-article mode). The clock advances a minute at a time and each
/// minute runs one round of the due sources; memory (managed heap after a full collection, working set) is printed every
/// 5 simulated minutes. Nothing but loopback is contacted.
/// </summary>
internal static class WatchBenchmark
{
    private const int FeedWindow = 20;

    internal static int RunFromCommandLine(string[] args) => Task.Run(() => RunAsync(args)).GetAwaiter().GetResult();

    internal static int ServeFromCommandLine(string[] args) => Task.Run(() => ServeAsync(args)).GetAwaiter().GetResult();

    private static string Arg(string[] args, string name, string def)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : def;
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var sources = int.Parse(Arg(args, "--sources", "200"), CultureInfo.InvariantCulture);
        var items = int.Parse(Arg(args, "--items", "10000"), CultureInfo.InvariantCulture);
        var minutes = int.Parse(Arg(args, "--minutes", "60"), CultureInfo.InvariantCulture);
        Durations.TryParse(Arg(args, "--interval", "5m"), out var interval).ShouldBeTrueOrThrow("--interval");
        var extraction = !args.Contains("--no-extraction");
        var db = Arg(args, "--db", Path.Combine(Path.GetTempPath(), "marsad-bench", "watch.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }

        using var server = StartServer(sources, items, minutes);
        var baseUrl = new Uri((await server.StandardOutput.ReadLineAsync()) ?? throw new InvalidOperationException("the outlet server did not start"));
        if (!baseUrl.IsLoopback)
        {
            throw new InvalidOperationException("the outlet server must listen on loopback");
        }

        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var config = new WatchConfig(
            "bench@example.org",
            [.. Enumerable.Range(0, sources).Select(k => new WatchSource(new Uri(baseUrl, $"s/{k}/feed.xml"), $"Outlet {k}", "ar", interval, FullArticle: true))],
            [],
            null,
            null,
            // One host for all 200 outlets here: no delay between requests (a real deployment keeps its 2 s per host).
            HttpPoliteness.Default with { MinDelay = TimeSpan.Zero, Retries = 0 });
        Func<Document, AnnotatedDocument> extract = AnnotatedDocument.Start;
        if (extraction)
        {
            extract = PipelineFactory.CreateExtraction(MarsadData.Locate()).Run;
        }

        await using var store = MarsadStore.Open(db, clock);
        await store.MigrateAsync();
        using var http = new PoliteHttpClient(config.Http, config.UserAgent, clock);
        using var watcher = new Watcher(config, store, extract, http, clock, NullLogger.Instance, new Random(1));
        using var control = new HttpClient();
        var proc = Process.GetCurrentProcess();
        Console.WriteLine($"watch-bench: {sources} sources, {items} items over {minutes} simulated minutes, interval {interval.TotalMinutes:0} min, extraction {(extraction ? "full pipeline" : "none")}, db {db}");
        Console.WriteLine("minute  stored  polls  failed  heap_MB  working_set_MB  cpu_s");
        var cpu0 = proc.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long stored = 0, polls = 0, failed = 0;
        var heaps = new List<double>();
        for (var minute = 0; minute <= minutes; minute++)
        {
            // Tell the outlets the simulated time, then let the watcher poll what is due.
            (await control.PostAsync(new Uri(baseUrl, $"clock?m={minute}"), null)).EnsureSuccessStatusCode();
            var round = await watcher.PollDueAsync(default);
            stored += round.Stored;
            polls += round.Polls.Count;
            failed += round.Failed;
            if (minute % 5 == 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
                heaps.Add(heap);
                proc.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{minute,6}  {stored,6}  {polls,5}  {failed,6}  {heap,7:0.0}  {proc.WorkingSet64 / 1048576.0,14:0}  {(proc.TotalProcessorTime - cpu0).TotalSeconds,5:0.0}"));
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        var docs = (await store.GetStatsAsync()).Documents;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result: {docs} documents ({stored} stored), {polls} polls, {failed} failed; wall {wall.Elapsed.TotalSeconds:0.0} s, watcher CPU {cpu:0.0} s = {cpu * 1000 / Math.Max(1, stored):0.00} ms CPU per item; heap after full GC {heaps[1]:0.0} MB at 5 min → {heaps[^1]:0.0} MB at {minutes} min (max {heaps.Max():0.0})"));
        server.Kill(entireProcessTree: true);
        return docs == items && failed == 0 ? 0 : 1;
    }

    private static void ShouldBeTrueOrThrow(this bool ok, string what)
    {
        if (!ok)
        {
            throw new ArgumentException("bad " + what);
        }
    }

    private static Process StartServer(int sources, int items, int minutes)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(psi.FileName) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(WatchBenchmark).Assembly.Location);
        }

        foreach (var a in new[] { "watch-bench-server", "--sources", sources.ToString(CultureInfo.InvariantCulture), "--items", items.ToString(CultureInfo.InvariantCulture), "--minutes", minutes.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the outlet server");
    }

    /// <summary>The outlets: item j of source k appears at simulated minute ⌊j·M/n⌋ (n items per source over M minutes).</summary>
    private static async Task<int> ServeAsync(string[] args)
    {
        var sources = int.Parse(Arg(args, "--sources", "200"), CultureInfo.InvariantCulture);
        var items = int.Parse(Arg(args, "--items", "10000"), CultureInfo.InvariantCulture);
        var minutes = int.Parse(Arg(args, "--minutes", "60"), CultureInfo.InvariantCulture);
        var perSource = items / sources;
        var now = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        int Published(int k) => Math.Min(perSource, ((now + 1) * perSource / Math.Max(1, minutes)) + (k % 2));
        app.Run(async ctx =>
        {
            var parts = ctx.Request.Path.Value!.Trim('/').Split('/');
            if (parts is ["clock"])
            {
                now = int.Parse(ctx.Request.Query["m"]!, CultureInfo.InvariantCulture);
                return;
            }

            if (parts is ["s", var ks, "feed.xml"] && int.TryParse(ks, CultureInfo.InvariantCulture, out var k))
            {
                var n = Published(k);
                var etag = $"\"{n}\"";
                ctx.Response.Headers.ETag = etag;
                if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
                {
                    ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }

                ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
                await ctx.Response.WriteAsync(Feed(ctx.Request, k, n));
                return;
            }

            if (parts is ["s", var ks2, var page] && int.TryParse(ks2, CultureInfo.InvariantCulture, out var k2) && page.EndsWith(".html", StringComparison.Ordinal)
                && int.TryParse(page[..^5], CultureInfo.InvariantCulture, out var j))
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync(Page(k2, j));
                return;
            }

            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(address + "/");
        Console.Out.Flush();
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string Feed(HttpRequest req, int k, int n)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Outlet ").Append(k).Append("</title>");
        for (var j = n - 1; j >= Math.Max(0, n - FeedWindow); j--)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>خبر {k}-{j}</title><link>http://{req.Host}/s/{k}/{j}.html</link><pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate><description>ملخص الخبر {j}.</description></item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }

    /// <summary>Reports written for the benchmark (own vocabulary; fictional places), distinct per (source, item).</summary>
    private static readonly string[] Openings =
    [
        "قصفت قوات مجهولة أطراف بلدة تل الورد",
        "اندلعت اشتباكات بين مجموعتين مسلحتين قرب جسر السنديان",
        "نظم عشرات الأهالي وقفة احتجاجية في قرية عين الصفصاف",
        "انفجرت عبوة ناسفة على الطريق بين قريتي الرمانة والخزامى",
        "سقطت قذيفتان على سوق شعبي في بلدة المرجة",
    ];

    private static string Page(int k, int j) =>
        $"""
        <!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر {k}-{j}</title></head>
        <body><nav><a href="/">الرئيسية</a></nav><article><h1>خبر {k}-{j}</h1>
        <p>{Openings[(k + j) % Openings.Length]} صباح اليوم، ما أدى إلى مقتل {j % 7} مدنيين وإصابة {k % 9} آخرين بجروح.</p>
        <p>وقال مراسل المنفذ {k} إن الخبر رقم {j} تأكد من مصادر محلية متعددة في وقت لاحق.</p>
        <p>وتشهد المنطقة توتراً منذ أسابيع وسط غياب أي جهود للتهدئة بين الأطراف المحلية.</p>
        </article><footer>جميع الحقوق محفوظة</footer></body></html>
        """;
}
