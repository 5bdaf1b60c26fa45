using Marsad.Annotations;

namespace Marsad.Tests.Knowledge;

public class ActorAnnotatorTests
{
    private static List<Mention> Actors(string text) => KnowledgeTestData.Annotate(text).Of(EntityType.Actor);

    [Fact]
    public void Catalogue_HasAtLeast150Actors_WithInterCodes()
    {
        var actors = KnowledgeTestData.Knowledge.Actors.Actors;
        actors.Count.ShouldBeGreaterThanOrEqualTo(150);
        actors.ShouldAllBe(a => a.Inter >= 1 && a.Inter <= 8 && a.Id.StartsWith("actor:"));
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
}
