using Marsad.Annotations;
using Marsad.Events.Stages;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>Fatalities (stage 5b), from our own sentences.</summary>
public class FatalityCounterTests
{
    [Fact]
    public void Count_VagueCount_IsNotAFigure()
    {
        var result = new EventDocBuilder("قتل عشرات المدنيين في قصف على بلدة النخيل.")
            .Place("النخيل", "place:nakhil").Quantity("عشرات المدنيين", 10, "tens", "مدنيين").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Fatalities.ShouldBeNull();
        e.FatalityBasis.ShouldBe(FatalityBasis.DeathsWithoutFigure);
    }

    [Fact]
    public void Count_StatedFigure_IsStated()
    {
        var result = new EventDocBuilder("قتل 5 مدنيين في قصف على بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.Fatalities.ShouldBe(5);
        e.FatalityBasis.ShouldBe(FatalityBasis.Stated);
    }

    [Fact]
    public void Count_FigureRightBeforeTheWordOfDeath_IsStated()
    {
        // لقي X مصرعه: the dead are counted before the idiom's noun.
        var result = new EventDocBuilder("لقي 4 مدنيين مصارعهم في قصف على بلدة النخيل.")
            .Place("النخيل", "place:nakhil").Quantity("4 مدنيين", 4, "exact", "مدنيين").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldBe(4);
    }

    [Fact]
    public void Count_FigureSeparatedFromTheWordOfDeath_IsNotTheirCount()
    {
        // Negative case: 4 houses, then deaths without a figure — the count is not next to the word of death.
        var result = new EventDocBuilder("دمر القصف 4 منازل في بلدة النخيل وأسفر عن مقتل مدنيين.")
            .Place("النخيل", "place:nakhil").Quantity("4 منازل", 4, "exact", "منازل").Run();

        result.Events.ShouldHaveSingleItem().Fatalities.ShouldNotBe(4);
    }

    [Fact]
    public void Exact_VagueQualifier_IsNull()
    {
        FatalityCounter.Exact(new QuantityRef(3, "several", "أشخاص")).ShouldBeNull();
        FatalityCounter.Exact(new QuantityRef(7, "exact", "أشخاص")).ShouldBe(7);
    }
}
