using System.Text.Json;
using Marsad.Output;
using Marsad.Tests.Events;

namespace Marsad.Tests.Output;

public class EventWritersTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Marsad.Pipeline.AnnotatedDocument Sample() =>
        new EventDocBuilder("اندلعت اشتباكات بين قوات الحكومة وفصيل الجبهة في بلدة النخيل، أسفرت عن مقتل 2 من العناصر.", new DateOnly(2024, 3, 9), "Test Outlet")
            .Actor("قوات الحكومة", "actor:gov", 1).Actor("فصيل الجبهة", "actor:front", 2)
            .Place("النخيل", "place:nakhil", 35.1, 36.2).Run();

    [Fact]
    public void AcledCsv_Header_Has31ColumnsInAcledOrder()
    {
        var sw = new StringWriter();
        var w = new AcledCsvWriter(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
        w.Begin(sw);

        AcledCsvWriter.Columns.Count.ShouldBe(31);
        sw.ToString().ShouldStartWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,");
        sw.ToString().TrimEnd().ShouldEndWith("notes,fatalities,tags,timestamp");
    }

    [Fact]
    public void AcledCsv_Event_FillsCodedFields()
    {
        var doc = Sample();
        var row = AcledCsvWriter.Row(doc, 0, "1700000000");

        row.Count.ShouldBe(31);
        row[0].ShouldStartWith("SYR");
        row[1].ShouldBe("2024-03-09");
        row[2].ShouldBe("2024");
        row[4].ShouldBe("Political violence");
        row[5].ShouldBe("Battles");
        row[6].ShouldBe("Armed clash");
        row[9].ShouldBe("State forces");
        row[12].ShouldBe("Rebel group");
        row[13].ShouldBe("12");
        row[15].ShouldBe("760");
        row[16].ShouldBe("Middle East");
        row[17].ShouldBe("Syria");
        row[22].ShouldBe("35.1");
        row[23].ShouldBe("36.2");
        row[25].ShouldBe("Test Outlet");
        row[26].ShouldBe("National");
        row[27].ShouldContain("clashed with actor:front");
        row[28].ShouldBe("2");
        row[30].ShouldBe("1700000000");
    }

    [Fact]
    public void AcledCsv_EventId_IsDeterministic() =>
        AcledCsvWriter.EventId("SYR", "abc", 3).ShouldBe(AcledCsvWriter.EventId("SYR", "abc", 3));

    [Theory]
    [InlineData(1, 3, 13)]
    [InlineData(3, 1, 13)]
    [InlineData(2, 0, 20)]
    [InlineData(7, 7, 77)]
    public void Interaction_TwoCodes_LowerFirst(int a, int b, int expected) =>
        AcledCsvWriter.Interaction(a, b).ShouldBe(expected);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"x\"", "\"say \"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Quote_Rfc4180_QuotesOnlyWhenNeeded(string field, string expected) =>
        AcledCsvWriter.Quote(field).ShouldBe(expected);

    [Fact]
    public void AcledCsv_Stream_TimestampFromInjectedClock()
    {
        var sw = new StringWriter();
        var w = new AcledCsvWriter(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_234_567_890)));
        w.Begin(sw);
        w.Write(sw, Sample());
        w.End(sw);

        var lines = sw.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldEndWith(",1234567890");
    }

    [Fact]
    public void GeoJson_Stream_IsFeatureCollectionOfPoints()
    {
        var sw = new StringWriter();
        var w = new GeoJsonWriter();
        w.Begin(sw);
        w.Write(sw, Sample());
        w.Write(sw, Sample());
        w.End(sw);

        using var json = JsonDocument.Parse(sw.ToString());
        json.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var features = json.RootElement.GetProperty("features");
        features.GetArrayLength().ShouldBe(2);
        var f = features[0];
        f.GetProperty("geometry").GetProperty("type").GetString().ShouldBe("Point");
        f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble().ShouldBe(36.2);
        f.GetProperty("properties").GetProperty("sub_event_type").GetString().ShouldBe("Armed clash");
    }

    [Fact]
    public void GeoJson_NoEvents_IsEmptyCollection()
    {
        var sw = new StringWriter();
        var w = new GeoJsonWriter();
        w.Begin(sw);
        w.End(sw);

        using var json = JsonDocument.Parse(sw.ToString());
        json.RootElement.GetProperty("features").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("acled-csv")]
    [InlineData("geojson")]
    public void OutputFormats_KnownName_CreatesWriter(string name)
    {
        OutputFormats.TryCreate(name, out var w).ShouldBeTrue();
        w.ShouldNotBeNull();
        OutputFormats.Names.ShouldContain(name);
    }
}
