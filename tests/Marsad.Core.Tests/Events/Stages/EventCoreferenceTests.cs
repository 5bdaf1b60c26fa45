using Marsad.Annotations;
using Marsad.Events.Stages;
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

    private const string GovernorateClash = "اندلعت اشتباكات عنيفة يوم الخميس شرقي محافظة الوادي بين قوات الجبل وقوات السهل. ";

    /// <summary>A clash told at the governorate الوادي, then <paramref name="second"/> of the town النخيل.</summary>
    private static Marsad.Pipeline.AnnotatedDocument GovernorateThenTown(string second, double townLat, string townAdmin1)
    {
        var b = new EventDocBuilder(GovernorateClash + second, new DateOnly(2024, 4, 19))
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("قوات السهل", "actor:plain", 3)
            .Place("الوادي", "place:wadi", 35.0, 38.0, kind: "governorate", precision: 3, admin1: "Wadi")
            .Place("النخيل", "place:nakhil", townLat, 38.1, admin1: townAdmin1)
            .Date("يوم الخميس", new DateOnly(2024, 4, 18));
        if (second.Contains("يوم الأربعاء", StringComparison.Ordinal))
        {
            b = b.Date("يوم الأربعاء", new DateOnly(2024, 4, 17));
        }

        return b.Run();
    }

    [Fact]
    public void Merge_GovernorateThenTownSameDay_IsOneEventAtTheTown()
    {
        // The lead tells the clash at the governorate, the next sentence at a town inside it.
        var e = GovernorateThenTown("وأكدت مصادر وقوع اشتباكات يوم الخميس في مدينة النخيل.", 35.1, "Wadi").Events.ShouldHaveSingleItem();
        e.Location!.Place.Id.ShouldBe("place:nakhil");
        e.Evidence.Length.ShouldBe(2);
        e.Decisions.ShouldContain(d => d.Reason == DecisionReason.PlaceRefinedByRetelling);
    }

    [Fact]
    public void Merge_TownOutsideTheGovernorate_StaysTwoEvents() =>
        // The town lies in another governorate: a second incident, not a closer telling.
        GovernorateThenTown("وأكدت مصادر وقوع اشتباكات يوم الخميس في مدينة النخيل.", 36.1, "Hills").Events.Length.ShouldBe(2);

    [Fact]
    public void Merge_GovernorateAndTownOnDifferentDays_StaysTwoEvents() =>
        // Same governorate and town, but the town's clash is a day earlier: two incidents.
        GovernorateThenTown("واندلعت اشتباكات أخرى يوم الأربعاء في مدينة النخيل.", 35.1, "Wadi").Events
            .Select(x => x.Location?.Place.Id).ShouldBe(["place:wadi", "place:nakhil"], ignoreOrder: true);

    [Fact]
    public void Merge_SameDevelopmentOnTwoStatedDays_IsTwoEvents()
    {
        // One force, one village, an incursion today and one yesterday: ACLED's unit is one day.
        var result = new EventDocBuilder("توغلت قوة عسكرية اليوم في قرية النخيل. وكانت القوة توغلت أمس في قرية النخيل أيضاً.", new DateOnly(2024, 4, 19))
            .Place("النخيل", "place:nakhil").Date("اليوم", new DateOnly(2024, 4, 19)).Date("أمس", new DateOnly(2024, 4, 18)).Run();

        result.Events.Select(e => e.Date).ShouldBe([new DateOnly(2024, 4, 19), new DateOnly(2024, 4, 18)], ignoreOrder: true);
    }

    [Fact]
    public void Merge_RetellingWithACarriedDate_IsOneEvent()
    {
        // The second sentence has no date of its own: it retells the first incursion.
        var result = new EventDocBuilder("توغلت قوة عسكرية أمس في قرية النخيل. وأفاد الأهالي أن القوة توغلت في قرية النخيل وأقامت حاجزاً.", new DateOnly(2024, 4, 19))
            .Place("النخيل", "place:nakhil").Date("أمس", new DateOnly(2024, 4, 18)).Run();

        result.Events.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2024, 4, 18));
    }

    [Fact]
    public void Merge_VillageCodedAtItsListNeighbour_StaysItsOwnEvent()
    {
        // الزنبقونية (made up) is coded at النخيل's point: the same point, yet another village and another event.
        var result = new EventDocBuilder("داهمت قوات الجبل قرى النخيل والزنبقونية.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil", kind: "village").Place("الزنبقونية", "place:nakhil~alznbqwnyh", kind: "village", precision: 2).Run();

        result.Events.Select(e => e.Location!.Place.Id).Order().ShouldBe(["place:nakhil", "place:nakhil~alznbqwnyh"]);
    }

    [Fact]
    public void Merge_DefiniteRetellingAtTheTownOfAQuarter_IsOneEvent()
    {
        // حي الزنبقونية (made up) is coded at النخيل, the town it is in: the raid on the quarter and on the town, the same day, is one event.
        var result = new EventDocBuilder("قصفت قوات الجبل حي الزنبقونية. وقال الأهالي إن القصف طال مدينة النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("الزنبقونية", "place:nakhil~alznbqwnyh", kind: "neighbourhood", precision: 2).Place("النخيل", "place:nakhil", kind: "city").Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Kind.ShouldBe("neighbourhood");
    }

    [Fact]
    public void Merge_IndefiniteTellingsAtAQuarterAndItsTown_StayTwoEvents()
    {
        // Negative case: an indefinite second shelling (قصفت ... مدينة النخيل) is another incident, whether or not the quarter is in the town.
        var result = new EventDocBuilder("قصفت قوات الجبل حي الزنبقونية. وفي حادثة أخرى قصفت قوات الجبل مدينة النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("الزنبقونية", "place:nakhil~alznbqwnyh", kind: "neighbourhood", precision: 2).Place("النخيل", "place:nakhil", kind: "city").Run();

        result.Events.Count().ShouldBe(2);
    }

    [Fact]
    public void Merge_DemonstrativeBeforeAnIndefiniteTrigger_IsANewIncident()
    {
        // تلا ذلك قصف: ذلك is a pronoun here (that was followed by a shelling), not "that shelling".
        var result = new EventDocBuilder("قصفت قوات الجبل حي الزنبقونية. تلا ذلك قصف مدينة النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("الزنبقونية", "place:nakhil~alznbqwnyh", kind: "neighbourhood", precision: 2).Place("النخيل", "place:nakhil", kind: "city").Run();

        result.Events.Count().ShouldBe(2);
    }

    [Fact]
    public void Merge_BombardmentThenItsDroneAtThePlace_IsOneAirStrike()
    {
        // قصف alone says no means; the drone strike told next at the same place and day is that bombardment.
        var result = new EventDocBuilder("قتل 3 مدنيين اليوم بقصف على خيمة في بلدة النخيل. وأفاد مراسلنا بأن غارة من طائرة مسيرة استهدفت الخيمة في بلدة النخيل.")
            .Place("النخيل", "place:nakhil").Date("اليوم", new DateOnly(2024, 4, 18)).Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Air/drone strike");
    }

    [Fact]
    public void Merge_ArtilleryShellingAndADroneStrike_StayTwoEvents()
    {
        // Negative case: قصف مدفعي names its means (artillery): the drone strike at the same place is another event.
        var result = new EventDocBuilder("قتل 3 مدنيين اليوم بقصف مدفعي على بلدة النخيل. وأفاد مراسلنا بأن غارة من طائرة مسيرة استهدفت خيمة في بلدة النخيل.")
            .Place("النخيل", "place:nakhil").Date("اليوم", new DateOnly(2024, 4, 18)).Run();

        result.Events.Select(e => e.SubEventType).Order().ShouldBe(["Air/drone strike", "Shelling/artillery/missile attack"]);
    }

    [Fact]
    public void Merge_BombardmentAndAnotherSidesAirStrike_StayTwoEvents()
    {
        // Negative case: قصف by one side, a strike by another side's aircraft at the same place: two attackers, two events.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل اليوم. وشنت طائرات قوات السهل غارة على بلدة النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 1).Actor("قوات السهل", "actor:plain", 8)
            .Place("النخيل", "place:nakhil").Date("اليوم", new DateOnly(2024, 4, 18)).Run();

        result.Events.Count().ShouldBe(2);
    }

    [Fact]
    public void Merge_LackingVillageToldTwiceAtTwoAnchors_IsOneEvent()
    {
        // The same name the gazetteer lacks, coded once at a governorate and once at a neighbour: one place.
        var result = new EventDocBuilder("داهمت قوات الجبل قرية الزنبقونية. وأفاد الأهالي أن قوات الجبل داهمت قرية الزنبقونية ليلاً.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("الزنبقونية", "pcode:X1~alznbqwnyh", kind: "village", precision: 2).Run();
        result.Events.ShouldHaveSingleItem();

        EventCoreference.SamePlace(
            new EventLocation(new PlaceRef("pcode:X1~alznbqwnyh", "z", null, 35, 38, "SY", null, null, null, "village", 2), 2, null),
            new EventLocation(new PlaceRef("place:nakhil~alznbqwnyh", "z", null, 35.3, 38.3, "SY", null, null, null, "village", 2), 2, null)).ShouldBeTrue();
    }

    [Fact]
    public void Merge_DefiniteTellingWithoutASide_TakesTheActorOfTheEventBefore()
    {
        // القصف (definite) at new places goes on with the shelling told first: قوات الجبل shelled them too.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل. وطال القصف المدفعي أيضاً قرية الرمان.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الرمان", "place:rumman", 35.5, 38.5).Run();

        result.Events.Count().ShouldBe(2);
        result.Events.ShouldAllBe(e => e.Actor1 != null && e.Actor1.Id == "actor:mountain");
        result.Events.Single(e => e.Location!.Place.Id == "place:rumman").Decisions.ShouldContain(d => d.Reason == DecisionReason.ActorOfRetoldEvent);
    }

    [Fact]
    public void Merge_IndefiniteTellingWithoutASide_KeepsNoActor()
    {
        // قصف (indefinite) is a new shelling: nothing says who fired.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل. وفي سياق آخر، سقطت قذائف في قصف على قرية الرمان.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الرمان", "place:rumman", 35.5, 38.5).Run();

        result.Events.Single(e => e.Location!.Place.Id == "place:rumman").Actor1.ShouldBeNull();
    }

    [Fact]
    public void Merge_DeathsAtAShelledPlace_AreTheShellingsToll()
    {
        // The woman killed in النخيل died in the shelling told of النخيل that day: one event, one death.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بالمدفعية. واستهدفت قوات الجبل بلدة النخيل، ما أدى إلى مقتل امرأة.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.EventType.ShouldBe("Explosions/Remote violence");
        e.Fatalities.ShouldBe(1);

        // Told the other way round (the death first, the shelling of the place after), it is the same one event.
        var reversed = new EventDocBuilder("واستهدفت قوات الجبل بلدة النخيل، ما أدى إلى مقتل امرأة. وطال قصف مدفعي لقوات الجبل بلدة النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run();
        var one = reversed.Events.ShouldHaveSingleItem();
        one.EventType.ShouldBe("Explosions/Remote violence");
        one.Fatalities.ShouldBe(1);
    }

    [Fact]
    public void Merge_DeathsInAClashWithDemonstrators_AreTheRiotsToll()
    {
        // The headline tells the deaths, the body the clash between demonstrators and the police: one violent demonstration.
        var result = new EventDocBuilder("مقتل متظاهر في ساحة النخيل. وتجددت المواجهات بين محتجين غاضبين وقوات الأمن في ساحة النخيل.")
            .Actor("متظاهر", "actor:protesters", 6).Actor("محتجين غاضبين", "actor:rioters", 5).Actor("قوات الأمن", "actor:security", 1)
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.EventType.ShouldBe(AcledTaxonomy.Riots);
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:rioters");

        // A death at another square the same day is its own event.
        var apart = new EventDocBuilder("مقتل متظاهر في ساحة الزيتون. وتجددت المواجهات بين محتجين غاضبين وقوات الأمن في ساحة النخيل.")
            .Actor("متظاهر", "actor:protesters", 6).Actor("محتجين غاضبين", "actor:rioters", 5).Actor("قوات الأمن", "actor:security", 1)
            .Place("النخيل", "place:nakhil").Place("الزيتون", "place:zaytun", 35.4, 38.4).Run();
        apart.Events.Count().ShouldBe(2);
    }

    [Fact]
    public void Merge_KillingByAnotherSideAtAShelledPlace_StaysItsOwnEvent()
    {
        // Gunmen of another side killing a man in the shelled town is another event.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بالمدفعية. وفي بلدة النخيل، أعلن الأهالي مقتل شاب على يد مسلحي الوادي.")
            .Actor("قوات الجبل", "actor:mountain", 3).Actor("مسلحي الوادي", "actor:valley", 3).Place("النخيل", "place:nakhil").Run();

        result.Events.Count().ShouldBe(2);
    }

    [Fact]
    public void Merge_FightToldFromTheOtherSide_IsOneEvent()
    {
        // The cell attacks; قوات الجبل answer and the clash follows: one clash, the cell first, قوات الجبل second.
        var result = new EventDocBuilder("هاجمت جماعة الوادي نقطة في بلدة النخيل. وعلى الفور ردت قوات الجبل واندلعت اشتباكات في البلدة.")
            .Actor("جماعة الوادي", "actor:valley", 3).Actor("قوات الجبل", "actor:mountain", 3).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1!.Id.ShouldBe("actor:valley");
        e.Actor2.ShouldNotBeNull().Id.ShouldBe("actor:mountain");
    }

    [Fact]
    public void Merge_FightsOfTwoOtherPairs_StayTwoEvents()
    {
        // The second clash is between قوات الجبل and a third side: not the first fight retold.
        var result = new EventDocBuilder("هاجمت جماعة الوادي قوات السهل في بلدة النخيل. واندلعت اشتباكات بين قوات الجبل وجماعة النهر في البلدة.")
            .Actor("جماعة الوادي", "actor:valley", 3).Actor("قوات السهل", "actor:plain", 3).Actor("قوات الجبل", "actor:mountain", 3)
            .Actor("جماعة النهر", "actor:river", 3).Place("النخيل", "place:nakhil").Run();

        result.Events.Count().ShouldBe(2);
    }
}
