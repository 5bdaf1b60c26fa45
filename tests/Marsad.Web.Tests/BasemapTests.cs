using Marsad.Testing;
using Marsad.Web.Basemap;

namespace Marsad.Tests;

public sealed class BasemapTests
{
    [SharedFact]
    public void Build_SharedWhosOnFirst_ReproducesCommittedOutlines()
    {
        // The committed outline files are exactly what the build step makes from the shared sources.
        var dir = Directory.CreateTempSubdirectory("marsad-basemap-").FullName;
        try
        {
            var r = BasemapBuilder.Build(SharedMaterial.PathOf("data/whosonfirst_mena"), dir);
            r.Governorates.ShouldBe(15); // 14 governorates and the UNDOF zone
            r.Districts.ShouldBeGreaterThan(50);
            foreach (var f in new[] { "admin1.geojson", "admin2.geojson" })
            {
                File.ReadAllBytes(Path.Combine(dir, "basemap", f)).ShouldBe(File.ReadAllBytes(Path.Combine(SharedMaterial.RepositoryRoot, "data", "basemap", f)), f);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SimplifyRing_CollinearPoints_Dropped()
    {
        // A square with extra points on its edges keeps its four corners (and the closing point).
        List<(double X, double Y)> ring = [(0, 0), (0.5, 0), (1, 0), (1, 0.5), (1, 1), (0.5, 1), (0, 1), (0, 0.5), (0, 0)];
        BasemapBuilder.SimplifyRing(ring, 0.01).ShouldBe([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]);
    }

    [Fact]
    public void SimplifyRing_BumpAboveTolerance_Kept()
    {
        // Negative case: a vertex farther from the edge than the tolerance stays.
        List<(double X, double Y)> ring = [(0, 0), (0.5, 0.2), (1, 0), (1, 1), (0, 1), (0, 0)];
        BasemapBuilder.SimplifyRing(ring, 0.05).ShouldContain((0.5, 0.2));
    }

    [Fact]
    public void Centroid_Square_IsItsCentre() =>
        BasemapBuilder.Centroid([(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]).ShouldBe((1, 1));
}
