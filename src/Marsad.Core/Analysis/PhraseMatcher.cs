using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Marsad.Analysis;

/// <summary>A phrase found at a token: how many tokens it covers, its value, and the proclitic length glued to its first token.</summary>
/// <paramref name="Merged"/> is true when a ل proclitic absorbed the article's alef (لل): the clitic cannot be cut off the span.
public readonly record struct PhraseMatch<T>(int TokenCount, T Value, int ProcliticLength, bool Merged = false);

/// <summary>
/// Longest-match lookup of multi-word phrases over tokens' normalized forms. Phrases are normalized and split on
/// spaces when built; optionally, each phrase's first word is also indexed with the proclitics
/// (<see cref="CliticSegmenter.ProcliticPrefixes"/>) glued to it, so "وأمس" matches "أمس" with a one-letter clitic.
/// Immutable once built; lookups cost one dictionary probe per token.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, Entry[]> _byFirst;

    private PhraseMatcher(Dictionary<string, Entry[]> byFirst) => _byFirst = byFirst;

    /// <summary>Every first-word form this matcher knows (including clitic variants).</summary>
    public IEnumerable<string> FirstForms => _byFirst.Keys;

    public static PhraseMatcher<T> Build(IEnumerable<KeyValuePair<string, T>> phrases, bool allowProclitics)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var lists = new Dictionary<string, List<Entry>>(FastStringComparer.Instance);
        foreach (var (phrase, value) in phrases)
        {
            var words = ArabicNormalizer.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var rest = words[1..];
            AddEntry(lists, words[0], new Entry(rest, value, 0, false));
            if (allowProclitics)
            {
                foreach (var p in CliticSegmenter.ProcliticPrefixes)
                {
                    var (form, merged) = CliticSegmenter.Attach(p, words[0]);
                    AddEntry(lists, form, new Entry(rest, value, merged ? 0 : p.Length, merged));
                }
            }
        }

        var byFirst = new Dictionary<string, Entry[]>(lists.Count, FastStringComparer.Instance);
        foreach (var (k, v) in lists)
        {
            // Longest phrase first; among equals, unstripped (no clitic) first, then the order given.
            byFirst[k] = [.. v.OrderByDescending(e => e.Rest.Length).ThenBy(e => e.ProcliticLength).ThenBy(e => e.Merged)];
        }

        return new PhraseMatcher<T>(byFirst);
    }

    public bool ContainsFirst(string norm) => _byFirst.ContainsKey(norm);

    /// <summary>The longest phrase starting at <paramref name="index"/>, if any.</summary>
    public bool TryMatch(ImmutableArray<Token> tokens, int index, out PhraseMatch<T> match) => TryMatch(tokens.AsSpan(), index, out match);

    /// <summary>The longest phrase starting at <paramref name="index"/>, if any.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int index, out PhraseMatch<T> match)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens is List<Token> list
            ? TryMatch(CollectionsMarshal.AsSpan(list), index, out match)
            : TryMatch(tokens.ToArray().AsSpan(), index, out match);
    }

    /// <summary>The longest phrase starting at <paramref name="index"/>, if any.</summary>
    public bool TryMatch(ReadOnlySpan<Token> tokens, int index, out PhraseMatch<T> match)
    {
        match = default;
        if ((uint)index >= (uint)tokens.Length || !_byFirst.TryGetValue(tokens[index].Norm, out var entries))
        {
            return false;
        }

        foreach (var e in entries)
        {
            if (index + e.Rest.Length >= tokens.Length)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < e.Rest.Length; k++)
            {
                if (!string.Equals(tokens[index + 1 + k].Norm, e.Rest[k], StringComparison.Ordinal))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                match = new PhraseMatch<T>(e.Rest.Length + 1, e.Value, e.ProcliticLength, e.Merged);
                return true;
            }
        }

        return false;
    }

    private static void AddEntry(Dictionary<string, List<Entry>> lists, string first, Entry entry)
    {
        if (!lists.TryGetValue(first, out var list))
        {
            list = [];
            lists[first] = list;
        }

        // The same phrase listed twice (or reached twice through clitics) keeps its first value.
        if (!list.Exists(e => e.Rest.AsSpan().SequenceEqual(entry.Rest)))
        {
            list.Add(entry);
        }
    }

    private sealed record Entry(string[] Rest, T Value, int ProcliticLength, bool Merged);
}
