namespace Marsad.Ner;

/// <summary>A sentence of tokens with gold tags (ids of <see cref="NerTags"/>), or tags all O when untagged.</summary>
public sealed record NerSentence(IReadOnlyList<string> Tokens, IReadOnlyList<int> Tags);

/// <summary>
/// Reads NER corpora: ANERcorp's single-file form ("token TAG" a line, no sentence breaks: a sentence
/// ends after a run of "." tokens, the CAMeL Lab rule) and CoNLL (blank line between sentences).
/// </summary>
public static class NerCorpus
{
    /// <summary>
    /// Parses "token TAG" / "token&lt;TAB&gt;TAG" lines. Lines with an empty token are dropped; a line
    /// holding two pairs run together (". Oword O", a known ANERcorp defect) is split back into two.
    /// Sentences break at blank lines when the text has any, else after each run of ".".
    /// </summary>
    public static IReadOnlyList<NerSentence> ParseTagged(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sentences = new List<List<(string Token, int Tag)>>();
        var current = new List<(string, int)>();
        var sawBlank = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r', '\n');
            if (line.Trim().Length == 0)
            {
                sawBlank = true;
                if (current.Count > 0)
                {
                    sentences.Add(current);
                    current = [];
                }

                continue;
            }

            foreach (var pair in SplitPairs(line))
            {
                current.Add(pair);
            }
        }

        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        if (!sawBlank)
        {
            sentences = SplitAfterPeriods([.. sentences.SelectMany(s => s)]);
        }

        return [.. sentences.Select(s => new NerSentence([.. s.Select(p => p.Token)], [.. s.Select(p => p.Tag)]))];
    }

    /// <summary>Reads a tagged corpus file (see <see cref="ParseTagged(IEnumerable{string})"/>).</summary>
    public static IReadOnlyList<NerSentence> ReadTagged(string path) => ParseTagged(File.ReadLines(path));

    private static List<List<(string, int)>> SplitAfterPeriods(List<(string Token, int Tag)> flat)
    {
        var result = new List<List<(string, int)>>();
        var cur = new List<(string, int)>();
        for (var i = 0; i < flat.Count; i++)
        {
            cur.Add(flat[i]);
            var next = i + 1 < flat.Count ? flat[i + 1].Token : null;
            if (flat[i].Token == "." && next != ".")
            {
                result.Add(cur);
                cur = [];
            }
        }

        if (cur.Count > 0)
        {
            result.Add(cur);
        }

        return result;
    }

    private static IEnumerable<(string, int)> SplitPairs(string line)
    {
        var norm = line.Replace('\t', ' ');
        var cut = norm.LastIndexOf(' ');
        if (cut <= 0)
        {
            yield break; // an empty token (" O") or no tag at all: dropped.
        }

        var token = norm[..cut].Trim();
        var tag = norm[(cut + 1)..].Trim();
        if (token.Length == 0 || !NerTags.TryParse(tag, out var id))
        {
            yield break;
        }

        // Defect: two pairs run together, "TOKEN TAGtoken" + " TAG" (". Oالإصابة O").
        var inner = token.IndexOf(' ', StringComparison.Ordinal);
        if (inner > 0)
        {
            var first = token[..inner];
            var rest = token[(inner + 1)..];
            foreach (var known in NerTags.Names)
            {
                if (rest.Length > known.Length && rest.StartsWith(known, StringComparison.Ordinal) && !char.IsAsciiLetter(rest[known.Length]))
                {
                    _ = NerTags.TryParse(known, out var firstTag);
                    yield return (first, firstTag);
                    yield return (rest[known.Length..], id);
                    yield break;
                }
            }
        }

        yield return (token, id);
    }
}
