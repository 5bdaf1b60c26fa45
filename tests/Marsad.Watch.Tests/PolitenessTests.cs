using Marsad.Events;
using Marsad.Annotations;
using Marsad.Watch.Alerts;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Marsad.Watch.Polling;
using Microsoft.Extensions.Time.Testing;

namespace Marsad.Tests.Watch;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # a comment
        User-agent: *
        Disallow: /private/
        Allow: /private/open/
        Crawl-delay: 3

        User-agent: OtherBot
        Disallow: /
        """;

    [Theory]
    [InlineData("/news/1.html", true)]
    [InlineData("/private/x.html", false)]
    [InlineData("/private/open/y.html", true)] // the longer Allow wins over the shorter Disallow
    [InlineData("/privatex", true)]
    public void IsAllowed_StarGroup_LongestMatchWins(string path, bool allowed) =>
        RobotsRules.Parse(Robots, PoliteHttpClient.ProductToken).IsAllowed(path).ShouldBe(allowed);

    [Fact]
    public void Parse_GroupNamingMarsad_PreferredOverStar()
    {
        var r = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: Marsad\nDisallow: /drafts/\n", PoliteHttpClient.ProductToken);
        r.IsAllowed("/news/").ShouldBeTrue();
        r.IsAllowed("/drafts/1").ShouldBeFalse();
    }

    [Fact]
    public void Parse_CrawlDelay_Read()
    {
        RobotsRules.Parse(Robots, PoliteHttpClient.ProductToken).CrawlDelay.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("Disallow: /*.pdf$", "/a/b.pdf", false)]
    [InlineData("Disallow: /*.pdf$", "/a/b.pdf?x=1", true)] // $ anchors the end
    [InlineData("Disallow: /*/print", "/2026/03/print", false)]
    [InlineData("Disallow:", "/anything", true)] // an empty Disallow allows all
    public void IsAllowed_WildcardsAndEnd(string rule, string path, bool allowed) =>
        RobotsRules.Parse("User-agent: *\n" + rule + "\n", PoliteHttpClient.ProductToken).IsAllowed(path).ShouldBe(allowed);

    [Fact]
    public void Parse_AllowAndDisallowSameLength_AllowWins() =>
        RobotsRules.Parse("User-agent: *\nDisallow: /a\nAllow: /a\n", PoliteHttpClient.ProductToken).IsAllowed("/a").ShouldBeTrue();

    [Fact]
    public void DisallowAll_RefusesEverything() => RobotsRules.DisallowAll.IsAllowed("/").ShouldBeFalse();
}

public sealed class BackoffTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    [Fact]
    public void Backoff_DoublesPerFailureWithinJitter()
    {
        var random = new Random(1);
        for (var failures = 1; failures <= 4; failures++)
        {
            var expected = Interval * Math.Pow(2, failures - 1);
            var d = SourcePoller.Backoff(Interval, failures, null, TimeSpan.FromDays(1), random);
            d.ShouldBeInRange(expected * 0.75, expected * 1.25);
        }
    }

    [Fact]
    public void Backoff_ManyFailures_CappedAtMaxBackoff()
    {
        var d = SourcePoller.Backoff(Interval, 40, null, TimeSpan.FromHours(6), new Random(2));
        d.ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(6) * 1.25);
        d.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromHours(6) * 0.75);
    }

    [Fact]
    public void Backoff_RetryAfterLonger_Honoured() =>
        SourcePoller.Backoff(Interval, 1, TimeSpan.FromHours(2), TimeSpan.FromHours(6), new Random(3)).ShouldBe(TimeSpan.FromHours(2));

    [Fact]
    public void Backoff_RetryAfterShorter_BackoffKept() =>
        SourcePoller.Backoff(Interval, 1, TimeSpan.FromSeconds(5), TimeSpan.FromHours(6), new Random(3)).ShouldBeGreaterThan(TimeSpan.FromMinutes(7));
}

public sealed class HostGateTests
{
    [Fact]
    public async Task Enter_SecondRequestSameHost_WaitsTheMinimumDelay()
    {
        var time = new FakeTimeProvider(WatchHarness.Start);
        using var gate = new HostGate();
        await gate.EnterAsync(TimeSpan.FromSeconds(5), time, default);
        gate.Exit(time.GetUtcNow());

        var second = gate.EnterAsync(TimeSpan.FromSeconds(5), time, default);
        await Task.Delay(50);
        second.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        second.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Exit(time.GetUtcNow());
    }

    [Fact]
    public async Task Enter_WhileAnotherRequestRuns_WaitsForItsEnd()
    {
        var time = new FakeTimeProvider(WatchHarness.Start);
        using var gate = new HostGate();
        await gate.EnterAsync(TimeSpan.Zero, time, default);
        var second = gate.EnterAsync(TimeSpan.Zero, time, default);
        await Task.Delay(50);
        // Per-host concurrency 1: the second waits for the first to end.
        second.IsCompleted.ShouldBeFalse();
        gate.Exit(time.GetUtcNow());
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Exit(time.GetUtcNow());
    }
}

public sealed class AlertMatcherTests
{
    private static readonly PlaceRef Place = new("p1", "Tall al-Ward", "تل الورد", 35.9, 36.6, "SY", "Idlib", null, null, "town");

    private static ExtractedEvent Event(int? fatalities = 4) => new()
    {
        EventType = "Battles",
        SubEventType = "Armed clash",
        Actor1 = new EventActor("a1", "Group One", 2),
        Location = new EventLocation(Place, 1),
        Fatalities = fatalities,
    };

    [Fact]
    public void Matches_EveryConditionHolds_True() =>
        AlertMatcher.Matches(new AlertRule("r", "battles", null, "Group One", "تل الورد", "Idlib", 3), Event()).ShouldBeTrue();

    [Fact]
    public void Matches_FatalitiesBelowMinimum_False() =>
        AlertMatcher.Matches(new AlertRule("r", null, null, null, null, null, 5), Event()).ShouldBeFalse();

    [Fact]
    public void Matches_FatalitiesUnknown_FalseForAMinimum() =>
        AlertMatcher.Matches(new AlertRule("r", null, null, null, null, null, 1), Event(null)).ShouldBeFalse();

    [Fact]
    public void Matches_OtherGovernorate_False() =>
        AlertMatcher.Matches(new AlertRule("r", null, null, null, null, "Aleppo", null), Event()).ShouldBeFalse();

    [Fact]
    public void Matches_ActorById_True() =>
        AlertMatcher.Matches(new AlertRule("r", null, null, "a1", null, null, null), Event()).ShouldBeTrue();

    [Fact]
    public void Matches_ActorAbsent_False() =>
        AlertMatcher.Matches(new AlertRule("r", null, null, "Group Two", null, null, null), Event()).ShouldBeFalse();
}
