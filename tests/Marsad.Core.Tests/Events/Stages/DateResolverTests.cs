using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>The event's date (stage 5a), from our own sentences.</summary>
public class DateResolverTests
{
    [Fact]
    public void Resolve_DateOfTheSaying_YieldsToTheEventsDate()
    {
        var result = new EventDocBuilder("وقال المسؤول اليوم الجمعة إن القصف طال بلدة النخيل مساء الخميس.", new DateOnly(2024, 4, 19))
            .Place("النخيل", "place:nakhil")
            .Date("اليوم الجمعة", new DateOnly(2024, 4, 19)).Date("مساء الخميس", new DateOnly(2024, 4, 18)).Run();

        result.Events.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2024, 4, 18));
    }

    [Fact]
    public void Resolve_OnlyTheSayingsDate_IsUsed()
    {
        // With no other date, the date before the complementizer is still the best the sentence gives.
        var result = new EventDocBuilder("وقال المسؤول اليوم الجمعة إن القصف طال بلدة النخيل.", new DateOnly(2024, 4, 19))
            .Place("النخيل", "place:nakhil").Date("اليوم الجمعة", new DateOnly(2024, 4, 19)).Run();

        result.Events.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2024, 4, 19));
    }

    [Fact]
    public void Resolve_OnlyTheSayingsDate_IsMarkedAsTheReportsDay()
    {
        // The saying's day is week-precise: a later sentence's stated day of the same incident replaces it.
        var result = new EventDocBuilder("قالت مصادر محلية اليوم الثلاثاء إن مسلحين قتلوا ستة مدنيين في قرية النخيل. وقتل المسلحون الضحايا داخل منازلهم صباح أمس الإثنين.", new DateOnly(2024, 4, 23))
            .Place("النخيل", "place:nakhil").Actor("مسلحين", "actor:gunmen", 3).Actor("المسلحون", "actor:gunmen", 3)
            .Date("اليوم الثلاثاء", new DateOnly(2024, 4, 23)).Date("صباح أمس الإثنين", new DateOnly(2024, 4, 22)).Run();

        var attack = result.Events.Single(e => e.SubEventType == "Attack");
        attack.Date.ShouldBe(new DateOnly(2024, 4, 22));
        result.Events.Count(e => e.SubEventType == "Attack").ShouldBe(1);
    }
}
