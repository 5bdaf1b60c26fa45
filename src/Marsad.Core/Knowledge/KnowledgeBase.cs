using Marsad.Knowledge.Actors;
using Marsad.Knowledge.Persons;
using Marsad.Knowledge.Places;

namespace Marsad.Knowledge;

/// <summary>
/// Everything the knowledge annotators use: gazetteer, actor catalogue, person catalogue. Loaded once, by the
/// composition root (<c>PipelineFactory</c>), immutable, shared by every document and thread.
/// </summary>
public sealed class KnowledgeBase
{
    private KnowledgeBase(Gazetteer places, ActorCatalogue actors, PersonCatalogue persons)
    {
        Places = places;
        Actors = actors;
        Persons = persons;
    }

    public Gazetteer Places { get; }

    public ActorCatalogue Actors { get; }

    public PersonCatalogue Persons { get; }

    /// <summary>Loads from <paramref name="dataRoot"/> (the repository's or the program's <c>data/</c>) and user place folders.</summary>
    public static KnowledgeBase Load(string dataRoot, IEnumerable<string>? userPlaceFolders = null) =>
        new(Gazetteer.Load(dataRoot, userPlaceFolders), ActorCatalogue.Load(dataRoot), PersonCatalogue.Load(dataRoot));

    /// <summary>Loads from <paramref name="dataRoot"/> and the user's imported places (<see cref="UserPlacesFolder"/>).</summary>
    public static KnowledgeBase LoadWithUserPlaces(string dataRoot) => Load(dataRoot, [UserPlacesFolder()]);

    /// <summary>
    /// Where <c>marsad gazetteer import</c> writes and extraction reads user places: <c>$MARSAD_HOME/places</c>,
    /// else <c>$XDG_DATA_HOME/marsad/places</c>, else <c>~/.local/share/marsad/places</c>.
    /// </summary>
    public static string UserPlacesFolder()
    {
        var home = Environment.GetEnvironmentVariable("MARSAD_HOME");
        if (!string.IsNullOrEmpty(home))
        {
            return Path.Combine(home, "places");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, "marsad", "places");
    }
}
