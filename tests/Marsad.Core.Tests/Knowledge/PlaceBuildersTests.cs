using Marsad.Knowledge.Places;

namespace Marsad.Tests.Knowledge;

public class PlaceBuildersTests
{
    private static WofPlaceBuilder.WofRow Row(string placeType = "locality", string country = "SY", string isCurrent = "1",
        string deprecated = "", string supersededBy = "") =>
        new("1", country, placeType, "Test", ["قرية تجريبية"], 35.0, 40.0, "", "", "", 0, isCurrent, deprecated, supersededBy);

    [Fact]
    public void CleanNames_LeadingUnitWord_IsDropped() =>
        WofPlaceBuilder.CleanNames(["محافظة أبين", "مدينة العاشر من رمضان", "كفر نبل"]).ShouldBe(["أبين", "العاشر من رمضان", "كفر نبل"]);

    [Fact]
    public void CleanNames_OneWordUnitNameAndLatinAndDuplicates_AreNotNames() =>
        // A lone unit word has nothing left to name; "Abyan" is not Arabic; أبين twice (with harakat) is one name.
        WofPlaceBuilder.CleanNames(["مدينة", "Abyan", "أبين", "أَبين"]).ShouldBe(["مدينة", "أبين"]);

    [Fact]
    public void IsMatchable_CurrentLocality_IsMatched() => WofPlaceBuilder.IsMatchable(Row()).ShouldBeTrue();

    [Theory]
    [InlineData("locality", "SY", "1", "2020-01-01", "")] // deprecated
    [InlineData("locality", "SY", "1", "", "123")] // superseded: its names go to the successor
    [InlineData("locality", "SY", "0", "", "")] // not current
    [InlineData("region", "SY", "1", "", "")] // Syria's units come from the admin gazetteer
    [InlineData("country", "YE", "1", "", "")] // countries are hand-made
    public void IsMatchable_OtherRows_AreNot(string type, string country, string current, string deprecated, string superseded) =>
        WofPlaceBuilder.IsMatchable(Row(type, country, current, deprecated, superseded)).ShouldBeFalse();

    [Fact]
    public void IsMatchable_RegionOutsideSyria_IsMatched() => WofPlaceBuilder.IsMatchable(Row("region", "YE")).ShouldBeTrue();

    [Theory]
    [InlineData("locality", 0L, null, "village")]
    [InlineData("locality", 5_000L, null, "town")]
    [InlineData("locality", 80_000L, null, "city")]
    [InlineData("locality", 0L, "PPLA2", "city")] // a district seat is a city whatever its (unknown) population
    [InlineData("region", 0L, null, "governorate")]
    [InlineData("county", 0L, null, "district")]
    [InlineData("neighbourhood", 0L, null, "neighbourhood")]
    public void KindOf_PlaceTypeAndPopulation_GiveTheKind(string type, long population, string? fcode, string kind) =>
        WofPlaceBuilder.KindOf(type, population, fcode).Kind.ShouldBe(kind);

    [Theory]
    [InlineData(1, 0, true)] // read once, never as a location
    [InlineData(3, 1, true)] // a quarter of the time as a location
    [InlineData(3, 2, false)] // mostly a location (حلب)
    [InlineData(0, 5, false)] // only a location
    public void IsCommon_Counts_DecideTheRule(int other, int location, bool common) =>
        CommonWordsBuilder.IsCommon(other, location).ShouldBe(common);

    [Fact]
    public void Build_TaggedCorpus_WritesCommonWordsWithTheirReadings()
    {
        var dir = Directory.CreateTempSubdirectory("marsad-common-").FullName;
        try
        {
            // Our own tokens: الحرية read as a word, حلب as a location, بالحرية gives the reading الحرية too.
            var corpus = Path.Combine(dir, "train.txt");
            File.WriteAllLines(corpus, ["الحرية O", "بالحرية O", "حلب B-LOC", "حلب O", "حلب B-LOC", "x y O"]);
            CommonWordsBuilder.Build(corpus, dir).Words.ShouldBe(2);
            var keys = File.ReadLines(Path.Combine(dir, "common-words.tsv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')[0]).ToList();
            keys.ShouldContain("الحريه");
            keys.ShouldContain("بالحريه");
            keys.ShouldNotContain("حلب");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
