using Marsad.Events;

namespace Marsad.Tests.Events;

/// <summary>Crowd sizes vs. aggregates, victims as the target side, the event's own region, number-word deaths (our own sentences).</summary>
public class EventRoleTests
{
    [Fact]
    public void Annotate_CrowdSizeBeforeProtest_IsProtestNotAggregate()
    {
        // المئات counts the people who marched, not a series of protests.
        var result = new EventDocBuilder("وخرج المئات من سكان بلدة النخيل في تظاهرة أمام مبنى البلدية للمطالبة بإصلاح شبكة المياه.")
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.EventType.ShouldBe(AcledTaxonomy.Protests);
        e.SubEventType.ShouldBe("Peaceful protest");
        e.Actor1.ShouldNotBeNull().Inter.ShouldBe(6);
        result.Warnings.ShouldNotContain(w => w.Contains("aggregate", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_VagueCountOfTheEventsThemselves_IsAggregate()
    {
        // عشرات الغارات counts strikes: a summary, not one event.
        var result = new EventDocBuilder("نفذت الطائرات الحربية عشرات الغارات على بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
        result.Warnings.ShouldContain(w => w.Contains("aggregate", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_MembersKilledByUnclaimedBomb_AreActor2()
    {
        var result = new EventDocBuilder("انفجرت عبوة ناسفة بدورية على طريق بلدة النخيل، ما أدى إلى مقتل ثلاثة عناصر من قوات الجبل.")
            .Place("النخيل", "place:nakhil").Actor("قوات الجبل", "actor:jabal", 3).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Remote explosive/landmine/IED");
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:jabal");
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:unidentified-armed-group");
    }

    [Fact]
    public void Annotate_AttackerThenInjuredMembers_KeepsRoles()
    {
        // The group after إصابة عناصر من is hit; the shelling side stays actor1.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بالمدفعية، ما أدى إلى إصابة عناصر من جماعة السهل.")
            .Place("النخيل", "place:nakhil").Actor("قوات الجبل", "actor:jabal", 1).Actor("جماعة السهل", "actor:sahl", 2).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:jabal");
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:sahl");
    }

    [Fact]
    public void Annotate_KilledByActorsFire_ActorStaysActor1()
    {
        // برصاص X names the shooter: X follows the death word but is not the victim.
        var result = new EventDocBuilder("شهدت بلدة النخيل اشتباكات أسفرت عن مقتل شاب برصاص قوات الجبل.")
            .Place("النخيل", "place:nakhil").Actor("قوات الجبل", "actor:jabal", 1).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:jabal");
    }

    [Fact]
    public void Annotate_OwnSentenceNamesOnlyARegion_TakesRegionNotEarlierPlace()
    {
        // The second strike is elsewhere: its village is unknown to the gazetteer, but its governorate is named.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بالمدفعية. وفي سياق منفصل، شنت طائرة مسيرة غارة على سيارة قرب قرية الصفصاف بريف الوادي.")
            .Place("النخيل", "place:nakhil", admin1: "North")
            .Place("الوادي", "place:wadi", kind: "governorate", precision: 3, admin1: "Valley").Run();

        result.Events.Length.ShouldBe(2);
        var strike = result.Events.Where(e => e.SubEventType == "Air/drone strike").ShouldHaveSingleItem();
        strike.Location.ShouldNotBeNull().Place.Id.ShouldBe("place:wadi");
        strike.Location.GeoPrecision.ShouldBe(3);
    }

    [Fact]
    public void Annotate_EarlierPlaceInsideOwnRegion_KeepsEarlierPlace()
    {
        // The same governorate: the town named before is the closer location.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بالمدفعية. وشنت طائرة مسيرة غارة على سيارة في ريف الوادي.")
            .Place("النخيل", "place:nakhil", admin1: "Valley")
            .Place("الوادي", "place:wadi", kind: "governorate", precision: 3, admin1: "Valley").Run();

        var strike = result.Events.Where(e => e.SubEventType == "Air/drone strike").ShouldHaveSingleItem();
        strike.Location.ShouldNotBeNull().Place.Id.ShouldBe("place:nakhil");
    }

    [Fact]
    public void Annotate_NumberWordAfterDeathWord_IsTheFatalityCount()
    {
        // مقتل اثنين منهم: a number word with no counted noun.
        var result = new EventDocBuilder("استهدفت غارة جوية سيارة تقل مسلحين قرب بلدة النخيل، ما أدى إلى مقتل اثنين منهم.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBe(2);
    }
}
