using Marsad.Analysis;

namespace Marsad.Knowledge.Actors;

/// <summary>An armed or political actor of the catalogue (<c>data/actors/actors.tsv</c>).</summary>
public sealed record Actor(string Id, string Name, string? NameAr, int Inter, string? Country, string? Affiliation, string Kind, IReadOnlyList<string> Aliases)
{
    public Marsad.Annotations.ActorRef ToRef() => new(Id, Name, Inter, NameAr, Country, Affiliation);
}

/// <summary>
/// The actor catalogue: <c>actors.tsv</c> (id, name, name_ar, inter, country, affiliation, kind, aliases_ar),
/// <c>spelling.tsv</c> (one canonical word and its spelling variants a line: ميليشيا / مليشيا / ميلشيا), and
/// <c>cues.tsv</c> (<see cref="CueLexicon"/>: heads, adjectives, unit words and ordinals for unlisted groups).
/// </summary>
public sealed class ActorCatalogue
{
    private readonly Dictionary<string, string> _spelling;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spellingBySpan;

    private ActorCatalogue(IReadOnlyList<Actor> actors, Dictionary<string, string> spelling, CueLexicon cues)
    {
        Actors = actors;
        _spelling = spelling;
        _spellingBySpan = spelling.GetAlternateLookup<ReadOnlySpan<char>>();
        Cues = cues;
        Names = new PhraseIndex<Actor>(Fold);
        ById = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
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
                t.GetOrNull(row, "country"), t.GetOrNull(row, "affiliation"), t.Get(row, "kind"), t.GetList(row, "aliases_ar")));
        }

        var spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        var sp = Path.Combine(dir, "spelling.tsv");
        if (File.Exists(sp))
        {
            foreach (var line in File.ReadLines(sp))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var cells = line.Split('\t');
                if (cells.Length < 2)
                {
                    continue;
                }

                var canonical = ArabicNormalizer.Normalize(cells[0]);
                foreach (var v in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    spelling[ArabicNormalizer.Normalize(v)] = canonical;
                }
            }
        }

        var cuesPath = Path.Combine(dir, "cues.tsv");
        var cues = File.Exists(cuesPath) ? CueLexicon.Load(cuesPath) : CueLexicon.Parse(new StringReader(string.Empty));
        return new ActorCatalogue(actors, spelling, cues);
    }
}
