using Marsad.Analysis;
using Marsad.Knowledge.Places;

namespace Marsad.Tests.Knowledge;

public class GazetteerImportTests
{
    // A made-up village in GeoNames' geoname-table format (19 tab-separated columns), with no Arabic name of
    // its own; its Arabic name comes from an alternate-names file, as with GeoNames' alternateNamesV2.
    private const string CountryFile =
        "9900001\tTall al Wardah\tTall al Wardah\t\t35.1\t40.3\tP\tPPL\tSY\t\t07\t\t\t\t300\t\t200\tAsia/Damascus\t2024-01-01\n" +
        "9900002\tWadi al Khayr\tWadi al Khayr\t\t35.2\t40.2\tH\tWAD\tSY\t\t07\t\t\t\t0\t\t200\tAsia/Damascus\t2024-01-01\n";

    private const string AlternateNames =
        "1\t9900001\tar\tتل الوردة\t1\t\t\t\t\t\n" +
        "2\t9900001\ten\tTell Wardeh\t\t\t\t\t\t\n" +
        "3\t9900002\tar\tوادي الخير\t\t\t\t\t\t\n";

    [Fact]
    public void Import_CountryAndAlternateNames_AddsArabicNamedVillages()
    {
        var dir = Directory.CreateTempSubdirectory("marsad-import-").FullName;
        try
        {
            var sy = Path.Combine(dir, "SY.txt");
            var alt = Path.Combine(dir, "alternateNamesV2.txt");
            File.WriteAllText(sy, CountryFile);
            File.WriteAllText(alt, AlternateNames);
            var user = Path.Combine(dir, "places");

            var result = GeoNamesImporter.Import([sy, alt], Path.Combine(KnowledgeTestData.DataRoot, "places", "admin.tsv"), user);

            // The wadi is not a populated place: only the village is kept.
            result.Places.ShouldBe(1);
            var gazetteer = Gazetteer.Load(KnowledgeTestData.DataRoot, [user]);
            var annotator = new PlaceAnnotator(gazetteer);
            var found = annotator.Find(AnalysisChain.Analyze("قصفت المدفعية قرية تل الوردة فجراً"), []).Single();
            var p = (Marsad.Annotations.PlaceRef)found.Ref!;
            p.Id.ShouldBe("geonames:9900001");
            p.Admin1.ShouldBe("Deir ez-Zor");
            p.Admin2.ShouldNotBeNull();
            p.GeoPrecision.ShouldBe(1);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
