using Marsad.Analysis;

namespace Marsad.Knowledge.Actors;

/// <summary>
/// An armed or political actor of the catalogue (<c>data/actors/actors.tsv</c>). <paramref name="ValidFrom"/> and
/// <paramref name="ValidTo"/> (inclusive, open when null) bound the period the actor exists as coded: ACLED codes the
/// Syrian state before and after 8 December 2024 as two actors.
/// </summary>
public sealed record Actor(
    string Id,
    string Name,
    string? NameAr,
    int Inter,
    string? Country,
    string? Affiliation,
    string Kind,
    IReadOnlyList<string> Aliases,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null)
{
    public Marsad.Annotations.ActorRef ToRef() => new(Id, Name, Inter, NameAr, Country, Affiliation);

    /// <summary>Whether the actor exists on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => (ValidFrom is not { } f || date >= f) && (ValidTo is not { } t || date <= t);

    /// <summary>Days from <paramref name="date"/> to the actor's period (0 inside it).</summary>
    public int DaysOutside(DateOnly date) =>
        ValidFrom is { } f && date < f ? f.DayNumber - date.DayNumber
        : ValidTo is { } t && date > t ? date.DayNumber - t.DayNumber
        : 0;
}

/// <summary>
/// The actor catalogue: <c>actors.tsv</c> (id, name, name_ar, inter, country, affiliation, kind, valid_from, valid_to,
/// aliases_ar), <c>spelling.tsv</c> (one canonical word and its spelling variants a line: ميليشيا / مليشيا / ميلشيا),
/// <c>cues.tsv</c> (<see cref="CueLexicon"/>: heads, adjectives, unit words and ordinals for unlisted groups),
/// <c>countries.tsv</c> (<see cref="CountryCues"/>), <c>national.tsv</c> (generic state sides per country) and
/// <c>nationality.tsv</c> (adjectives naming a state's forces after a military noun).
/// </summary>
public sealed class ActorCatalogue
{
    private readonly Dictionary<string, string> _spelling;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spellingBySpan;

    private ActorCatalogue(
        IReadOnlyList<Actor> actors,
        Dictionary<string, string> spelling,
        CueLexicon cues,
        CountryCues countries,
        IReadOnlyDictionary<(string Placeholder, string Country), IReadOnlyList<string>> national,
        IReadOnlyDictionary<string, string> nationalities)
    {
        Actors = actors;
        Countries = countries;
        _spelling = spelling;
        _spellingBySpan = spelling.GetAlternateLookup<ReadOnlySpan<char>>();
        Cues = cues;
        Names = new PhraseIndex<Actor>(Fold);
        ById = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Resolver = new ActorResolver(ById, national);
        Nationalities = nationalities.ToDictionary(p => p.Key, p => ById[p.Value], StringComparer.Ordinal);
        foreach (var a in actors)
        {
            foreach (var alias in a.Aliases)
            {
                Names.Add(alias, a);
            }

            if (a.NameAr is not null)
            {
                Names.Add(a.NameAr, a);
            }
        }
    }

    public IReadOnlyList<Actor> Actors { get; }

    public IReadOnlyDictionary<string, Actor> ById { get; }

    public PhraseIndex<Actor> Names { get; }

    public CueLexicon Cues { get; }

    /// <summary>Words that tell the country a document is about (<c>countries.tsv</c>).</summary>
    public CountryCues Countries { get; }

    /// <summary>Chooses among same-named actors by date and country; resolves national and generic sides.</summary>
    public ActorResolver Resolver { get; }

    /// <summary>Nationality adjectives (normalized) and the state forces they name after a military noun (<c>nationality.tsv</c>).</summary>
    public IReadOnlyDictionary<string, Actor> Nationalities { get; }

    /// <summary>Folds a normalized word's spelling variant to its canonical form (المليشات → الميليشيات).</summary>
    public string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_spelling.TryGetValue(word, out var c))
        {
            return c;
        }

        if (TextKeys.HasArticle(word) && _spellingBySpan.TryGetValue(word.AsSpan(2), out var c2))
        {
            return word[..2] + c2;
        }

        return word;
    }

    /// <summary>An ISO date cell (yyyy-MM-dd), or null when empty; a malformed date fails the load with the file and actor named.</summary>
    private static DateOnly? ParseDate(string path, string id, string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        return DateOnly.TryParseExact(cell.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"{path}: {id}: '{cell}' is not a yyyy-MM-dd date");
    }

    public static ActorCatalogue Load(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, "actors");
        var actors = new List<Actor>();
        var path = Path.Combine(dir, "actors.tsv");
        KnowledgeFiles.Require(path);
        var t = TsvTable.Load(path);
        foreach (var row in t.Rows)
        {
            var id = t.Get(row, "id");
            if (id.Length == 0)
            {
                continue;
            }

            actors.Add(new Actor(id, t.Get(row, "name"), t.GetOrNull(row, "name_ar"), (int)t.GetLong(row, "inter"),
                t.GetOrNull(row, "country"), t.GetOrNull(row, "affiliation"), t.Get(row, "kind"), t.GetList(row, "aliases_ar"),
                ParseDate(path, id, t.GetOrNull(row, "valid_from")),
                ParseDate(path, id, t.GetOrNull(row, "valid_to"))));
        }

        var spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cells, _) in KnowledgeFiles.TabRows(Path.Combine(dir, "spelling.tsv"), 2))
        {
            var canonical = ArabicNormalizer.Normalize(cells[0]);
            foreach (var v in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                spelling[ArabicNormalizer.Normalize(v)] = canonical;
            }
        }

        var cuesPath = Path.Combine(dir, "cues.tsv");
        var cues = File.Exists(cuesPath) ? CueLexicon.Load(cuesPath) : CueLexicon.Parse(new StringReader(string.Empty));
        var countriesPath = Path.Combine(dir, "countries.tsv");
        var countries = File.Exists(countriesPath) ? CountryCues.Load(countriesPath) : CountryCues.Empty;
        var ids = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var national = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var (cells, line) in KnowledgeFiles.TabRows(Path.Combine(dir, "national.tsv"), 3))
        {
            var list = cells[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            national[(Known(cells[0].Trim(), line), cells[1].Trim())] = [.. list.Select(id => Known(id, line))];
        }

        var nationalities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cells, line) in KnowledgeFiles.TabRows(Path.Combine(dir, "nationality.tsv"), 2))
        {
            var id = Known(cells[0].Trim(), line);
            foreach (var form in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                nationalities[ArabicNormalizer.Normalize(form)] = id;
            }
        }

        return new ActorCatalogue(actors, spelling, cues, countries, national, nationalities);

        string Known(string id, string line) =>
            ids.Contains(id) ? id : throw new FormatException($"{dir}: '{id}' is not an actor of actors.tsv (line: {line})");
    }
}
