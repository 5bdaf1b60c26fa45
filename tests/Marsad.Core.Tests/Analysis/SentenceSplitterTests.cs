using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        [.. AnalysisChain.Analyze(text).Sentences.Select(s => s.Slice(text))];

    [Fact]
    public void Split_FullStopAndArabicQuestionMark_EndSentences() =>
        Sentences("وصل الرتل. هل غادر؟ نعم!").ShouldBe(["وصل الرتل.", "هل غادر؟", "نعم!"]);

    [Fact]
    public void Split_LineBreak_EndsSentenceWithoutPunctuation() =>
        Sentences("عنوان الخبر\nنص الخبر هنا").ShouldBe(["عنوان الخبر", "نص الخبر هنا"]);

    [Fact]
    public void Split_DecimalNumber_DoesNotEndSentence() =>
        Sentences("ارتفع السعر 2.5 بالمئة اليوم.").Length.ShouldBe(1);

    [Fact]
    public void Split_ClosingGuillemetAfterStop_StaysInSentence() =>
        Sentences("قال «انتهى الأمر.» ثم غادر.").ShouldBe(["قال «انتهى الأمر.»", "ثم غادر."]);

    [Fact]
    public void Split_TypographicQuoteAfterQuestion_StaysInSentence() =>
        Sentences("سأل “متى؟” وغادر.").Length.ShouldBe(1 + 1);

    [Fact]
    public void Split_OneLetterAbbreviation_DoesNotEndSentence() =>
        // "د." (doctor) followed by a name on the same line is an abbreviation.
        Sentences("التقى د. سامر بالوفد.").Length.ShouldBe(1);

    [Fact]
    public void Split_YearMarkerAfterNumber_EndsSentence() =>
        // "م." after a year marks the Gregorian era and may end the sentence.
        Sentences("حدث ذلك عام 2019م. ثم عاد.").Length.ShouldBe(2);
}
