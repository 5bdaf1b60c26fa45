using System.Globalization;
using System.Text;

namespace Marsad.Knowledge.Places;

/// <summary>
/// Imports full GeoNames dumps for users who need villages: geoname-table files (SY.txt, allCountries.txt;
/// 19 tab-separated columns) and alternate-name files (alternateNamesV2.txt; Arabic names by geonameid).
/// Keeps populated places and camps, crossings and military installations that have an Arabic name, fills
/// admin1/admin2 for Syria from <c>admin.tsv</c>, and writes one place file in the gazetteer's format.
/// </summary>
public static class GeoNamesImporter
{
    public const string OutputName = "geonames-import.tsv";

    public sealed record ImportResult(int Places, int ArabicNames, string OutputFile);

    private static readonly HashSet<string> KeptSiteCodes = ["CMPRF", "PSTB", "INSM", "CMP"];

    public static ImportResult Import(IEnumerable<string> files, string adminTsv, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        var extraNames = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var geoFiles = new List<string>();
        foreach (var f in list)
        {
            if (IsAlternateNamesFile(f))
            {
                ReadAlternateNames(f, extraNames);
            }
            else
            {
                geoFiles.Add(f);
            }
        }

        var resolver = File.Exists(adminTsv) ? LoadResolver(adminTsv) : null;
        Directory.CreateDirectory(outputFolder);
        var output = Path.Combine(outputFolder, OutputName);
        var sb = new StringBuilder();
        sb.AppendLine("# Imported by `marsad gazetteer import` from GeoNames (geonames.org), CC BY 4.0.");
        sb.AppendLine(string.Join('\t', Gazetteer.Columns));
        int places = 0, names = 0;
        foreach (var f in geoFiles)
        {
            foreach (var r in PlaceDataBuilder.ReadGeonames(f))
            {
                if (!(r.FeatureClass == "P" || (r.FeatureClass == "S" && KeptSiteCodes.Contains(r.FeatureCode))))
                {
                    continue;
                }

                if (extraNames.TryGetValue(r.Id, out var more))
                {
                    r.ArabicNames.AddRange(more);
                }

                if (r.ArabicNames.Count == 0)
                {
                    continue;
                }

                string? a1 = null, a2 = null;
                if (r.Country == "SY" && resolver is not null)
                {
                    (a1, a2) = resolver.Resolve(r.Admin1, r.Lat, r.Lon);
                }

                sb.Append(PlaceDataBuilder.FormatRow(r, a1, a2)).Append('\n');
                places++;
                names += r.ArabicNames.Count;
            }
        }

        File.WriteAllText(output, sb.ToString());
        return new ImportResult(places, names, output);
    }

    private static bool IsAlternateNamesFile(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            return line.Split('\t').Length < 15;
        }

        return false;
    }

    private static void ReadAlternateNames(string path, Dictionary<string, List<string>> into)
    {
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 4 || line[0] == '#')
            {
                continue;
            }

            // Columns: alternateNameId, geonameid, isolanguage, alternate name, isPreferred, isShort, isColloquial, isHistoric, from, to.
            var isHistoric = f.Length > 7 && f[7] == "1";
            if (isHistoric || !(f[2] is "ar" or "" or "arz" or "apc") || !PlaceDataBuilder.IsArabicName(f[3]))
            {
                continue;
            }

            if (!into.TryGetValue(f[1], out var l))
            {
                l = [];
                into[f[1]] = l;
            }

            l.Add(f[3]);
        }
    }

    /// <summary>An admin resolver from the built <c>admin.tsv</c> (its centroid and GeoNames admin1 columns).</summary>
    public static AdminResolver LoadResolver(string adminTsv)
    {
        var t = TsvTable.Load(adminTsv);
        var units = new List<AdminUnit>();
        var gov = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var pcode = t.Get(row, "pcode");
            var level = t.Get(row, "kind");
            units.Add(new AdminUnit(pcode, level, t.Get(row, "name"), t.GetOrNull(row, "name_ar"), t.GetList(row, "names_ar"),
                t.GetDouble(row, "clat"), t.GetDouble(row, "clon"),
                level == "governorate" ? null : pcode[..4], level == "subdistrict" ? pcode[..6] : null, null));
            var code = t.GetOrNull(row, "gn_admin1");
            if (code is not null)
            {
                gov[code] = pcode;
            }
        }

        _ = CultureInfo.InvariantCulture;
        return new AdminResolver(units, gov);
    }
}
