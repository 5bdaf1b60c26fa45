using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Knowledge.Actors;
using Marsad.Pipeline;

namespace Marsad.Tests.Knowledge;

/// <summary>Validity periods, document country, generic sides and provisional actors (sentences written for these tests).</summary>
public class ActorResolutionTests
{
    private static readonly DateOnly LastDayOfOldState = new(2024, 12, 7);
    private static readonly DateOnly FirstDayOfNewState = new(2024, 12, 8);

    private static IReadOnlyList<Mention> Actors(string text, DateOnly? date = null) =>
        new ActorAnnotator(KnowledgeTestData.Knowledge.Actors).Find(Marsad.Analysis.AnalysisChain.Analyze(text), date);

    private static ActorRef Single(string text, DateOnly? date = null) => (ActorRef)Actors(text, date).Single().Ref!;

    // ------------------------------------------------------------------ validity periods

    [Theory]
    [InlineData(2019, 6, 1, "actor:syrian-government")]
    [InlineData(2024, 12, 7, "actor:syrian-government")]
    [InlineData(2024, 12, 8, "actor:syrian-regime-remnants")]
    [InlineData(2025, 3, 9, "actor:syrian-regime-remnants")]
    public void Find_RegimeForces_AreTheStateBefore8December2024AndTheRemnantsAfter(int y, int m, int d, string expected) =>
        Single("هاجمت قوات النظام حاجزا قرب القرية", new DateOnly(y, m, d)).Id.ShouldBe(expected);

    [Fact]
    public void Find_SyrianArmy_IsTheNewStateAfterTheBoundary()
    {
        Single("انتشر الجيش السوري في المدينة", LastDayOfOldState).Id.ShouldBe("actor:syrian-government");
        var after = Single("انتشر الجيش السوري في المدينة", FirstDayOfNewState);
        after.Id.ShouldBe("actor:syrian-state-2024");
        after.Name.ShouldBe("Military Forces of Syria (2024-)");
    }

    [Fact]
    public void Find_GeneralSecurity_IsTheHtsServiceBefore2024AndTheStateAfter()
    {
        // The same words name two actors: HTS's security service in Idlib, then the state's General Security.
        Single("اعتقل جهاز الأمن العام ناشطا في إدلب", new DateOnly(2023, 4, 2)).Id.ShouldBe("actor:hts-general-security");
        Single("اعتقل جهاز الأمن العام ناشطا في إدلب", new DateOnly(2025, 4, 2)).Id.ShouldBe("actor:syrian-general-security-2024");
    }

    [Fact]
    public void Find_RemnantsPhrase_IsTheRemnantsWhateverTheDate() =>
        Single("نصب فلول النظام المخلوع كمينا لدورية", FirstDayOfNewState).Id.ShouldBe("actor:syrian-regime-remnants");

    [Fact]
    public void Find_ActorOutsideItsPeriod_IsStillFound()
    {
        // A single actor of that name is kept even when the report tells of it after its end (history).
        Single("قاتل عناصر جبهة النصرة في المدينة", new DateOnly(2012, 5, 1)).Id.ShouldBe("actor:jabhat-al-nusra");
        Single("تبنى جيش خالد بن الوليد الهجوم", new DateOnly(2022, 5, 1)).Id.ShouldBe("actor:jaysh-khalid-ibn-al-walid");
    }

    [Fact]
    public void Annotate_PublishedDate_DecidesThePeriod()
    {
        var pipeline = new ExtractionPipeline([new ActorAnnotator(KnowledgeTestData.Knowledge.Actors)]);
        var doc = pipeline.Run(new Document("اشتبكت قوات النظام مع دورية", new DocumentSource("t", Published: new DateOnly(2025, 5, 1))));
        doc.Of(EntityType.Actor).Single().Actor().Id.ShouldBe("actor:syrian-regime-remnants");
    }

    [Fact]
    public void DocumentDate_WithoutPublished_IsTheLatestDateTheTextTells()
    {
        var span = new TextSpan(0, 1);
        Mention Date(DateOnly? v, int precision) => new(EntityType.Date, span, "x", new DateRef(v, precision, "absolute"), "dates");
        ActorContext.DocumentDate(null, [Date(new DateOnly(2019, 1, 3), 1), Date(new DateOnly(2025, 2, 1), 1), Date(null, 1)])
            .ShouldBe(new DateOnly(2025, 2, 1));
        ActorContext.DocumentDate(new DateOnly(2020, 1, 1), [Date(new DateOnly(2025, 2, 1), 1)]).ShouldBe(new DateOnly(2020, 1, 1));
        ActorContext.DocumentDate(null, []).ShouldBeNull();
    }

    // ------------------------------------------------------------------ country of the document

    [Fact]
    public void Find_NationalArmy_IsTheArmyOfTheCountryTheTextNames()
    {
        var sudan = Actors("قصف الجيش مواقع في مدينة الفاشر", new DateOnly(2024, 9, 1)).Single().Actor();
        sudan.Id.ShouldBe("actor:saf");
        Actors("اعتقلت قوات الأمن ثلاثة أشخاص في الناصرية").Single().Actor().Id.ShouldBe("actor:iraq");
    }

    [Fact]
    public void Find_NationalArmyWithoutCountry_StaysThePlaceholder() =>
        // Nothing in the sentence tells the country: an analyst sees the generic state side.
        Single("قصف الجيش مواقع قرب النهر").Id.ShouldBe("actor:national-army");

    [Fact]
    public void Find_SameNameInTwoCountries_TakesTheDocumentsCountry()
    {
        // الأمن العام is Lebanon's General Security in a report about Lebanon.
        Single("أوقف الأمن العام مطلوبا في بيروت", new DateOnly(2025, 6, 1)).Id.ShouldBe("actor:lebanon-general-security");
        Single("أوقف الأمن العام مطلوبا في حمص", new DateOnly(2025, 6, 1)).Id.ShouldBe("actor:syrian-general-security-2024");
    }

    // ------------------------------------------------------------------ generic sides

    [Theory]
    [InlineData("أطلق مسلحون مجهولون النار على سيارة في ريف درعا")]
    [InlineData("أطلق مسلحين مجهولين النار على سيارة في ريف درعا")]
    [InlineData("اختطف مجهولون شابا في ريف درعا")]
    [InlineData("هاجمت مجموعات مسلحة حاجزا في ريف درعا")]
    public void Find_UnknownGunmen_AreTheUnidentifiedArmedGroupOfTheCountry(string text)
    {
        var a = Actors(text).First().Actor();
        a.Id.ShouldBe("actor:unidentified-armed-group");
        a.Inter.ShouldBe(3);
        a.Country.ShouldBe("SY");
        a.Name.ShouldBe("Unidentified Armed Group (Syria)");
    }

    [Theory]
    [InlineData("قتل ثلاثة أطفال في القصف")]
    [InlineData("أصيب رعاة أغنام بانفجار لغم")]
    [InlineData("اعتقلت الدورية عمالا قرب المعمل")]
    [InlineData("أصيب طلاب بجروح في الانفجار")]
    [InlineData("قتلت امرأة برصاص قناص")]
    public void Find_CivilianSubKinds_AreCivilians(string text) =>
        Actors(text).ShouldContain(m => m.Actor().Id == "actor:civilians" && m.Actor().Inter == 7);

    [Fact]
    public void Find_CiviliansInSudan_AreNamedWithTheCountry()
    {
        var a = Actors("قتل مدنيون في قصف على سوق نيالا").First(m => m.Actor().Id == "actor:civilians").Actor();
        a.Country.ShouldBe("SD");
        a.Name.ShouldBe("Civilians (Sudan)");
    }

    [Fact]
    public void Find_Protesters_AreInter6_AndRioters5()
    {
        Single("خرج متظاهرون إلى الساحة").Id.ShouldBe("actor:protesters");
        Single("خرج متظاهرون إلى الساحة").Inter.ShouldBe(6);
        var r = Single("أحرق مثيرو الشغب إطارات");
        r.Id.ShouldBe("actor:rioters");
        r.Inter.ShouldBe(5);
    }

    // ------------------------------------------------------------------ nationality after a military noun

    [Theory]
    [InlineData("استهدفت غارة إسرائيلية سيارة", "actor:israel", "إسرائيلية")]
    [InlineData("قتل جندي بضربة تركية على القرية", "actor:turkey", "تركية")]
    [InlineData("حلقت طائرات حربية روسية فوق المدينة", "actor:russia", "طائرات حربية روسية")]
    [InlineData("حلقت طائرات استطلاع روسية فوق المدينة", "actor:russia", "روسية")]
    public void Find_NationalityAfterMilitaryNoun_IsThatStatesForces(string text, string id, string mention)
    {
        var found = Actors(text);
        found.Select(x => (x.Text, x.Actor().Id)).ShouldContain((mention, id), string.Join(", ", found.Select(x => x.Text + " " + x.Actor().Id)));
    }

    [Fact]
    public void Find_NationalityAfterOtherNoun_IsNoActor() =>
        // وفد is no military noun: a delegation is not a state's forces.
        Actors("زار وفد إسرائيلي المدينة").ShouldBeEmpty();

    // ------------------------------------------------------------------ provisional actors

    [Theory]
    [InlineData("هاجم لواء أحرار الجبل حاجزا للجيش", "لواء أحرار الجبل", 3)]
    [InlineData("أعلنت كتائب الفجر الجديد مسؤوليتها", "كتائب الفجر الجديد", 2)]
    [InlineData("انضم فصيل الصقور إلى المعركة", "فصيل الصقور", 2)]
    public void Find_UnlistedGroupWithUnquotedName_IsProvisional(string text, string mention, int inter)
    {
        // The group names are made up for this test.
        var m = Actors(text).First();
        m.Text.ShouldBe(mention);
        var a = m.Actor();
        a.Id.ShouldStartWith("actor:auto:");
        a.Provisional.ShouldBeTrue();
        a.Inter.ShouldBe(inter);
    }

    [Theory]
    [InlineData("وصلت قوات إلى المنطقة")]
    [InlineData("وصلت قوات كبيرة إلى المنطقة")]
    [InlineData("انسحبت القوات الأمنية من الحي")]
    [InlineData("تجمع الأهالي أمام المبنى")]
    public void Find_UnitWordWithoutName_IsNoProvisionalActor(string text) =>
        Actors(text).ShouldNotContain(m => m.Actor().Provisional);

    [Theory]
    [InlineData("قال اللواء أحمد الخطيب إن الوضع هادئ")]
    [InlineData("رقي الضابط إلى رتبة لواء ركن")]
    public void Find_RankOfAPerson_IsNoGroup(string text) =>
        Actors(text).ShouldNotContain(m => m.Actor().Provisional);

    [Fact]
    public void Find_CatalogueActor_IsNotProvisional() =>
        Single("قصفت قوات الدعم السريع الحي").Provisional.ShouldBeFalse();

    // ------------------------------------------------------------------ clitics and articles

    [Theory]
    [InlineData("اشتبكت وحدة من الجيش وبقوات الدعم السريع", "actor:rsf")]
    [InlineData("نسب الهجوم للدعم السريع", "actor:rsf")]
    [InlineData("تصدى للمتظاهرين عناصر ملثمون", "actor:protesters")]
    [InlineData("وقال مصدر إن والمتظاهرين تفرقوا", "actor:protesters")]
    [InlineData("أطلق الحوثيون صاروخا", "actor:houthis")]
    [InlineData("ردت ميليشيا الحوثي بالقصف", "actor:houthis")]
    public void Find_AliasWithCliticsOrArticle_Matches(string text, string id) =>
        Actors(text).ShouldContain(m => m.Actor().Id == id);
}
