using Marsad.Watch.Config;

namespace Marsad.Tests.Watch;

public sealed class ConfigTests
{
    /// <summary>The README's five-line sources file.</summary>
    public const string FiveLines = """
        { "contact": "analyst@example.org",
          "sources": [
            { "outlet": "Local Outlet A", "url": "http://127.0.0.1:8081/feed.xml", "interval": "10m", "fullArticle": true },
            { "outlet": "Local Outlet B", "url": "http://127.0.0.1:8081/news/", "interval": "30m" } ] }
        """;

    [Fact]
    public void Parse_FiveLineFile_TwoSourcesWithDefaults()
    {
        var r = WatchConfigReader.Parse(FiveLines, "/tmp");
        r.IsValid.ShouldBeTrue(string.Join("; ", r.Errors));
        var c = r.Config!;
        c.Sources.Count.ShouldBe(2);
        c.Sources[0].Interval.ShouldBe(TimeSpan.FromMinutes(10));
        c.Sources[0].FullArticle.ShouldBeTrue();
        c.Sources[1].FullArticle.ShouldBeFalse();
        c.Sources[1].Language.ShouldBe("ar");
        c.Http.ShouldBe(HttpPoliteness.Default);
        c.UserAgent.ShouldStartWith("Marsad/");
        c.UserAgent.ShouldContain("analyst@example.org");
    }

    [Fact]
    public void Parse_AlertsAndHttp_ReadWithRelativeAlertsFile()
    {
        var r = WatchConfigReader.Parse("""
            { "contact": "a@example.org", "alertsFile": "alerts.jsonl", "webhook": "http://127.0.0.1:9/hook",
              "http": { "timeout": "5s", "minDelay": "1s", "maxBytes": 2048, "retries": 0 },
              "sources": [ { "url": "http://127.0.0.1:1/f" } ],
              "alerts": [ { "name": "x", "governorate": "Idlib", "minFatalities": 2 } ] }
            """, "/data/watch");
        r.IsValid.ShouldBeTrue(string.Join("; ", r.Errors));
        r.Config!.AlertsFile.ShouldBe("/data/watch/alerts.jsonl");
        r.Config.Alerts.Single().Admin1.ShouldBe("Idlib");
        r.Config.Http.Timeout.ShouldBe(TimeSpan.FromSeconds(5));
        r.Config.Http.Retries.ShouldBe(0);
        r.Config.Sources[0].Interval.ShouldBe(WatchConfigReader.DefaultInterval);
    }

    [Theory]
    [InlineData("""{ "sources": [ { "url": "http://127.0.0.1/f" } ] }""", "contact")]
    [InlineData("""{ "contact": "a@b", "sources": [] }""", "sources")]
    [InlineData("""{ "contact": "a@b", "sources": [ { "url": "ftp://x/f" } ] }""", "url")]
    [InlineData("""{ "contact": "a@b", "sources": [ { "url": "http://x/f", "fullarticle": true } ] }""", "unknown key")]
    [InlineData("""{ "contact": "a@b", "sources": [ { "url": "http://x/f", "interval": "2s" } ] }""", "interval")]
    [InlineData("""{ "contact": "a@b", "sources": [ { "url": "http://x/f" }, { "url": "http://x/f" } ] }""", "listed twice")]
    [InlineData("""{ "contact": "a@b", "alertsFile": "a.jsonl", "sources": [ { "url": "http://x/f" } ], "alerts": [ { "name": "all" } ] }""", "no condition")]
    [InlineData("""{ "contact": "a@b", "sources": [ { "url": "http://x/f" } ], "alerts": [ { "eventType": "Battles" } ] }""", "neither alertsFile nor webhook")]
    [InlineData("""{ "contact": "a (b)", "sources": [ { "url": "http://x/f" } ] }""", "parentheses")]
    [InlineData("""[1, 2]""", "JSON object")]
    [InlineData("""{ "contact": """, "not valid JSON")]
    public void Parse_Invalid_NamesTheProblem(string json, string expected)
    {
        var r = WatchConfigReader.Parse(json, "/tmp");
        r.IsValid.ShouldBeFalse();
        r.Errors.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal), string.Join("; ", r.Errors));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("0.5m", 30)]
    public void Durations_TryParse_UnitsAndCombinations(string text, int seconds)
    {
        Durations.TryParse(text, out var d).ShouldBeTrue();
        d.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("15")] // a number without a unit is ambiguous
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("")]
    [InlineData(null)]
    public void Durations_TryParse_AmbiguousOrUnknown_Refused(string? text) => Durations.TryParse(text, out _).ShouldBeFalse();
}
