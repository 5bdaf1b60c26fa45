using Marsad.Data;
using Marsad.Knowledge;
using Marsad.Knowledge.Places;
using Marsad.Testing;

namespace Marsad.Tests.Knowledge;

public class KnowledgeLoadingTests
{
    [Fact]
    public void Load_TrailingSeparator_LoadsTheSameCatalogues()
    {
        var withSlash = KnowledgeBase.Load(KnowledgeTestData.DataRoot + Path.DirectorySeparatorChar);
        withSlash.Actors.Actors.Count.ShouldBe(KnowledgeTestData.Knowledge.Actors.Actors.Count);
        withSlash.Actors.Actors.Count.ShouldBeGreaterThanOrEqualTo(150);
    }

    [Fact]
    public void Load_DataFolderWithoutCatalogues_FailsNamingTheFile()
    {
        // A wrong data folder must fail loudly rather than extract with no places or actors.
        var empty = Directory.CreateTempSubdirectory("marsad-nodata-").FullName;
        try
        {
            var e = Should.Throw<FileNotFoundException>(() => KnowledgeBase.Load(empty));
            e.FileName.ShouldNotBeNull().ShouldStartWith(empty);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Catalogue_KnowledgeFiles_MatchTheirHashes()
    {
        var catalogue = DataCatalogue.Load(KnowledgeTestData.DataRoot);
        var mine = catalogue.Entries.Where(e => e.Path.StartsWith("places/") || e.Path.StartsWith("actors/") || e.Path.StartsWith("persons/")).ToList();
        mine.Count.ShouldBeGreaterThanOrEqualTo(11);
        catalogue.Verify().Where(p => mine.Any(e => e.Path == p.Path)).ShouldBeEmpty();
        mine.Where(e => e.Path.EndsWith("geonames.tsv") || e.Path.EndsWith("admin.tsv")).ShouldAllBe(e => e.Attribution!.Contains("CC BY 4.0"));
    }

    [SharedFact]
    public void Build_FromTheSources_ReproducesTheCommittedFiles()
    {
        var tmp = Directory.CreateTempSubdirectory("marsad-build-").FullName;
        try
        {
            PlaceDataBuilder.Build(SharedMaterial.PathOf("data/geonames/cities500_mena.tsv"), SharedMaterial.PathOf("data/syria_admin_gazetteer"), tmp,
                SharedMaterial.PathOf("data/whosonfirst_mena/wof_mena_places.tsv"), SharedMaterial.PathOf("data/anercorp/train.txt"));
            foreach (var f in new[] { "geonames.tsv", "admin.tsv", "wof.tsv", "common-words.tsv" })
            {
                File.ReadAllText(Path.Combine(tmp, "places", f)).ShouldBe(File.ReadAllText(Path.Combine(KnowledgeTestData.DataRoot, "places", f)));
            }
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }
}
