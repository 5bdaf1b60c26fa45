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

    [Fact]
    public void Merge_GovernorateThenTownSameDay_IsOneEventAtTheTown()
    {
        // The lead tells the clash at the governorate, the next sentence at a town inside it.
        var result = new EventDocBuilder("اندلعت اشتباكات عنيفة يوم الخميس شرقي محافظة الوادي بين قوات الجبل وقوات السهل. وأكدت مصادر وقوع اشتباكات يوم الخميس في مدينة النخيل.", new DateOnly(2024, 4, 19))
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3)
            .Place("الوادي", "place:wadi", 35.0, 38.0, kind: "governorate", precision: 3, admin1: "Wadi")
            .Place("النخيل", "place:nakhil", 35.1, 38.1, admin1: "Wadi")
            .Date("يوم الخميس", new DateOnly(2024, 4, 18)).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Location!.Place.Id.ShouldBe("place:nakhil");
        e.Evidence.Length.ShouldBe(2);
        e.Decisions.ShouldContain(d => d.Reason == DecisionReason.PlaceRefinedByRetelling);
    }

    [Fact]
    public void Merge_TownOutsideTheGovernorate_StaysTwoEvents()
    {
        // The town lies in another governorate: a second incident, not a closer telling.
        var result = new EventDocBuilder("اندلعت اشتباكات عنيفة يوم الخميس شرقي محافظة الوادي بين قوات الجبل وقوات السهل. وأكدت مصادر وقوع اشتباكات يوم الخميس في مدينة النخيل.", new DateOnly(2024, 4, 19))
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3)
            .Place("الوادي", "place:wadi", 35.0, 38.0, kind: "governorate", precision: 3, admin1: "Wadi")
            .Place("النخيل", "place:nakhil", 36.1, 39.1, admin1: "Hills")
            .Date("يوم الخميس", new DateOnly(2024, 4, 18)).Run();

        result.Events.Length.ShouldBe(2);
    }

    [Fact]
    public void Merge_GovernorateAndTownOnDifferentDays_StaysTwoEvents()
    {
        // Same governorate and town, but the town's clash is a day earlier: two incidents.
        var result = new EventDocBuilder("اندلعت اشتباكات عنيفة يوم الخميس شرقي محافظة الوادي بين قوات الجبل وقوات السهل. وكانت اشتباكات قد وقعت يوم الأربعاء في مدينة النخيل.", new DateOnly(2024, 4, 19))
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3)
            .Place("الوادي", "place:wadi", 35.0, 38.0, kind: "governorate", precision: 3, admin1: "Wadi")
            .Place("النخيل", "place:nakhil", 35.1, 38.1, admin1: "Wadi")
            .Date("يوم الخميس", new DateOnly(2024, 4, 18)).Date("يوم الأربعاء", new DateOnly(2024, 4, 17)).Run();

        result.Events.Count(x => x.Location?.Place.Id == "place:wadi").ShouldBe(1);
    }
}
