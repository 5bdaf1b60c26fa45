using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class PhraseMatcherTests
{
    private static readonly PhraseMatcher<int> Matcher = PhraseMatcher<int>.Build(
        [KeyValuePair.Create("أول أمس", -2), KeyValuePair.Create("أمس", -1)], allowProclitics: true);

    [Fact]
    public void TryMatch_LongerPhrase_Wins()
    {
        var tokens = Tokenizer.Tokenize("وصل أول أمس");
        Matcher.TryMatch(tokens, 1, out var m).ShouldBeTrue();
        m.Value.ShouldBe(-2);
        m.TokenCount.ShouldBe(2);
    }

    [Fact]
    public void TryMatch_Proclitic_ReportsItsLength()
    {
        var tokens = Tokenizer.Tokenize("وأمس");
        Matcher.TryMatch(tokens, 0, out var m).ShouldBeTrue();
        m.ProcliticLength.ShouldBe(1);
    }

    [Fact]
    public void TryMatch_UnknownWord_Fails() =>
        Matcher.TryMatch(Tokenizer.Tokenize("غدا"), 0, out _).ShouldBeFalse();
}
