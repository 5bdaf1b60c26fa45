using Marsad.Analysis;
using Marsad.Annotations;

namespace Marsad.Knowledge.Actors;

/// <summary>
/// What actor resolution knows about the document: its date (the published date, else the latest date the text
/// tells) and the country it is about (<see cref="CountryCues"/>), either unknown.
/// </summary>
public readonly record struct ActorContext(DateOnly? Date, string? Country)
{
    public static ActorContext Unknown => default;

    /// <summary>The document's date: its published date, else the latest day-or-month date its text tells.</summary>
    public static DateOnly? DocumentDate(DateOnly? published, IEnumerable<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (published is not null)
        {
            return published;
        }

        DateOnly? latest = null;
        foreach (var m in mentions)
        {
            if (m.Ref is DateRef { Value: { } v, TimePrecision: <= 3 } && (latest is null || v > latest))
            {
                latest = v;
            }
        }

        return latest;
    }
}

/// <summary>
/// Words that tell which country a report is about (<c>data/actors/countries.tsv</c>: country, then names,
/// adjectives, capitals and towns). The country most often named wins; ties go to the one named first.
/// </summary>
public sealed class CountryCues
{
    private readonly PhraseIndex<string> _names;

    private CountryCues(PhraseIndex<string> names) => _names = names;

    public static CountryCues Empty { get; } = new(new PhraseIndex<string>());

    public int Count => _names.Count;

    /// <summary>Loads <c>countries.tsv</c>: country code, then its forms separated by |.</summary>
    public static CountryCues Load(string path)
    {
        var names = new PhraseIndex<string>();
        foreach (var (cells, _) in KnowledgeFiles.TabRows(path, 2))
        {
            foreach (var form in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(form, cells[0].Trim());
            }
        }

        return new CountryCues(names);
    }

    /// <summary>Counts the country cues of a text, adding <paramref name="extraVotes"/> (countries of domestic actors found).</summary>
    public string? MostNamed(WordSequence words, IEnumerable<string> extraVotes)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(extraVotes);
        var votes = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var m in _names.MatchAll(words))
        {
            foreach (var c in m.Entries.Take(1))
            {
                Vote(c);
            }
        }

        foreach (var c in extraVotes)
        {
            Vote(c);
        }

        return votes.Count == 0 ? null : votes.OrderByDescending(v => v.Value.Count).ThenBy(v => v.Value.First).First().Key;

        void Vote(string country)
        {
            var (count, first) = votes.TryGetValue(country, out var v) ? v : (0, order++);
            votes[country] = (count + 1, first);
        }
    }
}
