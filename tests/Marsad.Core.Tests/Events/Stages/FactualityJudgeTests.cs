using Marsad.Events;
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
    public void Judge_ShellingTheDeathsFollowed_IsTheEvent()
    {
        // إثر (following, as a result of) names the cause told in the same breath: the shelling is today's event.
        var result = new EventDocBuilder("قتل 4 مدنيين اليوم إثر قصف مدفعي نفذته قوات الجبل على بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Date("اليوم", Published).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Shelling/artillery/missile attack");
        e.Actor1!.Id.ShouldBe("actor:mountain");
    }

    [Fact]
    public void Judge_ShellingTheDeathsHappenedAgainst_IsBackground()
    {
        // Negative case: على خلفية (against the background of) names an earlier incident, not this one.
        var result = new EventDocBuilder("قتل 4 مدنيين اليوم على خلفية قصف مدفعي نفذته قوات الجبل على بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Date("اليوم", Published).Run();

        result.Events.ShouldNotContain(e => e.SubEventType == "Shelling/artillery/missile attack");
    }

    [Fact]
    public void Judge_BattleFollowedWithoutCasualties_IsBackground()
    {
        // Negative case of إثر: with no deaths or injuries told before it, it introduces the backstory.
        var result = new EventDocBuilder("انتشرت قوات الجبل في البلدة على إثر معركة مع قوات السهل في بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldNotContain(e => e.EventType == "Battles");

        // The same battle told as news is coded.
        var told = new EventDocBuilder("اندلعت معركة بين قوات الجبل وقوات السهل في بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3).Place("النخيل", "place:nakhil").Run();
        told.Events.ShouldContain(e => e.EventType == "Battles");
    }

    [Fact]
    public void Judge_BreachesOfACeasefire_AreNoAgreement()
    {
        // The ceasefire is what was broken (خروقاتها لوقف إطلاق النار), not one agreed today.
        var result = new EventDocBuilder("وتواصل قوات الجبل خروقاتها لوقف إطلاق النار مع قوات السهل في بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldNotContain(e => e.SubEventType == "Agreement");

        // Negative case: a ceasefire agreed is an agreement.
        var agreed = new EventDocBuilder("توصلت قوات الجبل وقوات السهل إلى وقف إطلاق النار في بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3).Place("النخيل", "place:nakhil").Run();
        agreed.Events.ShouldContain(e => e.SubEventType == "Agreement");
    }

    [Fact]
    public void Judge_EventThreeWeeksBeforeInTheSentenceBefore_IsBackground()
    {
        // The backstory: the sentence before sets the time (في 20 آب الفائت) and the clashes follow on from it.
        var result = new EventDocBuilder("وفي 20 آب الفائت، شهدت المنطقة توتراً أمنياً. وإثر ذلك، اندلعت اشتباكات بين قوات الجبل وقوات السهل في بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3).Place("النخيل", "place:nakhil")
            .Date("20 آب", new DateOnly(2024, 8, 20), kind: "absolute").Run();

        result.Events.ShouldBeEmpty();
        result.Warnings.ShouldContain(w => w.Contains("background (dated 2024-08-20)", StringComparison.Ordinal));

        // Three days before is news, carried the same way.
        var recent = new EventDocBuilder("وفي 13 أيلول، شهدت المنطقة توتراً أمنياً. وإثر ذلك، اندلعت اشتباكات بين قوات الجبل وقوات السهل في بلدة النخيل.", Published)
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3).Place("النخيل", "place:nakhil")
            .Date("13 أيلول", new DateOnly(2024, 9, 13), kind: "absolute").Run();
        recent.Events.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2024, 9, 13));
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

    [Fact]
    public void Judge_GrievancesOfAProtest_AreNotEvents()
    {
        // The protest is news; the abductions and thefts it is against are grievances, even after a comma.
        var result = new EventDocBuilder("خرج أهالي بلدة النخيل بمظاهرة احتجاجاً على ممارسات الفصائل، وحالات الخطف والقتل وسرقة المحاصيل.", Published)
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().EventType.ShouldBe(AcledTaxonomy.Protests);
    }

    [Fact]
    public void Judge_AbductionWithoutAProtest_IsNews()
    {
        var result = new EventDocBuilder("وقعت حالات الخطف والقتل في بلدة النخيل أمس.", Published)
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldContain(e => e.SubEventType == "Abduction/forced disappearance");
    }

    [Fact]
    public void Judge_OutcomeOfAStrike_IsNotASecondEvent()
    {
        // مقتل after ما أدى إلى is the strike's toll, though the strike's trigger (استهدفت) is weak too.
        var result = new EventDocBuilder("استهدفت غارة جوية منزلاً في بلدة النخيل، ما أدى إلى مقتل أربعة مدنيين.", Published)
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Air/drone strike");
    }

    [Fact]
    public void Judge_OutcomeWithNothingBefore_IsTheEvent()
    {
        // Nothing in the sentence caused the deaths: the outcome is the only event told.
        var result = new EventDocBuilder("وأعلنت المصادر أن الوضع أدى إلى مقتل شاب في بلدة النخيل.", Published)
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void Judge_ClashesMonthsBefore_AreBackground()
    {
        // بعد نحو شهرين من مواجهات: the clashes are two months older than the news.
        var result = new EventDocBuilder("ويأتي التصعيد الجديد في بلدة النخيل بعد نحو شهرين من مواجهات مماثلة بين الجانبين.", Published)
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
    }
}
