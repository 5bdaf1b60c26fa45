using System.Collections.Immutable;
using Marsad.Annotations;

namespace Marsad.Knowledge.Places;

/// <summary>
/// A gazetteer entry. <paramref name="Kind"/>: city, town, village, neighbourhood, governorate, district,
/// subdistrict, country, crossing, camp, region. A region without coordinates of its own
/// (<see cref="HasPoint"/> false) is coded to one of its <paramref name="Governorates"/> (P-codes).
/// <paramref name="Rank"/> orders candidates of one name: capitals and big towns first.
/// </summary>
public sealed record Place(
    string Id,
    string Name,
    string? NameAr,
    double Latitude,
    double Longitude,
    string? Country,
    string? Admin1,
    string? Admin2,
    string Kind,
    string FeatureCode,
    long Population,
    string? Pcode,
    ImmutableArray<string> Governorates)
{
    public bool HasPoint => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);

    public bool IsPopulated => Kind is "city" or "town" or "village";

    public bool IsAdmin => Kind is "governorate" or "district" or "subdistrict";

    /// <summary>A country, an admin unit, a capital or admin seat, or a city (<see cref="ProminentPopulation"/>+):
    /// a place a report names without a cue word even when its name is also a common word.</summary>
    public bool IsProminent => Kind is "country" or "region" || IsAdmin || FeatureCode is "PPLC" or "PPLA" or "PPLA2" || Population >= ProminentPopulation;

    /// <summary>A place abroad (outside the document's country) counts without a cue when it is a capital, a
    /// or at least this big.</summary>
    public bool IsProminentAbroad => Kind is "country" || FeatureCode is "PPLC" || Population >= ProminentAbroadPopulation;

    /// <summary>A country, a capital, a governorate seat or a city of <see cref="ProminentPopulation"/>+: what a report
    /// means by a name that is also an ordinary word (العمارة the city, not "the building").</summary>
    /// Admin units are not: a report names them after their cue word (محافظة الشرقية), and alone such a word is the word.
    public bool IsMajor => Kind is "country" || (!IsAdmin && Kind != "region" && (FeatureCode is "PPLC" or "PPLA" || Population >= ProminentPopulation));

    public const long ProminentPopulation = 50_000;

    /// <summary>A village, small town or quarter: of a hundred thousand such names many are ordinary words, so one
    /// counts without a cue word only where the text supports it.</summary>
    public bool IsSmall => Kind is "village" or "town" or "neighbourhood" && !IsProminent;

    public const long ProminentAbroadPopulation = 300_000;

    /// <summary>Prominence: feature rank, then population (log scale).</summary>
    public double Rank => FeatureCode switch
    {
        "PPLC" => 6,
        "PPLA" => 5,
        "PPLA2" => 4,
        "PPLA3" => 3,
        "PPLA4" => 2.5,
        _ => 2,
    } + (Population > 0 ? Math.Log10(Population) / 2 : 0);

    public PlaceRef ToRef(int geoPrecision = 1) =>
        new(Id, Name, NameAr, Latitude, Longitude, Country, Admin1, Admin2, null, Kind, geoPrecision, Pcode);

    /// <summary>Great-circle distance in km.</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371.0;
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * r * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    public double KmTo(Place other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Km(Latitude, Longitude, other.Latitude, other.Longitude);
    }
}
