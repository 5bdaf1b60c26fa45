using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إيران", "ايران")]
    [InlineData("آثار", "اثار")]
    [InlineData("ٱلله", "الله")]
    public void Normalize_HamzaSeatedAlef_BecomesBareAlef(string input, string expected) =>
        ArabicNormalizer.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Normalize_Harakat_AreRemoved() =>
        ArabicNormalizer.Normalize("ديرِ الزورِ").ShouldBe("دير الزور");

    [Fact]
    public void Normalize_Tatweel_IsRemoved() =>
        ArabicNormalizer.Normalize("مـــدينة").ShouldBe("مدينه");

    [Fact]
    public void Normalize_ArabicIndicDigits_BecomeAscii() =>
        ArabicNormalizer.Normalize("١٧٠٠ و۱۲").ShouldBe("1700 و12");

    [Fact]
    public void NormalizeWithMap_Span_MapsBackToOriginal()
    {
        const string text = "في ديرِ الزورِ اليوم";
        var n = ArabicNormalizer.NormalizeWithMap(text);
        var at = n.Value.IndexOf("دير الزور", StringComparison.Ordinal);
        var span = n.ToOriginal(at, at + "دير الزور".Length);
        // The trailing kasra after the last letter belongs to the word: it stays inside the span.
        span.Slice(text).ShouldBe("ديرِ الزورِ");
    }
}
