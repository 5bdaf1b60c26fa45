using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class NerCorpusTests
{
    [Fact]
    public void ParseTagged_NoBlankLines_SplitsAfterRunOfPeriods()
    {
        // ANERcorp form: no blank lines; a sentence ends after the last "." of a run.
        string[] lines = ["سافر O", "سامر B-PERS", ". O", ". O", "عاد O", ". O"];
        var s = NerCorpus.ParseTagged(lines);
        s.Count.ShouldBe(2);
        s[0].Tokens.ShouldBe(["سافر", "سامر", ".", "."]);
        NerTags.Names[s[0].Tags[1]].ShouldBe("B-PER");
    }

    [Fact]
    public void ParseTagged_BlankLines_AreSentenceBreaks()
    {
        string[] lines = ["سامر\tB-PER", "", "عاد\tO", "هنا\tO"];
        var s = NerCorpus.ParseTagged(lines);
        s.Count.ShouldBe(2);
        s[1].Tokens.Count.ShouldBe(2);
    }

    [Fact]
    public void ParseTagged_EmptyToken_IsDropped()
    {
        // A line with only a tag (" O") carries no token.
        string[] lines = ["سافر O", " O", "هنا O"];
        NerCorpus.ParseTagged(lines)[0].Tokens.ShouldBe(["سافر", "هنا"]);
    }

    [Fact]
    public void ParseTagged_TwoPairsRunTogether_AreSplit()
    {
        // Defect form: ". Oكلمة O" is the pair ". O" followed by "كلمة O".
        string[] lines = ["قال O", ". Oكلمة O", "أخرى O"];
        var s = NerCorpus.ParseTagged(lines);
        s.SelectMany(x => x.Tokens).ShouldBe(["قال", ".", "كلمة", "أخرى"]);
    }

    [Fact]
    public void ParseTagged_TokenWithSpace_IsKept()
    {
        // A two-word token not followed by a tag-looking prefix stays one token.
        string[] lines = ["تل الورد B-LOC"];
        NerCorpus.ParseTagged(lines)[0].Tokens.ShouldBe(["تل الورد"]);
    }
}
