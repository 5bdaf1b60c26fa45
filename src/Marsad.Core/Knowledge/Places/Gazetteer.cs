using System.Collections.Immutable;
using Marsad.Analysis;

namespace Marsad.Knowledge.Places;

/// <summary>
/// The places Marsad knows, with an index of their Arabic names (article optional: البوكمال / بوكمال),
/// the cue words the geocoder reads around a mention, and the names that need a cue to count.
/// Files (all under <c>data/places/</c>, each a <see cref="TsvTable"/>): <c>geonames.tsv</c> and <c>admin.tsv</c>
/// (built by <c>marsad data build</c>), <c>countries.tsv</c> and <c>manual.tsv</c> (edited by hand),
/// <c>cues.tsv</c> (<see cref="CueLexicon"/>), <c>ambiguous.txt</c>; plus any <c>*.tsv</c> in the user's
/// places folder written by <c>marsad gazetteer import</c>.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Place> _byId;
    private readonly Dictionary<string, Place> _byPcode;

    private Gazetteer(IReadOnlyList<Place> places, PhraseIndex<Place> names, CueLexicon cues, IReadOnlySet<string> ambiguous)
    {
        Places = places;
        Names = names;
        Cues = cues;
        Ambiguous = ambiguous;
        _byId = new Dictionary<string, Place>(StringComparer.Ordinal);
        _byPcode = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            _byId.TryAdd(p.Id, p);
            if (p.Pcode is not null)
            {
                _byPcode.TryAdd(p.Pcode, p);
            }
        }
    }

    public IReadOnlyList<Place> Places { get; }

    public PhraseIndex<Place> Names { get; }

    public CueLexicon Cues { get; }

    /// <summary>Normalized names that are also common words: they count only after a cue word (مدينة، بلدة ...).</summary>
    public IReadOnlySet<string> Ambiguous { get; }

    public Place? ById(string id) => _byId.GetValueOrDefault(id);

    public Place? ByPcode(string pcode) => _byPcode.GetValueOrDefault(pcode);

    /// <summary>Loads the gazetteer from a data root (<c>places/</c> inside it) and optional user place folders.</summary>
    public static Gazetteer Load(string dataRoot, IEnumerable<string>? userFolders = null)
    {
        var dir = Path.Combine(dataRoot, "places");
        var places = new List<Place>();
        var names = new PhraseIndex<Place>();
        foreach (var file in new[] { "countries.tsv", "admin.tsv", "geonames.tsv", "manual.tsv" })
        {
            var path = Path.Combine(dir, file);
            KnowledgeFiles.Require(path);
            ReadPlaces(TsvTable.Load(path), places, names);
        }

        foreach (var folder in userFolders ?? [])
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
            {
                ReadPlaces(TsvTable.Load(path), places, names);
            }
        }

        var cuesPath = Path.Combine(dir, "cues.tsv");
        var cues = File.Exists(cuesPath) ? CueLexicon.Load(cuesPath) : CueLexicon.Parse(new StringReader(string.Empty));
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        var ambPath = Path.Combine(dir, "ambiguous.txt");
        if (File.Exists(ambPath))
        {
            foreach (var line in File.ReadLines(ambPath))
            {
                var t = line.Trim();
                if (t.Length > 0 && t[0] != '#')
                {
                    ambiguous.Add(TextKeys.Key(t));
                }
            }
        }

        return new Gazetteer(places, names, cues, ambiguous);
    }

    /// <summary>Countries whose place names are also indexed without the article (بوكمال): the reporting's home ground.</summary>
    public static readonly IReadOnlySet<string> HomeCountries = new HashSet<string>(StringComparer.Ordinal) { "SY", "IQ", "LB" };

    /// <summary>An article-less variant shorter than this is too often a common word (الحول → حول).</summary>
    public const int MinBareLength = 4;

    /// <summary>A place outside <see cref="HomeCountries"/> counts without a cue only when it is this big (a capital, a metropolis).</summary>
    public const long ForeignWithoutCuePopulation = 1_000_000;

    /// <summary>The columns every place file has (see data/places/README.md).</summary>
    public static readonly ImmutableArray<string> Columns =
        ["id", "kind", "name", "name_ar", "lat", "lon", "country", "admin1", "admin2", "fcode", "population", "pcode", "governorates", "names_ar"];

    private static void ReadPlaces(TsvTable table, List<Place> places, PhraseIndex<Place> names)
    {
        foreach (var row in table.Rows)
        {
            var id = table.Get(row, "id");
            if (id.Length == 0)
            {
                continue;
            }

            var p = new Place(
                id,
                table.Get(row, "name"),
                table.GetOrNull(row, "name_ar"),
                table.GetDouble(row, "lat"),
                table.GetDouble(row, "lon"),
                table.GetOrNull(row, "country"),
                table.GetOrNull(row, "admin1"),
                table.GetOrNull(row, "admin2"),
                table.GetOrNull(row, "kind") ?? "town",
                table.Get(row, "fcode"),
                table.GetLong(row, "population"),
                table.GetOrNull(row, "pcode"),
                [.. table.GetList(row, "governorates")]);
            places.Add(p);
            var all = table.GetList(row, "names_ar").ToList();
            if (p.NameAr is not null)
            {
                all.Add(p.NameAr);
            }

            foreach (var n in all)
            {
                AddName(names, n, p);
            }
        }
    }

    /// <summary>Indexes a name and, when it starts with the article, its article-less form.</summary>
    internal static void AddName(PhraseIndex<Place> names, string name, Place place)
    {
        var key = TextKeys.Key(name);
        if (key.Length < 2 || !key.Any(ArabicLetters.IsArabicLetter))
        {
            return;
        }

        names.Add(name, place);
        var bare = TextKeys.WithoutArticle(key);
        if (bare is not null && bare.Length >= MinBareLength && place.Kind != "country" && place.Country is not null && HomeCountries.Contains(place.Country))
        {
            names.AddKey(bare, place);
        }
    }
}
