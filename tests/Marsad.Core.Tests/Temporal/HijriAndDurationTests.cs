using System.Globalization;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Tests.Temporal;

/// <summary>Issue 14, failure 8 (dates): Hijri dates converted, ordinal durations not dates, no day precision without a day.</summary>
public class HijriAndDurationTests
{
    private static readonly DateOnly Published = new(2021, 12, 6);

    private static List<(string Text, DateRef Ref)> Dates(string text, DateOnly? published)
    {
        var doc = new ExtractionPipeline([TestLexicons.Dates]).Run(new Document(text, new DocumentSource("test", Published: published)));
        return [.. doc.MentionsOf(EntityType.Date).Select(m => (m.Text, (DateRef)m.Ref!))];
    }

    private static DateOnly UmmAlQura(int year, int month, int day) =>
        DateOnly.FromDateTime(new UmAlQuraCalendar().ToDateTime(year, month, day, 0, 0, 0, 0));

    [Theory]
    [InlineData("وقع الهجوم في 15 ربيع الأول 1443 هـ قرب المدينة.", "15 ربيع الأول 1443 هـ", 1443, 3, 15)]
    [InlineData("وقع الهجوم في 15 ربيع الأول 1443 قرب المدينة.", "15 ربيع الأول 1443", 1443, 3, 15)]
    [InlineData("أعلن ذلك يوم 1 رمضان 1442 للهجرة.", "يوم 1 رمضان 1442 للهجرة", 1442, 9, 1)]
    [InlineData("جرى الاتفاق في الثالث من ذي الحجة 1441 هـ.", "الثالث من ذي الحجة 1441 هـ", 1441, 12, 3)]
    public void Find_HijriDayMonthYear_ConvertedWithUmmAlQura(string text, string span, int y, int m, int d)
    {
        // Before: the Hijri date was ignored and the publication date used.
        var found = Dates(text, Published).ShouldHaveSingleItem();
        found.Text.ShouldBe(span);
        found.Ref.ShouldBe(new DateRef(UmmAlQura(y, m, d), 1, "absolute"));
    }

    [Fact]
    public void Find_HijriDate15RabiAlAwwal1443_Is21October2021()
    {
        // The conversion itself, spelled out: 15 Rabi' al-Awwal 1443 AH is 21 October 2021 in Umm al-Qura.
        Dates("وقع الهجوم في 15 ربيع الأول 1443 هـ.", null).ShouldHaveSingleItem().Ref.Value.ShouldBe(new DateOnly(2021, 10, 21));
    }

    [Fact]
    public void Find_HijriMonthYear_MonthPrecisionWithRange()
    {
        var found = Dates("تصاعدت الاشتباكات خلال شهر رمضان 1442 هـ.", Published).ShouldHaveSingleItem();
        found.Ref.TimePrecision.ShouldBe(3);
        found.Ref.Value.ShouldBe(UmmAlQura(1442, 9, 1));
        found.Ref.RangeEnd.ShouldBe(UmmAlQura(1442, 10, 1).AddDays(-1));
    }

    [Fact]
    public void Find_HijriYearOutOfCalendarRange_NoDate()
    {
        // Umm al-Qura covers 1318–1500 AH; a year outside is not converted (and not guessed).
        Dates("في 15 ربيع الأول 1600 هـ", Published).Where(d => d.Ref.Value is not null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("دخلت الحرب شهرها الثامن عشر دون أي هدنة.")]
    [InlineData("دخل الإضراب في يومها الخامس مرحلة جديدة.")]
    [InlineData("يدخل الحصار عامه الثالث وسط صمت دولي.")]
    [InlineData("وفي أسبوعها الثاني توسعت الاحتجاجات.")]
    public void Find_OrdinalDuration_NotADate(string text)
    {
        // Before: "شهرها الثامن عشر" was read as "18 months ago". An ordinal of a period is a duration, not a date.
        Dates(text, Published).Where(d => d.Ref.Value is not null).ShouldBeEmpty();
    }

    [Fact]
    public void Find_OrdinalDayOfCurrentMonth_StillADate()
    {
        // Negative case: "الخامس من الشهر الجاري" names a day.
        Dates("وقع الهجوم في الخامس من الشهر الجاري.", Published).ShouldHaveSingleItem().Ref.Value.ShouldBe(new DateOnly(2021, 12, 5));
    }

    [Theory]
    [InlineData("وقع الهجوم أمس قرب المدينة.")]
    [InlineData("وقع الهجوم في الخامس من الشهر الجاري.")]
    [InlineData("وقع الهجوم في 5 كانون الأول قرب المدينة.")]
    public void Find_DayWithoutPublication_NeverDayPrecisionWithoutValue(string text)
    {
        // Before: date null with time_precision 1. Without a publication date no day is known.
        foreach (var (_, r) in Dates(text, null))
        {
            (r.Value is null && r.TimePrecision == 1).ShouldBeFalse();
        }
    }
}
