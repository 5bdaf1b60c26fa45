using System.Text;
using System.Text.Json;
using Marsad.Inputs;

namespace Marsad.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private const string Report = "قال مصدر محلي إن اشتباكاً وقع أمس قرب مدينة الميادين.\nوأصيب شخصان.";

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Extract_Samples_AllDocumentsExitZero()
    {
        var run = CliRun.Of("extract", CliRun.SamplesFolder);
        run.Stderr.ShouldBeEmpty();
        run.Exit.ShouldBe(0);
        // 6 text files, 1 page, 2 feed items, 2 JSON lines.
        run.Documents.Count.ShouldBe(11);
    }

    [Fact]
    public void Extract_GoodAndBadFilesTogether_ExitOneOneLinePerRejection()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var good = Write("a_good.txt", Report);
        var cp1256 = Write("b_1256.txt", Encoding.GetEncoding(1256).GetBytes(Report));
        var binary = Write("c_binary.bin", [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x7F]);
        var empty = Write("d_empty.txt", []);
        var blank = Write("e_blank.txt", "  \n \n");

        var run = CliRun.Of("extract", _dir);

        run.Exit.ShouldBe(1);
        run.StderrLines.Length.ShouldBe(3);
        run.StderrLines[0].ShouldContain(binary);
        run.StderrLines[1].ShouldContain(empty);
        run.StderrLines[2].ShouldContain(blank);
        var paths = run.Documents.Select(d => d.RootElement.GetProperty("source").GetProperty("path").GetString()).ToList();
        paths.ShouldBe([good, cp1256]);
        // The windows-1256 file decodes to the very same text, hence the same id.
        var ids = run.Documents.Select(d => d.RootElement.GetProperty("id").GetString()).ToList();
        ids[0].ShouldBe(ids[1]);
    }

    [Fact]
    public void Extract_UnknownOption_ExitTwoNothingOnStdout()
    {
        var path = Write("a.txt", Report);
        var run = CliRun.Of("extract", "--bogus", path);
        run.Exit.ShouldBe(2);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldContain("--bogus");
    }

    [Fact]
    public void Extract_MissingPath_ExitTwo()
    {
        var run = CliRun.Of("extract");
        run.Exit.ShouldBe(2);
        run.Stderr.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("06/12/2021")]
    [InlineData("yesterday")]
    public void Extract_BadPublished_ExitTwo(string published)
    {
        var run = CliRun.Of("extract", "--published", published, Write("a.txt", Report));
        run.Exit.ShouldBe(2);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Extract_UnknownFormat_ExitTwo()
    {
        var run = CliRun.Of("extract", "--format", "xml", Write("a.txt", Report));
        run.Exit.ShouldBe(2);
        run.Stderr.ShouldContain("xml");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Extract_FormatJsonl_Accepted()
    {
        CliRun.Of("extract", "--format", "jsonl", Write("a.txt", Report)).Exit.ShouldBe(0);
    }

    [Fact]
    public void Extract_FormatAcledCsv_HeaderThenRows()
    {
        var run = CliRun.Of("extract", "--format", "acled-csv", "--published", "2025-03-12", CliRun.SamplesFolder);
        run.Exit.ShouldBe(0, run.Stderr);
        run.StdoutLines[0].ShouldStartWith("event_id_cnty,event_date,");
    }

    [Fact]
    public void Extract_FormatGeoJson_OneFeatureCollection()
    {
        var run = CliRun.Of("extract", "--format", "geojson", "--published", "2025-03-12", CliRun.SamplesFolder);
        run.Exit.ShouldBe(0, run.Stderr);
        // Begun and ended once around all documents: the whole output is one JSON value.
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
    }

    [Fact]
    public void Extract_PublishedAndOutlet_AppliedToInputsWithoutTheirOwn()
    {
        var txt = Write("a.txt", Report);
        var jsonl = Write("b.jsonl", "{\"text\":\"نص\",\"outlet\":\"خاص\",\"published\":\"2020-01-02\"}\n");
        var run = CliRun.Of("extract", "--published", "2021-12-06", "--outlet", "SY24", txt, jsonl);
        run.Exit.ShouldBe(0);
        var sources = run.Documents.Select(d => d.RootElement.GetProperty("source")).ToList();
        sources[0].GetProperty("published").GetString().ShouldBe("2021-12-06");
        sources[0].GetProperty("outlet").GetString().ShouldBe("SY24");
        sources[1].GetProperty("published").GetString().ShouldBe("2020-01-02");
        sources[1].GetProperty("outlet").GetString().ShouldBe("خاص");
    }

    [Fact]
    public void Extract_Stdin_ReadAsDash()
    {
        using var stdin = new StringReader(Report);
        var run = CliRun.With(stdin, "extract", "-");
        run.Exit.ShouldBe(0);
        run.Documents.ShouldHaveSingleItem().RootElement.GetProperty("source").GetProperty("path").GetString().ShouldBe("-");
    }

    [Fact]
    public void Extract_StdinBytesInUtf16_Decoded()
    {
        // The program hands stdin over as a StreamReader: the bytes under it are sniffed like a file's.
        using var stdin = new StreamReader(new MemoryStream(Encoding.Unicode.GetBytes(Report)), Encoding.UTF8);
        var run = CliRun.With(stdin, "extract", "-");
        run.Exit.ShouldBe(0);
        run.Documents.ShouldHaveSingleItem().RootElement.GetProperty("id").GetString()
            .ShouldBe(Marsad.Documents.Document.ComputeId(Report));
    }

    [Fact]
    public void Extract_MissingFile_ExitOneOthersPrinted()
    {
        var run = CliRun.Of("extract", Path.Combine(_dir, "nope.txt"), Write("a.txt", Report));
        run.Exit.ShouldBe(1);
        run.StderrLines.ShouldHaveSingleItem().ShouldContain("nope.txt");
        run.Documents.Count.ShouldBe(1);
    }

    [Fact]
    public void Extract_BadJsonLine_NamedWithLineNumber()
    {
        var path = Write("x.jsonl", "{\"text\":\"أ\"}\nnot json\n{\"text\":\"ب\"}\n");
        var run = CliRun.Of("extract", path);
        run.Exit.ShouldBe(1);
        run.StderrLines.ShouldHaveSingleItem().ShouldContain(path + ":2");
        run.Documents.Count.ShouldBe(2);
    }

    [Fact]
    public void Extract_Samples_EveryEntitySpanSlicesDocumentText()
    {
        // The output carries spans, not the text: re-read the same inputs to get each document's text.
        var texts = new InputReader().Read([CliRun.SamplesFolder], new InputDefaults())
            .Select(r => r.Document.ShouldNotBeNull())
            .ToDictionary(d => d.Id, d => d.Text);
        var run = CliRun.Of("extract", CliRun.SamplesFolder);
        var checkedDocs = 0;
        foreach (var doc in run.Documents)
        {
            var text = texts[doc.RootElement.GetProperty("id").GetString()!];
            foreach (var e in doc.RootElement.GetProperty("entities").EnumerateArray())
            {
                var start = e.GetProperty("start").GetInt32();
                var end = e.GetProperty("end").GetInt32();
                text[start..end].ShouldBe(e.GetProperty("text").GetString());
            }

            checkedDocs++;
        }

        checkedDocs.ShouldBe(texts.Count);
    }

    [Fact]
    public void Extract_SampleHtml_BoilerplateLeftOut()
    {
        var doc = new InputReader().ReadFile(Path.Combine(CliRun.SamplesFolder, "04_drone_strike_albukamal.html"), new InputDefaults())
            .ShouldHaveSingleItem().Document.ShouldNotBeNull();
        var lines = doc.Text.Split('\n');
        lines.Length.ShouldBe(4, doc.Text);
        lines[0].ShouldStartWith("قُتل أربعة عناصر");
        doc.Text.ShouldNotContain("الرئيسية"); // menu
        doc.Text.ShouldNotContain("اقرأ"); // read-also blocks
        doc.Text.ShouldNotContain("السكريبت"); // script
        doc.Text.ShouldNotContain("شارك"); // share buttons
        doc.Text.ShouldNotContain("نشرتنا"); // newsletter
        doc.Text.ShouldNotContain("حقوق"); // footer
        doc.Text.ShouldNotContain("الأكثر قراءة"); // aside
        doc.Source.Published.ShouldBe(new DateOnly(2025, 3, 11));
    }

    [Fact]
    public void Extract_Output_OneJsonObjectPerLineWithContractFields()
    {
        var run = CliRun.Of("extract", Write("a.txt", Report));
        var root = run.Documents.ShouldHaveSingleItem().RootElement;
        foreach (var field in (string[])["id", "source", "entities", "events", "warnings"])
        {
            root.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        root.GetProperty("source").GetProperty("path").ValueKind.ShouldBe(JsonValueKind.String);
    }
}
