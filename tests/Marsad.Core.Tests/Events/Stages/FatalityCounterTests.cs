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
    public void Exact_VagueQualifier_IsNull()
    {
        FatalityCounter.Exact(new QuantityRef(3, "several", "أشخاص")).ShouldBeNull();
        FatalityCounter.Exact(new QuantityRef(7, "exact", "أشخاص")).ShouldBe(7);
    }
}
