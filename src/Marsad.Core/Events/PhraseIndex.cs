using System.Collections.Frozen;
using Marsad.Analysis;

namespace Marsad.Events;

/// <summary>
/// Word sequences (normalized, proclitic-free) mapped to values, matched over a document's tokens where
/// each token offers its clitic-stripped candidates (<see cref="TokenKeys"/>). Immutable once built.
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly FrozenDictionary<string, Phrase[]> _byFirst;

    public PhraseIndex(IEnumerable<(string Form, T Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var (form, value) in entries)
        {
            var words = Split(form);
            if (words.Length == 0)
            {
                continue;
            }

            if (!map.TryGetValue(words[0], out var list))
            {
                map[words[0]] = list = [];
            }

            list.Add(new Phrase(words, value));
        }

        // Longest phrases first, so the first match found is the longest.
        _byFirst = map.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Words.Length).ToArray(),
            StringComparer.Ordinal);
    }

    public readonly record struct Phrase(string[] Words, T Value);

    /// <summary>A phrase form as matching words: normalized, then split on spaces.</summary>
    public static string[] Split(string form) =>
        ArabicNormalizer.Normalize(form ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The longest phrase starting at token <paramref name="i"/> (ending before <paramref name="limit"/>), or null.</summary>
    public Phrase? Longest(TokenKeys keys, int i, int limit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var k in keys[i])
        {
            if (!_byFirst.TryGetValue(k, out var phrases))
            {
                continue;
            }

            foreach (var p in phrases)
            {
                if (Matches(keys, i, limit, p.Words))
                {
                    return p;
                }
            }
        }

        return null;
    }

    /// <summary>Every phrase starting at token <paramref name="i"/>.</summary>
    public void All(TokenKeys keys, int i, int limit, List<Phrase> into)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(into);
        foreach (var k in keys[i])
        {
            if (!_byFirst.TryGetValue(k, out var phrases))
            {
                continue;
            }

            foreach (var p in phrases)
            {
                if (Matches(keys, i, limit, p.Words))
                {
                    into.Add(p);
                }
            }
        }
    }

    private static bool Matches(TokenKeys keys, int i, int limit, string[] words)
    {
        if (i + words.Length > limit)
        {
            return false;
        }

        for (var j = 1; j < words.Length; j++)
        {
            if (!keys.Has(i + j, words[j]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// For each token of a text, the forms it may be matched as: the normalized token and its proclitic-stripped
/// candidates (<see cref="CliticSegmenter"/>). Punctuation keeps its normalized form.
/// </summary>
public sealed class TokenKeys
{
    private readonly string[][] _keys;

    public TokenKeys(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _keys = new string[tokens.Count][];
        var cache = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsWord)
            {
                _keys[i] = [t.Norm];
                continue;
            }

            if (!cache.TryGetValue(t.Norm, out var k))
            {
                k = [.. CliticSegmenter.Candidates(t.Norm).Where(c => IsProcliticStrip(t.Norm, c))];
                cache[t.Norm] = k;
            }

            _keys[i] = k;
        }
    }

    public int Count => _keys.Length;

    /// <summary>
    /// Only proclitics are stripped for event matching: a pronoun-suffix strip turns nouns into verbs once
    /// ة is folded to ه (سيطرة → سيطره → سيطر) and plurals into roots (قتلى → قتل). Lexicon forms list the
    /// suffixed forms they mean.
    /// </summary>
    private static bool IsProcliticStrip(string norm, string candidate) =>
        norm.EndsWith(candidate, StringComparison.Ordinal)
        || (candidate.StartsWith("ال", StringComparison.Ordinal) && norm.EndsWith(candidate[1..], StringComparison.Ordinal));

    public string[] this[int i] => _keys[i];

    public bool Has(int i, string word)
    {
        foreach (var k in _keys[i])
        {
            if (string.Equals(k, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
