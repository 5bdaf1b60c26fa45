using System.Text;
using System.Text.Json;

namespace Marsad.Tests;

/// <summary>
/// <c>--threads</c>: extraction on several workers writes exactly what one thread writes — the same bytes on
/// stdout, the same rejection lines on stderr in the same order, the same exit code.
/// </summary>
public sealed class ParallelExtractionTests : IDisposable
{
    // Sentences written for this test; combined so that every document differs (places, numbers, dates, order).
    private static readonly string[] Places = ["الميادين", "البوكمال", "سراقب", "درعا", "تدمر", "منبج", "الرقة", "إدلب"];
    private static readonly string[] Months = ["يناير", "مارس", "حزيران", "أيلول", "نوفمبر"];
    private static readonly string[] Templates =
    [
        "قصفت قوات النظام بلدة {0} يوم {1} {2}، ما أدى إلى مقتل {3} مدنيين وإصابة آخرين، بحسب مراسل محلي.",
        "قال مصدر محلي إن اشتباكاً وقع أمس قرب مدينة {0} بين عناصر من تنظيم الدولة وقوات سوريا الديمقراطية.",
        "خرج مئات من أهالي {0} في مظاهرة سلمية يوم {1} {2} للمطالبة بالإفراج عن {3} معتقلين.",
        "انفجرت عبوة ناسفة بسيارة عسكرية على طريق {0}، وأفادت مصادر بسقوط {3} قتلى.",
        "اعتقلت دورية أمنية {3} شبان في حي بمدينة {0} خلال حملة مداهمات.",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-threads-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A JSON Lines file of <paramref name="count"/> documents, with a bad line and an empty text among them.</summary>
    private string WriteCorpus(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i == count / 3)
            {
                sb.Append("{\"text\": not json\n");
            }

            if (i == count / 2)
            {
                sb.Append("{\"text\": \"   \"}\n");
            }

            var text = new StringBuilder();
            for (var s = 0; s < 1 + (i % 4); s++)
            {
                var t = Templates[(i + s) % Templates.Length];
                text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, t, Places[(i * 3 + s) % Places.Length], 1 + ((i + s) % 28), Months[(i + s) % Months.Length], 2 + ((i * 7 + s) % 40)));
                text.Append(s % 2 == 0 ? ' ' : '\n');
            }

            var line = new Dictionary<string, string> { ["text"] = text.ToString(), ["title"] = "تقرير " + i, ["published"] = $"2024-0{1 + (i % 9)}-1{i % 10}" };
            sb.Append(JsonSerializer.Serialize(line)).Append('\n');
        }

        var path = Path.Combine(_dir, "corpus.jsonl");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("geojson")]
    [InlineData("acled-csv")]
    public void Extract_FourThreadsVersusOne_SameBytesSameRejections(string format)
    {
        var corpus = WriteCorpus(120);
        File.WriteAllBytes(Path.Combine(_dir, "z_binary.bin"), [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x7F]);

        var one = CliRun.Of("extract", "--published", "2024-05-01", "--format", format, "--threads", "1", _dir);
        var four = CliRun.Of("extract", "--published", "2024-05-01", "--format", format, "--threads", "4", _dir);

        one.Exit.ShouldBe(1);
        // Three rejections: the bad JSON line, the empty text, the binary file (after every line of the corpus).
        one.StderrLines.Length.ShouldBe(3, one.Stderr);
        one.StderrLines[2].ShouldContain("z_binary.bin");
        four.Exit.ShouldBe(one.Exit);
        four.Stderr.ShouldBe(one.Stderr);
        // The CSV's last column is the export's clock time (seconds), which two runs need not share.
        static string WithoutClock(string output, string format) => format == "acled-csv"
            ? string.Join('\n', output.Split('\n').Select(l => l.LastIndexOf(',') is var c and >= 0 ? l[..c] : l))
            : output;
        WithoutClock(four.Stdout, format).ShouldBe(WithoutClock(one.Stdout, format));
        one.Stdout.Length.ShouldBeGreaterThan(1000);
        if (format == "jsonl")
        {
            one.Documents.Count.ShouldBe(120);
            one.Documents.Select(d => d.RootElement.GetProperty("source").GetProperty("title").GetString())
                .ShouldBe(Enumerable.Range(0, 120).Select(i => "تقرير " + i));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Extract_ThreadsBelowOne_ExitTwo(string threads)
    {
        var run = CliRun.Of("extract", "--threads", threads, CliRun.SamplesFolder);

        run.Exit.ShouldBe(2);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldContain("--threads");
    }

    [Fact]
    public void Ingest_FourThreadsVersusOne_SameExport()
    {
        var corpus = WriteCorpus(60);
        string ExportAfterIngest(string threads)
        {
            var db = Path.Combine(_dir, $"t{threads}.db");
            var ingest = CliRun.Of("ingest", "--db", db, "--no-merge", "--threads", threads, corpus);
            ingest.Exit.ShouldBe(1, ingest.Stderr); // the two bad lines
            ingest.StderrLines.Length.ShouldBe(2, ingest.Stderr);
            var export = CliRun.Of("export", "--db", db, "--format", "jsonl");
            export.Exit.ShouldBe(0, export.Stderr);
            return export.Stdout;
        }

        var one = ExportAfterIngest("1");
        var four = ExportAfterIngest("4");

        one.ShouldNotBeEmpty();
        four.ShouldBe(one);
    }
}
