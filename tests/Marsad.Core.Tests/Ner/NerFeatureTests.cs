using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class NerFeatureTests
{
    private static readonly NerFeatureExtractor Plain = new(NerFeatureSet.All, []);

    [Fact]
    public void Extract_SameSentence_SameKeys()
    {
        string[] tokens = ["قال", "سامر", "حداد"];
        var a = Plain.Extract(tokens);
        var b = Plain.Extract(tokens);
        a.Length.ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            a[i].ShouldBe(b[i]);
            a[i].Length.ShouldBeGreaterThan(10);
        }
    }

    [Fact]
    public void Extract_CliticVariants_ShareStemFeatures()
    {
        // "وبالمدينة" and "المدينة" differ as words but share the clitic-stripped stem "مدينه".
        var withClitics = Plain.Extract(["وبالمدينة"])[0];
        var bare = Plain.Extract(["المدينة"])[0];
        var shared = withClitics.Intersect(bare).Count();
        shared.ShouldBeGreaterThan(3); // bias, stem, stem prefixes/suffixes
        withClitics.ShouldNotBe(bare);
    }

    [Fact]
    public void FormsOf_CliticWord_SplitsProcliticAndStem()
    {
        var f = NerFeatureExtractor.FormsOf("وبالمدينة");
        f.Stem.ShouldBe("مدينه"); // teh marbuta folded by the matching normalizer
        f.Proclitic.ShouldBe("وبال");
    }

    [Fact]
    public void Extract_LexiconMatch_AddsFeaturesToTokenAndNeighbours()
    {
        var lex = new WordListLexicon("t", [new LexiconEntry("LOC_CUE", "بلدة")]);
        var withLex = new NerFeatureExtractor(NerFeatureSet.All, [lex]);
        string[] tokens = ["في", "بلدة", "كفرنجوم"];
        var a = withLex.Extract(tokens);
        var b = Plain.Extract(tokens);
        for (var i = 0; i < 3; i++)
        {
            a[i].Length.ShouldBeGreaterThan(b[i].Length); // the mark reaches -1, 0, +1
        }
    }

    [Fact]
    public void Extract_ExtraLabels_AddOneFeatureEach()
    {
        string[] tokens = ["سامر"];
        var a = Plain.Extract(tokens, [["mem:PER", "s1:B-PER"]]);
        a[0].Length.ShouldBe(Plain.Extract(tokens)[0].Length + 2);
    }

    [Fact]
    public void Mark_PhraseWithProclitic_MarksBeginAndInside()
    {
        var lex = new WordListLexicon("t", [new LexiconEntry("LOC_NAME", "كفر الورد")]);
        var marks = lex.Mark(["وفي", "وكفر", "الورد", "."]).ToList();
        marks.ShouldBe([new LexiconMark(1, "B-LOC_NAME"), new LexiconMark(2, "I-LOC_NAME")]);
    }
}
