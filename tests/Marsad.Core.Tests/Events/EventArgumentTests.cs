using Marsad.Events;

namespace Marsad.Tests.Events;

/// <summary>Fatalities, dates and attribution (our own sentences, hand-made mentions).</summary>
public class EventArgumentTests
{
    [Fact]
    public void Annotate_DeathsWithFigure_TakesFigure()
    {
        var result = new EventDocBuilder("قتل 3 مدنيين وأصيب 5 آخرون جراء قصف مدفعي على بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBe(3);
    }

    [Fact]
    public void Annotate_ConflictingFigures_TakesLowest()
    {
        var result = new EventDocBuilder("سقط 6 قتلى في غارة جوية على بلدة النخيل، فيما تحدثت مصادر أخرى عن 4 قتلى.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Fatalities.ShouldBe(4);
        e.Notes.ShouldContain(n => n.Contains("lowest", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_InjuriesOnly_FatalitiesZero()
    {
        // ACLED: injuries are not fatalities; a fight with injuries only has 0 deaths.
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل أسفرت عن إصابات من الطرفين.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Fatalities.ShouldBe(0);
        e.FatalitiesInferred.ShouldBeTrue(); // the text states no figure: a merge must not take it as "0 killed"
    }

    [Fact]
    public void Annotate_InjuriesFirstThenDeathsOfTheSameShelling_StatedFigureWins()
    {
        // Told twice and merged into one event: the later sentence's stated 2 beats the first one's inferred 0.
        var result = new EventDocBuilder("أصيب 5 مدنيين جراء قصف مدفعي على بلدة النخيل. وقتل 2 مدنيين في القصف المدفعي على بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Fatalities.ShouldBe(2);
        e.FatalitiesInferred.ShouldBeFalse();
    }

    [Fact]
    public void Annotate_StatedFigure_NotInferred()
    {
        var result = new EventDocBuilder("قتل 3 مدنيين وأصيب 5 آخرون جراء قصف مدفعي على بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().FatalitiesInferred.ShouldBeFalse();
    }

    [Fact]
    public void Annotate_NothingReported_FatalitiesNull()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBeNull();
    }

    [Fact]
    public void Annotate_DeathsWithoutFigure_NullWithNote()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل خلفت قتلى من الجانبين.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Fatalities.ShouldBeNull();
        e.Notes.ShouldContain(n => n.Contains("without a figure", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_DualDeathNoun_CountsTwo()
    {
        var result = new EventDocBuilder("سقط قتيلان في انفجار عبوة ناسفة ببلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBe(2);
    }

    [Fact]
    public void Annotate_QuantityMention_UsesItsLowestReading()
    {
        var result = new EventDocBuilder("سقط أكثر من سبعة قتلى في قصف صاروخي على بلدة النخيل.")
            .Quantity("أكثر من سبعة قتلى", 7, "more_than", "قتلى").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBe(7);
    }

    [Fact]
    public void Annotate_CountInWordsAfterDeathWord_UsesQuantityMention()
    {
        var result = new EventDocBuilder("أدى القصف الصاروخي على بلدة النخيل إلى مقتل أربعة مدنيين.")
            .Quantity("أربعة مدنيين", 4, "exact", "مدني").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBe(4);
    }

    [Fact]
    public void Annotate_DateInSentence_TakesIt()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل يوم الثلاثاء.", new DateOnly(2024, 3, 9))
            .Date("يوم الثلاثاء", new DateOnly(2024, 3, 5), 1, "weekday").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Date.ShouldBe(new DateOnly(2024, 3, 5));
        e.TimePrecision.ShouldBe(1);
    }

    [Fact]
    public void Annotate_RelativeDateWithoutAnchor_DateNull()
    {
        // "قبل يومين" with no publication date resolves to nothing: the date stays unknown.
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل قبل يومين.")
            .Date("قبل يومين", null, 1).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Date.ShouldBeNull();
    }

    [Fact]
    public void Annotate_NoDateExpression_PublicationDateWeekPrecision()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل.", new DateOnly(2024, 3, 9)).Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Date.ShouldBe(new DateOnly(2024, 3, 9));
        e.TimePrecision.ShouldBe(2);
    }

    [Fact]
    public void Annotate_DateToldInPreviousSentence_CarriedWithWeekPrecision()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل يوم الثلاثاء. وتعرضت بلدة الزيتون لقصف مدفعي عنيف.", new DateOnly(2024, 3, 9))
            .Date("يوم الثلاثاء", new DateOnly(2024, 3, 5), 1, "weekday").Place("النخيل", "place:nakhil").Place("الزيتون", "place:zaytoun").Run();

        var shelling = result.Events.Single(e => e.EventType == "Explosions/Remote violence");
        shelling.Date.ShouldBe(new DateOnly(2024, 3, 5)); // the account's Tuesday, not the publication day
        shelling.TimePrecision.ShouldBe(2);
        result.Events.Single(e => e.EventType == "Battles").TimePrecision.ShouldBe(1);
    }

    [Fact]
    public void Annotate_DateToldThreeSentencesBefore_PublicationDateInstead()
    {
        var result = new EventDocBuilder(
                "اندلعت اشتباكات في بلدة النخيل يوم الثلاثاء. وذكرت المصادر ذلك. وأكد الأهالي الخبر. ونقلت الصفحات المحلية الصور. وتعرضت بلدة الزيتون لقصف مدفعي عنيف.",
                new DateOnly(2024, 3, 9))
            .Date("يوم الثلاثاء", new DateOnly(2024, 3, 5), 1, "weekday").Place("النخيل", "place:nakhil").Place("الزيتون", "place:zaytoun").Run();

        // More than two sentences on, the account may be elsewhere in time: the report's own date is safer.
        result.Events.Single(e => e.EventType == "Explosions/Remote violence").Date.ShouldBe(new DateOnly(2024, 3, 9));
    }

    [Fact]
    public void Annotate_NoDateAtAll_NullMonthPrecision()
    {
        var result = new EventDocBuilder("اندلعت اشتباكات في بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Date.ShouldBeNull();
        e.TimePrecision.ShouldBe(3);
    }

    [Theory]
    [InlineData("اعتقلت دورية أمنية شابين في بلدة النخيل.", AttributionKind.Outlet)]
    [InlineData("وقال مراسلنا إن دورية أمنية اعتقلت شابين في بلدة النخيل.", AttributionKind.Correspondent)]
    [InlineData("وذكرت مصادر محلية أن دورية أمنية اعتقلت شابين في بلدة النخيل.", AttributionKind.AnonymousSource)]
    [InlineData("وقال مصدر مقرب من الفصيل إن دورية أمنية اعتقلت شابين في بلدة النخيل.", AttributionKind.AnonymousSource)]
    [InlineData("وأعلنت وزارة الداخلية في بيان أن دورية أمنية اعتقلت شابين في بلدة النخيل.", AttributionKind.OfficialStatement)]
    [InlineData("ونقل موقع الأفق عن شهود أن دورية أمنية اعتقلت شابين في بلدة النخيل.", AttributionKind.OtherOutlet)]
    [InlineData("وبحسب وكالة الأفق فإن دورية أمنية اعتقلت شابين في بلدة النخيل.", AttributionKind.OtherOutlet)]
    [InlineData("وترددت أنباء عن اعتقال دورية أمنية شابين في بلدة النخيل.", AttributionKind.Unattributed)]
    public void Annotate_ReportingFrame_GivesAttributionKind(string sentence, AttributionKind kind)
    {
        var result = new EventDocBuilder(sentence, outlet: "Test Outlet").Place("النخيل", "place:nakhil").Run();

        var a = result.Events.ShouldHaveSingleItem().Attribution;
        a.Kind.ShouldBe(kind);
        if (a.Span is { } s)
        {
            s.Slice(sentence).ShouldBe(a.Text);
        }
    }

    [Fact]
    public void Annotate_NamedPersonSays_NamedSource()
    {
        var text = "وقال الناشط سامر الحداد إن دورية أمنية اعتقلت شابين في بلدة النخيل.";
        var result = new EventDocBuilder(text).Person("سامر الحداد", "person:samer").Place("النخيل", "place:nakhil").Run();

        var a = result.Events.ShouldHaveSingleItem().Attribution;
        a.Kind.ShouldBe(AttributionKind.NamedSource);
        a.SourceName.ShouldBe("person:samer");
    }

    [Fact]
    public void Annotate_SpeakerGoesOn_CarriesAttribution()
    {
        // The second sentence opens with "وأضافت": the same anonymous sources still speak.
        var result = new EventDocBuilder("وذكرت مصادر محلية أن التوتر يسود بلدة النخيل. وأضافت أن دورية أمنية اعتقلت شابين من البلدة.")
            .Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Attribution.Kind.ShouldBe(AttributionKind.AnonymousSource);
    }

    [Fact]
    public void Annotate_SourceActorInReportingFrame_IsNotAParty()
    {
        // فصيل الجبهة is where the source stands, not who made the arrests.
        var result = new EventDocBuilder("وقال مصدر مقرب من فصيل الجبهة إن قوات الحكومة اعتقلت شابين في بلدة النخيل.")
            .Actor("فصيل الجبهة", "actor:front", 2).Actor("قوات الحكومة", "actor:gov", 1).Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().Actor1!.Id.ShouldBe("actor:gov");
    }
}
