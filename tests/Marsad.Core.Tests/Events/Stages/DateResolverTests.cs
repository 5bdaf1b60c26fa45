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
}
