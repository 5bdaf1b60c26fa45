using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_ArabicWithDiacritics_KeepsMarksInsideToken()
    {
        const string text = "وصلَ الرتلُ";
        var tokens = Tokenizer.Tokenize(text);
        tokens.Count.ShouldBe(2);
        tokens[0].Span.Slice(text).ShouldBe("وصلَ");
        tokens[0].Norm.ShouldBe("وصل");
    }

    [Fact]
    public void Tokenize_GroupedNumber_IsOneNumberToken()
    {
        var tokens = Tokenizer.Tokenize("نحو 1,700 شخص و١٧٠٠ آخرين");
        tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Norm).ShouldBe(["1,700", "1700"]);
    }

    [Fact]
    public void Tokenize_SlashDate_SplitsIntoNumbersAndSeparators()
    {
        var tokens = Tokenizer.Tokenize("3\\4\\2020");
        tokens.Select(t => t.Norm).ShouldBe(["3", "\\", "4", "\\", "2020"]);
    }

    [Fact]
    public void Tokenize_ArabicPunctuation_IsPunctuationWithAsciiNorm()
    {
        var tokens = Tokenizer.Tokenize("حلب، حمص؟");
        tokens[1].Kind.ShouldBe(TokenKind.Punctuation);
        tokens[1].Norm.ShouldBe(",");
        tokens[3].Norm.ShouldBe("?");
    }

    [Fact]
    public void Tokenize_SurrogatePair_IsOneToken()
    {
        const string text = "حلب 😀 حمص";
        var tokens = Tokenizer.Tokenize(text);
        tokens.Count.ShouldBe(3);
        tokens[1].Length.ShouldBe(2);
    }
}
