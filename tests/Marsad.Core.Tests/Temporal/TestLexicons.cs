using Marsad.Quantities;
using Marsad.Temporal;
using Marsad.Testing;

namespace Marsad.Tests.Temporal;

/// <summary>The repository's lexicons, loaded once for all tests.</summary>
internal static class TestLexicons
{
    private static readonly Lazy<DateTagger> DatesLazy = new(() => DateTagger.Load(PathOf("dates-ar.json")));

    private static readonly Lazy<QuantityTagger> QuantitiesLazy =
        new(() => QuantityTagger.Load(PathOf("numbers-ar.json"), PathOf("counted-nouns-ar.json")));

    public static DateTagger Dates => DatesLazy.Value;

    public static QuantityTagger Quantities => QuantitiesLazy.Value;

    public static string DataRoot => Path.Combine(SharedMaterial.RepositoryRoot, "data");

    public static string PathOf(string file) => Path.Combine(DataRoot, "lexicons", file);
}
