using Marsad.Knowledge;
using Marsad.Knowledge.Actors;
using Marsad.Knowledge.Places;

namespace Marsad.Web.Features.Catalogues;

/// <summary>One actor of the catalogue as the UI sees it (Arabic name for Arabic mode, ACLED inter code for colour).</summary>
internal sealed record CatalogueActorDto(string Id, string Name, string? NameAr, int Inter, string? Country, string? Affiliation);

/// <summary>One gazetteer place offered by the place picker.</summary>
internal sealed record CataloguePlaceDto(string Id, string Name, string? NameAr, string Kind, string? Country, string? Admin1, string? Admin2, double Lat, double Lon, int GeoPrecision);

/// <summary>
/// The actor catalogue and the gazetteer, for Arabic actor names and the review pickers. Loaded by the host
/// (<c>marsad serve</c> from <c>data/</c>, tests from their fixtures) and injected; empty when none was given.
/// </summary>
public sealed class WebCatalogues
{
    private readonly IReadOnlyList<(string Key, CataloguePlaceDto Place, long Population)> _placeKeys;
    private readonly HashSet<string> _actorIds;

    public WebCatalogues(IReadOnlyList<Actor> actors, IReadOnlyList<Place> places)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(places);
        _actorIds = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        ActorList = [.. actors.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new CatalogueActorDto(a.Id, a.Name, a.NameAr, a.Inter, a.Country, a.Affiliation))];
        _placeKeys = [.. places.Where(p => p.HasPoint)
            .Select(p => (Key: SearchKey(p.Name + " " + p.NameAr), Place: new CataloguePlaceDto(p.Id, p.Name, p.NameAr, p.Kind, p.Country, p.Admin1, p.Admin2, p.Latitude, p.Longitude, GeoPrecision(p)), p.Population))];
    }

    public static WebCatalogues Empty { get; } = new([], []);

    public static WebCatalogues From(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return new WebCatalogues(knowledge.Actors.Actors, knowledge.Places.Places);
    }

    internal IReadOnlyList<CatalogueActorDto> ActorList { get; }

    internal bool HasActor(string id) => _actorIds.Contains(id);

    /// <summary>
    /// Places whose English or Arabic name contains every word of <paramref name="query"/> (case-, hamza- and
    /// taa-marbuta-insensitive); names that start with the query first, then by population.
    /// </summary>
    internal IReadOnlyList<CataloguePlaceDto> FindPlaces(string query, int limit)
    {
        var words = SearchKey(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        return [.. _placeKeys
            .Where(p => words.All(w => p.Key.Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(p => p.Key.StartsWith(words[0], StringComparison.Ordinal) || p.Key.Contains(" " + words[0], StringComparison.Ordinal))
            .ThenByDescending(p => p.Population)
            .ThenBy(p => p.Place.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => p.Place)];
    }

    /// <summary>ACLED geo-precision of a catalogue place: 1 a populated place or a point, 2 a district, 3 a governorate.</summary>
    internal static int GeoPrecision(Place p) => p.Kind switch
    {
        "governorate" => 3,
        "district" or "subdistrict" => 2,
        _ => 1,
    };

    /// <summary>Lower case; Arabic alef forms to bare alef, taa marbuta to haa, alef maqsura to yaa; harakat and tatweel dropped.</summary>
    internal static string SearchKey(string text)
    {
        var b = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            switch (ch)
            {
                case '\u0623' or '\u0625' or '\u0622' or '\u0671':
                    b.Append('\u0627');
                    break;
                case '\u0629':
                    b.Append('\u0647');
                    break;
                case '\u0649':
                    b.Append('\u064A');
                    break;
                case >= '\u064B' and <= '\u0652' or '\u0640':
                    break;
                default:
                    b.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
                    break;
            }
        }

        return b.ToString();
    }
}
