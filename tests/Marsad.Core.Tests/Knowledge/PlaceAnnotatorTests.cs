using Marsad.Annotations;
using Marsad.Knowledge.Places;

namespace Marsad.Tests.Knowledge;

public class PlaceAnnotatorTests
{
    private const string DeirEzZorCity = "geonames:170794";

    private static List<Marsad.Annotations.Mention> Places(string text) => KnowledgeTestData.Annotate(text).Of(EntityType.Place);

    [Fact]
    public void Find_GluedAndSpacedNames_ResolveToTheSameTown()
    {
        Places("وصل وفد حكومي إلى ديرالزور صباحاً").Single().Place().Id.ShouldBe(DeirEzZorCity);
        Places("وصل وفد حكومي إلى دير الزور صباحاً").Single().Place().Id.ShouldBe(DeirEzZorCity);
    }

    [Fact]
    public void Find_ProcliticAttached_SpanCoversTheStemOnly()
    {
        const string text = "سقطت قذيفة بالميادين ليلاً";
        var m = Places(text).Single();
        m.Text.ShouldBe("الميادين");
        m.Span.Slice(text).ShouldBe(m.Text);
        m.Place().Admin1.ShouldBe("Deir ez-Zor");
    }

    [Fact]
    public void Find_DiacritizedName_KeepsDiacriticsInsideTheSpan()
    {
        const string text = "عادت الحافلات إلى حَمَاةَ مساءً";
        var m = Places(text).Single();
        m.Text.ShouldBe("حَمَاةَ");
        m.Place().Name.ShouldContain("am");
    }

    [Fact]
    public void Find_TehMarbutaWrittenAsHeh_StillMatches() =>
        Places("انتقل العناصر من حماه نحو الشمال").Single().Place().Admin1.ShouldBe("Hama");

    [Fact]
    public void Find_ArticleOmitted_MatchesTheNameWithArticle() =>
        Places("انتشرت الدوريات في شوارع مدينة ميادين").Single().Place().Id.ShouldBe("geonames:173480");

    [Fact]
    public void Find_GovernorateCue_ChoosesTheGovernorateWithPrecision3()
    {
        var p = Places("أعلنت السلطات حظر التجوال في محافظة حلب").Single().Place();
        p.Id.ShouldBe("pcode:SY02");
        p.GeoPrecision.ShouldBe(3);
        p.Kind.ShouldBe("governorate");
    }

    [Fact]
    public void Find_CityCue_ChoosesTheTown()
    {
        var p = Places("أعلنت السلطات حظر التجوال في مدينة حلب").Single().Place();
        p.Id.ShouldStartWith("geonames:");
        p.GeoPrecision.ShouldBe(1);
    }

    [Fact]
    public void Find_Countryside_IsTheGovernorateWithPrecision3()
    {
        var p = Places("دارت اشتباكات عنيفة بريف حمص الشرقي").Single().Place();
        p.Id.ShouldBe("pcode:SY04");
        p.GeoPrecision.ShouldBe(3);
    }

    [Fact]
    public void Find_VillageUnknownToTheGazetteer_IsCodedToTheAnchorTheTextGives()
    {
        // "الزنبقونية" is a village name we made up: the text places it in the Raqqa countryside.
        var places = Places("قصفت طائرة مسيرة قرية الزنبقونية بريف الرقة");
        var village = places.First(m => m.Text == "الزنبقونية").Place();
        village.GeoPrecision.ShouldBe(2);
        village.Admin1.ShouldBe("Raqqa");
        village.Kind.ShouldBe("village");
    }

    [Fact]
    public void Find_NeighbourhoodUnknownToTheGazetteer_IsCodedToTheLastTownNamed()
    {
        var places = Places("دخلت دورية إلى مدينة الميادين، ثم داهمت منزلاً في حي النخيل جنوبي المدينة");
        var hood = places.First(m => m.Text == "النخيل").Place();
        hood.GeoPrecision.ShouldBe(2);
        hood.Kind.ShouldBe("neighbourhood");
        hood.Latitude.ShouldBe(35.01982, 0.001);
    }

    [Fact]
    public void Find_NeighbourhoodAfterTownAndItsGovernorate_IsInTheTown()
    {
        // The governorate named after the town (مدينة X عاصمة محافظة Y) is no anchor for a quarter: a quarter is in a town.
        var places = Places("قال سكان من مدينة الميادين في محافظة دير الزور إن القصف طال حي الزنبقونية ظهر اليوم");
        var hood = places.First(m => m.Text == "الزنبقونية").Place();
        hood.Kind.ShouldBe("neighbourhood");
        hood.Latitude.ShouldBe(35.01982, 0.001);
    }

    [Fact]
    public void Find_VillageAfterTownAndItsGovernorate_IsAtTheGovernorate()
    {
        // Negative case of the rule above: a village may lie anywhere in the governorate, so it keeps the last place named.
        var places = Places("قال سكان من مدينة الميادين في محافظة دير الزور إن القصف طال قرية الزنبقونية ظهر اليوم");
        places.First(m => m.Text == "الزنبقونية").Place().Admin1.ShouldBe("Deir ez-Zor");
        Math.Abs(places.First(m => m.Text == "الزنبقونية").Place().Latitude - 35.01982).ShouldBeGreaterThan(0.001);
    }

    [Fact]
    public void Find_QuotedQuarterNameHoldingATownsName_IsAQuarterOfTheTownNamedAfterIt()
    {
        // A made-up quarter whose quoted name ends in a real town's name: the quote is one name, in the town placed after it.
        var places = Places("سقطت قذائف على مركز للنازحين في حي \"الزنبقونية الميادين\" في مدينة البوكمال");
        places.ShouldNotContain(m => m.Text == "الميادين");
        var hood = places.Single(m => m.Text == "الزنبقونية الميادين").Place();
        hood.Kind.ShouldBe("neighbourhood");
        hood.Name.ShouldBe("الزنبقونية الميادين");
        hood.Admin2.ShouldBe("Abu Kamal");
    }

    [Fact]
    public void Find_QuotedNameWithoutACue_IsNoPlace()
    {
        // The name of a battle, not the town: a quoted phrase only partly a place name, with no cue word before it.
        Places("أطلقت الفصائل معركة \"فجر الميادين\" أمس").ShouldBeEmpty();
    }

    [Fact]
    public void Find_QuotedWholePlaceName_IsThePlace()
    {
        // Negative case of the quoted-name rule: the quote holds the whole name.
        Places("دخلت القوات مدينة «الميادين» صباحاً").Single().Place().Id.ShouldBe("geonames:173480");
    }

    [Fact]
    public void Find_QuotedListOfVillages_IsEachVillage()
    {
        // Negative case of the quoted-name rule: a quoted list (و between names) is several names.
        var places = Places("طال القصف قريتي “الميادين والبوكمال” في ريف دير الزور");
        places.ShouldContain(m => m.Text == "الميادين" && m.Place().Id == "geonames:173480");
    }

    [Fact]
    public void Find_QuarterCueWithProclitic_IsACue()
    {
        // بحي: the two-letter cue حي behind the preposition ب.
        var places = Places("داهمت دورية منزلاً بحي الزنبقونية في مدينة الميادين");
        places.Single(m => m.Text == "الزنبقونية").Place().Kind.ShouldBe("neighbourhood");
    }

    [Fact]
    public void Find_StateCue_ChoosesTheGovernorate()
    {
        // ولاية is the Sudanese (and Maghreb) word for a governorate.
        var p = Places("وصلت قوافل الإغاثة إلى ولاية الخرطوم").Single().Place();
        p.Kind.ShouldBe("governorate");
        p.GeoPrecision.ShouldBe(3);
    }

    [Fact]
    public void Find_Region_IsCodedToTheDocumentsGovernorateWithPrecision3()
    {
        var places = Places("انطلقت الحملة من مدينة تدمر نحو البادية السورية");
        var region = places.Single(m => m.Place().Id == "region:syrian-badia").Place();
        region.GeoPrecision.ShouldBe(3);
        region.Admin1.ShouldBe("Homs");
    }

    [Fact]
    public void Find_DesertOfATown_IsNearTheTownWithPrecision2()
    {
        var p = Places("نصبت الميليشيا كميناً في بادية البوكمال").Single().Place();
        p.GeoPrecision.ShouldBe(2);
        p.Admin2.ShouldBe("Abu Kamal");
    }

    [Fact]
    public void Find_CountryAfterALocativePreposition_IsACountry() =>
        Places("عاد المقاتلون إلى العراق بعد أسبوع").Single().Place().Id.ShouldBe("country:IQ");

    [Fact]
    public void Find_CountryAsAnAgent_IsNotAPlace()
    {
        // "تركيا" here does something: an actor, not a location.
        Places("هددت تركيا بشن عملية جديدة").ShouldBeEmpty();
    }

    [Fact]
    public void Find_DirectionOfACountry_IsNotCoded()
    {
        // North-west Syria spans several governorates: there is no point to code it to.
        Places("تصاعد القصف في شمال غربي سوريا").ShouldBeEmpty();
    }

    [Fact]
    public void Find_NameThatIsACommonWord_NeedsACue()
    {
        Places("فتح الاتفاق الباب أمام عودة النازحين").ShouldBeEmpty();
        Places("سيطرت الفصائل على مدينة الباب").Single().Place().Admin1.ShouldBe("Aleppo");
    }

    [Fact]
    public void Find_NameInsideAnActorName_IsNotAPlace() =>
        Places("هاجمت قوات سوريا الديمقراطية مواقع التنظيم").ShouldBeEmpty();

    [Fact]
    public void Find_Crossing_IsAPlace()
    {
        var p = Places("أغلقت السلطات معبر باب الهوى أمام المسافرين").Single().Place();
        p.Kind.ShouldBe("crossing");
        p.Admin1.ShouldBe("Idlib");
    }

    [Fact]
    public void Find_SameNameInTwoCountries_TheDocumentsContextDecides()
    {
        // سنجار is a town in Iraq and another in Idlib: the other places of the text decide.
        Places("في ريف إدلب الجنوبي قصفت المدفعية بلدة سنجار").Last().Place().Country.ShouldBe("SY");
        Places("وصلت تعزيزات من الموصل وتلعفر إلى سنجار").Last().Place().Country.ShouldBe("IQ");
    }

    [Fact]
    public void Find_CoordinatedNames_ShareTheCue() =>
        Places("جاء العناصر من محافظات حلب وحمص").Select(m => m.Place().Kind).ShouldAllBe(k => k == "governorate");

    [Fact]
    public void Find_VillageKnownOnlyAbroad_IsALocalPlaceNearTheDocumentsTown()
    {
        // الزرقاء is a big Jordanian city; a village of that name in a report about Deir ez-Zor is local.
        var places = Places("وصلت تعزيزات إلى مدينة الميادين، ثم انتشرت في قرية الزرقاء القريبة");
        var village = places.Last().Place();
        village.Country.ShouldBe("SY");
        village.GeoPrecision.ShouldBe(2);
        village.Admin1.ShouldBe("Deir ez-Zor");
    }

    [Fact]
    public void Find_FacilityNamedAfterATown_IsNearThatTown()
    {
        // No airport of Homs is in the gazetteer: "مطار حمص" is coded to Homs with geo_precision 2.
        var p = Places("هبطت طائرة شحن في مطار حمص مساء أمس").Single().Place();
        p.Kind.ShouldBe("camp");
        p.GeoPrecision.ShouldBe(2);
        p.Admin1.ShouldBe("Homs");
    }

    [Fact]
    public void Find_FacilityInTheGazetteer_IsMatchedWhole() =>
        Places("زار الوفد مطار دير الزور العسكري").Single().Place().Id.ShouldBe("base:deir-ez-zor-airport");

    [Fact]
    public void Find_CountryAfterFrom_IsAPlaceUnlessBackedBy()
    {
        Places("عاد النازحون من لبنان خلال الشهر").Single().Place().Id.ShouldBe("country:LB");
        // "backed by Iran": Iran is an agent here.
        Places("وصل فصيل محلي مدعوم من إيران").ShouldBeEmpty();
        Places("وصل الفصيل المدعوم من إيران").ShouldBeEmpty();
    }

    [Fact]
    public void Find_NationalityAdjectives_AreNotCountries()
    {
        // السورية / العراقية are adjectives: a country name never takes the article (except العراق itself).
        Places("تقع البلدة قرب الحدود السورية العراقية").ShouldBeEmpty();
    }

    [Fact]
    public void Find_VillageTheGazetteerWritesWithoutTheArticle_MatchesWithIt()
    {
        // Who's On First writes شحيل; reports write الشحيل. A village is geo_precision 1, with or without a cue.
        var p = Places("قتل عنصر في بلدة الشحيل شرقي دير الزور").First().Place();
        p.Id.ShouldBe("wof:1344254011");
        p.GeoPrecision.ShouldBe(1);
        Places("اشتباكات في الشحيل بريف دير الزور").First().Place().Id.ShouldBe("wof:1344254011");
    }

    [Fact]
    public void Find_CountryName_IsTheCountryNeverAVillageOfThatName()
    {
        Places("وصلت المساعدات إلى السودان").Single().Place().Id.ShouldBe("country:SD");

        // Not after a locative word a country is an agent, and no village of the same name takes its place.
        Places("أعلن السودان موقفه").ShouldBeEmpty();
    }

    [Fact]
    public void Find_CueWordAlone_IsNotAPlace() =>
        // العاصمة is the name of a governorate somewhere, but in a report it is "the capital".
        Places("اندلعت اشتباكات في العاصمة مساء أمس").ShouldBeEmpty();

    [Fact]
    public void Find_CommonWordNamingAVillage_CountsOnlyAfterACue()
    {
        // الحرية ("freedom") is a village in al-Hasakah and a word of every protest report.
        Places("خرج المتظاهرون مطالبين بالحرية في الحسكة").Select(m => m.Text).ShouldBe(["الحسكة"]);
        var village = Places("قصفت المدفعية قرية الحرية بريف الحسكة").First().Place();
        village.Kind.ShouldBe("village");
        village.Admin1.ShouldBe("Al-Hasakah");
    }

    [Fact]
    public void Find_FamilyNameThatIsAVillage_IsPartOfThePersonsName()
    {
        // شدود is a village near al-Bab and a family name.
        Places("أطلق مسلحون النار على شاب يدعى محمود شدود في مدينة الباب").Select(m => m.Text).ShouldBe(["الباب"]);
        Places("سقطت قذائف على قرية شدود بريف الباب").First().Place().Id.ShouldBe("wof:1343345953");
    }

    [Fact]
    public void Find_SmallPlaceWithNothingSayingItIsAPlace_IsNotAPlace()
    {
        Places("وقال شدود إن الوضع هادئ في حلب").Select(m => m.Text).ShouldBe(["حلب"]);

        // After a preposition, near a place the text names surely, it is the village.
        Places("سقطت قذائف في شدود قرب مدينة الباب").First().Place().Id.ShouldBe("wof:1343345953");
    }

    [Fact]
    public void Find_GovernorateAndHamletOfOneName_IsTheGovernorate()
    {
        var p = Places("اندلعت اشتباكات في أبين جنوبي اليمن").First().Place();
        p.Kind.ShouldBe("governorate");
        p.GeoPrecision.ShouldBe(3);
        p.Country.ShouldBe("YE");
    }

    [Fact]
    public void Find_TownOutsideTheSeedsCountries_IsFound()
    {
        // الفاشر: a city of Darfur the first gazetteer (GeoNames cities500, big towns only outside SY/IQ/LB) lacked.
        var p = Places("قصفت قوات الدعم السريع مدينة الفاشر").Single().Place();
        p.Country.ShouldBe("SD");
        p.Kind.ShouldBe("city");
        p.GeoPrecision.ShouldBe(1);
    }

    [Fact]
    public void Find_UnknownNameListedWithKnownVillages_IsAPlaceNearThem()
    {
        // "والزنبقونية" is a made-up village between two real ones in a list of towns.
        var places = Places("هاجم مسلحون نقاطاً داخل بلدات ذيبان والزنبقونية والبصيرة بريف دير الزور");
        var v = places.Single(m => m.Text == "الزنبقونية").Place();
        v.Kind.ShouldBe("village");
        v.Admin1.ShouldBe("Deir ez-Zor");
        places.Select(m => m.Text).ShouldContain("البصيرة");

        // It is coded at the village before it in the list (precision 2), not at the governorate's centre.
        var dhiban = places.Single(m => m.Text == "ذيبان").Place();
        (v.Latitude, v.Longitude).ShouldBe((dhiban.Latitude, dhiban.Longitude));
        v.GeoPrecision.ShouldBe(2);

        // Outside a list the governorate it is placed in anchors it.
        var alone = Places("هاجم مسلحون نقاطاً داخل بلدة الزنبقونية بريف دير الزور").Single(m => m.Text == "الزنبقونية").Place();
        alone.Id.ShouldStartWith("pcode:SY09~");
    }

    [Fact]
    public void Find_CommonWordAfterAListedVillage_IsNotAPlace()
    {
        // والقتلى is a word of ordinary text, not a further village of the list.
        Places("قصفت الطائرات بلدة ذيبان والقتلى بالعشرات").Select(m => m.Text).ShouldNotContain("القتلى");
    }

    [Fact]
    public void Find_CommonWordAfterACue_IsNoUnknownPlace()
    {
        // منفذ is a crossing cue, but منفذ عملية is "the perpetrator of an operation".
        Places("قتل منفذ عملية الطعن في مدينة الباب").Select(m => m.Text).ShouldBe(["الباب"]);
    }

    [Fact]
    public void Find_DirectionAdjective_IsNoProvince()
    {
        // الغربية is also an Egyptian governorate: as an adjective of another word it is a direction.
        Places("سقطت قذائف على الأطراف الغربية لمدينة إدلب").ShouldHaveSingleItem().Place().Admin1.ShouldBe("Idlib");
        Places("خرجت مظاهرة في محافظة الغربية شمالي القاهرة").First().Place().Country.ShouldBe("EG");
    }

    [Fact]
    public void Find_SmallPlaceReadWithoutItsArticle_NeedsACue()
    {
        // حرجة (critical) is a village الحرجة without its article: in بجروح حرجة it is the adjective.
        Places("أصيب ثلاثة آخرون أحدهم بجروح حرجة").ShouldBeEmpty();

        // A major place keeps its bare reading: بوكمال is البوكمال.
        Places("وصلت تعزيزات عسكرية إلى مدينة بوكمال").ShouldHaveSingleItem().Place().Admin1.ShouldBe("Deir ez-Zor");
    }

    [Fact]
    public void Find_TownCalledACityInACountryTheReportTellsOf_IsFoundAbroad()
    {
        // Jenin is neither a capital nor a metropolis: abroad it counts after مدينة when the document also
        // places something in its country (the West Bank), even when another country (تل أبيب) leads the vote.
        var places = Places("اقتحمت قوات الاحتلال مدينة جنين شمالي الضفة الغربية بعد عملية في تل أبيب");
        places.Select(m => m.Place().Country).ShouldContain("PS");
        places.Single(m => m.Text == "جنين").Place().Kind.ShouldBe("town");

        // Without the cue word a small town abroad stays out.
        Places("وقال جنين إن تل أبيب هادئة").Select(m => m.Text).ShouldNotContain("جنين");
    }

    [Fact]
    public void Find_KnownWordContinuedByANameWord_IsALongerUnknownName()
    {
        // "جديد" is a village (الجديد read without its article); "البرتقيلي" (made up) goes on with the name.
        Places("خرج أهالي بلدة جديد البرتقيلي في ريف دير الزور بمظاهرة").Select(m => m.Text).ShouldContain("جديد البرتقيلي");

        // A word glued to و starts the next item of a list instead.
        Places("قصفت الطائرات بلدات ذيبان والزنبقونية بريف دير الزور").Select(m => m.Text).ShouldContain("ذيبان");
    }

    [Fact]
    public void Find_ListWithSpacedConjunction_KeepsEachVillage()
    {
        // Hashtag lists space the conjunction out (قرى #X و #Y): a lone و is no word of a name.
        var texts = Places("داهمت الدوريات قرى #عياش و #الخريطة بريف دير الزور الغربي").Select(m => m.Text).ToList();
        texts.ShouldContain("عياش");
        texts.ShouldNotContain("عياش و");

        // The list shares its cue across the spaced و: الخريطة (also "the map") is a village here, and so is a
        // name the gazetteer lacks (الزنبقونية, made up).
        texts.ShouldContain("الخريطة");
        Places("داهمت الدوريات قرى #عياش و #الزنبقونية بريف دير الزور الغربي").Select(m => m.Text).ShouldContain("الزنبقونية");

        // Without a list before it, "و الخريطة" is the map.
        Places("نشرت الوكالة صورا و الخريطة الجديدة").ShouldBeEmpty();
    }

    [Fact]
    public void Find_VillageOnTheWrongSideOfItsCountryside_IsOneTheGazetteerLacks()
    {
        // The gazetteer's الخريطة of Deir ez-Zor lies far east, near Albu Kamal: in the western countryside it is
        // another village, coded near the governorate rather than at the eastern namesake.
        var west = Places("داهمت الدوريات قرى عياش والخريطة بريف دير الزور الغربي").Single(m => m.Text == "الخريطة").Place();
        west.Id.ShouldNotBe("wof:1226434209");
        west.Longitude.ShouldBeLessThan(40.5);

        // In the eastern countryside the namesake stands.
        Places("داهمت الدوريات قرى الطيبة والخريطة بريف دير الزور الشرقي").Single(m => m.Text == "الخريطة").Place().Id.ShouldBe("wof:1226434209");
    }

    [Fact]
    public void Find_VillageInTheCountrysideOfAGovernorate_IsNoNamesakeOfAnother()
    {
        // صيدا is a village of Daraa (and Sidon in Lebanon): in the countryside of Quneitra it is neither.
        var p = Places("توغلت قوة في قرية صيدا بريف القنيطرة").Single(m => m.Text == "صيدا").Place();
        p.Admin1.ShouldBe("Quneitra");
        p.Id.ShouldEndWith("~syda");

        // In the countryside of Daraa the gazetteer's village stands.
        Places("توغلت قوة في قرية صيدا بريف درعا الشرقي").Single(m => m.Text == "صيدا").Place().Id.ShouldStartWith("wof:");
    }

    [Fact]
    public void Find_LackingNameToldTwice_KeepsTheFinerAnchor()
    {
        // الزنبقونية (made up) is first listed with ذيبان, then named alone in the governorate: one place, at ذيبان.
        var places = Places("هاجم مسلحون نقاطاً في بلدتي ذيبان والزنبقونية بريف دير الزور. وسيطر المسلحون على بلدة الزنبقونية بريف دير الزور.");
        var both = places.Where(m => m.Text == "الزنبقونية").Select(m => m.Place()).ToList();
        both.Count.ShouldBe(2);
        both.Select(p => p.Id).Distinct().ShouldHaveSingleItem().ShouldStartWith(places.First(m => m.Text == "ذيبان").Place().Id);

        // Another lacking name in the same governorate keeps its own anchor.
        Places("وسيطر المسلحون على بلدة الزنبقونية بريف دير الزور وعلى بلدة الخرنوبية بريف دير الزور.")
            .Single(m => m.Text == "الخرنوبية").Place().Id.ShouldStartWith("pcode:SY09~");
    }

    [Fact]
    public void Find_LackingVillageInADistrictOfATown_IsCodedAtThatTown()
    {
        // قرية الزنبقونية بمنطقة البصيرة: the lacking village lies in the area of البصيرة, not just in the governorate.
        var places = Places("استهدفت خلية سيارة عسكرية في قرية الزنبقونية بمنطقة البصيرة شرق دير الزور");
        places.Single(m => m.Text == "الزنبقونية").Place().Id.ShouldStartWith(places.Single(m => m.Text == "البصيرة").Place().Id + "~");

        // إحياء نفسه (to revive itself) names no quarter.
        Places("حاول التنظيم إعادة إحياء نفسه في المنطقة").ShouldBeEmpty();
    }
}
