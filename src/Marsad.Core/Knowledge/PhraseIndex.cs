namespace Marsad.Knowledge;

/// <summary>A phrase found in a word sequence: words [First, Last], the letters of proclitics stripped from the first, and the entries.</summary>
public sealed record PhraseMatch<T>(int First, int Last, int Stripped, IReadOnlyList<T> Entries);

/// <summary>
/// Names keyed by <see cref="TextKeys.Key"/> (spaces removed), matched longest-first over a
/// <see cref="WordSequence"/>, trying the proclitic readings of the first word (بالبوكمال, والميادين).
/// Immutable once built; built once per process by the knowledge loaders.
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, List<T>> _byKey = new(StringComparer.Ordinal);
    private readonly Func<string, string>? _fold;
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);

    /// <param name="fold">Optional per-word fold (spelling variants → one form), applied on both sides.</param>
    public PhraseIndex(Func<string, string>? fold = null) => _fold = fold;

    /// <summary>The most words a name spans, for the longest-first search.</summary>
    public int MaxWords { get; private set; } = 1;

    public int Count => _byKey.Count;

    public IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>Adds a name (as written) for an entry. Returns false when the name has no letters.</summary>
    public bool Add(string name, T entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Marsad.Analysis.ArabicNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var key = string.Concat(words.Select(w => TextKeys.Key(Fold(w))));
        if (key.Length == 0)
        {
            return false;
        }

        AddKey(key, entry);
        MaxWords = Math.Max(MaxWords, words.Length + 1);
        return true;
    }

    /// <summary>Adds an already computed key.</summary>
    public void AddKey(string key, T entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_byKey.TryGetValue(key, out var list))
        {
            list = [];
            _byKey[key] = list;
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }

        for (var i = 1; i <= key.Length; i++)
        {
            _prefixes.Add(key[..i]);
        }
    }

    public IReadOnlyList<T> Lookup(string key) => _byKey.TryGetValue(key, out var l) ? l : [];

    private string Fold(string word) => _fold is null ? word : _fold(word);

    /// <summary>The longest name starting at word <paramref name="first"/>, or null.</summary>
    public PhraseMatch<T>? MatchAt(WordSequence words, int first, int maxWords = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(words);
        var limit = Math.Min(Math.Min(MaxWords, maxWords), words.Count - first);
        PhraseMatch<T>? best = null;
        foreach (var (form, stripped) in words.Readings(first))
        {
            var key = Fold(form);
            for (var n = 1; n <= limit; n++)
            {
                if (n > 1)
                {
                    if (!words.Linked(first + n - 1) || IsLoneLetter(words.Norm(first + n - 1)))
                    {
                        break;
                    }

                    key += Fold(words.Norm(first + n - 1));
                }

                if (!_prefixes.Contains(key))
                {
                    break;
                }

                if (_byKey.TryGetValue(key, out var list) && (best is null || first + n - 1 > best.Last))
                {
                    best = new PhraseMatch<T>(first, first + n - 1, stripped, list);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A word of one letter standing alone (the conjunction spaced out in #عياش و #الخريطة) continues no name:
    /// keys drop the spaces, so it would otherwise glue onto the name before it (عياش و → عياشو, a village in Yemen).
    /// </summary>
    private static bool IsLoneLetter(string norm) => norm.Length == 1;

    /// <summary>All longest, non-overlapping matches left to right.</summary>
    public IEnumerable<PhraseMatch<T>> MatchAll(WordSequence words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count;)
        {
            var m = MatchAt(words, i);
            if (m is null)
            {
                i++;
                continue;
            }

            yield return m;
            i = m.Last + 1;
        }
    }
}
