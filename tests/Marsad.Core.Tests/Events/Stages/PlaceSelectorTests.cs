using Marsad.Events;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>The event's place (stage 4), from our own sentences.</summary>
public class PlaceSelectorTests
{
    [Fact]
    public void Locate_ListedPlaces_OneEventEach()
    {
        var result = new EventDocBuilder("قصفت قوات الجبل بلدات النخيل والزيتون وقرية الرمان.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الزيتون", "place:zaytun", 35.2, 38.2).Place("الرمان", "place:rumman", 35.4, 38.4).Run();

        result.Events.Select(e => e.Location!.Place.Id).Order().ShouldBe(["place:nakhil", "place:rumman", "place:zaytun"]);
        result.Events.ShouldAllBe(e => e.Actor1!.Id == "actor:mountain");
    }

    [Fact]
    public void Locate_HashtaggedListWithSpacedConjunction_OneEventEach()
    {
        // Hashtag lists space the conjunction out: قرى #النخيل و #الزيتون is a list as قرى النخيل والزيتون is.
        var result = new EventDocBuilder("داهمت قوات الجبل قرى #النخيل و #الزيتون.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الزيتون", "place:zaytun", 35.2, 38.2).Run();

        result.Events.Select(e => e.Location!.Place.Id).Order().ShouldBe(["place:nakhil", "place:zaytun"]);
    }

    [Fact]
    public void Locate_WhereTheAttackerIsPosted_IsNotTheEventPlace()
    {
        // قوات الجبل fire from their base in الزيتون at النخيل: the event is at النخيل, with or without a comma.
        foreach (var text in new[] { "قصفت قوات الجبل المتمركزة في حاجز داخل مدينة الزيتون، بلدة النخيل.", "قصفت قوات الجبل المتمركزة في الزيتون بلدة النخيل." })
        {
            var result = new EventDocBuilder(text)
                .Actor("قوات الجبل", "actor:mountain", 3)
                .Place("الزيتون", "place:zaytun", 35.2, 38.2).Place("النخيل", "place:nakhil", 35.0, 38.0).Run();
            result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
        }

        // Without a position word the nearer place stands.
        new EventDocBuilder("قصفت قوات الجبل مدينة الزيتون.").Actor("قوات الجبل", "actor:mountain", 3)
            .Place("الزيتون", "place:zaytun", 35.2, 38.2).Run().Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:zaytun");
    }

    [Fact]
    public void Locate_PlaceQualifiedByContainer_IsOneEvent()
    {
        // بريف الوادي qualifies النخيل: one event at النخيل, not one at the governorate too.
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل بريف الوادي.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil").Place("الوادي", "place:wadi", 35.5, 38.5, kind: "governorate", precision: 3).Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
    }

    [Fact]
    public void Locate_ContainerWordInsideTheGovernoratesName_StillQualifies()
    {
        // "محافظة الوادي" is the governorate's whole name, its cue word glued to ب: النخيل is the place.
        var result = new EventDocBuilder("أعلن مسؤول في بلدة النخيل بمحافظة الوادي عن قصف على البلدة.")
            .Place("النخيل", "place:nakhil").Place("محافظة الوادي", "place:wadi", 35.5, 38.5, kind: "city").Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
    }

    [Fact]
    public void Locate_WhereTheSourceIs_IsNotTheEventPlace()
    {
        // The local sources are in الوادي; the clashes were in النخيل.
        var result = new EventDocBuilder("وحسب مصادر محلية في الوادي، أكدت وقوع اشتباكات أمس في مدينة النخيل.")
            .Place("الوادي", "place:wadi", 35.5, 38.5).Place("النخيل", "place:nakhil").Run();
        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");

        // The source phrase ends at its clause: what the source says, set off by commas and followed by its
        // complement far on (كاشفة أن), is the event's.
        new EventDocBuilder("وحسب مصادر محلية في الوادي، أكدت وقوع اشتباكات، أمس، في مدينة النخيل، واستمرت لساعات، كاشفة أن السبب خلاف قديم.")
            .Place("الوادي", "place:wadi", 35.5, 38.5).Place("النخيل", "place:nakhil").Run()
            .Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");

        // Without a source phrase the nearer place is the event's.
        new EventDocBuilder("وقعت اشتباكات أمس في مدينة الوادي.").Place("الوادي", "place:wadi", 35.5, 38.5).Run()
            .Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:wadi");
    }

    [Fact]
    public void Locate_PlacesInSeparateClauses_AreNotAList()
    {
        var result = new EventDocBuilder("قصفت قوات الجبل بلدة النخيل، فيما نزح الأهالي نحو الزيتون.")
            .Actor("قوات الجبل", "actor:mountain", 3)
            .Place("النخيل", "place:nakhil").Place("الزيتون", "place:zaytun", 35.2, 38.2).Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
    }

    [Fact]
    public void Locate_DatelineCity_IsNotTheEventPlace()
    {
        var result = new EventDocBuilder("الوادي (وكالة الأنباء) - قصفت قوات الجبل أطراف البلدة فجر اليوم.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("الوادي", "place:wadi").Run();

        result.Events.ShouldHaveSingleItem().Location.ShouldBeNull();
    }

    [Fact]
    public void Locate_CityOpeningASentence_IsTheEventPlace()
    {
        // The negative case: a city that opens the text without a dateline mark is where it happened.
        var result = new EventDocBuilder("الوادي شهدت قصفاً من قوات الجبل فجر اليوم.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("الوادي", "place:wadi").Run();

        result.Events.ShouldHaveSingleItem().Location.ShouldNotBeNull().Place.Id.ShouldBe("place:wadi");
    }

    [Fact]
    public void Locate_CorrespondentBase_IsNotTheEventPlace()
    {
        var result = new EventDocBuilder("وقال مراسل الوكالة في الوادي إن قوات الجبل قصفت قرية النخيل.")
            .Actor("قوات الجبل", "actor:mountain", 3).Place("الوادي", "place:wadi").Place("النخيل", "place:nakhil", 35.3, 38.3).Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
    }
}
