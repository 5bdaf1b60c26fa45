using Marsad.Events;
using Marsad.Tests.Events;

namespace Marsad.Tests.Events.Stages;

/// <summary>Candidates (stage 1), from our own sentences.</summary>
public class TriggerFinderTests
{
    [Fact]
    public void Find_MarchWithNationality_IsADrone()
    {
        var result = new EventDocBuilder("استهدفت مسيرة إسرائيلية دراجة نارية قرب بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        var e = result.Events.ShouldHaveSingleItem();
        e.SubEventType.ShouldBe("Air/drone strike");
        e.Actor1.ShouldNotBeNull().Id.ShouldBe("actor:israel");
    }

    [Fact]
    public void Find_MarchWithoutNationality_IsAProtest()
    {
        var result = new EventDocBuilder("خرجت مسيرة شعبية في بلدة النخيل ضد الغلاء.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().EventType.ShouldBe(AcledTaxonomy.Protests);
    }

    [Fact]
    public void Find_ShellingByWarplanes_IsAnAirStrike()
    {
        var result = new EventDocBuilder("قصف الطيران الحربي أطراف بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Air/drone strike");
    }

    [Fact]
    public void Find_ShellingByArtillery_StaysShelling()
    {
        var result = new EventDocBuilder("قصفت المدفعية أطراف بلدة النخيل.").Place("النخيل", "place:nakhil").Run();

        result.Events.ShouldHaveSingleItem().SubEventType.ShouldBe("Shelling/artillery/missile attack");
    }
}
