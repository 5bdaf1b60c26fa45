using Marsad.Events;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>Candidates (stage 1), from our own sentences.</summary>
public class TriggerFinderTests
{
    [Fact]
    public void Find_MarchWithNationality_IsADrone()
    {
        var result = new EventDocBuilder("استهدفت مسيرة إسرائيلية دراجة نارية قرب بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Air/drone strike");
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:israel");
    }

    [Fact]
    public void Find_MarchWithoutNationality_IsAProtest()
    {
        var result = new EventDocBuilder("خرجت مسيرة شعبية في بلدة النخيل ضد الغلاء.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().EventType.ShouldBe(AcledTaxonomy.Protests);
    }

    [Fact]
    public void Find_ShellingByWarplanes_IsAnAirStrike()
    {
        var result = new EventDocBuilder("قصف الطيران الحربي أطراف بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Air/drone strike");
    }

    [Fact]
    public void Find_ShellingByArtillery_StaysShelling()
    {
        var result = new EventDocBuilder("قصفت المدفعية أطراف بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Shelling/artillery/missile attack");
    }

    [Fact]
    public void Find_Incursion_IsAStrategicDevelopment()
    {
        var e = new EventDocBuilder("توغلت قوة عسكرية مؤلفة من خمس آليات في قرية النخيل وأقامت حاجزاً غربها.")
            .Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.StrategicDevelopments);
        e.SubEventType.ShouldBe("Other");
        e.Tags.ShouldContain("incursion");
    }

    [Fact]
    public void Find_WeakTriggerInAnotherClauseOfADevelopment_IsASecondEvent()
    {
        // استهدفت is weak: it yields to a stronger trigger of its clause or of violence, not to an incursion told before a comma.
        var result = new EventDocBuilder("توغلت قوة عسكرية في قرية النخيل، فيما استهدفت بقذائف الهاون أراضي زراعية قرب بلدة الرمان.")
            .Place("النخيل", "place:nakhil").Place("الرمان", "place:rumman", 35.2, 38.2).Run();

        result.Events.Select(e => e.EventType).ShouldBe([AcledTaxonomy.StrategicDevelopments, AcledTaxonomy.ExplosionsRemoteViolence], ignoreOrder: true);
    }

    [Fact]
    public void Find_DeathAfterAStrikeInAnotherClause_IsTheStrikesToll()
    {
        // مقتل is weak and violent: after a strike's clause it is the strike's outcome, not an attack of its own.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بالمدفعية، ما أدى إلى مقتل مدنيين اثنين.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().EventType.ShouldBe(AcledTaxonomy.ExplosionsRemoteViolence);
    }

    [Fact]
    public void Find_InterceptedMissile_IsDisruptedWeaponsUse()
    {
        var e = new EventDocBuilder("اعترضت الدفاعات الجوية صاروخاً فوق بلدة النخيل.").Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.SubEventType.ShouldBe("Disrupted weapons use");
    }

    [Fact]
    public void Find_GunmenStoppingATruck_IsNoInterception()
    {
        // اعترض with a vehicle as its object is a hold-up, not a weapon disrupted.
        new EventDocBuilder("اعترض مسلحون شاحنة على طريق بلدة النخيل.").Place("النخيل", "place:nakhil").Run()
            .Events.ShouldNotContain(e => e.SubEventType == "Disrupted weapons use");
    }

    [Fact]
    public void Find_InExchangeFor_IsNoMeeting()
    {
        // لقاء الإفراج: "in exchange for the release", not a meeting; لقاء مع is one.
        new EventDocBuilder("ويطالب الخاطفون بمبالغ كبيرة لقاء الإفراج عن المختطف من بلدة النخيل.").Place("النخيل", "place:nakhil").Run()
            .Events.ShouldNotContain(e => e.Tags.Contains("meeting"));
        new EventDocBuilder("عقد المحافظ لقاء مع وجهاء بلدة النخيل.").Place("النخيل", "place:nakhil").Run()
            .Events.ShouldContain(e => e.Tags.Contains("meeting"));
    }

    [Fact]
    public void Find_DeathInShellingOfANationality_IsTheShelling()
    {
        // قصف تركي is also tagged as the Turkish forces; the shelling stays the event (not a clash from مقتل).
        var e = new EventDocBuilder("أعلن مسؤول محلي عن مقتل أحد عناصر الحرس في قصف تركي استهدف سيارته في بلدة النخيل.")
            .Actor("قصف تركي", "actor:turkey", 8).Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.ExplosionsRemoteViolence);

        // And the state the mention names is the side that shelled.
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:turkey");
    }

    [Fact]
    public void Find_ArmedGroupTargetingAMilitaryPost_IsAnArmedClash()
    {
        // No weapon named: a cell targeting a military post of another side is a fight.
        var result = new EventDocBuilder("استهدفت خلية تابعة لجماعة الوادي نقطة عسكرية تابعة لقوات الجبل في بلدة النخيل.")
            .Actor("جماعة الوادي", "actor:valley", 3).Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Armed clash");
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:valley");
    }

    [Fact]
    public void Find_TargetingWithAWeaponOrNoMilitaryObject_IsNoClash()
    {
        // A drone named makes the stronger trigger; a bare targeting of a town names nothing to code as a fight.
        new EventDocBuilder("استهدفت مسيرة إسرائيلية دورية في بلدة النخيل.").Place("النخيل", "place:nakhil").Run()
            .Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Air/drone strike");
        new EventDocBuilder("استهدفت الحملة الإعلامية بلدة النخيل.").Place("النخيل", "place:nakhil").Run().Events.ShouldBeEmpty();
    }
}
