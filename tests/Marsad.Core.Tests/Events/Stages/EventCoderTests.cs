using Marsad.Events;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>Coding by the sides (stage 3, <see cref="Marsad.Events.Stages.EventCoder.ApplySides"/>), from our own sentences.</summary>
public class EventCoderTests
{
    [Fact]
    public void ApplySides_AirArmAttacks_IsAnAirStrike()
    {
        // هاجم is a clash trigger; the attacker is an air arm, so ACLED codes an air/drone strike.
        var e = new EventDocBuilder("قال المتحدث إن سلاح الجو هاجم مواقع عسكرية في بلدة النخيل فجر اليوم.")
            .Actor("سلاح الجو", "actor:air", 8).Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.ExplosionsRemoteViolence);
        e.SubEventType.ShouldBe("Air/drone strike");
        e.Decisions.ShouldContain(d => d.Reason == DecisionReason.AirMeansAsActor);
    }

    [Fact]
    public void ApplySides_GroundForceAttacks_StaysAClash()
    {
        // The same verb with a ground force as the attacker is a clash.
        var e = new EventDocBuilder("قال المتحدث إن قوات الجبل هاجمت مواقع عسكرية في بلدة النخيل فجر اليوم.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.Battles);
        e.SubEventType.ShouldBe("Armed clash");
    }

    [Fact]
    public void ApplySides_WeakAttackOnHomes_IsAnAttackOnCivilians()
    {
        // هاجم alone is a clash; what was attacked (the homes of the village) belongs to civilians.
        var e = new EventDocBuilder("وقال الأهالي إن مسلحين هاجموا منازل في بلدة النخيل فجر اليوم.")
            .Actor("مسلحين", "actor:gunmen", 3).Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.ViolenceAgainstCivilians);
        e.SubEventType.ShouldBe("Attack");
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:civilians");
        e.Decisions.ShouldContain(d => d.Reason == DecisionReason.CivilianObjectMakesAttack);

        // The same verb against a checkpoint stays a clash; a civilian word far on in another clause changes nothing.
        var clash = new EventDocBuilder("وقال الأهالي إن مسلحين هاجموا حاجزاً في بلدة النخيل، وأصيب عدد من المدنيين.")
            .Actor("مسلحين", "actor:gunmen", 3).Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();
        clash.EventType.ShouldBe(AcledTaxonomy.Battles);
    }

    [Fact]
    public void ApplySides_ClashWithDemonstrators_IsAViolentDemonstrationByThem()
    {
        // The security forces are named first, the demonstrators second: they still are actor1.
        var e = new EventDocBuilder("اندلعت مواجهات بين قوات الأمن ومحتجين غاضبين في ساحة النخيل.")
            .Actor("قوات الأمن", "actor:security", 1).Actor("محتجين غاضبين", "actor:protesters", 6).Place("النخيل", "place:nakhil").Run()
            .Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.Riots);
        e.SubEventType.ShouldBe("Violent demonstration");
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:protesters");
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:security");
    }

    [Fact]
    public void ApplySides_ClashOfTwoArmedGroups_StaysAClash()
    {
        var e = new EventDocBuilder("اندلعت مواجهات بين قوات الأمن ومسلحين في ساحة النخيل.")
            .Actor("قوات الأمن", "actor:security", 1).Actor("مسلحين", "actor:gunmen", 3).Place("النخيل", "place:nakhil").Run()
            .Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.Battles);
    }

    [Fact]
    public void ApplySides_AirArmAssaults_IsAnAirStrikeNotAnAttackOnCivilians()
    {
        // اعتدى is coded as violence against civilians; from the air it is an air/drone strike.
        var e = new EventDocBuilder("وقالت القناة إن الطيران الحربي اعتدى فجر اليوم على عدة مواقع في بلدة النخيل.")
            .Actor("الطيران الحربي", "actor:air", 8).Place("النخيل", "place:nakhil").Run().Events.ShouldHaveSingleItem();

        e.EventType.ShouldBe(AcledTaxonomy.ExplosionsRemoteViolence);
        e.SubEventType.ShouldBe("Air/drone strike");
    }
}
