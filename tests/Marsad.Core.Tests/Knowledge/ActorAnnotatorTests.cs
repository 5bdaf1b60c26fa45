using Marsad.Annotations;

namespace Marsad.Tests.Knowledge;

public class ActorAnnotatorTests
{
    private static List<Mention> Actors(string text) => KnowledgeTestData.Annotate(text).Of(EntityType.Actor);

    [Fact]
    public void Catalogue_HasAtLeast800Actors_WithInterCodesAndUniqueIds()
    {
        var actors = KnowledgeTestData.Knowledge.Actors.Actors;
        actors.Count.ShouldBeGreaterThanOrEqualTo(800);
        actors.ShouldAllBe(a => a.Inter >= 1 && a.Inter <= 8 && a.Id.StartsWith("actor:"));
        actors.Select(a => a.Id).Distinct().Count().ShouldBe(actors.Count);
    }

    [Fact]
    public void Catalogue_Affiliations_NameActorsOfTheCatalogue()
    {
        var byId = KnowledgeTestData.Knowledge.Actors.ById;
        byId.Values.Where(a => a.Affiliation is not null).ShouldAllBe(a => byId.ContainsKey(a.Affiliation!));
    }

    [Fact]
    public void Catalogue_Periods_AreOrdered()
    {
        // valid_from <= valid_to wherever both are given (a reversed period would make an actor never valid).
        KnowledgeTestData.Knowledge.Actors.Actors
            .Where(a => a.ValidFrom is not null && a.ValidTo is not null)
            .ShouldAllBe(a => a.ValidFrom <= a.ValidTo);
    }

    [Fact]
    public void Catalogue_SyrianState_IsTwoActorsSplitOn8December2024()
    {
        var byId = KnowledgeTestData.Knowledge.Actors.ById;
        byId["actor:syrian-government"].ValidTo.ShouldBe(new DateOnly(2024, 12, 7));
        byId["actor:syrian-state-2024"].ValidFrom.ShouldBe(new DateOnly(2024, 12, 8));
        byId["actor:syrian-state-2024"].Name.ShouldBe("Military Forces of Syria (2024-)");
    }

    [Theory]
    [InlineData("انتشرت ميليشيا الدفاع الوطني في الحي")]
    [InlineData("انتشرت مليشيا الدفاع الوطني في الحي")]
    [InlineData("انتشرت ميلشيا الدفاع الوطني في الحي")]
    public void Find_MilitiaSpellingVariants_AreOneActor(string text) =>
        Actors(text).Single().Actor().Id.ShouldBe("actor:ndf");

    [Fact]
    public void Find_HeadQuotesAndAdjective_AreOneMention()
    {
        const string text = "أرسل قائد لميليشيا “الحرس الثوري” الإيراني تعزيزات";
        var m = Actors(text).Single();
        m.Text.ShouldBe("ميليشيا “الحرس الثوري” الإيراني");
        m.Span.Slice(text).ShouldBe(m.Text);
        m.Actor().Id.ShouldBe("actor:irgc");
    }

    [Fact]
    public void Find_LongestAlias_Wins()
    {
        // Iraqi Hezbollah is Kataib Hezbollah, not the Lebanese party.
        Actors("وصل عناصر من حزب الله العراقي").Single().Actor().Id.ShouldBe("actor:kataib-hezbollah");
        Actors("وصل عناصر من حزب الله اللبناني").Single().Actor().Id.ShouldBe("actor:hezbollah");
    }

    [Fact]
    public void Find_RegimeAlone_IsTheSyrianGovernment() =>
        Actors("اعتقل النظام ثلاثة شبان").Single().Actor().Id.ShouldBe("actor:syrian-government");

    [Fact]
    public void Find_IrgcShortForm_IsTheIrgc() =>
        Actors("هاجمت مجموعة تابعة للثوري الإيراني الموقع").Single().Actor().Id.ShouldBe("actor:irgc");

    [Fact]
    public void Find_UnlistedGroupWithQuotedName_GetsAStableAutoId()
    {
        // "أسود البادية" is a group name we made up.
        var a = Actors("أعلن لواء “أسود البادية” انضمامه").Single().Actor();
        a.Id.ShouldStartWith("actor:auto:");
        Actors("قاتل لواء “أسود البادية” أمس").Single().Actor().Id.ShouldBe(a.Id);
    }

    [Fact]
    public void Find_UnitWithNumber_IsAnActor() =>
        Actors("تمركزت الفرقة 93 قرب النهر").Single().Actor().Id.ShouldStartWith("actor:auto:");

    [Fact]
    public void Find_RankBeforeAQuotedName_IsNotAGroup()
    {
        // اللواء is a rank here: the quoted words are a person.
        Actors("زار اللواء “سمير حداد” المقر").ShouldBeEmpty();
    }

    [Fact]
    public void Find_Outlet_IsNotAnActor() =>
        Actors("قالت مصادر لمنصة SY24 إن الوضع هادئ").ShouldBeEmpty();

    [Fact]
    public void Find_GenericWordAlone_IsNotAnActor() =>
        Actors("فر العناصر من المقر").ShouldBeEmpty();

    [Fact]
    public void Find_DefiniteHeadAfterAGroupOfThatHead_IsThatGroup()
    {
        // التنظيم (the organisation) after تنظيم الدولة الإسلامية, and after داعش (whose catalogue name is تنظيم ...).
        Actors("تبنى تنظيم الدولة الإسلامية الهجوم. وقالت المصادر إن خلية تابعة للتنظيم نفذت الهجوم.")
            .Where(m => m.Text.EndsWith("تنظيم") && m.Start > 40).ShouldHaveSingleItem().Actor().Id.ShouldBe("actor:islamic-state");
        Actors("شن داعش هجوما. واستهدفت خلية للتنظيم نقطة عسكرية.")
            .Select(m => m.Actor().Id).Distinct().ShouldBe(["actor:islamic-state"]);
    }

    [Fact]
    public void Find_DefiniteHeadWithNoGroupBefore_IsNoActor()
    {
        // With no organisation told before, التنظيم is just a word (the organising of an event).
        Actors("أشاد الحضور بالتنظيم الجيد للمهرجان.").ShouldBeEmpty();
    }
}
