using System.Text;
using System.Text.Json;
using Marsad.Inputs;

namespace Marsad.Tests;

/// <summary>
/// Issue 14: extract (in-process) on random bytes, random Arabic with control and bidi characters, and
/// every sample file truncated at random points in several encodings. Checked: no crash (exit 0 or 1,
/// no "failed" line), exactly one stderr line per rejection and one stdout document per accepted input,
/// and every entity and event span slices the document's text. Bounded by iteration counts (seeded),
/// never by time.
/// </summary>
public sealed class ExtractFuzzTests : IDisposable
{
    private const int RandomFiles = 40;
    private const int ArabicFiles = 40;
    private const int CutsPerSample = 6;

    private static readonly string[] ArabicPieces =
    [
        "قصفت", "طائرة", "مسيرة", "موقعاً", "قرب", "مدينة", "الميادين", "أمس", "وقتل", "3", "عناصر", "عشرات", "المدنيين",
        "15 ربيع الأول 1443 هـ", "في", "الخامس", "من", "الشهر", "الجاري", "\u200F", "\u202B", "\u202C", "\u0640", "\u064E",
        "\u0001", "\u0007", "\r\n", "\n", "\t", "\U0001F525", "\uFEFF", "،", "؟", ".", "«", "»", "\"", "<", "&",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Extract_RandomBytes_NoCrashOneLinePerRejection()
    {
        var rng = new Random(1401);
        var files = new List<string>();
        for (var i = 0; i < RandomFiles; i++)
        {
            var bytes = new byte[rng.Next(0, i % 8 == 0 ? 20_000 : 400)];
            rng.NextBytes(bytes);
            files.Add(Write($"random-{i:D3}.bin", bytes));
        }

        Check(files);
    }

    [Fact]
    public void Extract_RandomArabicWithControls_NoCrashSpansSlice()
    {
        var rng = new Random(1402);
        var files = new List<string>();
        Encoding[] encodings = [new UTF8Encoding(false), Encoding.Unicode, Encoding.BigEndianUnicode];
        for (var i = 0; i < ArabicFiles; i++)
        {
            var sb = new StringBuilder();
            for (var w = rng.Next(1, 120); w > 0; w--)
            {
                sb.Append(ArabicPieces[rng.Next(ArabicPieces.Length)]).Append(rng.Next(4) == 0 ? string.Empty : " ");
            }

            files.Add(Write($"arabic-{i:D3}.txt", encodings[i % encodings.Length].GetBytes(sb.ToString())));
        }

        Check(files);
    }

    [Fact]
    public void Extract_TruncatedFilesOfEveryKind_NoCrashSpansSlice()
    {
        // Every sample kind (text, HTML, RSS, JSON Lines), in UTF-8, UTF-16 and windows-1256, cut anywhere.
        var rng = new Random(1403);
        var files = new List<string>();
        Encoding[] encodings = [new UTF8Encoding(false), Encoding.Unicode, EncodingDetector.Windows1256];
        foreach (var sample in Directory.GetFiles(CliRun.SamplesFolder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(sample);
            foreach (var enc in encodings)
            {
                var bytes = enc.GetBytes(text);
                for (var c = 0; c < CutsPerSample; c++)
                {
                    var cut = rng.Next(bytes.Length + 1);
                    files.Add(Write($"{Path.GetFileNameWithoutExtension(sample)}-{enc.WebName}-{c}{Path.GetExtension(sample)}", bytes[..cut]));
                }
            }
        }

        Check(files);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Check(List<string> files)
    {
        var run = CliRun.Of(["extract", .. files]);
        run.Exit.ShouldBeOneOf(0, 1);
        foreach (var line in run.StderrLines)
        {
            // No crash: every stderr line is a one-line rejection naming one of the inputs.
            line.ShouldStartWith("marsad: rejected ");
            files.Any(f => line.Contains(f, StringComparison.Ordinal)).ShouldBeTrue(line);
        }

        // Each input either printed documents or was rejected; the reader's own results say which.
        var expected = files.SelectMany(f => new InputReader().Read([f], new InputDefaults())).ToList();
        run.StderrLines.Length.ShouldBe(expected.Count(r => r.Rejection is not null));
        var texts = expected.Where(r => r.Document is not null).Select(r => r.Document!).ToList();
        var docs = run.Documents;
        docs.Count.ShouldBe(texts.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            var root = docs[i].RootElement;
            var text = texts[i].Text;
            root.GetProperty("id").GetString().ShouldBe(texts[i].Id);
            foreach (var e in root.GetProperty("entities").EnumerateArray())
            {
                text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()].ShouldBe(e.GetProperty("text").GetString());
            }

            foreach (var ev in root.GetProperty("events").EnumerateArray())
            {
                foreach (var span in ev.GetProperty("evidence").EnumerateArray())
                {
                    var (s, e) = (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32());
                    (s >= 0 && s <= e && e <= text.Length).ShouldBeTrue($"evidence [{s},{e}) outside a text of {text.Length}");
                }

                if (ev.GetProperty("date").ValueKind == JsonValueKind.Null)
                {
                    ev.GetProperty("time_precision").GetInt32().ShouldBe(3);
                }
            }
        }
    }
}
