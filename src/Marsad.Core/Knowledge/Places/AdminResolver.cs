using System.Globalization;

namespace Marsad.Knowledge.Places;

/// <summary>A Syrian admin unit as the admin gazetteer gives it: P-code, names, area centroid, parent P-codes.</summary>
public sealed record AdminUnit(string Pcode, string Level, string NameEn, string? NameAr, IReadOnlyList<string> NamesAr,
    double CentroidLat, double CentroidLon, string? GovernoratePcode, string? DistrictPcode, string? GeonamesId);

/// <summary>
/// Fills admin1/admin2 (English governorate and district names) for Syrian points: the governorate from
/// GeoNames' admin1 code (mapped once to P-codes), the district from the nearest subdistrict centroid
/// inside that governorate.
/// </summary>
public sealed class AdminResolver
{
    private readonly Dictionary<string, AdminUnit> _byPcode;
    private readonly Dictionary<string, string> _govByGeonamesAdmin1;

    public AdminResolver(IReadOnlyList<AdminUnit> units, IReadOnlyDictionary<string, string> governorateByGeonamesAdmin1)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = units;
        _byPcode = units.ToDictionary(u => u.Pcode, StringComparer.Ordinal);
        _govByGeonamesAdmin1 = new Dictionary<string, string>(governorateByGeonamesAdmin1, StringComparer.Ordinal);
    }

    public IReadOnlyList<AdminUnit> Units { get; }

    public IReadOnlyDictionary<string, string> GovernorateByGeonamesAdmin1 => _govByGeonamesAdmin1;

    public AdminUnit? Unit(string? pcode) => pcode is not null && _byPcode.TryGetValue(pcode, out var u) ? u : null;

    /// <summary>Governorate P-code for a GeoNames admin1 code, else the governorate of the nearest subdistrict.</summary>
    public string? Governorate(string? geonamesAdmin1, double lat, double lon)
    {
        if (geonamesAdmin1 is not null && _govByGeonamesAdmin1.TryGetValue(geonamesAdmin1, out var g))
        {
            return g;
        }

        return NearestSubdistrict(null, lat, lon)?.GovernoratePcode;
    }

    public AdminUnit? NearestSubdistrict(string? governoratePcode, double lat, double lon)
    {
        AdminUnit? best = null;
        var bestKm = double.MaxValue;
        foreach (var u in Units)
        {
            if (u.Level != "subdistrict" || (governoratePcode is not null && u.GovernoratePcode != governoratePcode))
            {
                continue;
            }

            var km = Place.Km(lat, lon, u.CentroidLat, u.CentroidLon);
            if (km < bestKm)
            {
                bestKm = km;
                best = u;
            }
        }

        return best;
    }

    /// <summary>(admin1, admin2) English names for a Syrian point.</summary>
    public (string? Admin1, string? Admin2) Resolve(string? geonamesAdmin1, double lat, double lon)
    {
        var gov = Governorate(geonamesAdmin1, lat, lon);
        var sub = NearestSubdistrict(gov, lat, lon);
        return (Unit(gov)?.NameEn, Unit(sub?.DistrictPcode)?.NameEn);
    }

    public static string F(double d) => d.ToString("0.#####", CultureInfo.InvariantCulture);
}
