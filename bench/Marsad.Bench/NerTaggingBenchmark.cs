using BenchmarkDotNet.Attributes;
using Marsad.Ner;

namespace Marsad.Bench;

/// <summary>
/// Tagging speed of the shipped NER model (both passes, document memory) on one thread: a synthetic
/// document of 200 sentences × 25 tokens written for the benchmark (no corpus text). Tokens/s =
/// 5,000 / mean time.
/// </summary>
[MemoryDiagnoser]
public class NerTaggingBenchmark
{
    private static readonly string[] Words =
    [
        "قال", "الرئيس", "سامر", "حداد", "في", "مدينة", "كفرنجوم", "إن", "جبهة", "النهر", "الأخضر", "أعلنت",
        "أمس", "عن", "مقتل", "ثلاثة", "مدنيين", "بقصف", "على", "بلدة", "تل", "الورد", "،", "وأضاف", "المتحدث",
        "باسم", "وزارة", "الدفاع", "رنا", "يوسف", "أن", "القوات", "سيطرت", "قرب", "الطريق", "الدولي", ".",
    ];

    private NerTagger _tagger = null!;
    private IReadOnlyList<string>[] _document = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(root);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
        {
            dir = dir.Parent;
        }

        _tagger = NerTagger.Load(Path.Combine(dir?.FullName ?? root, "data", "models", "ner-anercorp.bin"));
        var rng = new Random(7);
        _document = [.. Enumerable.Range(0, 200).Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, 24).Select(_ => Words[rng.Next(Words.Length)]), "."])];
    }

    /// <summary>Tags 5,000 tokens.</summary>
    [Benchmark]
    public int TagDocument() => _tagger.TagDocument(_document).Sum(s => s.Length);
}
