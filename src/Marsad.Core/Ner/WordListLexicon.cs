using Marsad.Analysis;

namespace Marsad.Ner;

/// <summary>One lexicon entry: a class label and a phrase (one or more space-separated words).</summary>
public sealed record LexiconEntry(string Label, string Phrase);

/// <summary>
/// A lexicon of labelled phrases matched over normalized tokens, longest phrase first. A token matches a
/// phrase word when any of its clitic-stripped candidates (و ف ب ل ك ال) equals the word (itself stripped
/// of the article). The first token of a match gets "B-LABEL", the others "I-LABEL". The entries travel
/// inside the model file, so tagging sees exactly the lexicon the model was trained with.
/// </summary>
public sealed class WordListLexicon : INerLexicon
{
    private readonly Dictionary<string, List<(string[] Words, string Label)>> _byFirst = new(StringComparer.Ordinal);
    private readonly int _maxWords;

    public WordListLexicon(string name, IEnumerable<LexiconEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        var list = new List<LexiconEntry>();
        foreach (var e in entries)
        {
            var words = e.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(KeyOf).ToArray();
            if (words.Length == 0 || words.Any(w => w.Length == 0))
            {
                continue;
            }

            list.Add(e);
            if (!_byFirst.TryGetValue(words[0], out var bucket))
            {
                bucket = [];
                _byFirst[words[0]] = bucket;
            }

            bucket.Add((words, e.Label));
            _maxWords = Math.Max(_maxWords, words.Length);
        }

        foreach (var bucket in _byFirst.Values)
        {
            bucket.Sort(static (a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        Entries = list;
    }

    public string Name { get; }

    /// <summary>The entries as given (for saving into a model).</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>
    /// Reads "LABEL&lt;TAB&gt;phrase" lines; '#' starts a comment line; blank lines skipped.
    /// </summary>
    public static WordListLexicon Load(string name, string path)
    {
        var entries = new List<LexiconEntry>();
        foreach (var line in File.ReadLines(path))
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            var tab = t.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"{path}: expected LABEL<TAB>phrase, got '{t}'");
            }

            entries.Add(new LexiconEntry(t[..tab].Trim(), t[(tab + 1)..].Trim()));
        }

        return new WordListLexicon(name, entries);
    }

    /// <summary>Marks over normalized tokens (computes their candidates).</summary>
    public IEnumerable<LexiconMark> Mark(IReadOnlyList<string> norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        return Mark([.. norms.Select(CliticSegmenter.Candidates)]);
    }

    public IEnumerable<LexiconMark> Mark(IReadOnlyList<IReadOnlyList<string>> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var marks = new List<LexiconMark>();
        if (_byFirst.Count == 0)
        {
            return marks;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var c in candidates[i])
            {
                if (!_byFirst.TryGetValue(StripArticle(c), out var bucket))
                {
                    continue;
                }

                foreach (var (words, label) in bucket)
                {
                    if (i + words.Length > candidates.Count || !MatchesRest(candidates, i, words))
                    {
                        continue;
                    }

                    marks.Add(new LexiconMark(i, "B-" + label));
                    for (var k = 1; k < words.Length; k++)
                    {
                        marks.Add(new LexiconMark(i + k, "I-" + label));
                    }

                    break;
                }
            }
        }

        return marks;
    }

    private static bool MatchesRest(IReadOnlyList<IReadOnlyList<string>> candidates, int start, string[] words)
    {
        for (var k = 1; k < words.Length; k++)
        {
            var ok = false;
            foreach (var c in candidates[start + k])
            {
                if (string.Equals(StripArticle(c), words[k], StringComparison.Ordinal))
                {
                    ok = true;
                    break;
                }
            }

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string KeyOf(string word) => StripArticle(ArabicNormalizer.Normalize(word));

    private static string StripArticle(string w) =>
        w.Length > 3 && w[0] == ArabicLetters.Alef && w[1] == ArabicLetters.Lam ? w[2..] : w;
}
