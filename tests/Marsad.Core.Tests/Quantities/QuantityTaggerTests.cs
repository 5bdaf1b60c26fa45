using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Tests.Temporal;

namespace Marsad.Tests.Quantities;

public class QuantityTaggerTests
{
    private static List<(string Text, QuantityRef Ref)> Quantities(string text)
    {
        var doc = new ExtractionPipeline([TestLexicons.Dates, TestLexicons.Quantities]).Run(
            new Document(text, new DocumentSource("test", Published: new DateOnly(2021, 12, 6))));
        return [.. doc.MentionsOf(EntityType.Quantity).Select(m => (m.Text, (QuantityRef)m.Ref!))];
    }

    private static (string Text, QuantityRef Ref) Single(string text)
    {
        var all = Quantities(text);
        all.Count.ShouldBe(1, $"quantities found: {string.Join(" | ", all.Select(d => d.Text))}");
        return all[0];
    }

    [Fact]
    public void Find_ApproximatorNumberNoun_CoversAllThree()
    {
        var q = Single("أرسلت الميليشيا نحو 250 مقاتلاً إلى الجبهة.");
        q.Text.ShouldBe("نحو 250 مقاتلاً");
        q.Ref.ShouldBe(new QuantityRef(250, "about", "مقاتلاً", "مقاتل"));
    }

    [Theory]
    [InlineData("وصلت 6 شاحنات محملة بالذخيرة.", 6, "شاحنة")]
    [InlineData("وصلت ٦ شاحنات محملة بالذخيرة.", 6, "شاحنة")]
    [InlineData("نزح 1,200 مدني من القرية.", 1200, "مدني")]
    [InlineData("نزح ١٬٢٠٠ مدني من القرية.", 1200, "مدني")]
    [InlineData("قتل 3 آلاف شخص خلال المعارك.", 3000, "شخص")]
    public void Find_DigitCounts_ParseValueAndLemma(string text, long value, string lemma)
    {
        var q = Single(text);
        q.Ref.Value.ShouldBe(value);
        q.Ref.NounLemma.ShouldBe(lemma);
        q.Ref.Qualifier.ShouldBe("exact");
    }

    [Theory]
    [InlineData("شوهدت خمس سيارات عسكرية.", 5)]
    [InlineData("شوهدت خمسة عشر سيارة عسكرية.", 15)]
    [InlineData("شوهدت إحدى عشرة سيارة عسكرية.", 11)]
    [InlineData("شوهدت خمس وعشرون سيارة عسكرية.", 25)]
    [InlineData("شوهدت ثلاثمئة سيارة عسكرية.", 300)]
    [InlineData("شوهدت مئتا سيارة عسكرية.", 200)]
    [InlineData("شوهدت ثلاثة آلاف سيارة عسكرية.", 3000)]
    [InlineData("شوهدت ألف سيارة عسكرية.", 1000)]
    public void Find_NumberWords_ComposeValue(string text, long value) =>
        Single(text).Ref.Value.ShouldBe(value);

    [Theory]
    [InlineData("أصيب عشرات المدنيين في القصف.", "tens", 20)]
    [InlineData("فرّ مئات العائلات من البلدة.", "hundreds", 200)]
    [InlineData("نزح عشرات الآلاف من المواطنين.", "tens", 20000)]
    [InlineData("اعتقلت الدورية عدداً من الشبان.", "several", 2)]
    [InlineData("فرّ آلاف المدنيين من البلدة.", "thousands", 2000)]
    [InlineData("أصيب بعض العناصر في الاشتباك.", "several", 2)]
    public void Find_VagueCounts_CarryLowerBoundAndQualifier(string text, string qualifier, long value)
    {
        var q = Single(text);
        q.Ref.Qualifier.ShouldBe(qualifier);
        q.Ref.Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("قتل أكثر من 40 عنصراً في الكمين.", "more_than")]
    [InlineData("قتل ما لا يقل عن 40 عنصراً في الكمين.", "at_least")]
    [InlineData("قتل أقل من 40 عنصراً في الكمين.", "less_than")]
    [InlineData("قتل قرابة 40 عنصراً في الكمين.", "about")]
    [InlineData("وصل عددها إلى ما يزيد عن 40 هجمة.", "more_than")]
    [InlineData("الهجمات تجاوزت 40 هجمة هذا العام.", "more_than")]
    public void Find_Approximators_SetQualifier(string text, string qualifier)
    {
        var q = Quantities(text).Single(x => x.Ref.Value == 40);
        q.Ref.Qualifier.ShouldBe(qualifier);
    }

    [Fact]
    public void Find_ExactThenAbout_AboutWins()
    {
        var q = Single("بلغ عددهم حوالي 900 شخص.");
        // "بلغ" alone would be exact; the approximator right before the number speaks.
        q.Text.ShouldBe("حوالي 900 شخص");
        q.Ref.Qualifier.ShouldBe("about");
    }

    [Theory]
    [InlineData("انتشرت عناصر الفرقة 25 على الطريق.")]
    [InlineData("وصلت مجموعة من الفوج 12 إلى البلدة.")]
    [InlineData("قال مصدر في اللواء 80 إن الوضع هادئ.")]
    [InlineData("تمركز عناصر من الكتيبة 5 عند الحاجز.")]
    public void Find_NumberAfterNameHead_IsNotACount(string text) =>
        Quantities(text).Where(q => q.Ref.Qualifier == "exact").ShouldBeEmpty();

    [Fact]
    public void Find_YearInsideDate_IsNotACount() =>
        Quantities("انسحب التنظيم في أواخر عام 2017 من المدينة.").ShouldBeEmpty();

    [Fact]
    public void Find_Percentage_IsNotACount() =>
        Quantities("ارتفعت الأسعار 40 % خلال شهر.").ShouldBeEmpty();

    [Fact]
    public void Find_BareNumberWithoutNoun_IsNotACount() =>
        Quantities("رقم الهاتف 4455 غير متاح.").ShouldBeEmpty();

    [Fact]
    public void Find_NumberOfPlusDefiniteNoun_IsNotSeveral() =>
        // "عدد القتلى" is "the number of the dead", not a count.
        Quantities("ارتفع عدد القتلى في المدينة.").ShouldBeEmpty();

    [Fact]
    public void Find_NounWithPronounSuffix_LemmaFromLexicon()
    {
        var q = Single("نشرت عدداً من عناصرها على الحواجز.");
        q.Ref.Noun.ShouldBe("عناصرها");
        q.Ref.NounLemma.ShouldBe("عنصر");
    }

    [Fact]
    public void Find_SoundPluralNotListed_LemmaByStem()
    {
        // حافلتان is not listed: the light stem (حافل) finds حافلة.
        Single("وصلت 7 حافلتان").Ref.NounLemma.ShouldBe("حافلة");
    }

    [Fact]
    public void Find_ConjunctionPlusOneOf_IsNotACount() =>
        // "وأحد القادة" is "and one of the commanders"; normalized it looks like واحد (one).
        Quantities("وأحد القادة قتل في الغارة.").ShouldBeEmpty();

    [Fact]
    public void Find_ConstructDualThousand_IsTwoThousand() =>
        Single("شارك نحو ألفي مقاتل في الهجوم.").Ref.ShouldBe(new QuantityRef(2000, "about", "مقاتل", "مقاتل"));

    [Theory]
    [InlineData("قتل عنصرين في الكمين.", "عنصرين", "عنصر")]
    [InlineData("احترقت سيارتين قرب الحاجز.", "سيارتين", "سيارة")]
    [InlineData("أصيب جنديان بجروح.", "جنديان", "جندي")]
    [InlineData("دمرت الغارة الشاحنتين.", "الشاحنتين", "شاحنة")]
    [InlineData("قتل شخصين اثنين.", "شخصين اثنين", "شخص")]
    public void Find_DualNoun_IsCountOfTwo(string text, string span, string lemma)
    {
        var q = Single(text);
        q.Text.ShouldBe(span);
        q.Ref.Value.ShouldBe(2);
        q.Ref.NounLemma.ShouldBe(lemma);
    }

    [Fact]
    public void Find_SoundMasculinePlural_IsNotDual() =>
        // مقاتلين shares its spelling with the dual but is the plural: no count.
        Quantities("انسحب المقاتلين من الموقع.").ShouldBeEmpty();

    [Fact]
    public void Find_HugeNumberWithScale_IsIgnoredWithoutOverflow() =>
        // Far beyond any count: an identifier, and multiplying it would overflow.
        Quantities("99999999999999999999999 مليار شخص ومليار مليار مليار مليار مليار عنصر").ShouldAllBe(q => q.Ref.Value > 0);
}
