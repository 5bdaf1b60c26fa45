using Marsad.Annotations;
using Marsad.Data;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Tests.Temporal;

public class DateTaggerTests
{
    // A Monday.
    private static readonly DateOnly Published = new(2021, 12, 6);

    private static List<(string Text, DateRef Ref)> Dates(string text, DateOnly? published = null, bool anchored = true)
    {
        var doc = new ExtractionPipeline([TestLexicons.Dates]).Run(
            new Document(text, new DocumentSource("test", Published: anchored ? published ?? Published : null)));
        return [.. doc.MentionsOf(EntityType.Date).Select(m => (m.Text, (DateRef)m.Ref!))];
    }

    private static (string Text, DateRef Ref) Single(string text, DateOnly? published = null, bool anchored = true)
    {
        var all = Dates(text, published, anchored);
        all.Count.ShouldBe(1, $"dates found: {string.Join(" | ", all.Select(d => d.Text))}");
        return all[0];
    }

    [Fact]
    public void Find_BackslashDayFirst_IsAbsoluteDay()
    {
        var d = Single("مددت اللجنة المهلة لغاية 2\\1\\2022 بحسب البيان.");
        d.Text.ShouldBe("2\\1\\2022");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2022, 1, 2), 1, "absolute"));
    }

    [Theory]
    [InlineData("جرى ذلك في 15/3/2020 مساءً.", 2020, 3, 15)]
    [InlineData("جرى ذلك في 15-03-2020 مساءً.", 2020, 3, 15)]
    [InlineData("جرى ذلك في 2020-03-15 مساءً.", 2020, 3, 15)]
    [InlineData("جرى ذلك في ١٥/٣/٢٠٢٠ مساءً.", 2020, 3, 15)]
    public void Find_NumericDates_DayFirstOrIso(string text, int y, int m, int d) =>
        Single(text).Ref.Value.ShouldBe(new DateOnly(y, m, d));

    [Fact]
    public void Find_InvalidNumericDate_IsIgnored() =>
        // 31/2 does not exist: not a date, nothing invented.
        Dates("الرقم 31/2/2021 غير صحيح").ShouldBeEmpty();

    [Fact]
    public void Find_LevantineMonthWithDayAndYear_IsAbsolute()
    {
        var d = Single("وقع الانفجار في 5 كانون الأول 2021 قرب السوق.");
        d.Text.ShouldBe("5 كانون الأول 2021");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 12, 5), 1, "absolute"));
    }

    [Theory]
    [InlineData("وصل الوفد في 3 أيار/مايو 2019 إلى المدينة.", "3 أيار/مايو 2019", 5)]
    [InlineData("وصل الوفد في 3 آذار 2019 إلى المدينة.", "3 آذار 2019", 3)]
    [InlineData("وصل الوفد في 3 أغسطس 2019 إلى المدينة.", "3 أغسطس 2019", 8)]
    [InlineData("وصل الوفد في 3 تشرين الثاني 2019 إلى المدينة.", "3 تشرين الثاني 2019", 11)]
    public void Find_MonthNameVariants_ResolveMonth(string text, string span, int month)
    {
        var d = Single(text);
        d.Text.ShouldBe(span);
        d.Ref.Value.ShouldBe(new DateOnly(2019, month, 3));
    }

    [Fact]
    public void Find_OrdinalDayOfCurrentMonth_ResolvesAgainstPublication()
    {
        var d = Single("استمرت الهجمات حتى الخامس من الشهر الجاري في المنطقة.");
        d.Text.ShouldBe("الخامس من الشهر الجاري");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 12, 5), 1, "relative"));
    }

    [Fact]
    public void Find_LastSunday_IsLatestSundayStrictlyBefore()
    {
        var d = Single("دخلت القافلة الأحد الماضي من المعبر.");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 12, 5), 1, "weekday"));
    }

    [Fact]
    public void Find_LastWeekdaySameAsPublication_GoesBackAWeek() =>
        // Published on a Monday: "last Monday" is a week earlier, never the publication day.
        Single("اجتمعوا الاثنين الماضي في المقر.").Ref.Value.ShouldBe(new DateOnly(2021, 11, 29));

    [Fact]
    public void Find_WeekdayBeforeFullDate_JoinsTheDate()
    {
        var d = Single("وقع الهجوم يوم الأحد 5 كانون الأول 2021 فجراً.");
        // The explicit date speaks; the weekday joins its span.
        d.Text.ShouldBe("يوم الأحد 5 كانون الأول 2021");
        d.Ref.Value.ShouldBe(new DateOnly(2021, 12, 5));
    }

    [Fact]
    public void Find_BareWeekdayWithoutContext_IsNotTagged() =>
        // الاثنين here means "both of them".
        Dates("وافق الاثنين على الاتفاق.").ShouldBeEmpty();

    [Fact]
    public void Find_WeekdaySetOffByCommas_IsTheClausesDay()
    {
        // Published Monday 6 December 2021: "، الجمعة،" is the latest Friday, the 3rd.
        Single("صدت القوات، الجمعة، هجوماً على مواقعها.").Ref.Value.ShouldBe(new DateOnly(2021, 12, 3));

        // Only one comma beside it: الاثنين (both) stays a word.
        Dates("وافق، الاثنين على الاتفاق.").ShouldBeEmpty();
    }

    [Fact]
    public void Find_DayWordAndWeekday_IsLatestOnOrBefore() =>
        Single("وصل الرتل يوم الجمعة إلى البلدة.").Ref.Value.ShouldBe(new DateOnly(2021, 12, 3));

    [Theory]
    [InlineData("غادروا أمس إلى الحدود.", "أمس", 2021, 12, 5)]
    [InlineData("غادروا اليوم إلى الحدود.", "اليوم", 2021, 12, 6)]
    [InlineData("وصلت التعزيزات صباح اليوم إلى البلدة.", "صباح اليوم", 2021, 12, 6)]
    [InlineData("وصلت التعزيزات مساء أمس إلى البلدة.", "مساء أمس", 2021, 12, 5)]
    [InlineData("وصلت التعزيزات أول أمس إلى البلدة.", "أول أمس", 2021, 12, 4)]
    [InlineData("وصلت التعزيزات أمس الأول إلى البلدة.", "أمس الأول", 2021, 12, 4)]
    [InlineData("عقد الاجتماع قبل يومين في المقر.", "قبل يومين", 2021, 12, 4)]
    [InlineData("عقد الاجتماع قبل ثلاثة أيام في المقر.", "قبل ثلاثة أيام", 2021, 12, 3)]
    public void Find_RelativeDays_ResolveAgainstPublication(string text, string span, int y, int m, int d)
    {
        var found = Single(text);
        found.Text.ShouldBe(span);
        found.Ref.Value.ShouldBe(new DateOnly(y, m, d));
        found.Ref.TimePrecision.ShouldBe(1);
    }

    [Fact]
    public void Find_BeforeYear_IsTheYearNotAYearAgo()
    {
        var d = Single("كانت المدينة هادئة قبل عام 2011.");
        // "قبل عام 2011" is "before 2011": the year is the mention, not "a year ago".
        d.Text.ShouldBe("عام 2011");
        d.Ref.Kind.ShouldBe("year");
    }

    [Fact]
    public void Find_HijriMonth_HasNullValue()
    {
        var d = Single("توقفت المعارك خلال شهر رمضان.");
        // No Hijri conversion: the month is found, its date is not invented.
        d.Text.ShouldBe("شهر رمضان");
        d.Ref.Value.ShouldBeNull();
    }

    [Fact]
    public void Find_TheNextDay_IsNotToday() =>
        Dates("وفي اليوم التالي عادت القوات.").ShouldBeEmpty();

    [Fact]
    public void Find_WeekAgo_IsWeekPrecision()
    {
        var d = Single("بدأت الحملة قبل أسبوع في الريف.");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 11, 29), 2, "relative"));
    }

    [Fact]
    public void Find_ConjunctionClitic_IsLeftOutOfSpan()
    {
        var d = Single("تم ذلك وأمس أيضا.");
        // و is a clitic: the mention starts at أمس.
        d.Text.ShouldBe("أمس");
    }

    [Fact]
    public void Find_TodayAsOrdinalDay_IsNotADate() =>
        // "for the third day" counts days, it is not today.
        Dates("لليوم الثالث على التوالي تستمر الاشتباكات.").ShouldBeEmpty();

    [Fact]
    public void Find_EarlyCurrentMonth_IsFirstWeekAtWeekPrecision()
    {
        var d = Single("شهد مطلع الشهر الجاري اشتباكات عنيفة.");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 12, 1), 2, "period", new DateOnly(2021, 12, 7)));
    }

    [Fact]
    public void Find_LateLastMonth_IsLastWeekOfPreviousMonth() =>
        Single("عادت القوات أواخر الشهر الماضي.").Ref.ShouldBe(new DateRef(new DateOnly(2021, 11, 24), 2, "period", new DateOnly(2021, 11, 30)));

    [Fact]
    public void Find_MidNamedMonthPast_IsMidWindow()
    {
        var d = Single("تصاعدت الهجمات منذ منتصف نوفمبر الفائت.");
        d.Text.ShouldBe("منتصف نوفمبر الفائت");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 11, 11), 2, "period", new DateOnly(2021, 11, 20)));
    }

    [Fact]
    public void Find_LateYear_IsLastQuarterAtMonthPrecision() =>
        Single("انسحب التنظيم من المدينة في أواخر عام 2017.").Ref.ShouldBe(
            new DateRef(new DateOnly(2017, 10, 1), 3, "period", new DateOnly(2017, 12, 31)));

    [Fact]
    public void Find_MonthWordWithCurrentYear_IsMonthPrecision()
    {
        var d = Single("انطلقت الحملة في شهر تشرين الثاني من العام الجاري في الريف.");
        d.Text.ShouldBe("شهر تشرين الثاني من العام الجاري");
        d.Ref.ShouldBe(new DateRef(new DateOnly(2021, 11, 1), 3, "month", new DateOnly(2021, 11, 30)));
    }

    [Theory]
    [InlineData("جرى ذلك الشهر الماضي.", 2021, 11, 3)]
    [InlineData("جرى ذلك العام الماضي.", 2020, 1, 3)]
    [InlineData("جرى ذلك العام الجاري.", 2021, 1, 3)]
    public void Find_UnitWithMarker_ResolvesPeriod(string text, int y, int m, int precision)
    {
        var d = Single(text);
        d.Ref.Value.ShouldBe(new DateOnly(y, m, 1));
        d.Ref.TimePrecision.ShouldBe(precision);
    }

    [Fact]
    public void Find_LastWeek_IsSevenDayRange() =>
        Single("قُتل الجندي الأسبوع الماضي.").Ref.ShouldBe(new DateRef(new DateOnly(2021, 11, 29), 2, "relative", new DateOnly(2021, 12, 5)));

    [Fact]
    public void Find_PastFewDays_IsWindowBeforePublication() =>
        Single("تعرضت المواقع لهجمات خلال الأيام القليلة الماضية.").Ref.ShouldBe(
            new DateRef(new DateOnly(2021, 11, 29), 2, "vague", new DateOnly(2021, 12, 5)));

    [Theory]
    [InlineData("أجرت القيادة تغييرات مؤخراً في صفوفها.")]
    [InlineData("تكبدت خسائر خلال الأشهر الماضية في البادية.")]
    public void Find_VagueExpression_HasNullValue(string text)
    {
        var d = Single(text);
        d.Ref.Kind.ShouldBe("vague");
        d.Ref.Value.ShouldBeNull();
    }

    [Fact]
    public void Find_RelativeWithoutPublication_ValueStaysNull()
    {
        var d = Single("دخلت القافلة الأحد الماضي من المعبر.", anchored: false);
        // No anchor: nothing invented.
        d.Ref.Value.ShouldBeNull();
        d.Ref.Kind.ShouldBe("weekday");
    }

    [Fact]
    public void Find_AbsoluteWithoutPublication_StillResolves() =>
        Single("وقع الانفجار في 5 كانون الأول 2021.", anchored: false).Ref.Value.ShouldBe(new DateOnly(2021, 12, 5));

    [Fact]
    public void Find_DayMonthWithoutYear_TakesNearestYear() =>
        // Published in early December: 28 November is this year, 3 January is next year.
        Dates("من 28 تشرين الثاني حتى 3 كانون الثاني").Select(d => d.Ref.Value).ShouldBe([new DateOnly(2021, 11, 28), new DateOnly(2022, 1, 3)]);

    [Fact]
    public void Find_MonthWithoutYear_PrefersThePast() =>
        // Published in December: "May" is last May (seven months back), not next May (five months ahead).
        Single("نفذت الغارات خلال شهر أيار في المنطقة.").Ref.Value.ShouldBe(new DateOnly(2021, 5, 1));

    [Fact]
    public void Find_AmbiguousMonthWordAlone_IsNotADate() =>
        // مارس is also the verb "practised".
        Dates("مارس الضغط على الأهالي.").ShouldBeEmpty();

    [Fact]
    public void Find_AmbiguousMonthAsCarMake_IsNotADate() =>
        // نيسان is April, and also a pick-up truck make.
        Dates("صادرت الدورية سيارة نيسان محملة بالأسلحة.").ShouldBeEmpty();

    [Fact]
    public void Find_AmbiguousMonthAfterPreposition_IsADate() =>
        Single("وقعت الحادثة في نيسان قرب الحدود.").Ref.Value.ShouldBe(new DateOnly(2021, 4, 1));

    [Fact]
    public void Find_WorldDay_IsNotToday() =>
        Dates("احتفل الناشطون باليوم العالمي للسلام.").ShouldBeEmpty();

    [Fact]
    public void Find_YearWithWord_IsYearPrecision() =>
        Single("تأسس الفصيل عام 2013 في الشمال.").Ref.ShouldBe(new DateRef(new DateOnly(2013, 1, 1), 3, "year", new DateOnly(2013, 12, 31)));

    [Fact]
    public void Lexicons_Catalogue_MatchesFiles()
    {
        var catalogue = DataCatalogue.Load(TestLexicons.DataRoot);
        catalogue.Entries.Where(e => e.Path.StartsWith("lexicons/", StringComparison.Ordinal)).Count().ShouldBeGreaterThanOrEqualTo(3);
        catalogue.Verify().Where(p => p.Path.StartsWith("lexicons/", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
