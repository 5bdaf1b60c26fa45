using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marsad.Web.Basemap;

/// <summary>What <see cref="BasemapBuilder.Build"/> wrote.</summary>
public sealed record BasemapBuildResult(int Governorates, int Districts, int Vertices);

/// <summary>
/// Derives the offline map's governorate (admin-1) and district (admin-2) outlines of Syria from the Who's On First
/// extract (<c>whosonfirst_mena/regions.geojson</c>, <c>counties.geojson</c>): Douglas–Peucker simplification,
/// coordinates rounded, a label point per unit, features in id order — the same input always gives the same bytes.
/// Each feature keeps its geometry source (<c>src_geom</c>) and the file carries the attribution its licences ask for.
/// </summary>
public static class BasemapBuilder
{
    public const string Country = "SY";
    public const double GovernorateTolerance = 0.004;
    public const double DistrictTolerance = 0.002;
    public const int Decimals = 3;

    public const string Attribution =
        "Admin outlines from Who's On First (https://whosonfirst.org; licence: https://whosonfirst.org/docs/licenses/): " +
        "geometries from Mesoshapes (CC BY; districts: Art of the Mappable for Mapzen, CC0) and Quattroshapes (CC BY 2.0, " +
        "\"Includes data from foursquare quattroshapes\"; its source Natural Earth, public domain). Simplified by Marsad.";

    public static BasemapBuildResult Build(string wofFolder, string dataFolder)
    {
        var outDir = Path.Combine(dataFolder, "basemap");
        Directory.CreateDirectory(outDir);
        var (g, gv) = Write(Path.Combine(wofFolder, "regions.geojson"), Path.Combine(outDir, "admin1.geojson"), GovernorateTolerance, "governorate");
        var (d, dv) = Write(Path.Combine(wofFolder, "counties.geojson"), Path.Combine(outDir, "admin2.geojson"), DistrictTolerance, "district");
        UpdateCatalogue(dataFolder);
        return new BasemapBuildResult(g, d, gv + dv);
    }

    private static (int Features, int Vertices) Write(string input, string output, double tolerance, string level)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(input));
        var features = new List<(long Id, JsonObject Feature)>();
        var vertices = 0;
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            if (p.GetProperty("country").GetString() != Country)
            {
                continue;
            }

            var geom = f.GetProperty("geometry");
            var polygons = geom.GetProperty("type").GetString() switch
            {
                "Polygon" => [Rings(geom.GetProperty("coordinates"))],
                "MultiPolygon" => geom.GetProperty("coordinates").EnumerateArray().Select(Rings).ToList(),
                _ => new List<List<List<(double X, double Y)>>>(),
            };
            var simplified = polygons
                .Select(poly => poly.Select(r => SimplifyRing(r, tolerance)).Where(r => r.Count >= 4).ToList())
                .Where(poly => poly.Count > 0)
                .ToList();
            if (simplified.Count == 0)
            {
                continue;
            }

            vertices += simplified.Sum(poly => poly.Sum(r => r.Count));
            var largest = simplified.Select(poly => poly[0]).MaxBy(r => Math.Abs(Area(r)))!;
            var (lx, ly) = Centroid(largest);
            var id = p.GetProperty("wof_id").GetInt64();
            var props = new JsonObject
            {
                ["wof_id"] = id,
                ["level"] = level,
                ["name"] = p.GetProperty("name").GetString(),
                ["name_ar"] = p.TryGetProperty("name_ar", out var ar) && ar.ValueKind == JsonValueKind.String ? ar.GetString() : null,
                ["src_geom"] = p.GetProperty("src_geom").GetString(),
                ["label_lat"] = Round(ly),
                ["label_lon"] = Round(lx),
            };
            var coords = new JsonArray([.. simplified.Select(poly => (JsonNode)new JsonArray([.. poly.Select(r => (JsonNode)new JsonArray([.. r.Select(pt => (JsonNode)new JsonArray(Round(pt.X), Round(pt.Y)))]))]))]);
            features.Add((id, new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = props,
                ["geometry"] = new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = coords },
            }));
        }

        var root = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["attribution"] = Attribution,
            ["features"] = new JsonArray([.. features.OrderBy(x => x.Id).Select(x => (JsonNode)x.Feature)]),
        };
        File.WriteAllText(output, root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", new UTF8Encoding(false));
        return (features.Count, vertices);
    }

    private static List<List<(double X, double Y)>> Rings(JsonElement polygon) =>
        [.. polygon.EnumerateArray().Select(r => r.EnumerateArray().Select(pt => (pt[0].GetDouble(), pt[1].GetDouble())).ToList())];

    private static double Round(double v) => Math.Round(v, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Douglas–Peucker on a closed ring, split at the vertex farthest from the first; rounded duplicates dropped.</summary>
    internal static List<(double X, double Y)> SimplifyRing(List<(double X, double Y)> ring, double tolerance)
    {
        if (ring.Count < 4)
        {
            return ring;
        }

        var far = 0;
        var best = -1.0;
        for (var i = 1; i < ring.Count - 1; i++)
        {
            var d = Sq(ring[i].X - ring[0].X) + Sq(ring[i].Y - ring[0].Y);
            if (d > best)
            {
                best = d;
                far = i;
            }
        }

        var keep = new bool[ring.Count];
        keep[0] = keep[far] = keep[^1] = true;
        Mark(ring, 0, far, tolerance, keep);
        Mark(ring, far, ring.Count - 1, tolerance, keep);
        var result = new List<(double X, double Y)>();
        for (var i = 0; i < ring.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var pt = (Round(ring[i].X), Round(ring[i].Y));
            if (result.Count == 0 || result[^1] != pt)
            {
                result.Add(pt);
            }
        }

        return result;
    }

    private static void Mark(List<(double X, double Y)> pts, int a, int b, double tolerance, bool[] keep)
    {
        var stack = new Stack<(int, int)>();
        stack.Push((a, b));
        while (stack.Count > 0)
        {
            var (s, e) = stack.Pop();
            var max = 0.0;
            var idx = -1;
            for (var i = s + 1; i < e; i++)
            {
                var d = Distance(pts[i], pts[s], pts[e]);
                if (d > max)
                {
                    max = d;
                    idx = i;
                }
            }

            if (idx >= 0 && max > tolerance)
            {
                keep[idx] = true;
                stack.Push((s, idx));
                stack.Push((idx, e));
            }
        }
    }

    private static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var len = Sq(dx) + Sq(dy);
        if (len == 0)
        {
            return Math.Sqrt(Sq(p.X - a.X) + Sq(p.Y - a.Y));
        }

        var t = Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / len, 0, 1);
        return Math.Sqrt(Sq(p.X - (a.X + t * dx)) + Sq(p.Y - (a.Y + t * dy)));
    }

    private static double Sq(double v) => v * v;

    private static double Area(List<(double X, double Y)> r)
    {
        var s = 0.0;
        for (var i = 0; i < r.Count - 1; i++)
        {
            s += r[i].X * r[i + 1].Y - r[i + 1].X * r[i].Y;
        }

        return s / 2;
    }

    /// <summary>The area centroid of a ring (the label point); the vertex mean for a degenerate ring.</summary>
    internal static (double X, double Y) Centroid(List<(double X, double Y)> r)
    {
        var a = Area(r);
        if (Math.Abs(a) < 1e-12)
        {
            return (r.Average(p => p.X), r.Average(p => p.Y));
        }

        double cx = 0, cy = 0;
        for (var i = 0; i < r.Count - 1; i++)
        {
            var f = r[i].X * r[i + 1].Y - r[i + 1].X * r[i].Y;
            cx += (r[i].X + r[i + 1].X) * f;
            cy += (r[i].Y + r[i + 1].Y) * f;
        }

        return (cx / (6 * a), cy / (6 * a));
    }

    /// <summary>Re-hashes the two outline files in <c>data/basemap/catalogue.json</c> (adding their entries when missing).</summary>
    private static void UpdateCatalogue(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "basemap", "catalogue.json");
        var list = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsArray() : [];
        foreach (var (file, description) in new[]
        {
            ("basemap/admin1.geojson", "Outlines of Syria's 14 governorates (and the UNDOF zone) with Arabic and English names and label points, simplified (Douglas–Peucker 0.004°, 3 decimals) by `marsad data build` from whosonfirst_mena/regions.geojson."),
            ("basemap/admin2.geojson", "Outlines of Syria's districts with names and label points, simplified (Douglas–Peucker 0.002°, 3 decimals) by `marsad data build` from whosonfirst_mena/counties.geojson."),
        })
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dataFolder, file))));
            var entry = list.OfType<JsonObject>().FirstOrDefault(e => (string?)e["path"] == file);
            if (entry is null)
            {
                entry = new JsonObject { ["path"] = file, ["version"] = "1.0.0" };
                list.Add(entry);
            }
            else if ((string?)entry["sha256"] != hash)
            {
                var v = Version.Parse((string?)entry["version"] ?? "1.0.0");
                entry["version"] = string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor + 1}.0");
            }

            entry["sha256"] = hash;
            entry["description"] = description;
            entry["source"] = "Who's On First admin extract (../shared/data/whosonfirst_mena, POLYGONS.md): whosonfirst-data-admin-sy @ 2db0f03b9f9d24bd371f318759d3e56c816c333e";
            entry["license"] = file.Contains("admin2", StringComparison.Ordinal)
                ? "CC0 (Mesoshapes from Art of the Mappable for Mapzen); Who's On First CC0"
                : "CC BY (Mesoshapes); CC BY 2.0 (Quattroshapes, one feature); Who's On First CC0";
            entry["attribution"] = Attribution;
        }

        File.WriteAllText(path, list.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", new UTF8Encoding(false));
    }
}
