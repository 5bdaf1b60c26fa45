using System.IO.Compression;
using System.Text;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Watch.Config;
using Microsoft.AspNetCore.Http;

namespace Marsad.Tests.Watch;

/// <summary>The watcher against a local outlet (Kestrel on 127.0.0.1): real HTTP, a fake clock, a fresh store.</summary>
public sealed class WatcherTests : IAsyncLifetime
{
    private readonly WatchHarness _h = new();
    private TestOutlet _outlet = null!;

    public async Task InitializeAsync()
    {
        _outlet = await TestOutlet.StartAsync();
        await _h.InitAsync();
    }

    public async Task DisposeAsync()
    {
        await _outlet.DisposeAsync();
        await _h.DisposeAsync();
    }

    private static IEnumerable<Fixtures.Item> Items(TestOutlet outlet, int from, int count, string prefix = "news") =>
        Enumerable.Range(from, count).Select(i => new Fixtures.Item($"خبر {i}", outlet.Url($"/{prefix}/{i}.html").AbsoluteUri, Fixtures.Report(i), new DateOnly(2026, 2, 20)));

    private void MapPages(int from, int count, string prefix = "news")
    {
        for (var i = from; i < from + count; i++)
        {
            // The page carries the whole report and a paragraph the feed's summary lacks.
            _outlet.MapText($"/{prefix}/{i}.html", Fixtures.HtmlType, Fixtures.Page($"خبر {i}", Fixtures.Report(i) + "\nوفي تفاصيل إضافية لم ترد في الملخص، قال شاهد إن الأضرار طالت منازل عدة."));
        }
    }

    [Fact]
    public async Task Poll_FeedWithETag_SecondPollConditional304StoresNothingNew()
    {
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 3)), etag: "\"v1\"");
        var source = WatchHarness.Source(_outlet.Url("/feed.xml"));
        var config = WatchHarness.Config([source]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var first = await watcher.PollDueAsync(default);
        first.Polls.Single().Stored.ShouldBe(3);
        (await _h.StateAsync(source)).ETag.ShouldBe("\"v1\"");

        _h.Clock.Advance(TimeSpan.FromMinutes(16));
        var second = await watcher.PollDueAsync(default);
        second.Polls.Single().Success.ShouldBeTrue();
        second.Polls.Single().Fresh.ShouldBe(0);
        _outlet.Requests.Last(r => r.Path == "/feed.xml").Headers.IfNoneMatch.ToString().ShouldBe("\"v1\"");
        _outlet.Hits("/feed.xml").ShouldBe(2);
        (await _h.DocumentsAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Poll_NotDueYet_NoRequest()
    {
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 1)));
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);
        await watcher.PollDueAsync(default);

        // 14 of the 15 minutes: the source is not due, nothing is asked of the outlet.
        _h.Clock.Advance(TimeSpan.FromMinutes(14));
        (await watcher.PollDueAsync(default)).Polls.ShouldBeEmpty();
        _outlet.Hits("/feed.xml").ShouldBe(1);
    }

    [Fact]
    public async Task Poll_503WithLongRetryAfter_NotAskedAgainBeforeIt()
    {
        var down = true;
        var feed = Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 2));
        _outlet.Map("/feed.xml", async ctx =>
        {
            if (down)
            {
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ctx.Response.Headers.RetryAfter = "3600";
                return;
            }

            ctx.Response.ContentType = Fixtures.RssType;
            await ctx.Response.WriteAsync(feed);
        });
        var source = WatchHarness.Source(_outlet.Url("/feed.xml"));
        // Retries allowed in the poll, but an hour's Retry-After is longer than a poll waits: none is made.
        var config = WatchHarness.Config([source], WatchHarness.Http with { Retries = 2 });
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var first = (await watcher.PollDueAsync(default)).Polls.Single();
        first.Success.ShouldBeFalse();
        first.Error!.ShouldContain("503");
        _outlet.Hits("/feed.xml").ShouldBe(1);
        var state = await _h.StateAsync(source);
        state.Failures.ShouldBe(1);
        state.NextDue.ShouldBeGreaterThanOrEqualTo(WatchHarness.Start.AddHours(1));

        // Past the 15-minute interval but before the hour: still not asked.
        _h.Clock.Advance(TimeSpan.FromMinutes(30));
        (await watcher.PollDueAsync(default)).Polls.ShouldBeEmpty();
        _outlet.Hits("/feed.xml").ShouldBe(1);

        down = false;
        _h.Clock.Advance(TimeSpan.FromMinutes(31));
        var after = (await watcher.PollDueAsync(default)).Polls.Single();
        after.Success.ShouldBeTrue();
        after.Stored.ShouldBe(2);
        (await _h.StateAsync(source)).Failures.ShouldBe(0);
    }

    [Fact]
    public async Task Poll_503ThenOk_RetriedWithinThePoll()
    {
        var calls = 0;
        var feed = Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 1));
        _outlet.Map("/feed.xml", async ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Retry-After: 0 lets the retry go at once on the fake clock.
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ctx.Response.Headers.RetryAfter = "0";
                return;
            }

            ctx.Response.ContentType = Fixtures.RssType;
            await ctx.Response.WriteAsync(feed);
        });
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))], WatchHarness.Http with { Retries = 2 });
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var poll = (await watcher.PollDueAsync(default)).Polls.Single();
        poll.Success.ShouldBeTrue(poll.Error);
        poll.Stored.ShouldBe(1);
        _outlet.Hits("/feed.xml").ShouldBe(2);
    }

    [Fact]
    public async Task Poll_RobotsDisallow_PathNeverRequested()
    {
        _outlet.MapText("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n");
        _outlet.MapText("/private/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 1)));
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 5, 1)));
        var blocked = WatchHarness.Source(_outlet.Url("/private/feed.xml"));
        var open = WatchHarness.Source(_outlet.Url("/feed.xml"));
        var config = WatchHarness.Config([blocked, open]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var round = await watcher.PollDueAsync(default);
        round.Polls.Single(p => p.SourceId == blocked.Id).Error!.ShouldContain("robots.txt");
        round.Polls.Single(p => p.SourceId == open.Id).Stored.ShouldBe(1);
        _outlet.Hits("/private/feed.xml").ShouldBe(0);
        // robots.txt is asked once per origin and cached.
        _outlet.Hits("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task Poll_FullArticle_StoresThePageBehindEachItem()
    {
        var summaries = Enumerable.Range(0, 3).Select(i => new Fixtures.Item($"خبر {i}", _outlet.Url($"/news/{i}.html").AbsoluteUri, "ملخص قصير للخبر.", new DateOnly(2026, 2, 20)));
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("عنوان الخلاصة", summaries));
        MapPages(0, 3);
        var source = WatchHarness.Source(_outlet.Url("/feed.xml"), fullArticle: true, outlet: "مرصد الاختبار");
        var config = WatchHarness.Config([source]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        (await watcher.PollDueAsync(default)).Polls.Single().Stored.ShouldBe(3);
        var docs = await _h.DocumentsAsync();
        docs.Count.ShouldBe(3);
        docs.ShouldAllBe(d => d.Outlet == "مرصد الاختبار");
        var one = await _h.Store.GetDocumentAsync(docs[0].Id);
        one!.Text.ShouldContain("تفاصيل إضافية");
        one.Text.ShouldNotContain("اقرأ أيضاً");
        one.Text.ShouldNotContain("ملخص قصير");
        Enumerable.Range(0, 3).ShouldAllBe(i => _outlet.Hits($"/news/{i}.html") == 1);
    }

    [Fact]
    public async Task Poll_FullArticlePageGone_FallsBackOnTheFeedText()
    {
        // The page answers 404: the feed's own text is stored instead of losing the report.
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 1)));
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"), fullArticle: true)]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        (await watcher.PollDueAsync(default)).Polls.Single().Stored.ShouldBe(1);
        var doc = await _h.Store.GetDocumentAsync((await _h.DocumentsAsync())[0].Id);
        // The feed's description, HTML-stripped (its line break became a space).
        doc!.Text.ShouldStartWith(Fixtures.Sentences[0]);
        doc.Text.ShouldNotContain("تفاصيل إضافية");
    }

    [Fact]
    public async Task Poll_SectionPage_DiscoversAndRemembersItsFeed()
    {
        _outlet.MapText("/news/", Fixtures.HtmlType, "<!doctype html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/news.xml\"></head><body><p>أخبار</p></body></html>");
        _outlet.MapText("/rss/news.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 2)));
        var source = WatchHarness.Source(_outlet.Url("/news/"));
        var config = WatchHarness.Config([source]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        (await watcher.PollDueAsync(default)).Polls.Single().Stored.ShouldBe(2);
        (await _h.StateAsync(source)).FeedUrl.ShouldBe(_outlet.Url("/rss/news.xml").AbsoluteUri);
        _h.Clock.Advance(TimeSpan.FromMinutes(16));
        await watcher.PollDueAsync(default);
        _outlet.Hits("/news/").ShouldBe(1);
        _outlet.Hits("/rss/news.xml").ShouldBe(2);
    }

    [Fact]
    public async Task Poll_PageWithoutFeedLink_FailsWithReason()
    {
        _outlet.MapText("/news/", Fixtures.HtmlType, Fixtures.Page("أخبار", Fixtures.Report(0)));
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/news/"))]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var poll = (await watcher.PollDueAsync(default)).Polls.Single();
        poll.Success.ShouldBeFalse();
        poll.Error!.ShouldContain("no RSS or Atom feed");
    }

    [Fact]
    public async Task Poll_TwoFeedsCarryTheSameItem_OneDocumentPageFetchedOnce()
    {
        // Both feeds list item 1; feed B also lists item 2 under another link with item 1's very text.
        var shared = Items(_outlet, 1, 1).Single();
        _outlet.MapText("/a.xml", Fixtures.RssType, Fixtures.Rss("أ", [shared, .. Items(_outlet, 0, 1)]));
        _outlet.MapText("/b.xml", Fixtures.RssType, Fixtures.Rss("ب", [shared, shared with { Link = _outlet.Url("/mirror/1.html").AbsoluteUri }]));
        MapPages(0, 2);
        _outlet.MapText("/mirror/1.html", Fixtures.HtmlType, Fixtures.Page("خبر 1", Fixtures.Report(1) + "\nوفي تفاصيل إضافية لم ترد في الملخص، قال شاهد إن الأضرار طالت منازل عدة."));
        var a = WatchHarness.Source(_outlet.Url("/a.xml"), fullArticle: true);
        var b = WatchHarness.Source(_outlet.Url("/b.xml"), fullArticle: true);
        var config = WatchHarness.Config([a, b]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var round = await watcher.PollDueAsync(default);
        // Two new documents; the mirror's copy of report 1 is the same document (ids are hashes of the text).
        round.Stored.ShouldBe(2);
        round.Polls.Sum(p => p.Unchanged + p.Updated).ShouldBe(1);
        (await _h.DocumentsAsync()).Count.ShouldBe(2);
        // The shared link is one item: at most one fetch of its page, whichever feed came first.
        _outlet.Hits("/news/1.html").ShouldBe(1);
    }

    [Fact]
    public async Task Poll_NewWatcherOnSameStore_ResumesWithoutRefetchingItems()
    {
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 3)));
        MapPages(0, 4);
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"), fullArticle: true)]);
        using (var http = _h.Client(config))
        using (var watcher = _h.Watcher(config, http))
        {
            (await watcher.PollDueAsync(default)).Stored.ShouldBe(3);
        }

        // A restarted watcher (new objects, same database) sees one more item: only that page is fetched.
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 4)));
        _h.Clock.Advance(TimeSpan.FromMinutes(16));
        using (var http = _h.Client(config))
        using (var watcher = _h.Watcher(config, http))
        {
            var poll = (await watcher.PollDueAsync(default)).Polls.Single();
            poll.Fresh.ShouldBe(1);
            poll.Stored.ShouldBe(1);
        }

        Enumerable.Range(0, 4).ShouldAllBe(i => _outlet.Hits($"/news/{i}.html") == 1);
        (await _h.DocumentsAsync()).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Poll_ItemTextChanged_UpdatedInPlace()
    {
        var item = Items(_outlet, 0, 1).Single();
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", [item]));
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);
        await watcher.PollDueAsync(default);

        // The outlet corrects its report (same link): the item's hash changes and it is processed again.
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", [item with { Summary = Fixtures.Report(0) + "\nتحديث: ارتفع عدد الجرحى." }]));
        _h.Clock.Advance(TimeSpan.FromMinutes(16));
        var poll = (await watcher.PollDueAsync(default)).Polls.Single();
        poll.Fresh.ShouldBe(1);
        // A new text is a new document (ids are hashes of the text); the old one stays.
        poll.Stored.ShouldBe(1);
        (await _h.DocumentsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Poll_UserAgentAndGzip_NamesMarsadAndContactDecodesBody()
    {
        var feed = Encoding.UTF8.GetBytes(Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 2)));
        _outlet.Map("/feed.xml", async ctx =>
        {
            ctx.Request.Headers.AcceptEncoding.ToString().ShouldContain("gzip");
            using var buffer = new MemoryStream();
            await using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gz.WriteAsync(feed);
            }

            ctx.Response.Headers.ContentEncoding = "gzip";
            ctx.Response.ContentType = Fixtures.RssType;
            await ctx.Response.Body.WriteAsync(buffer.ToArray());
        });
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        (await watcher.PollDueAsync(default)).Stored.ShouldBe(2);
        var ua = _outlet.Requests.First(r => r.Path == "/feed.xml").Headers.UserAgent.ToString();
        ua.ShouldStartWith("Marsad/");
        ua.ShouldContain("tests@example.org");
    }

    [Fact]
    public async Task Poll_Windows1256FromHeader_DecodedByTheExistingDetector()
    {
        var cp1256 = Marsad.Inputs.EncodingDetector.Windows1256;
        var xml = Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 1)).Replace("encoding=\"utf-8\"", "encoding=\"windows-1256\"", StringComparison.Ordinal);
        _outlet.MapText("/feed.xml", "application/rss+xml; charset=windows-1256", xml, encoding: cp1256);
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))]);
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        (await watcher.PollDueAsync(default)).Stored.ShouldBe(1);
        (await _h.Store.GetDocumentAsync((await _h.DocumentsAsync())[0].Id))!.Text.ShouldStartWith(Fixtures.Sentences[0]);
    }

    [Fact]
    public async Task Poll_Response50MB_RejectedAtTheCap()
    {
        _outlet.Map("/feed.xml", async ctx =>
        {
            // 50 MB, chunked (no Content-Length, so the cap is met while reading).
            ctx.Response.ContentType = Fixtures.RssType;
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            try
            {
                await ctx.Response.WriteAsync("<rss><channel>");
                for (var i = 0; i < 50 * 16; i++)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The client stopped reading at the cap and closed the connection.
            }
        });
        var source = WatchHarness.Source(_outlet.Url("/feed.xml"));
        var config = WatchHarness.Config([source], WatchHarness.Http with { MaxBytes = 1024 * 1024 });
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        var poll = (await watcher.PollDueAsync(default)).Polls.Single();
        poll.Success.ShouldBeFalse();
        poll.Error!.ShouldContain("larger than the cap of 1,048,576 bytes");
        (await _h.StateAsync(source)).LastError!.ShouldContain("cap");
        (await _h.DocumentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_DeclaredContentLengthOverCap_RejectedBeforeTheBody()
    {
        _outlet.Map("/feed.xml", async ctx =>
        {
            ctx.Response.ContentType = Fixtures.RssType;
            ctx.Response.ContentLength = 50L * 1024 * 1024;
            await ctx.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))], WatchHarness.Http with { MaxBytes = 1024 * 1024 });
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        (await watcher.PollDueAsync(default)).Polls.Single().Error!.ShouldContain("larger than the cap");
    }

    [Fact]
    public async Task Poll_Alerts_MatchingEventWrittenToFileAndPostedToWebhook()
    {
        _outlet.MapText("/feed.xml", Fixtures.RssType, Fixtures.Rss("شبكة الوادي", Items(_outlet, 0, 2)));
        var posted = new List<string>();
        _outlet.Map("/hook", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            lock (posted)
            {
                posted.Add(reader.ReadToEndAsync().GetAwaiter().GetResult());
            }

            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            await Task.CompletedTask;
        });
        var alertsFile = Path.Combine(_h.Folder, "alerts.jsonl");
        var rule = new AlertRule("deaths", "Explosions/Remote violence", null, null, null, "Idlib", 3);
        var config = WatchHarness.Config([WatchHarness.Source(_outlet.Url("/feed.xml"))], alerts: [rule], alertsFile: alertsFile, webhook: _outlet.Url("/hook"));
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http, FakeEvents);

        var poll = (await watcher.PollDueAsync(default)).Polls.Single();
        // Report 0 gets 3 fatalities (matches), report 1 gets 1 (below the minimum).
        poll.Alerts.ShouldBe(1);
        var lines = await File.ReadAllLinesAsync(alertsFile);
        lines.Length.ShouldBe(1);
        lines[0].ShouldContain("\"rule\":\"deaths\"");
        lines[0].ShouldContain("\"fatalities\":3");
        posted.Count.ShouldBe(1);
        posted[0].ShouldBe(lines[0]);

        // The same documents seen again (a restart that re-reads the feed) raise no alert twice.
        _h.Clock.Advance(TimeSpan.FromMinutes(16));
        await watcher.PollDueAsync(default);
        (await File.ReadAllLinesAsync(alertsFile)).Length.ShouldBe(1);
    }

    /// <summary>An extraction stand-in that gives each report one shelling event in Idlib; fatalities from its first sentence.</summary>
    private static AnnotatedDocument FakeEvents(Document d)
    {
        var place = new PlaceRef("p1", "Tall al-Ward", "تل الورد", 35.9, 36.6, "SY", "Idlib", null, null, "town");
        var e = new ExtractedEvent
        {
            EventType = "Explosions/Remote violence",
            SubEventType = "Shelling/artillery/missile attack",
            Location = new EventLocation(place, 1),
            Fatalities = d.Text.StartsWith(Fixtures.Sentences[0], StringComparison.Ordinal) ? 3 : 1,
        };
        return AnnotatedDocument.Start(d).WithEvents([e]);
    }
}
