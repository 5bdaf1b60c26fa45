using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>News or not (stage 2), from our own sentences.</summary>
public class FactualityJudgeTests
{
    private static readonly DateOnly Published = new(2024, 9, 16);

    [Fact]
    public void Judge_EventDatedMonthsBefore_IsBackground()
    {
        var result = new EventDocBuilder("سيطرت قوات الجبل على بلدة النخيل في تشرين الأول 2023.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil")
            .Date("تشرين الأول 2023", new DateOnly(2023, 10, 1), precision: 3, kind: "absolute").Run();

        result.Events.ShouldBeEmpty();
        result.Warnings.ShouldContain(w => w.Contains("background (dated 2023-10-01)", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_EventDatedYesterday_IsNews()
    {
        var result = new EventDocBuilder("سيطرت قوات الجبل على بلدة النخيل أمس.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil")
            .Date("أمس", new DateOnly(2024, 9, 15)).Run();

        result.Events.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2024, 9, 15));
    }

    [Fact]
    public void Judge_TollSinceStartOfYear_IsAggregate()
    {
        var result = new EventDocBuilder("قتل ستة مدنيين في القصف على بلدة النخيل منذ بداية العام.", Published)
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Judge_PeriodInAnotherClause_LeavesTheEvent()
    {
        // The period qualifies the war, in its own clause; the shelling is news.
        var result = new EventDocBuilder("قتل ستة مدنيين في قصف على بلدة النخيل، وسط حرب مستمرة منذ 18 شهراً.", Published)
            .Place("النخيل", "place:nakhil").Date("18 شهراً", new DateOnly(2023, 3, 16), precision: 3).Run();

        result.Events.ShouldHaveSingleItem().EventType.ShouldBe("Explosions/Remote violence");
    }

    [Fact]
    public void Judge_SinceDateAfterTrigger_IsAggregate()
    {
        var result = new EventDocBuilder("قتل 40 مدنياً في غارات على بلدة النخيل منذ تموز الماضي.", Published)
            .Place("النخيل", "place:nakhil").Date("تموز الماضي", new DateOnly(2024, 7, 1), precision: 3).Run();

        result.Events.ShouldBeEmpty();
    }
}
