using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class CliticSegmenterTests
{
    private static IReadOnlyList<string> C(string word) => CliticSegmenter.Candidates(ArabicNormalizer.Normalize(word));

    [Fact]
    public void Candidates_FirstCandidate_IsTheWordItself() =>
        C("والمدينة")[0].ShouldBe("والمدينه");

    [Fact]
    public void Candidates_ConjunctionPrepositionArticle_StripsAll() =>
        C("وبالمدينة").ShouldContain("مدينه");

    [Fact]
    public void Candidates_LamLam_RestoresArticle()
    {
        var c = C("فللقوات");
        c.ShouldContain("القوات");
        c.ShouldContain("قوات");
    }

    [Fact]
    public void Candidates_PronounSuffix_IsStripped() =>
        C("عناصرها").ShouldContain("عناصر");

    [Fact]
    public void Candidates_FeminineBeforeSuffix_RestoresTehMarbuta() =>
        C("قيادتهم").ShouldContain("قياده");

    [Fact]
    public void Candidates_ShortWord_IsNotDestroyed() =>
        // ولد (boy) must not become لد; بيت must not become يت.
        C("ولد").ShouldBe(["ولد"]);

    [Fact]
    public void Candidates_ArticleAndSuffix_SuffixNotStrippedAfterArticle() =>
        // الكتابي keeps its yeh: an article and a pronoun suffix never co-occur.
        C("الكتابي").ShouldNotContain("كتاب");

    [Fact]
    public void Attach_LamBeforeArticle_DropsAlef()
    {
        var (form, merged) = CliticSegmenter.Attach("ل", "اليوم");
        form.ShouldBe("لليوم");
        merged.ShouldBeTrue();
    }
}
