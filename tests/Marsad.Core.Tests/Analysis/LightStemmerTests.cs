using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class LightStemmerTests
{
    private static string S(string w) => LightStemmer.Stem(ArabicNormalizer.Normalize(w));

    [Theory]
    [InlineData("الحافلات", "حافل")]
    [InlineData("والسيارات", "سيار")]
    [InlineData("بالمدينة", "مدين")]
    [InlineData("للمقاتلين", "مقاتل")]
    [InlineData("مدنيون", "مدن")]
    public void Stem_PrefixAndSuffix_AreStripped(string word, string stem) => S(word).ShouldBe(stem);

    [Fact]
    public void Stem_ShortWord_IsKept() =>
        // A one-letter prefix needs four letters: ولد is a word, not و + لد.
        S("ولد").ShouldBe("ولد");
}
