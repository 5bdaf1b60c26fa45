using System.Diagnostics;
using System.Text.Json;

namespace Marsad.Tests;

/// <summary>Issue 14, failure 9: every acled-csv writer gives ACLED's columns and conventions; one GeoJSON schema; safe cells.</summary>
public sealed class ExportConsistencyTests : IDisposable
{
    /// <summary>ACLED's public export columns, in ACLED's order (written out here, independently of the code's list).</summary>
    private const string AcledHeader =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
        + "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
        + "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    private const string Hostile = "=HYPERLINK(\"http://example.invalid\")";

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Ingested()
    {
        var db = Path.Combine(_dir, "m.db");
        CliRun.Of("ingest", "--db", db, "--outlet", Hostile, "--published", "2021-12-06", CliRun.SamplesFolder).Exit.ShouldBe(0);
        return db;
    }

    /// <summary>Reads the CSV with Python's csv module, a real consumer: header, row count, and every row's width.</summary>
    private string[] PythonCsv(string csv)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv);
        var psi = new ProcessStartInfo("python3", ["-c", "import csv,sys\nrows=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8')))\nprint(','.join(rows[0]))\nprint(len(rows)-1)\nprint(set(len(r) for r in rows)=={len(rows[0])})\nprint(min((r[25] for r in rows[1:]),default=''))", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi).ShouldNotBeNull();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
        return output.Split('\n');
    }

    [Fact]
    public void Export_AcledCsv_AcledColumnsInOrderThenMarsads()
    {
        // Before: export lacked disorder_type, civilian_targeting, iso, region, source_scale, timestamp.
        var db = Ingested();
        var run = CliRun.Of("export", "--db", db, "--format", "acled-csv");
        run.Exit.ShouldBe(0);
        var py = PythonCsv(run.Stdout);
        py[0].ShouldStartWith(AcledHeader + ",");
        py[0][(AcledHeader.Length + 1)..].ShouldBe("document_id,review_status,merged_event_id,source_count,outlet_count,fatalities_conflict");
        int.Parse(py[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        py[2].ShouldBe("True");
    }

    [Fact]
    public void ExtractAndExport_AcledCsv_SameConventions()
    {
        // Before: export wrote "SY" for country and numeric inter1; extract wrote "Syria" and ACLED's labels.
        var db = Ingested();
        var extract = CliRun.Of("extract", "--format", "acled-csv", "--outlet", Hostile, "--published", "2021-12-06", CliRun.SamplesFolder);
        var export = CliRun.Of("events", "--db", db, "--format", "acled-csv", "--limit", "1000");
        PythonCsv(extract.Stdout)[0].ShouldBe(AcledHeader);
        var a = Rows(extract.Stdout);
        var b = Rows(export.Stdout);
        b.Count.ShouldBe(a.Count);
        foreach (var column in (string[])["country", "iso", "region", "inter1", "disorder_type", "source_scale", "civilian_targeting"])
        {
            var ia = a[0].IndexOf(column);
            var ib = b[0].IndexOf(column);
            b.Skip(1).Select(r => r[ib]).Order(StringComparer.Ordinal).ShouldBe(a.Skip(1).Select(r => r[ia]).Order(StringComparer.Ordinal), column);
        }

        a.Skip(1).Select(r => r[a[0].IndexOf("country")]).ShouldContain("Syria");
    }

    [Fact]
    public void Export_CellStartingWithEquals_PrefixedNotAFormula()
    {
        // OWASP/ACLED advice: a text cell starting with = + - @ is prefixed with ' so no spreadsheet runs it.
        var db = Ingested();
        var py = PythonCsv(CliRun.Of("export", "--db", db, "--format", "acled-csv").Stdout);
        py[3].ShouldBe("'" + Hostile);
    }

    [Fact]
    public void CsvCell_NegativeNumber_LeftAsItIs()
    {
        // Negative case: a longitude of -12.5 is a number, not a formula.
        Marsad.Output.CsvCells.Cell("-12.5").ShouldBe("-12.5");
        Marsad.Output.CsvCells.Cell("-قتل").ShouldBe("'-قتل");
        Marsad.Output.CsvCells.Cell("@x,y").ShouldBe("\"'@x,y\"");
    }

    [Fact]
    public void ExtractAndExport_GeoJson_OnePropertySchema()
    {
        var db = Ingested();
        var extract = CliRun.Of("extract", "--format", "geojson", "--published", "2021-12-06", CliRun.SamplesFolder);
        var export = CliRun.Of("export", "--db", db, "--format", "geojson");
        var ka = PropertyNames(extract.Stdout);
        var kb = PropertyNames(export.Stdout);
        ka.ShouldNotBeEmpty();

        // One schema: the store writes every property extract writes, in the same order; the merge's own figures
        // (how many sources, conflicting tolls) follow, as they exist only for merged events.
        kb.Take(ka.Count).ShouldBe(ka);
        kb.Skip(ka.Count).ShouldBe(["source_count", "fatalities_conflict", "conflict_note"]);
    }

    private static List<string> PropertyNames(string geojson)
    {
        using var doc = JsonDocument.Parse(geojson);
        var first = doc.RootElement.GetProperty("features").EnumerateArray().First();
        return [.. first.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    private static List<List<string>> Rows(string csv)
    {
        // A small RFC 4180 reader for column comparison (Python checks the format itself above).
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
