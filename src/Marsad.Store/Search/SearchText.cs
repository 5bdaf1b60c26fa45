using System.Collections.Immutable;
using System.Text;
using Marsad.Analysis;
using Marsad.Documents;

namespace Marsad.Store.Search;

/// <summary>
/// The form text is indexed and queried in: each word matching-normalized (hamza forms, tatweel,
/// diacritics, alef maksura, teh marbuta folded) and stripped of proclitics and the article, so
/// "وبالقصف" and "القصف" and "قصف" all become the same term. Applied to index and query alike, in C#,
/// because neither SQLite FTS5 nor PostgreSQL does this for Arabic.
/// </summary>
public static class SearchText
{
    /// <summary>The matching term of one token's normalized form, or null for punctuation.</summary>
    public static string? Term(Token token)
    {
        if (token.Kind == TokenKind.Punctuation)
        {
            return null;
        }

        return Stem(token.Norm);
    }

    /// <summary>The matching term of a normalized word: its most stripped clitic candidate, lowered.</summary>
    public static string Stem(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        var candidates = CliticSegmenter.Candidates(norm);
        return candidates[^1].ToLowerInvariant();
    }

    /// <summary>Every term of a text, with the original span of the word it came from.</summary>
    public static IEnumerable<(string Term, TextSpan Span)> Terms(string text)
    {
        foreach (var t in Tokenizer.Tokenize(text))
        {
            if (Term(t) is { Length: > 0 } term && IsIndexable(term))
            {
                yield return (term, new TextSpan(t.Start, t.End));
            }
        }
    }

    /// <summary>The terms of already tokenized text (the analysis chain's tokens), in order.</summary>
    public static IEnumerable<string> Terms(IEnumerable<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var t in tokens)
        {
            if (Term(t) is { Length: > 0 } term && IsIndexable(term))
            {
                yield return term;
            }
        }
    }

    /// <summary>The text the full-text index stores for a document: its terms separated by spaces.</summary>
    public static string IndexForm(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var (term, _) in Terms(text))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(term);
        }

        return sb.ToString();
    }

    /// <summary>The distinct terms of a query, in order.</summary>
    public static ImmutableArray<string> QueryTerms(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var (term, _) in Terms(query))
        {
            if (seen.Add(term))
            {
                list.Add(term);
            }
        }

        return list.ToImmutable();
    }

    /// <summary>An FTS5 MATCH expression: every term required, each quoted (no operator injection).</summary>
    public static string Fts5Match(IEnumerable<string> terms) =>
        string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Only letters and digits reach the index (the tokenizer already split punctuation off).</summary>
    private static bool IsIndexable(string term)
    {
        foreach (var c in term)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// What the full-text index holds for one document: the index forms (<see cref="SearchText.IndexForm"/>) of its title
/// (empty when it has none) and of its text, so a word found only in a feed item's or page's title is found too.
/// </summary>
internal readonly record struct FullTextForms(string Title, string Body)
{
    /// <param name="title">The document's title (<c>source.title</c>), or null.</param>
    /// <param name="textTerms">The search terms of its text, in order.</param>
    public static FullTextForms Of(string? title, IEnumerable<string> textTerms) =>
        new(title is null ? string.Empty : SearchText.IndexForm(title), string.Join(' ', textTerms));
}

/// <summary>Builds highlighted snippets over the ORIGINAL text from query terms.</summary>
public static class Snippets
{
    /// <summary>
    /// Up to <paramref name="maxSnippets"/> passages of about <paramref name="width"/> chars around the densest
    /// matches; highlights are the original spans of the matching words.
    /// </summary>
    public static IReadOnlyList<Snippet> Build(string text, IReadOnlyCollection<string> queryTerms, int width = 160, int maxSnippets = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(queryTerms);
        var wanted = new HashSet<string>(queryTerms, StringComparer.Ordinal);
        var hits = SearchText.Terms(text).Where(t => wanted.Contains(t.Term)).Select(t => t.Span).ToList();
        var result = new List<Snippet>();
        if (hits.Count == 0)
        {
            var end = Math.Min(text.Length, width);
            result.Add(new Snippet(0, end, text[..end], []));
            return result;
        }

        var used = new List<TextSpan>();
        // Greedy: pick the hit whose window holds the most distinct terms, then the next window not overlapping.
        for (var n = 0; n < maxSnippets; n++)
        {
            TextSpan? best = null;
            var bestScore = 0;
            foreach (var h in hits)
            {
                var start = Math.Max(0, h.Start - (width / 3));
                var window = new TextSpan(start, Math.Min(text.Length, start + width));
                if (used.Any(u => u.Overlaps(window)))
                {
                    continue;
                }

                var score = hits.Count(x => window.Contains(x));
                if (score > bestScore)
                {
                    bestScore = score;
                    best = window;
                }
            }

            if (best is not { } w)
            {
                break;
            }

            w = SnapToWords(text, w);
            used.Add(w);
            var inside = hits.Where(x => w.Contains(x)).ToImmutableArray();
            result.Add(new Snippet(w.Start, w.End, w.Slice(text), inside));
        }

        return [.. result.OrderBy(s => s.Start)];
    }

    private static TextSpan SnapToWords(string text, TextSpan w)
    {
        var s = w.Start;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && w.Start - s < 20)
        {
            s--;
        }

        var e = w.End;
        while (e < text.Length && !char.IsWhiteSpace(text[e]) && e - w.End < 20)
        {
            e++;
        }

        return new TextSpan(s, e);
    }
}
