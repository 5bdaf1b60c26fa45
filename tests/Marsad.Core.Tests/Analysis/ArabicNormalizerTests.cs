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
    public void FoldAlef_AlefWasla_BecomesBareAlef() =>
        ArabicNormalizer.FoldAlef(ArabicLetters.AlefWasla).ShouldBe(ArabicLetters.Alef);

    [Fact]
    public void FoldAlefMaksura_AlefMaksura_BecomesYeh() =>
        ArabicNormalizer.Normalize("مستشفى").ShouldBe("مستشفي");

    [Fact]
    public void Normalize_TehMarbutaOption_FoldsOnlyWhenAsked()
    {
        ArabicNormalizer.Normalize("مدينة").ShouldBe("مدينه");
        // Without the option the distinction is kept (where ة vs ه matters).
        ArabicNormalizer.Normalize("مدينة", NormalizationOptions.None).ShouldBe("مدينة");
    }

    [Fact]
    public void FoldPersianLetters_FarsiYehAndKeheh_BecomeArabic() =>
        ArabicNormalizer.Normalize("\u06A9\u06CC").ShouldBe("\u0643\u064A");

    [Fact]
    public void Normalize_Harakat_AreRemoved() =>
        ArabicNormalizer.Normalize("ديرِ الزورِ").ShouldBe("دير الزور");

    [Fact]
    public void Normalize_Tatweel_IsRemoved() =>
        ArabicNormalizer.Normalize("مـــدينة").ShouldBe("مدينه");

    [Fact]
    public void Normalize_ArabicIndicDigits_BecomeAscii() =>
        ArabicNormalizer.Normalize("١٧٠٠ و۱۲").ShouldBe("1700 و12");

    [Theory]
    [InlineData("،", ",")]
    [InlineData("؛", ";")]
    [InlineData("؟", "?")]
    [InlineData("«", "\"")]
    [InlineData("»", "\"")]
    [InlineData("“", "\"")]
    [InlineData("”", "\"")]
    [InlineData("٫", ".")]
    public void FoldPunctuation_ArabicAndTypographic_BecomeAscii(string input, string expected) =>
        ArabicNormalizer.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Normalize_BidiControls_AreRemoved() =>
        ArabicNormalizer.Normalize("\u200Fحلب\u202C").ShouldBe("حلب");

    [Fact]
    public void Normalize_WhitespaceRuns_CollapseToOneSpace() =>
        ArabicNormalizer.Normalize("  حلب \t\n حمص ").ShouldBe("حلب حمص");

    [Fact]
    public void Normalize_OriginalString_IsNotChanged()
    {
        var text = "قوّاتُ الأمنِ";
        var copy = new string(text.AsSpan());
        _ = ArabicNormalizer.Normalize(text);
        text.ShouldBe(copy);
    }

    [Fact]
    public void NormalizeSpan_UnchangedToken_EqualsNormalize()
    {
        ArabicNormalizer.NormalizeSpan("حلب").ShouldBe("حلب");
        ArabicNormalizer.NormalizeSpan("إدلبُ").ShouldBe(ArabicNormalizer.Normalize("إدلبُ"));
    }

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

    [Fact]
    public void OriginalOffsetAfter_CliticWithHaraka_KeepsMarkWithClitic()
    {
        const string text = "وَأمس";
        // One normalized letter (و) consumed; its fatha travels with it.
        ArabicNormalizer.OriginalOffsetAfter(text, 0, text.Length, 1).ShouldBe(2);
    }
}
