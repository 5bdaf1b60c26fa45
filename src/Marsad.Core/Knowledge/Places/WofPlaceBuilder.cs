using System.Globalization;
using System.Text;
using Marsad.Analysis;

namespace Marsad.Knowledge.Places;

/// <summary>
/// Derives <c>data/places/wof.tsv</c> from the Who's On First extract for ten Arab countries
/// (<c>whosonfirst_mena/wof_mena_places.tsv</c>): every current locality, neighbourhood and (outside Syria,
/// whose units come from the admin gazetteer) region and county with an Arabic name.
/// Rows joined to a GeoNames row already shipped in <c>geonames.tsv</c> (same GeoNames id) are not repeated:
/// their Arabic names are handed to that row instead (<see cref="Result.NamesByGeonamesId"/>). Deprecated rows
/// are dropped; a superseded row's names go to its successor. Deterministic: rows in WOF id order.
/// </summary>
public static class WofPlaceBuilder
{
    public const string Attribution =
        "Who's On First (whosonfirst.org; WOF properties CC0, see LICENSE_whosonfirst.md), including GeoNames data (geonames.org), CC BY 4.0";

    /// <summary>A locality of at least this many people is a city; of at least <see cref="TownPopulation"/> a town; else a village.</summary>
    public const long CityPopulation = 50_000;

    public const long TownPopulation = 1_000;

    /// <summary>Words that open an admin or feature name and are not part of the name itself (محافظة حلب، مدينة العاشر من رمضان).</summary>
    private static readonly HashSet<string> LeadingUnitWords = new(
        new[] { "محافظه", "منطقه", "ناحيه", "مركز", "قضاء", "مديريه", "مدينه", "قريه", "بلده", "لواء", "ولايه", "بلديه", "شعبيه" }.Select(w => ArabicNormalizer.Normalize(w)),
        StringComparer.Ordinal);

    public sealed record Result(int Rows, IReadOnlyDictionary<string, IReadOnlyList<string>> NamesByGeonamesId);

    internal sealed record WofRow(string Id, string Country, string PlaceType, string Name, List<string> NamesAr, double Lat, double Lon,
        string Region, string County, string GeonamesId, long Population, string IsCurrent, string Deprecated, string SupersededBy);

    /// <param name="wofTsv">wof_mena_places.tsv.</param>
    /// <param name="geonames">All cities500 rows (for population and feature codes of joined rows).</param>
    /// <param name="shippedGeonamesIds">GeoNames ids written to geonames.tsv: WOF rows joined to them are merged, not repeated.</param>
    /// <param name="syrianAdmin">Fills admin1/admin2 of Syrian rows with the admin gazetteer's names (as geonames.tsv does).</param>
    internal static Result Build(string wofTsv, IReadOnlyList<PlaceDataBuilder.GeoRow> geonames, IReadOnlySet<string> shippedGeonamesIds,
        AdminResolver syrianAdmin, string placesDir)
    {
        var rows = Read(wofTsv).ToList();
        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);

        // Superseded rows hand their names to their successor (followed to the end of the chain).
        foreach (var r in rows.Where(r => r.SupersededBy.Length > 0))
        {
            var next = Successor(r, byId);
            if (next is not null)
            {
                next.NamesAr.AddRange(r.NamesAr.Where(n => !next.NamesAr.Contains(n, StringComparer.Ordinal)));
            }
        }

        var gnById = new Dictionary<string, PlaceDataBuilder.GeoRow>(StringComparer.Ordinal);
        foreach (var g in geonames)
        {
            gnById.TryAdd(g.Id, g);
        }

        var merged = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine("# Who's On First places (ten Arab countries) with Arabic names. Derived by `marsad data build`.");
        sb.AppendLine("# " + Attribution);
        sb.AppendLine(string.Join('\t', Gazetteer.Columns));
        var written = 0;
        foreach (var r in rows.OrderBy(r => long.Parse(r.Id, CultureInfo.InvariantCulture)))
        {
            if (!IsMatchable(r))
            {
                continue;
            }

            var names = CleanNames(r.NamesAr);
            if (names.Count == 0)
            {
                continue;
            }

            if (r.GeonamesId.Length > 0 && shippedGeonamesIds.Contains(r.GeonamesId))
            {
                merged[r.GeonamesId] = names;
                continue;
            }

            gnById.TryGetValue(r.GeonamesId, out var gn);
            var population = gn?.Population > 0 ? gn.Population : r.Population;
            var (kind, fcode) = KindOf(r.PlaceType, population, gn?.FeatureCode);
            string admin1 = r.Region, admin2 = r.County;
            if (r.Country == "SY")
            {
                var (a1, a2) = syrianAdmin.Resolve(gn?.Admin1, r.Lat, r.Lon);
                admin1 = a1 ?? string.Empty;
                admin2 = a2 ?? string.Empty;
            }

            if (admin2 == r.Name)
            {
                // WOF's county of a county row is itself.
                admin2 = kind == "district" ? string.Empty : admin2;
            }

            sb.Append(string.Join('\t',
                "wof:" + r.Id, kind, PlaceNames.Romanized(r.Name, r.Name), PlaceNames.PrimaryArabic(names),
                AdminResolver.F(r.Lat), AdminResolver.F(r.Lon), r.Country, admin1, admin2, fcode,
                population.ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Join('|', names))).Append('\n');
            written++;
        }

        File.WriteAllText(Path.Combine(placesDir, "wof.tsv"), sb.ToString());
        return new Result(written, merged);
    }

    /// <summary>Current, not deprecated or superseded, with a point, of a type the geocoder codes.</summary>
    internal static bool IsMatchable(WofRow r) =>
        r.Deprecated.Length == 0 && r.SupersededBy.Length == 0 && r.IsCurrent != "0" && !double.IsNaN(r.Lat) && !double.IsNaN(r.Lon)
        && r.PlaceType switch
        {
            "locality" or "neighbourhood" or "localadmin" => true,
            "region" or "county" => r.Country != "SY",
            _ => false,
        };

    /// <summary>Kind and feature code of a WOF row: a locality by its population, a region as a governorate, a county as a district.</summary>
    internal static (string Kind, string FeatureCode) KindOf(string placeType, long population, string? geonamesFeatureCode) => placeType switch
    {
        "region" => ("governorate", "ADM1"),
        "county" => ("district", "ADM2"),
        "localadmin" => ("subdistrict", "ADM3"),
        "neighbourhood" => ("neighbourhood", "PPLX"),
        _ => (geonamesFeatureCode is "PPLC" or "PPLA" or "PPLA2" || population >= CityPopulation ? "city"
              : population >= TownPopulation || geonamesFeatureCode?.StartsWith("PPLA", StringComparison.Ordinal) == true ? "town" : "village",
              geonamesFeatureCode ?? "PPL"),
    };

    /// <summary>Arabic names in basic letters, leading unit words removed (محافظة X → X), duplicates dropped, order kept.</summary>
    internal static List<string> CleanNames(IEnumerable<string> names)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var n = raw.Trim();
            if (!PlaceDataBuilder.IsArabicName(n))
            {
                continue;
            }

            var words = n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 && LeadingUnitWords.Contains(ArabicNormalizer.Normalize(words[0])))
            {
                n = string.Join(' ', words.Skip(1));
            }

            var key = TextKeys.Key(n);
            if (key.Length >= 2 && seen.Add(key))
            {
                result.Add(n);
            }
        }

        return result;
    }

    private static WofRow? Successor(WofRow r, Dictionary<string, WofRow> byId)
    {
        var cur = r;
        for (var hops = 0; hops < 10 && cur.SupersededBy.Length > 0; hops++)
        {
            var next = cur.SupersededBy.Split(',', '|')[0].Trim();
            if (!byId.TryGetValue(next, out var n))
            {
                return null;
            }

            cur = n;
        }

        return cur.SupersededBy.Length == 0 && cur.Deprecated.Length == 0 ? cur : null;
    }

    internal static IEnumerable<WofRow> Read(string path)
    {
        var table = TsvTable.Load(path);
        foreach (var row in table.Rows)
        {
            var lat = double.TryParse(table.Get(row, "lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) ? la : double.NaN;
            var lon = double.TryParse(table.Get(row, "lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) ? lo : double.NaN;
            _ = long.TryParse(table.Get(row, "population"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop);
            yield return new WofRow(table.Get(row, "wof_id"), table.Get(row, "country"), table.Get(row, "placetype"), table.Get(row, "name"),
                [.. table.GetList(row, "names_ar")], lat, lon, table.Get(row, "region"), table.Get(row, "county"), table.Get(row, "geonames_id"),
                pop, table.Get(row, "is_current"), table.Get(row, "deprecated"), table.Get(row, "superseded_by"));
        }
    }
}
