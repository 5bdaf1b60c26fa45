using Microsoft.AspNetCore.Http;

namespace Marsad.Tests.Watch;

/// <summary>Servers that never finish: the whole-request timeout ends the poll (real clock, a 1-second timeout).</summary>
public sealed class TimeoutTests : IAsyncLifetime
{
    private readonly WatchHarness _h = new(TimeProvider.System);
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

    [Theory]
    [InlineData(false)] // no headers ever
    [InlineData(true)] // headers, then a body that never ends
    public async Task Poll_ServerHangs_TimesOutAndRecordsTheFailure(bool sendHeaders)
    {
        _outlet.Map("/feed.xml", async ctx =>
        {
            if (sendHeaders)
            {
                ctx.Response.ContentType = Fixtures.RssType;
                await ctx.Response.WriteAsync("<rss><channel><title>", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }

            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var source = WatchHarness.Source(_outlet.Url("/feed.xml"));
        var config = WatchHarness.Config([source], WatchHarness.Http with { Timeout = TimeSpan.FromSeconds(1) });
        using var http = _h.Client(config);
        using var watcher = _h.Watcher(config, http);

        // The guard only keeps a broken build from hanging the suite; the timeout under test is 1 s.
        var poll = (await watcher.PollDueAsync(default).WaitAsync(TimeSpan.FromMinutes(2))).Polls.Single();
        poll.Success.ShouldBeFalse();
        poll.Error!.ShouldContain("no complete response within 1 s");
        (await _h.StateAsync(source)).Failures.ShouldBe(1);
    }
}
