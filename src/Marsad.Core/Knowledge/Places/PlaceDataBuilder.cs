using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Data;

namespace Marsad.Knowledge.Places;

/// <summary>
/// Builds <c>data/places/geonames.tsv</c> and <c>data/places/admin.tsv</c> from GeoNames cities500 (MENA
/// extract) and the OpenSyria admin gazetteer, and re-writes the area's <c>catalogue.json</c>.
/// Selection: every row of Syria, Iraq and Lebanon; elsewhere capitals, admin seats and towns of 100,000+;
/// only rows with an Arabic-script name. Deterministic: the same sources give the same bytes.
/// </summary>
public static class PlaceDataBuilder
{
    public const string Attribution =
        "GeoNames (geonames.org), CC BY 4.0; OpenSyria data-geography (github.com/Open-Syria/data-geography: geoBoundaries, OCHA COD-AB via HDX, GeoNames, Wikidata), CC BY 4.0";

    private static readonly HashSet<string> AllRowsCountries = ["SY", "IQ", "LB"];

    public sealed record BuildResult(int GeonamesRows, int AdminRows, int WofRows = 0, int CommonWords = 0);

    /// <param name="wofTsv">Who's On First extract (<c>wof_mena_places.tsv</c>), or null to leave <c>wof.tsv</c> as it is.</param>
    /// <param name="anercorpTrain">ANERcorp training part, or null to leave <c>common-words.tsv</c> as it is.</param>
    public static BuildResult Build(string geonamesTsv, string adminFolder, string dataRoot, string? wofTsv = null, string? anercorpTrain = null)
    {
        var units = ReadAdmin(adminFolder);
        var rows = ReadGeonames(geonamesTsv).ToList();
        var govByCode = MapGovernorates(units, rows);
        var resolver = new AdminResolver(units, govByCode);
        var placesDir = Path.Combine(dataRoot, "places");
        Directory.CreateDirectory(placesDir);

        // Representative points: a unit's seat (the same-named town inside it) when there is one, else its centroid.
        var sb = new StringBuilder();
        sb.AppendLine("# Syrian governorates, districts, subdistricts. Derived by `marsad data build` from the OpenSyria admin gazetteer.");
        sb.AppendLine("# " + Attribution);
        sb.AppendLine(string.Join('\t', Gazetteer.Columns) + "\tgn_admin1\tclat\tclon");
        var adminRows = 0;
        var seatNames = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            var gov = u.Level == "governorate" ? u.Pcode : u.GovernoratePcode;
            var seat = FindSeat(u, rows, resolver);
            if (seat is not null && (!seatNames.TryGetValue(seat.Id, out var named) || SeatNamePriority(u) < SeatNamePriority(named)))
            {
                seatNames[seat.Id] = u;
            }

            var lat = seat?.Lat ?? u.CentroidLat;
            var lon = seat?.Lon ?? u.CentroidLon;
            var admin1 = resolver.Unit(gov)?.NameEn;
            var admin2 = u.Level switch
            {
                "district" => u.NameEn,
                "subdistrict" => resolver.Unit(u.DistrictPcode)?.NameEn,
                _ => null,
            };
            var gnCode = u.Level == "governorate" ? govByCode.FirstOrDefault(kv => kv.Value == u.Pcode).Key : null;
            var names = u.NamesAr.Where(n => !StartsWithUnitWord(n)).Distinct(StringComparer.Ordinal).ToList();
            sb.Append("pcode:").Append(u.Pcode).Append('\t').Append(u.Level).Append('\t').Append(u.NameEn).Append('\t').Append(u.NameAr)
              .Append('\t').Append(AdminResolver.F(lat)).Append('\t').Append(AdminResolver.F(lon)).Append("\tSY\t").Append(admin1)
              .Append('\t').Append(admin2).Append("\tADM").Append(u.Level switch { "governorate" => "1", "district" => "2", _ => "3" })
              .Append("\t0\t").Append(u.Pcode).Append("\t\t").Append(string.Join('|', names))
              .Append('\t').Append(gnCode).Append('\t').Append(AdminResolver.F(u.CentroidLat)).Append('\t').Append(AdminResolver.F(u.CentroidLon))
              .Append('\n');
            adminRows++;
        }

        File.WriteAllText(Path.Combine(placesDir, "admin.tsv"), sb.ToString());

        var shipped = rows.Where(IsShipped).ToList();
        var wof = wofTsv is null ? null
            : WofPlaceBuilder.Build(wofTsv, rows, shipped.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), resolver, placesDir);
        var common = anercorpTrain is null ? null : CommonWordsBuilder.Build(anercorpTrain, placesDir);

        var gsb = new StringBuilder();
        gsb.AppendLine("# GeoNames cities500 rows (MENA) with Arabic names. Derived by `marsad data build`.");
        gsb.AppendLine("# " + Attribution);
        gsb.AppendLine(string.Join('\t', Gazetteer.Columns));
        var gnRows = 0;
        foreach (var shippedRow in shipped)
        {
            var r = shippedRow;
            if (wof is not null && wof.NamesByGeonamesId.TryGetValue(r.Id, out var wofNames))
            {
                // Who's On First's Arabic names of the same place (joined by GeoNames id) are more names to match.
                r = r with { ArabicNames = [.. r.ArabicNames, .. wofNames.Where(n => !r.ArabicNames.Contains(n, StringComparer.Ordinal))] };
            }

            string? a1 = null, a2 = null;
            if (r.Country == "SY")
            {
                (a1, a2) = resolver.Resolve(r.Admin1, r.Lat, r.Lon);
            }

            gsb.Append(FormatRow(r, a1, a2, seatNames.GetValueOrDefault(r.Id))).Append('\n');
            gnRows++;
        }

        File.WriteAllText(Path.Combine(placesDir, "geonames.tsv"), gsb.ToString());
        WriteCatalogue(dataRoot);
        return new BuildResult(gnRows, adminRows, wof?.Rows ?? 0, common?.Words ?? 0);
    }

    /// <summary>The GeoNames rows geonames.tsv keeps: those with an Arabic name; outside Syria, Iraq and Lebanon only
    /// capitals, admin seats and towns of 100,000+ (Who's On First gives the rest).</summary>
    private static bool IsShipped(GeoRow r) =>
        r.ArabicNames.Count > 0 && (AllRowsCountries.Contains(r.Country) || r.Population >= 100_000 || r.FeatureCode is "PPLC" or "PPLA");

    /// <summary>The places area's catalogue: derived files and the hand-edited ones, re-hashed.</summary>
    public static void WriteCatalogue(string dataRoot)
    {
        const string cc = "CC BY 4.0";
        var entries = new List<DataFileEntry>
        {
            new("places/geonames.tsv", "1.0.0", "", "GeoNames cities500 (MENA) rows with Arabic names: Syria, Iraq, Lebanon in full; elsewhere capitals, admin seats and towns of 100,000+. admin1/admin2 from the admin gazetteer.", "GeoNames cities500 via ../shared/data/geonames (marsad data build)", cc, "GeoNames (geonames.org), CC BY 4.0"),
            new("places/admin.tsv", "1.0.0", "", "Syrian governorates, districts, subdistricts with Arabic names and P-codes; point = seat town when found, else area centroid.", "OpenSyria data-geography via ../shared/data/syria_admin_gazetteer (marsad data build)", cc, "OpenSyria data-geography (geoBoundaries, OCHA COD-AB via HDX, GeoNames, Wikidata), CC BY 4.0"),
            new("places/wof.tsv", "1.0.0", "", "Who's On First localities, neighbourhoods and (outside Syria) regions and counties of ten Arab countries with Arabic names, not already in geonames.tsv; deprecated rows dropped, superseded rows' names given to their successor.", "Who's On First via ../shared/data/whosonfirst_mena (marsad data build)", "CC0 (WOF) / CC BY 4.0 (GeoNames fields)", WofPlaceBuilder.Attribution),
            new("places/common-words.tsv", "1.0.0", "", "Words of ordinary news text that are also place names (counted in the ANERcorp training part): places only after a cue word.", "ANERcorp train via ../shared/data/anercorp (marsad data build)", "CC BY-SA 4.0", CommonWordsBuilder.Attribution),
            new("places/countries.tsv", "1.0.0", "", "Countries named in Middle East conflict reporting, with Arabic names (hand-edited).", "Marsad", "CC BY 4.0", "Marsad contributors"),
            new("places/manual.tsv", "1.0.0", "", "Hand-added places: regions, border crossings, camps (hand-edited).", "Marsad", "CC BY 4.0", "Marsad contributors"),
            new("places/cues.tsv", "1.0.0", "", "Cue words the geocoder reads around place mentions (feature words, directions, prepositions).", "Marsad", "CC BY 4.0", "Marsad contributors"),
            new("places/ambiguous.txt", "1.0.0", "", "Place names that are also common words: they count only after a cue word.", "Marsad", "CC BY 4.0", "Marsad contributors"),
        };
        var existing = entries.Where(e => File.Exists(Path.Combine(dataRoot, e.Path))).ToList();
        var old = ReadVersions(Path.Combine(dataRoot, "places", "catalogue.json"));
        existing = [.. existing.Select(e => old.TryGetValue(e.Path, out var v) ? e with { Version = v } : e)];
        DataCatalogue.WriteAreaCatalogue(dataRoot, "places", existing);
    }

    private static Dictionary<string, string> ReadVersions(string catalogue)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(catalogue))
        {
            return map;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(catalogue));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            map[e.GetProperty("path").GetString()!] = e.GetProperty("version").GetString()!;
        }

        return map;
    }

    internal static bool StartsWithUnitWord(string name)
    {
        var first = ArabicNormalizer.Normalize(name).Split(' ')[0];
        return first is "محافظه" or "منطقه" or "ناحيه" or "مركز" or "قضاء";
    }

    /// <param name="AsciiName">GeoNames' <c>asciiname</c>: <paramref name="Name"/> without diacritics.</param>
    internal sealed record GeoRow(string Id, string Name, double Lat, double Lon, string FeatureClass, string FeatureCode,
        string Country, string? Admin1, long Population, List<string> ArabicNames, string AsciiName = "");

    /// <summary>
    /// Which admin unit names a town that is the seat of several (Abu Kamal is the seat of a district and a
    /// subdistrict): the district first, as OCHA and ACLED name towns, then the governorate, then the subdistrict.
    /// </summary>
    private static int SeatNamePriority(AdminUnit u) => u.Level switch { "district" => 0, "governorate" => 1, _ => 2 };

    /// <param name="seatOf">The admin unit this town is the seat of, if any: its OCHA English and Arabic names
    /// become the town's display names (GeoNames' own are kept as aliases).</param>
    internal static string FormatRow(GeoRow r, string? admin1, string? admin2, AdminUnit? seatOf = null)
    {
        var kind = r.FeatureClass != "P" ? KindOf(r.FeatureCode)
            : r.FeatureCode is "PPLC" or "PPLA" or "PPLA2" || r.Population >= 50_000 ? "city"
            : r.Population >= 1000 || r.FeatureCode.StartsWith("PPLA", StringComparison.Ordinal) ? "town" : "village";
        var names = r.ArabicNames.Distinct(StringComparer.Ordinal).ToList();
        var seatArabic = seatOf?.NameAr is { } ar && !StartsWithUnitWord(ar) ? ar : null;
        if (seatArabic is not null && !names.Contains(seatArabic, StringComparer.Ordinal))
        {
            names.Add(seatArabic);
        }

        return string.Join('\t',
            "geonames:" + r.Id, kind, seatOf?.NameEn ?? PlaceNames.Romanized(r.Name, r.AsciiName), seatArabic ?? PlaceNames.PrimaryArabic(names),
            AdminResolver.F(r.Lat), AdminResolver.F(r.Lon), r.Country,
            admin1 ?? string.Empty, admin2 ?? string.Empty, r.FeatureCode, r.Population.ToString(CultureInfo.InvariantCulture),
            string.Empty, string.Empty, string.Join('|', names));
    }

    private static string KindOf(string fcode) => fcode switch
    {
        "CMPRF" or "CMP" => "camp",
        "PSTB" => "crossing",
        "INSM" => "camp",
        "PPLX" => "neighbourhood",
        _ => "place",
    };

    internal static IEnumerable<GeoRow> ReadGeonames(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 15 || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                continue;
            }

            _ = long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop);
            var arabic = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsArabicName).ToList();
            yield return new GeoRow(f[0], f[1], lat, lon, f[6], f[7], f[8], f[10].Length == 0 ? null : f[10], pop, arabic, f[2]);
        }
    }

    internal static bool IsArabicName(string s) => s.Length > 1 && s.All(c => ArabicLetters.IsArabicLetter(c) || ArabicLetters.IsIgnorableMark(c) || c is ' ' or '-' or '\'');

    internal static List<AdminUnit> ReadAdmin(string folder)
    {
        var units = new List<AdminUnit>();
        foreach (var (file, level) in new[] { ("governorates.json", "governorate"), ("districts.json", "district"), ("subdistricts.json", "subdistrict") })
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
            var byId = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var ext = e.GetProperty("externalIds");
                var pcode = ext.TryGetProperty("ochaPcode", out var pc) ? pc.GetString() : null;
                if (pcode is null)
                {
                    continue;
                }

                var name = e.GetProperty("name");
                var nameAr = name.TryGetProperty("ar", out var ar) ? ar.GetString() : null;
                var names = new List<string>();
                if (nameAr is not null)
                {
                    names.Add(nameAr);
                }

                if (e.TryGetProperty("aliases", out var aliases))
                {
                    names.AddRange(aliases.EnumerateArray().Where(a => a.GetProperty("language").GetString() == "ar").Select(a => a.GetProperty("value").GetString()!));
                }

                double clat = double.NaN, clon = double.NaN;
                if (e.TryGetProperty("centroid", out var c) && c.ValueKind == JsonValueKind.Object)
                {
                    clat = c.GetProperty("latitude").GetDouble();
                    clon = c.GetProperty("longitude").GetDouble();
                }

                var gov = level == "governorate" ? null : PcodeOf(e, "governorateId", pcode, 4);
                var dis = level == "subdistrict" ? pcode[..6] : null;
                var gn = ext.TryGetProperty("geonames", out var g) ? g.GetString() : null;
                units.Add(new AdminUnit(pcode, level, name.GetProperty("en").GetString()!, nameAr, names, clat, clon, gov, dis, gn));
            }
        }

        return units;
    }

    private static string PcodeOf(JsonElement e, string prop, string pcode, int length)
    {
        _ = e;
        _ = prop;
        return pcode[..length];
    }

    /// <summary>GeoNames admin1 code → governorate P-code: via each governorate's seat town, then nearest centroid.</summary>
    internal static Dictionary<string, string> MapGovernorates(List<AdminUnit> units, List<GeoRow> rows)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var sy = rows.Where(r => r.Country == "SY" && r.Admin1 is not null).ToList();
        var govs = units.Where(u => u.Level == "governorate").ToList();
        foreach (var g in govs)
        {
            var keys = g.NamesAr.Select(TextKeys.Key).ToHashSet(StringComparer.Ordinal);
            var seat = sy.Where(r => r.FeatureCode is "PPLA" or "PPLC" && r.ArabicNames.Any(n => keys.Contains(TextKeys.Key(n))))
                .OrderByDescending(r => r.Population).FirstOrDefault();
            if (seat is not null && !map.ContainsKey(seat.Admin1!))
            {
                map[seat.Admin1!] = g.Pcode;
            }
        }

        foreach (var code in sy.Select(r => r.Admin1!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (map.ContainsKey(code))
            {
                continue;
            }

            var cities = sy.Where(r => r.Admin1 == code).ToList();
            var lat = cities.Average(r => r.Lat);
            var lon = cities.Average(r => r.Lon);
            var best = govs.Where(g => !map.ContainsValue(g.Pcode)).OrderBy(g => Place.Km(lat, lon, g.CentroidLat, g.CentroidLon)).FirstOrDefault();
            if (best is not null)
            {
                map[code] = best.Pcode;
            }
        }

        return map;
    }

    private static GeoRow? FindSeat(AdminUnit u, List<GeoRow> rows, AdminResolver resolver)
    {
        var keys = u.NamesAr.Where(n => !StartsWithUnitWord(n)).Select(TextKeys.Key).ToHashSet(StringComparer.Ordinal);
        var gov = u.Level == "governorate" ? u.Pcode : u.GovernoratePcode;
        var seat = rows.Where(r => r.Country == "SY" && r.FeatureClass == "P" && r.ArabicNames.Any(n => keys.Contains(TextKeys.Key(n)))
                && resolver.Governorate(r.Admin1, r.Lat, r.Lon) == gov)
            .OrderByDescending(r => r.Population).FirstOrDefault();
        if (seat is null && u.Level == "governorate")
        {
            // A governorate without a same-named town (Rif Dimashq): its admin seat, if GeoNames marks one.
            seat = rows.Where(r => r.Country == "SY" && r.FeatureCode == "PPLA" && resolver.Governorate(r.Admin1, r.Lat, r.Lon) == gov).FirstOrDefault();
        }

        return seat;
    }
}
