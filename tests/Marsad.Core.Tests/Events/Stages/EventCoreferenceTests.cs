using Marsad.Events;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>One incident told several times (stage 6), from our own sentences.</summary>
public class EventCoreferenceTests
{
    [Fact]
    public void Merge_DefiniteRetelling_IsOneEventWithTheBetterDate()
    {
        var result = new EventDocBuilder("قتل عنصر من قوات الجبل في قصف على بلدة النخيل. وأوضح المسؤول أن الهجوم وقع مساء الخميس.", new DateOnly(2024, 4, 19))
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil")
            .Date("مساء الخميس", new DateOnly(2024, 4, 18)).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Evidence.Length.ShouldBe(2);
        e.Date.ShouldBe(new DateOnly(2024, 4, 18));
        e.Decisions.ShouldContain(d => d.Stage == EventStage.Coreference);
    }

    [Fact]
    public void Merge_IndefiniteNewAttackElsewhere_StaysTwoEvents()
    {
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل. وفي سياق آخر، شن مسلحون هجوماً على قرية الرمان.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Place("الرمان", "place:rumman", 36.0, 39.0).Run();

        result.Events.Length.ShouldBe(2);
    }

    [Fact]
    public void Merge_TwoTriggersOneIncident_IsOneEvent()
    {
        // قصف and غارة of the same warplanes on the same town and day.
        var result = new EventDocBuilder("شن الطيران الحربي غارة على بلدة النخيل. وقصف الطيران الحربي البلدة بعد ذلك.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Air/drone strike");
    }
}
