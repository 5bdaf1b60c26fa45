using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Tests.Events;

/// <summary>Event classes, one sentence each (our own sentences, with hand-made mentions).</summary>
public class EventExtractorTests
{
    [Theory]
    [InlineData("اندلعت اشتباكات عنيفة بين قوات الحكومة وفصيل الجبهة في بلدة النخيل.", "Battles", "Armed clash")]
    [InlineData("شن الطيران الحربي غارات جوية على بلدة النخيل صباحاً.", "Explosions/Remote violence", "Air/drone strike")]
    [InlineData("استهدفت طائرة مسيرة سيارة عسكرية في بلدة النخيل.", "Explosions/Remote violence", "Air/drone strike")]
    [InlineData("قصفت قوات الحكومة بالمدفعية الثقيلة أطراف بلدة النخيل.", "Explosions/Remote violence", "Shelling/artillery/missile attack")]
    [InlineData("انفجرت عبوة ناسفة بدورية عسكرية على مدخل بلدة النخيل.", "Explosions/Remote violence", "Remote explosive/landmine/IED")]
    [InlineData("فجر انتحاري حزاماً ناسفاً قرب حاجز في بلدة النخيل.", "Explosions/Remote violence", "Suicide bomb")]
    [InlineData("ألقى مجهول قنبلة يدوية على محل تجاري في بلدة النخيل.", "Explosions/Remote violence", "Grenade")]
    [InlineData("اغتال مسلحون مجهولون مختار بلدة النخيل أمام منزله.", "Violence against civilians", "Attack")]
    [InlineData("اختطف مسلحون مجهولون تاجراً من أبناء بلدة النخيل.", "Violence against civilians", "Abduction/forced disappearance")]
    [InlineData("اعتقلت قوات الحكومة خمسة شبان من بلدة النخيل.", "Strategic developments", "Arrests")]
    [InlineData("داهمت دورية أمنية عدداً من المنازل في بلدة النخيل.", "Strategic developments", "Arrests")]
    [InlineData("خرجت مظاهرة حاشدة في بلدة النخيل تندد بغلاء الأسعار.", "Protests", "Peaceful protest")]
    [InlineData("فرقت قوات الحكومة مظاهرة في بلدة النخيل بالغاز المسيل للدموع.", "Protests", "Protest with intervention")]
    [InlineData("اندلعت أعمال شغب في سوق بلدة النخيل وأحرق شبان إطارات.", "Riots", "Violent demonstration")]
    [InlineData("توصل الطرفان إلى اتفاق لوقف إطلاق النار في بلدة النخيل.", "Strategic developments", "Agreement")]
    [InlineData("بدأت عملية تسوية أوضاع المطلوبين في بلدة النخيل.", "Strategic developments", "Agreement")]
    [InlineData("استقدمت قوات الحكومة تعزيزات عسكرية إلى بلدة النخيل.", "Strategic developments", "Change to group/activity")]
    [InlineData("شهدت بلدة النخيل تخريج دفعة من المجندين الجدد.", "Strategic developments", "Change to group/activity")]
    [InlineData("أنشأت قوات الحكومة قاعدة عسكرية جديدة قرب بلدة النخيل.", "Strategic developments", "Headquarters or base established")]
    [InlineData("نهب مسلحون محتويات المحال التجارية في بلدة النخيل.", "Strategic developments", "Looting/property destruction")]
    [InlineData("فككت فرق الهندسة عبوة ناسفة على طريق بلدة النخيل.", "Strategic developments", "Disrupted weapons use")]
    [InlineData("عقد قادة الفصائل اجتماعاً في بلدة النخيل.", "Strategic developments", "Other")]
    public void Annotate_EventClassSentence_CodesTypeAndSubType(string sentence, string eventType, string subEventType)
    {
        var result = new EventDocBuilder(sentence).Place("النخيل", "place:nakhil").Run();

        result.Events.Length.ShouldBe(1);
        var e = result.Events[0];
        e.EventType.ShouldBe(eventType);
        e.SubEventType.ShouldBe(subEventType);
        AcledTaxonomy.IsValid(e.EventType, e.SubEventType).ShouldBeTrue();
        e.Location!.Place.Id.ShouldBe("place:nakhil");
        e.Evidence.ShouldHaveSingleItem().Start.ShouldBe(0);
    }

    [Fact]
    public void Annotate_ClashBetweenTwoActors_GivesBothParties()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات عنيفة بين قوات الحكومة وفصيل الجبهة في بلدة النخيل.")
            .Actor("قوات الحكومة", "actor:gov", 1).Actor("فصيل الجبهة", "actor:front", 2).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1!.Id.ShouldBe("actor:gov");
        e.Actor2!.Id.ShouldBe("actor:front");
    }

    [Fact]
    public void Annotate_VerbBeforeSubject_TakesActorAfterVerb()
    {
        var result = new EventDocBuilder("أدخلت ميليشيا الكتيبة نحو مئة عنصر إلى بلدة النخيل عبر المعبر.")
            .Actor("ميليشيا الكتيبة", "actor:katiba", 3).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Change to group/activity");
        e.Tags.ShouldContain("reinforcement");
        e.Actor1!.Id.ShouldBe("actor:katiba");
    }

    [Fact]
    public void Annotate_PassiveAgent_TakesActorAfterMinQibal()
    {
        var result = new EventDocBuilder("تعرضت مواقع فصيل الجبهة لقصف مدفعي من قبل قوات الحكومة في بلدة النخيل.")
            .Actor("فصيل الجبهة", "actor:front", 2).Actor("قوات الحكومة", "actor:gov", 1).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor1!.Id.ShouldBe("actor:gov");
        e.Actor2!.Id.ShouldBe("actor:front");
    }

    [Theory]
    [InlineData(1, "Government regains territory")]
    [InlineData(2, "Non-state actor overtakes territory")]
    public void Annotate_TakingControl_SubTypeFollowsActorInter(int inter, string expected)
    {
        var result = new EventDocBuilder("سيطرت قوات الجبل على قرية الريحان بعد معارك استمرت يومين.")
            .Actor("قوات الجبل", "actor:jabal", inter).Place("الريحان", "place:rayhan").Run();

        result.Events.ShouldContain(e => e.SubEventType == expected);
    }

    [Fact]
    public void Annotate_CivilianVictimUnnamed_ActorTwoIsCivilians()
    {
        var result = new EventDocBuilder("اختطف مسلحون تاجراً من أبناء بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Actor2!.Inter.ShouldBe(7);
    }

    [Fact]
    public void Annotate_MovementWithOrigin_LocationIsDestination()
    {
        // The convoy came from Wadi al-Ward; the event is where it arrived.
        var result = new EventDocBuilder("استقدمت قوات الحكومة تعزيزات عسكرية من مدينة وادي الورد إلى بلدة النخيل.")
            .Place("وادي الورد", "place:ward").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
    }

    [Fact]
    public void Annotate_NoPlaceInSentence_TakesPreviousSentencesPlace()
    {
        var result = new EventDocBuilder("تشهد بلدة النخيل توتراً منذ أيام. واعتقلت دورية أمنية شابين من أبناء البلدة.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");
    }

    [Fact]
    public void Annotate_NoPlaceLayer_LocationIsNull()
    {
        // Degrades gracefully: no place mentions at all.
        var result = new EventDocBuilder("اعتقلت دورية أمنية شابين من أبناء البلدة.").Run();

        result.Events.ShouldHaveSingleItem().Location.ShouldBeNull();
    }

    [Fact]
    public void Annotate_CountryAndTown_PrefersTown()
    {
        var result = new EventDocBuilder("قرب مزار بنته دولة الشرق اندلعت اشتباكات في قرية الريحان.")
            .Place("دولة الشرق", "place:east", kind: "country").Place("الريحان", "place:rayhan", kind: "village").Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:rayhan");
    }

    [Fact]
    public void Annotate_GovernorateOnly_GeoPrecisionThree()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في ريف محافظة السهل.").Place("السهل", "place:sahl", kind: "governorate").Run();

        result.Events.ShouldHaveSingleItem().Location!.GeoPrecision.ShouldBe(3);
    }

    [Fact]
    public void Annotate_SameEventTwice_MergesWithTwoEvidenceSpans()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات بين قوات الحكومة وفصيل الجبهة في بلدة النخيل. وتجددت الاشتباكات بين قوات الحكومة وفصيل الجبهة في بلدة النخيل مساء.")
            .Actor("قوات الحكومة", "actor:gov", 1).Actor("فصيل الجبهة", "actor:front", 2).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Evidence.Length.ShouldBe(2);
    }

    [Fact]
    public void Annotate_DifferentPlaces_StayTwoEvents()
    {
        var result = new EventDocBuilder("اعتقلت دورية أمنية شابين في بلدة النخيل. واعتقلت دورية أخرى ثلاثة شبان في قرية الريحان.")
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الريحان", "place:rayhan", 35.3, 38.4).Run();

        result.Events.Length.ShouldBe(2);
    }

    [Fact]
    public void Annotate_CampInsideTown_MergesWithTownEvent()
    {
        // A camp geocoded at its town's point (5 km or less) is the same place for coreference.
        var result = new EventDocBuilder("شهدت بلدة النخيل تخريج دفعة من المجندين. وخضع المجندون لدورة عسكرية في معسكر الصقور.")
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الصقور", "place:saqur", 35.01, 38.01, "camp", 2).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Tags.ShouldContain("graduation");
        e.Evidence.Length.ShouldBe(2);
    }

    [Fact]
    public void Annotate_AnaphoricMeeting_MergesIntoFirstMention()
    {
        // "الاجتماع" points back to the meeting already told, whoever the second sentence names.
        var result = new EventDocBuilder("عقد قادة ميليشيا الكتيبة اجتماعاً في بلدة النخيل. ولم يحضر ممثلو قوات الحكومة الاجتماع الذي استمر ساعتين.")
            .Actor("ميليشيا الكتيبة", "actor:katiba", 3).Actor("قوات الحكومة", "actor:gov", 1).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Evidence.Length.ShouldBe(2);
    }

    [Fact]
    public void Annotate_Headline_IsNotCodedTwice()
    {
        var result = new EventDocBuilder("اشتباكات في بلدة النخيل\nاندلعت اشتباكات عنيفة في بلدة النخيل فجر اليوم.\nوتستمر حالة التوتر في البلدة.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Evidence.ShouldHaveSingleItem().Start.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Annotate_PhotoCaption_IsNotCoded()
    {
        // The caption under a photo (ending in its credit) retells the body's strike; at the dateline's city it
        // would be a second, misplaced event.
        const string text = "الوادي (وكالة) - شنت طائرة حربية غارة على بلدة النخيل اليوم.\nتصاعد الدخان من موقع الغارة على بلدة الزيتون، 13 آب 2024 (منصة إكس)\nوقالت مصادر إن الغارة أوقعت أضرارا.";
        var result = new EventDocBuilder(text).Place("الوادي", "place:wadi").Place("النخيل", "place:nakhil").Place("الزيتون", "place:zaytun", 35.3, 38.3).Run();

        result.Events.ShouldHaveSingleItem().Location!.Place.Id.ShouldBe("place:nakhil");

        // A line of the body that ends in a parenthesis after its full stop is no caption.
        var body = new EventDocBuilder("الوادي (وكالة) - شنت طائرة حربية غارة على بلدة النخيل اليوم.\nوشنت طائرة حربية غارة على بلدة الزيتون. (تفاصيل)\nوقالت مصادر إن الغارة أوقعت أضرارا.")
            .Place("الوادي", "place:wadi").Place("النخيل", "place:nakhil").Place("الزيتون", "place:zaytun", 35.3, 38.3).Run();
        body.Events.Select(e => e.Location!.Place.Id).ShouldContain("place:zaytun");
    }

    [Fact]
    public void Annotate_SettlementInRelativeClause_IsTagNotEvent()
    {
        // "الذين تمت تسوية أوضاعهم" says who the graduates are; the event is the graduation.
        var result = new EventDocBuilder("شهدت بلدة النخيل تخريج دفعة من الشبان الذين تمت تسوية أوضاعهم مؤخراً.")
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Change to group/activity");
        e.Tags.ShouldContain("graduation");
        e.Tags.ShouldContain("settlement");
    }

    [Fact]
    public void Annotate_SettlementExtended_TagsExtension()
    {
        var result = new EventDocBuilder("أعلنت اللجنة الأمنية تمديد عملية التسوية في بلدة النخيل حتى نهاية الشهر.")
            .Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Agreement");
        e.Tags.ShouldBe(["settlement", "extension"], ignoreOrder: true);
    }

    [Fact]
    public void Annotate_ConvoyArrivalWithFighters_IsMovement()
    {
        var result = new EventDocBuilder("وصلت إلى بلدة النخيل حافلات تقل عناصر من ميليشيا الكتيبة.")
            .Actor("ميليشيا الكتيبة", "actor:katiba", 3).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Tags.ShouldContain("convoy");
        e.Actor1!.Id.ShouldBe("actor:katiba");
    }

    [Fact]
    public void Annotate_ArrivalOfVisitors_IsNotMovement()
    {
        // "وصل" alone is no troop movement: nothing military arrives.
        var result = new EventDocBuilder("وصل وفد من الأهالي إلى بلدة النخيل للتعزية.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Annotate_TriggerInsideActorName_IsNotEvent()
    {
        var result = new EventDocBuilder("زار وفد من مركز المصالحة بلدة النخيل.")
            .Actor("مركز المصالحة", "actor:centre", 1).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Annotate_Pipeline_DeclaresOnlyTokensAndSentences()
    {
        var x = EventDocBuilder.Extractor;
        x.Requires.ShouldBe(Layers.Tokens | Layers.Sentences);
        x.Provides.ShouldBe(Layers.Events);
        new ExtractionPipeline([x]).Provides.HasFlag(Layers.Events).ShouldBeTrue();
    }

    [Fact]
    public void Annotate_WoundedTakenToHospitalElsewhere_LocationStaysWithEvent()
    {
        // The hospital town after "إلى" in a later clause is where the wounded went, not where the clash was.
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل. وأسفرت الاشتباكات عن إصابة ثلاثة عناصر، نقلوا إلى مشفى مدينة وادي الورد.")
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("وادي الورد", "place:ward", 35.5, 38.5).Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Location!.Place.Id.ShouldBe("place:nakhil");
        e.Fatalities.ShouldBe(0);
        e.Evidence.Length.ShouldBe(2);
    }

    [Fact]
    public void Annotate_WeaponsUsedInClash_AreNotASecondEvent()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل استخدمت فيها الرشاشات والقذائف الصاروخية.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().EventType.ShouldBe("Battles");
    }

    [Fact]
    public void Annotate_ShellsFallingAlone_IsShelling()
    {
        var result = new EventDocBuilder("سقطت قذائف هاون على حي السوق في بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Shelling/artillery/missile attack");
    }

    [Fact]
    public void Annotate_MissilesIntercepted_IsDisruptedWeaponsUse()
    {
        var result = new EventDocBuilder("تصدت الدفاعات الجوية لعدد من الصواريخ فوق بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Disrupted weapons use");
    }

    [Fact]
    public void Annotate_PeriodFramedSentence_IsATrendNotAnEvent()
    {
        var result = new EventDocBuilder("وتشهد المنطقة منذ مطلع الشهر تحركات للميليشيات بالتزامن مع غارات جوية على بلدة النخيل.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldBeEmpty();
        result.Warnings.ShouldContain(w => w.Contains("aggregate", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_PreviousSentenceNamesOnlyAHospitalTown_LooksFurtherBack()
    {
        // The hospital's town is never an event location, not even as context for the next sentence.
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل. ونقل الجرحى إلى مشفى مدينة وادي الورد. واعتقلت دورية أمنية شاباً من البلدة.")
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("وادي الورد", "place:ward", 35.5, 38.5).Run();

        result.Events.ShouldContain(e => e.SubEventType == "Arrests" && e.Location!.Place.Id == "place:nakhil");
    }

    [Fact]
    public void Annotate_DefiniteFirstMention_RanksBelowIndefiniteReport()
    {
        // "الاجتماع" with no earlier report is less sure than a plainly told clash; events come most certain first.
        var result = new EventDocBuilder("وحضر قادة الفصائل الاجتماع في بلدة النخيل. واندلعت اشتباكات في قرية الريحان.")
            .Place("النخيل", "place:nakhil", 35.0, 38.0).Place("الريحان", "place:rayhan", 35.5, 38.5).Run();

        result.Events.Length.ShouldBe(2);
        result.Events[0].EventType.ShouldBe("Battles");
        result.Events[0].Confidence.ShouldBeGreaterThan(result.Events[1].Confidence);
    }
}
