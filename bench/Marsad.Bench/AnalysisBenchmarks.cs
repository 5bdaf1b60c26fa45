using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Marsad.Analysis;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Quantities;
using Marsad.Temporal;

namespace Marsad.Bench;

/// <summary>
/// Throughput of the Arabic analysis chain on one core: normalize + tokenize + sentences (<see cref="Analyze"/>), and
/// the same plus the date and quantity taggers (<see cref="AnalyzeDatesQuantities"/>), over a few MB of generated
/// Arabic news-like text (our own vocabulary, fixed seed). The MB/s column is UTF-8 megabytes (10^6 bytes) per second.
/// Run: <c>dotnet run -c Release --project bench/Marsad.Bench -- --filter *AnalysisChain*</c>
/// </summary>
[Config(typeof(OneCoreConfig))]
public class AnalysisChainBenchmarks
{
    private Document _document = null!;
    private ExtractionPipeline _pipeline = null!;

    private const int Chars = 4_000_000;
    private const int Seed = 20211206;

    // The MB/s column runs in the host process, not the benchmark's: it regenerates the same text to size it.
    private static readonly Lazy<long> Utf8BytesLazy = new(() => Encoding.UTF8.GetByteCount(AnalysisCorpus.Generate(Chars, Seed)));

    /// <summary>UTF-8 size of the generated text, read by the MB/s column.</summary>
    public static long Utf8Bytes => Utf8BytesLazy.Value;

    [GlobalSetup]
    public void Setup()
    {
        var text = AnalysisCorpus.Generate(Chars, Seed);
        _document = new Document(text, new DocumentSource("bench", Published: new DateOnly(2021, 12, 6)));
        var lexicons = Path.Combine(AnalysisCorpus.RepositoryRoot(), "data", "lexicons");
        _pipeline = new ExtractionPipeline(
        [
            DateTagger.Load(Path.Combine(lexicons, "dates-ar.json")),
            QuantityTagger.Load(Path.Combine(lexicons, "numbers-ar.json"), Path.Combine(lexicons, "counted-nouns-ar.json")),
        ]);
    }

    /// <summary>
    /// On a shared machine wall-clock time includes waiting for a core. After the runs, this also measures the
    /// process CPU time of eight passes of each method and prints mean and best ("CPU-time throughput").
    /// </summary>
    [GlobalCleanup]
    public void ReportCpuTime()
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var bytes = Encoding.UTF8.GetByteCount(_document.Text);
        foreach (var (name, run) in new (string, Func<int>)[] { ("Analyze", Analyze), ("AnalyzeDatesQuantities", AnalyzeDatesQuantities) })
        {
            run();
            var total = 0.0;
            var best = double.MaxValue;
            const int Runs = 8;
            for (var i = 0; i < Runs; i++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                run();
                process.Refresh();
                var seconds = (process.TotalProcessorTime - before).TotalSeconds;
                total += seconds;
                best = Math.Min(best, seconds);
            }

            var mean = total / Runs;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// CPU-time throughput {name}: mean {bytes / 1e6 / mean:F1} MB/s, best {bytes / 1e6 / best:F1} MB/s ({mean * 1000:F0} / {best * 1000:F0} ms CPU per {bytes / 1e6:F2} MB)"));
        }
    }

    [Benchmark(Baseline = true)]
    public int Analyze() => AnalysisChain.Analyze(_document.Text).Tokens.Length;

    [Benchmark]
    public int AnalyzeDatesQuantities() => _pipeline.Run(_document).Mentions.Length;

    private sealed class OneCoreConfig : ManualConfig
    {
        public OneCoreConfig()
        {
            // One core: pin the benchmark process to CPU 0.
            AddJob(Job.Default.WithAffinity(1).WithWarmupCount(2).WithIterationCount(8));
            AddColumn(new ThroughputColumn());
        }
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "UTF-8 megabytes (10^6 bytes) of input analyzed per second (mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats is null || Utf8Bytes == 0)
            {
                return "?";
            }

            var seconds = stats.Mean / 1e9;
            return (Utf8Bytes / 1e6 / seconds).ToString("F1", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>Generates Arabic news-like text from our own vocabulary (no third-party text).</summary>
public static class AnalysisCorpus
{
    private static readonly string[] Subjects =
    [
        "قوات الأمن", "الفصائل المسلحة", "الدفاع المدني", "مصادر محلية", "الأهالي", "اللجنة الأمنية", "الوحدات العسكرية",
        "مجموعة مسلحة", "دوريات الشرطة", "المجلس المحلي", "فرق الإسعاف", "القيادة العسكرية",
    ];

    private static readonly string[] Verbs =
    [
        "أعلنت", "نفذت", "استقدمت", "أكدت", "رصدت", "نشرت", "أغلقت", "اعتقلت", "وصلت", "انسحبت", "دخلت", "شهدت",
    ];

    private static readonly string[] Objects =
    [
        "تعزيزات جديدة", "حواجز إضافية", "حملة تفتيش", "عملية تمشيط", "اجتماعاً موسعاً", "قافلة مساعدات",
        "نقاط مراقبة", "مقرات عسكرية", "دورة تدريبية", "تحركات مكثفة",
    ];

    private static readonly string[] Places =
    [
        "في ريف المدينة الشرقي", "قرب المعبر الحدودي", "على الطريق الدولي", "وسط البلدة", "في الحي الغربي",
        "عند مدخل القرية", "في البادية", "بالقرب من السوق", "على أطراف المخيم",
    ];

    private static readonly string[] Times =
    [
        "صباح اليوم", "أمس", "الأحد الماضي", "قبل يومين", "مطلع الشهر الجاري", "في 3 كانون الثاني 2021",
        "منتصف أيار الماضي", "في 12/4/2020", "خلال الأيام القليلة الماضية", "مؤخراً", "أواخر عام 2019", "الأسبوع الماضي",
    ];

    private static readonly string[] Counts =
    [
        "نحو 120 عنصراً", "ثلاث سيارات", "أكثر من 40 شخصاً", "عشرات المدنيين", "5 حافلات", "عدداً من الآليات",
        "خمسة عشر مقاتلاً", "حوالي ١٥٠٠ شخص", "ما لا يقل عن 7 قتلى", "مئات العائلات",
    ];

    private static readonly string[] Connectives = ["كما", "وذلك", "في حين", "بينما", "وأضاف المصدر أن", "وبحسب الشهود"];

    public static string Generate(int chars, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(chars + 512);
        while (sb.Length < chars)
        {
            var sentences = rng.Next(2, 6);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    sb.Append(Pick(rng, Connectives)).Append(' ');
                }

                sb.Append(Pick(rng, Verbs)).Append(' ').Append(Pick(rng, Subjects)).Append(' ');
                sb.Append(rng.Next(2) == 0 ? Pick(rng, Objects) : Pick(rng, Counts)).Append(' ');
                sb.Append(Pick(rng, Places)).Append(' ').Append(Pick(rng, Times));
                sb.Append(rng.Next(6) == 0 ? "، " + Pick(rng, Counts) : string.Empty);
                sb.Append(rng.Next(8) == 0 ? "؟ " : ". ");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    private static string Pick(Random rng, string[] items) => items[rng.Next(items.Length)];
}
