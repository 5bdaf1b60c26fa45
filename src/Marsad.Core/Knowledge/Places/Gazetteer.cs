using System.Collections.Immutable;
using Marsad.Analysis;

namespace Marsad.Knowledge.Places;

/// <summary>
/// The places Marsad knows, with an index of their Arabic names (article optional: البوكمال / بوكمال),
/// the cue words the geocoder reads around a mention, and the names that need a cue to count.
/// Files (all under <c>data/places/</c>, each a <see cref="TsvTable"/>): <c>geonames.tsv</c> and <c>admin.tsv</c>
/// <c>wof.tsv</c> and <c>common-words.tsv</c> (built by <c>marsad data build</c>), <c>countries.tsv</c> and <c>manual.tsv</c> (edited by hand),
/// <c>cues.tsv</c> (<see cref="CueLexicon"/>), <c>ambiguous.txt</c>; plus any <c>*.tsv</c> in the user's
/// places folder written by <c>marsad gazetteer import</c>.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Place> _byId;
    private readonly Dictionary<string, Place> _byPcode;

    private Gazetteer(IReadOnlyList<Place> places, PhraseIndex<Place> names, CueLexicon cues, IReadOnlySet<string> ambiguous, IReadOnlySet<string> common)
    {
        Places = places;
        Names = names;
        Cues = cues;
        Ambiguous = ambiguous;
        Common = common;
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

    /// <summary>
    /// Normalized words of ordinary news text (common-words.tsv, counted in a tagged corpus) that are also the names
    /// of some village: without a cue word only a prominent place (<see cref="Place.IsProminent"/>) of such a name counts.
    /// </summary>
    public IReadOnlySet<string> Common { get; }

    /// <summary>Normalized given names (محمد، محمود): a small place named right after one is a family name.</summary>
    public IReadOnlySet<string> GivenNames { get; private init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The label of given names in <c>models/ner-names.tsv</c>.</summary>
    public const string GivenNameLabel = "PER_FIRST";

    public Place? ById(string id) => _byId.GetValueOrDefault(id);

    public Place? ByPcode(string pcode) => _byPcode.GetValueOrDefault(pcode);

    /// <summary>Loads the gazetteer from a data root (<c>places/</c> inside it) and optional user place folders.</summary>
    public static Gazetteer Load(string dataRoot, IEnumerable<string>? userFolders = null)
    {
        var dir = Path.Combine(dataRoot, "places");
        var places = new List<Place>();
        var names = new PhraseIndex<Place>();
        var cuesPath = Path.Combine(dir, "cues.tsv");
        var cues = File.Exists(cuesPath) ? CueLexicon.Load(cuesPath) : CueLexicon.Parse(new StringReader(string.Empty));
        var reserved = ReservedKeys(cues);
        foreach (var file in new[] { "countries.tsv", "admin.tsv", "geonames.tsv", "wof.tsv", "manual.tsv" })
        {
            var path = Path.Combine(dir, file);
            KnowledgeFiles.Require(path);
            ReadPlaces(TsvTable.Load(path), places, names, reserved);
        }

        foreach (var folder in userFolders ?? [])
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
            {
                ReadPlaces(TsvTable.Load(path), places, names, reserved);
            }
        }
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

        var common = new HashSet<string>(StringComparer.Ordinal);
        var commonPath = Path.Combine(dir, "common-words.tsv");
        if (File.Exists(commonPath))
        {
            var table = TsvTable.Load(commonPath);
            foreach (var row in table.Rows)
            {
                common.Add(table.Get(row, "key"));
            }
        }

        // Given names (the NER lexicon's PER_FIRST list): a small place named right after one is a family name.
        var given = new HashSet<string>(StringComparer.Ordinal);
        var namesPath = Path.Combine(dataRoot, "models", "ner-names.tsv");
        if (File.Exists(namesPath))
        {
            given.UnionWith(Marsad.Ner.WordListLexicon.Load("names", namesPath).Entries
                .Where(e => e.Label == GivenNameLabel).Select(e => ArabicNormalizer.Normalize(e.Phrase)));
        }

        return new Gazetteer(places, names, cues, ambiguous, common) { GivenNames = given };
    }

    /// <summary>An article-less variant shorter than this is too often a common word (الحول → حول).</summary>
    public const int MinBareLength = 4;

    /// <summary>A one-word name without the article is also indexed with it (شحيل → الشحيل) when at least this long.</summary>
    public const int MinArticleAddedLength = 3;

    /// <summary>The columns every place file has (see data/places/README.md).</summary>
    public static readonly ImmutableArray<string> Columns =
        ["id", "kind", "name", "name_ar", "lat", "lon", "country", "admin1", "admin2", "fcode", "population", "pcode", "governorates", "names_ar"];

    /// <summary>
    /// Keys no place but a country may have: the cue words themselves, with and without the article (القرية،
    /// المخيم، العاصمة are villages somewhere, but in a report they are the words). Countries add their names as
    /// they are read (a village called السودان is not what a report means).
    /// </summary>
    private static HashSet<string> ReservedKeys(CueLexicon cues)
    {
        var reserved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in cues.Categories)
        {
            foreach (var form in cues.Forms(category))
            {
                var key = TextKeys.Key(form);
                reserved.Add(key);
                reserved.Add(TextKeys.WithoutArticle(key) ?? TextKeys.WithArticle(key));
            }
        }

        return reserved;
    }

    private static void ReadPlaces(TsvTable table, List<Place> places, PhraseIndex<Place> names, HashSet<string> reserved)
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
                AddName(names, n, p, reserved);
            }
        }
    }

    /// <summary>
    /// Indexes a name and its other article form: without the article when it has one (البوكمال → بوكمال), with it
    /// when a one-word name has none (شحيل → الشحيل: gazetteers and reports disagree on the article). The variants
    /// that are common words are held back at matching time (<see cref="Common"/>).
    /// </summary>
    internal static void AddName(PhraseIndex<Place> names, string name, Place place, HashSet<string> reserved)
    {
        var key = TextKeys.Key(name);
        if (key.Length < 2 || !key.Any(ArabicLetters.IsArabicLetter))
        {
            return;
        }

        if (place.Kind == "country")
        {
            names.Add(name, place);
            reserved.Add(key);
            reserved.Add(TextKeys.WithoutArticle(key) ?? TextKeys.WithArticle(key));
            return;
        }

        if (reserved.Contains(key))
        {
            return;
        }

        names.Add(name, place);
        var bare = TextKeys.WithoutArticle(key);
        var other = bare is not null ? (bare.Length >= MinBareLength ? bare : null)
            : key.Length >= MinArticleAddedLength && !name.Trim().Contains(' ', StringComparison.Ordinal) ? TextKeys.WithArticle(key) : null;
        if (other is not null && !reserved.Contains(other))
        {
            names.AddKey(other, place);
        }
    }
}
