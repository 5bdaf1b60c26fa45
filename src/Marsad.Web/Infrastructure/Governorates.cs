using System.Text.Json;

namespace Marsad.Web.Infrastructure;

/// <summary>The Syrian governorates of the offline basemap (names for the governorate filter).</summary>
internal sealed record Governorate(string Name, string? NameAr)
{
    private static IReadOnlyList<Governorate>? _cache;

    public static IReadOnlyList<Governorate> Load(EmbeddedAssets assets)
    {
        if (_cache is { } c)
        {
            return c;
        }

        using var doc = JsonDocument.Parse(assets.ReadText("basemap/syria-governorates.geojson"));
        var list = new List<Governorate>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            list.Add(new Governorate(p.GetProperty("name").GetString()!, p.GetProperty("name_ar").GetString()));
        }

        return _cache = list;
    }
}

internal static class Governorates
{
    public static IReadOnlyList<Governorate> Load(EmbeddedAssets assets) => Governorate.Load(assets);
}
