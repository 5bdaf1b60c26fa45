using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Bench;

/// <summary>
/// End-to-end event extraction throughput: analysis (tokens, sentences) + the event extractor, over a
/// generated corpus of about 1 MB (UTF-8) of our own template reports. Throughput = corpus bytes / mean.
/// Run: dotnet run -c Release --project bench/Marsad.Bench -- --filter *EventExtraction*
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class EventExtractionBenchmark
{
    private static readonly string[] Places = ["بلدة النخيل", "قرية الريحان", "مدينة وادي الورد", "حي السوق", "بلدة الجسر", "قرية التلة"];
    private static readonly string[] Actors = ["قوات الحكومة", "فصيل الجبهة", "ميليشيا الكتيبة", "الأجهزة الأمنية", "مسلحون مجهولون"];
    private static readonly string[] Templates =
    [
        "اندلعت اشتباكات عنيفة بين {A} و{B} في {P} فجر اليوم، أسفرت عن مقتل 3 عناصر وإصابة آخرين.",
        "وذكرت مصادر محلية أن {A} استقدمت تعزيزات عسكرية من {P} إلى {Q} خلال الساعات الماضية.",
        "شن الطيران الحربي غارات جوية على أطراف {P}، بحسب ما أفاد مراسلنا.",
        "اعتقلت {A} خمسة شبان من أبناء {P} خلال حملة دهم للمنازل.",
        "هددت {A} باقتحام {P} في حال لم يسلم المطلوبون أنفسهم.",
        "ونفت {A} الأنباء التي تقول إن عناصرها قصفوا {P}.",
        "وكانت {A} قد سيطرت على {P} في عام 2016 بعد معارك طويلة.",
        "بدأت في {P} عملية جديدة لتسوية أوضاع المطلوبين بإشراف {A}.",
        "وأضاف المصدر أن الحياة عادت إلى طبيعتها في أسواق {P} وسط انتشار للباعة والمتسوقين.",
        "عقد قادة {A} اجتماعاً موسعاً في {P} لبحث الأوضاع الأمنية والخدمية في المنطقة.",
        "انفجرت عبوة ناسفة بسيارة عسكرية تابعة لـ{A} على طريق {P} دون وقوع إصابات.",
        "يعاني أهالي {P} من نقص حاد في مياه الشرب والكهرباء منذ أسابيع بحسب ناشطين.",
    ];

    private ExtractionPipeline _pipeline = null!;
    private Document[] _docs = [];

    public long CorpusBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindDataRoot();
        _pipeline = new ExtractionPipeline([EventExtractor.Load(root)]);
        var rng = new Random(20241122);
        var docs = new List<Document>();
        long bytes = 0;
        while (bytes < 1_000_000)
        {
            var sb = new StringBuilder();
            var sentences = rng.Next(6, 20);
            for (var i = 0; i < sentences; i++)
            {
                var t = Templates[rng.Next(Templates.Length)];
                sb.Append(t.Replace("{A}", Actors[rng.Next(Actors.Length)], StringComparison.Ordinal)
                    .Replace("{B}", Actors[rng.Next(Actors.Length)], StringComparison.Ordinal)
                    .Replace("{P}", Places[rng.Next(Places.Length)], StringComparison.Ordinal)
                    .Replace("{Q}", Places[rng.Next(Places.Length)], StringComparison.Ordinal));
                sb.Append(i % 3 == 2 ? '\n' : ' ');
            }

            var text = sb.ToString();
            bytes += Encoding.UTF8.GetByteCount(text);
            docs.Add(new Document(text, new DocumentSource("bench-" + docs.Count + ".txt")));
        }

        _docs = [.. docs];
        CorpusBytes = bytes;
        Console.WriteLine($"// corpus: {_docs.Length} documents, {bytes} UTF-8 bytes");
    }

    [Benchmark(Description = "analysis + events over ~1 MB")]
    public int ExtractCorpus()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            n += _pipeline.Run(d).Events.Length;
        }

        return n;
    }

    private static string FindDataRoot()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "events", "triggers.json");
            if (File.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new InvalidOperationException("data/events not found above " + AppContext.BaseDirectory + "; set MARSAD_DATA");
    }
}
