using Marsad.Events;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>Who acted and who suffered (stage 3), from our own sentences.</summary>
public class RoleAssignerTests
{
    [Fact]
    public void Assign_NationalityAfterMeans_IsActor1()
    {
        var result = new EventDocBuilder("شنت طائرة مسيّرة تركية غارة على سيارة قرب قرية النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Air/drone strike");
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:turkey");
        e.Decisions.ShouldContain(d => d.Reason == DecisionReason.NationalityOfMeans);
    }

    [Fact]
    public void Assign_NoNationality_LeavesActor1Unknown()
    {
        // The negative case: a strike with no side named has no actor1 (nothing is guessed).
        var result = new EventDocBuilder("شنت طائرة غارة على سيارة قرب قرية النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Actor1.ShouldBeNull();
    }

    [Fact]
    public void Assign_AdjectiveInsideCataloguedName_TakesTheName()
    {
        var result = new EventDocBuilder("نفذ الطيران الأمريكي غارات على مواقع قرب قرية النخيل.")
            .Actor("الطيران الأمريكي", "actor:us-air", 8).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Actor1.ShouldNotBeNull().Id.ShouldBe("actor:us-air");
    }

    [Fact]
    public void Assign_CiviliansInViolence_AreActor2()
    {
        var result = new EventDocBuilder("قتل مدنيون في قصف على قرية النخيل.")
            .Actor("مدنيون", "actor:civilians", 7).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1.ShouldBeNull();
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:civilians");
    }

    [Fact]
    public void Assign_CiviliansInProtest_AreActor1()
    {
        // Civilians act in protests: the victim rule is for violence only.
        var result = new EventDocBuilder("تظاهر مدنيون في قرية النخيل ضد الغلاء.")
            .Actor("مدنيون", "actor:civilians", 7).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Actor1.ShouldNotBeNull().Id.ShouldBe("actor:civilians");
    }

    [Fact]
    public void Assign_PersonNamedInViolence_IsNotActor1()
    {
        // The named man is whom it happened to; no group is named, so actor1 stays unknown.
        var result = new EventDocBuilder("قتل الشاب سامر الخطيب برصاص في قرية النخيل.")
            .Person("سامر الخطيب", "person:samer").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1.ShouldBeNull();
    }

    [Fact]
    public void Assign_MemberNounAfterTrigger_IsTheHarmedSide()
    {
        var result = new EventDocBuilder("اغتال مسلحون مجهولون عنصراً من قوات الجبل في قرية النخيل.")
            .Actor("مسلحون مجهولون", "actor:unidentified-armed-group", 3).Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:unidentified-armed-group");
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:mountain");

        // ACLED: an attack on fighters is a clash, not violence against civilians.
        e.EventType.ShouldBe(AcledTaxonomy.Battles);
        e.SubEventType.ShouldBe("Armed clash");
    }

    [Fact]
    public void Assign_MemberNounBeforeTrigger_IsTheActingSide()
    {
        var result = new EventDocBuilder("عناصر من قوات الجبل اعتقلوا شاباً في قرية النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Actor1.ShouldNotBeNull().Id.ShouldBe("actor:mountain");
    }

    [Fact]
    public void Assign_UnarmedVictim_StaysViolenceAgainstCivilians()
    {
        var result = new EventDocBuilder("قتل مسلحون مجهولون مدنياً في قرية النخيل.")
            .Actor("مسلحون مجهولون", "actor:unidentified-armed-group", 3).Actor("مدنياً", "actor:civilians", 7)
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.EventType.ShouldBe(AcledTaxonomy.ViolenceAgainstCivilians);
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:unidentified-armed-group");
    }
}
