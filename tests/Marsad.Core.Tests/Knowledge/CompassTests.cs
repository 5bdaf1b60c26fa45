using System.Collections.Immutable;
using Marsad.Knowledge;
using Marsad.Knowledge.Places;

namespace Marsad.Tests.Knowledge;

public class CompassTests
{
    private static readonly CueLexicon Cues = CueLexicon.Parse(new StringReader(
        "compass_north\tشمالي|الشمالي\ncompass_east\tشرقي|الشرقي\ncompass_west\tالغربي\n"));

    private static Place At(double lat, double lon) =>
        new("p", "p", null, lat, lon, "SY", null, null, "village", "PPL", 0, null, ImmutableArray<string>.Empty);

    [Fact]
    public void Of_CompassWord_GivesItsHeading()
    {
        Compass.Of(Cues, "الغربي").ShouldBe(new Compass(-1, 0));
        Compass.Of(Cues, "ريف").ShouldBeNull();
    }

    [Fact]
    public void Admits_PlaceOnTheNamedSide_Only()
    {
        var town = At(35.0, 40.0);
        var west = Compass.Of(Cues, "الغربي")!.Value;
        west.Admits(town, At(35.1, 39.7)).ShouldBeTrue();   // north-west: still the western countryside
        west.Admits(town, At(34.7, 40.6)).ShouldBeFalse();  // south-east: the other side
        west.Admits(town, At(35.0, 40.03)).ShouldBeTrue();  // 3 km east: near enough to lie on every side
    }

    [Fact]
    public void Then_TwoHeadings_PointBetween()
    {
        var ne = Compass.Of(Cues, "الشمالي")!.Value.Then(Compass.Of(Cues, "الشرقي")!.Value);
        ne.East.ShouldBe(Math.Sqrt(0.5), 1e-9);
        ne.North.ShouldBe(Math.Sqrt(0.5), 1e-9);
        ne.Admits(At(35.0, 40.0), At(34.6, 39.6)).ShouldBeFalse(); // south-west of a north-eastern countryside
    }
}
