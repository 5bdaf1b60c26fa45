namespace Marsad.Tests.Events;

/// <summary>What is not an event: denials, threats, hedges, background, aggregates (our own sentences).</summary>
public class EventSuppressionTests
{
    [Theory]
    [InlineData("نفت وزارة الدفاع الأنباء التي تقول إن طائراتها قصفت سوق بلدة النخيل.")]
    [InlineData("هددت ميليشيا الكتيبة باقتحام بلدة النخيل إذا لم يسلم المطلوبون أنفسهم.")]
    [InlineData("توعد قائد الفصيل بشن هجوم على بلدة النخيل خلال أيام.")]
    [InlineData("يخشى الأهالي من تعرض بلدة النخيل لغارات جوية في الأيام المقبلة.")]
    [InlineData("نشرت الميليشيا حراسها خوفاً من تعرض بلدة النخيل لقصف جوي.")]
    [InlineData("يذكر أن قوات الحكومة سيطرت على بلدة النخيل قبل سنوات.")]
    [InlineData("وكانت قوات الحكومة قد اعتقلت عدداً من شبان بلدة النخيل في وقت سابق.")]
    [InlineData("تجاوزت الهجمات على بلدة النخيل منذ مطلع العام 20 هجوماً.")]
    [InlineData("تعرضت بلدة النخيل لغارات جوية متكررة خلال الأشهر الماضية.")]
    [InlineData("لم تشهد بلدة النخيل أي اشتباكات منذ أسبوع.")]
    [InlineData("اتهمت الميليشيا شبان بلدة النخيل بالضلوع في عمليات اغتيال سابقة.")]
    [InlineData("اقرأ أيضاً: اشتباكات في بلدة النخيل تثير القلق")]
    public void Annotate_NotAnEvent_CodesNothing(string sentence)
    {
        var result = new EventDocBuilder(sentence).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Annotate_Threat_LeavesAWarning()
    {
        var result = new EventDocBuilder("هددت ميليشيا الكتيبة باقتحام بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
        result.Warnings.ShouldContain(w => w.Contains("threat", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_Aggregate_LeavesAWarning()
    {
        var result = new EventDocBuilder("تعرضت مواقع الميليشيا لهجمات متكررة تجاوزت عشر هجمات منذ بداية الشهر في بلدة النخيل، وشنت طائرات غارات متلاحقة.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
        result.Warnings.ShouldContain(w => w.Contains("aggregate", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_PastYearWithoutPublication_IsBackground()
    {
        // The latest year the report names (2024) stands for "now"; 2019 is history.
        var result = new EventDocBuilder("انسحبت قوات الجبل من بلدة النخيل في عام 2019. واندلعت اليوم اشتباكات في البلدة يوم 3 آذار 2024.")
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.EventType.ShouldBe("Battles");
    }

    [Fact]
    public void Annotate_ThreatThenRealEventLaterInSentence_KeepsTheRealEvent()
    {
        // The threat reaches only its own clause; the reinforcement after the comma did happen.
        var result = new EventDocBuilder("هددت قيادة الفصيل باقتحام المقرات، فيما استقدمت ميليشيا الكتيبة تعزيزات إلى بلدة النخيل.")
            .Actor("ميليشيا الكتيبة", "actor:katiba", 3).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Tags.ShouldContain("reinforcement");
        e.Actor1!.Id.ShouldBe("actor:katiba");
    }

    [Fact]
    public void Annotate_PurposeClause_AddsTagNotEvent()
    {
        // بهدف إرسالهم إلى معسكرات تدريب: the training is the purpose of the convoy, not a separate event.
        var result = new EventDocBuilder("وصلت إلى بلدة النخيل حافلات تقل عناصر جدداً بهدف إرسالهم إلى معسكرات تدريب.")
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Tags.ShouldContain("convoy");
        e.Tags.ShouldContain("training");
    }
}
