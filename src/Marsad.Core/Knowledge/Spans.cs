using Marsad.Documents;

namespace Marsad.Knowledge;

/// <summary>Spans of matched phrases in the original text.</summary>
public static class Spans
{
    /// <summary>
    /// The original span of words [first, last] with <paramref name="stripped"/> normalized proclitic letters
    /// left out of the first word (بالبوكمال → البوكمال); a quote opened inside the span and closed right after
    /// it is taken in.
    /// </summary>
    public static TextSpan Of(WordSequence words, int first, int last, int stripped)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = words.Analysis.Text;
        var t0 = words[first];
        var start = stripped == 0 ? t0.Start : TextKeys.OriginalOffsetOf(text, t0.Start, t0.End, stripped);
        var end = words[last].End;
        var opens = 0;
        for (var i = start; i < end; i++)
        {
            if (IsOpenQuote(text[i]))
            {
                opens++;
            }
            else if (IsCloseQuote(text[i]))
            {
                opens--;
            }
        }

        if (opens > 0 && words.QuoteAfter(last))
        {
            var ti = words.TokenIndex(last) + 1;
            end = words.Analysis.Tokens[ti].End;
        }

        return new TextSpan(start, end);
    }

    private static bool IsOpenQuote(char c) => c is '\u201C' or '\u00AB' or '"';

    private static bool IsCloseQuote(char c) => c is '\u201D' or '\u00BB';

    /// <summary>Original text made a display name: quote marks and tatweel dropped, whitespace runs folded.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsOpenQuote(c) || IsCloseQuote(c) || c is '\'' or '#' or '\u0640')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>True when <paramref name="span"/> overlaps any of <paramref name="taken"/>.</summary>
    /// <remarks><paramref name="taken"/> must be sorted by start and non-overlapping (mentions of one annotator are).</remarks>
    public static bool OverlapsAny(TextSpan span, IReadOnlyList<TextSpan> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        int lo = 0, hi = taken.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (taken[mid].End <= span.Start)
            {
                lo = mid + 1;
            }
            else if (taken[mid].Start >= span.End)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spans sorted by start, overlapping ones merged: the form <see cref="OverlapsAny"/> searches.</summary>
    public static List<TextSpan> Normalize(IEnumerable<TextSpan> spans)
    {
        var result = new List<TextSpan>();
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            if (result.Count > 0 && s.Start < result[^1].End)
            {
                result[^1] = TextSpan.Cover(result[^1], s);
            }
            else
            {
                result.Add(s);
            }
        }

        return result;
    }
}
