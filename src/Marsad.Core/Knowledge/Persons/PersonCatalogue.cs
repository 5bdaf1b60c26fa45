namespace Marsad.Knowledge.Persons;

/// <summary>A named commander or official of the catalogue (<c>data/persons/persons.tsv</c>).</summary>
public sealed record Person(string Id, string Name, string? NameAr, string? Role, string? ActorId, IReadOnlyList<string> Aliases);

/// <summary>
/// The person catalogue: <c>persons.tsv</c> (id, name, name_ar, role, actor_id, aliases_ar) and <c>cues.tsv</c>
/// (<see cref="CueLexicon"/>: titles and ranks, titles kept inside the name, role words, words that end a name).
/// </summary>
public sealed class PersonCatalogue
{
    private PersonCatalogue(IReadOnlyList<Person> persons, CueLexicon cues)
    {
        Persons = persons;
        Cues = cues;
        Names = new PhraseIndex<Person>();
        foreach (var p in persons)
        {
            foreach (var a in p.Aliases)
            {
                Names.Add(a, p);
            }

            if (p.NameAr is not null)
            {
                Names.Add(p.NameAr, p);
            }
        }
    }

    public IReadOnlyList<Person> Persons { get; }

    public PhraseIndex<Person> Names { get; }

    public CueLexicon Cues { get; }

    public static PersonCatalogue Load(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, "persons");
        var persons = new List<Person>();
        var path = Path.Combine(dir, "persons.tsv");
        KnowledgeFiles.Require(path);
        var t = TsvTable.Load(path);
        foreach (var row in t.Rows)
        {
            var id = t.Get(row, "id");
            if (id.Length > 0)
            {
                persons.Add(new Person(id, t.Get(row, "name"), t.GetOrNull(row, "name_ar"), t.GetOrNull(row, "role"), t.GetOrNull(row, "actor_id"), t.GetList(row, "aliases_ar")));
            }
        }

        var cuesPath = Path.Combine(dir, "cues.tsv");
        var cues = File.Exists(cuesPath) ? CueLexicon.Load(cuesPath) : CueLexicon.Parse(new StringReader(string.Empty));
        return new PersonCatalogue(persons, cues);
    }
}
