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
