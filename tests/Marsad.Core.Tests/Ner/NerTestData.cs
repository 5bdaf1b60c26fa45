using Marsad.Ner;

namespace Marsad.Tests.Ner;

/// <summary>A tiny hand-written training corpus (our own sentences, not corpus text).</summary>
internal static class NerTestData
{
    public static NerSentence S(string tagged)
    {
        var tokens = new List<string>();
        var tags = new List<int>();
        foreach (var pair in tagged.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = pair.LastIndexOf('/');
            tokens.Add(pair[..slash]);
            NerTags.TryParse(pair[(slash + 1)..], out var id).ShouldBeTrue();
            tags.Add(id);
        }

        return new NerSentence(tokens, tags);
    }

    public static IReadOnlyList<NerSentence> Corpus { get; } =
    [
        S("قال/O الوزير/O سامر/B-PER حداد/I-PER في/O بلدة/O تل/B-LOC الورد/I-LOC ./O"),
        S("وصل/O سامر/B-PER حداد/I-PER إلى/O تل/B-LOC الورد/I-LOC ./O"),
        S("أعلنت/O جبهة/B-ORG النهر/I-ORG الأخضر/I-ORG أن/O مقاتليها/O في/O تل/B-LOC الورد/I-LOC ./O"),
        S("التقى/O الوزير/O رنا/B-PER يوسف/I-PER في/O مدينة/O كفرنجوم/B-LOC ./O"),
        S("شاركت/O جبهة/B-ORG النهر/I-ORG الأخضر/I-ORG في/O مهرجان/O الزيتون/B-MISC ./O"),
        S("قالت/O رنا/B-PER يوسف/I-PER إن/O كفرنجوم/B-LOC هادئة/O ./O"),
    ];

    public static NerTrainingOptions FastOptions { get; } = new(Epochs: 5, Seed: 1, MinFeatureCount: 1, JackknifeFolds: 2, FeatureDropout: 0);
}
