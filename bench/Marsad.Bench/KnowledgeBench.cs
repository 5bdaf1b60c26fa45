using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis;
using Marsad.Knowledge;
using Marsad.Knowledge.Actors;
using Marsad.Knowledge.Persons;
using Marsad.Knowledge.Places;

namespace Marsad.Bench;

/// <summary>
/// Knowledge matching: load time and memory of the loaded knowledge (printed once from the setup), and
/// throughput of the actor, person and place annotators over about 1 MB (UTF-8) of analysed text written
/// for this benchmark. Run: <c>dotnet run -c Release --project bench/Marsad.Bench -- --filter *KnowledgeBench*</c>.
/// </summary>
[MemoryDiagnoser]
public class KnowledgeBench
{
    // Our own sentences (fictional), repeated: place, actor and person mentions at news-like density.
    private static readonly string[] Sentences =
    [
        "قصفت طائرة مسيرة مواقع لميليشيا “الحرس الثوري” الإيراني في بادية البوكمال شرقي دير الزور، بحسب مصادر محلية.",
        "وصل اللواء “سمير حداد” إلى مدينة الميادين برفقة عناصر من ميليشيا الدفاع الوطني والفرقة الرابعة.",
        "داهمت دورية تابعة للأمن العسكري منازل في حي النخيل بمدينة حمص واعتقلت ثلاثة شبان.",
        "أعلنت قوات سوريا الديمقراطية مقتل عنصرين من تنظيم داعش في ريف الحسكة الجنوبي.",
        "نقلت حافلات مدنية عناصر من لواء فاطميون وحزب الله العراقي عبر معبر البوكمال إلى بلدة الوردية بريف الرقة.",
        "وقال “سليم الحمود” قيادي في الفوج 47 إن الاجتماع عقد في مقر الحرس بداخل المدينة.",
    ];

    private AnalyzedText _text = null!;
    private ActorAnnotator _actors = null!;
    private PersonAnnotator _persons = null!;
    private PlaceAnnotator _places = null!;
    private KnowledgeBase _kb = null!;

    public static int Utf8Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dataRoot = FindDataRoot();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var ws0 = Process.GetCurrentProcess().WorkingSet64;
        var sw = Stopwatch.StartNew();
        _kb = KnowledgeBase.Load(dataRoot);
        sw.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var ws1 = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"// knowledge load: {sw.Elapsed.TotalMilliseconds:F0} ms; managed heap +{(after - before) / 1048576.0:F1} MB; working set +{(ws1 - ws0) / 1048576.0:F1} MB; "
            + $"{_kb.Places.Places.Count} places, {_kb.Places.Names.Count} place keys, {_kb.Actors.Actors.Count} actors, {_kb.Persons.Persons.Count} persons");

        var sb = new StringBuilder();
        var bytes = 0;
        for (var i = 0; bytes < 1_000_000; i++)
        {
            var s = Sentences[i % Sentences.Length] + (i % 5 == 4 ? "\n" : " ");
            sb.Append(s);
            bytes += Encoding.UTF8.GetByteCount(s);
        }

        var text = sb.ToString();
        Utf8Bytes = Encoding.UTF8.GetByteCount(text);
        Console.WriteLine($"// corpus: {Utf8Bytes / 1048576.0:F2} MB UTF-8");
        _text = AnalysisChain.Analyze(text);
        _actors = new ActorAnnotator(_kb.Actors);
        _persons = new PersonAnnotator(_kb.Persons);
        _places = new PlaceAnnotator(_kb.Places);
    }

    // Each run gets a fresh AnalyzedText (same tokens), so the word sequence the annotators share is rebuilt: no cache hits.
    private AnalyzedText Fresh() => new(_text.Text, _text.Tokens, _text.Sentences);

    [Benchmark]
    public int Actors() => _actors.Find(Fresh()).Count();

    [Benchmark]
    public int Persons() => _persons.Find(Fresh(), []).Count();

    [Benchmark]
    public int Places() => _places.Find(Fresh(), []).Count;

    [Benchmark]
    public int AllThree()
    {
        var text = Fresh();
        var actors = _actors.Find(text).Select(m => m.Span).ToList();
        var persons = _persons.Find(text, actors).Select(m => m.Span);
        return _places.Find(text, [.. actors, .. persons]).Count;
    }

    private static string FindDataRoot()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "data");
    }
}
