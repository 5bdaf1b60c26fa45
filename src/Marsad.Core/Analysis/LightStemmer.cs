namespace Marsad.Analysis;

/// <summary>
/// A light stemmer after Lucene's ArabicStemmer (Larkey, Ballesteros &amp; Connell, "Light Stemming for Arabic
/// Information Retrieval"): strips one prefix (ال وال بال كال فال لل و) and then, in order, each suffix
/// (ها ان ات ون ين يه ية ه ة ي) that still leaves two letters. Works on the matching-normalized form (ة is
/// already ه there; both spellings are listed so raw input works too).
/// </summary>
public static class LightStemmer
{
    private static readonly string[] Prefixes =
    [
        string.Concat(ArabicLetters.Alef, ArabicLetters.Lam),
        string.Concat(ArabicLetters.Waw, ArabicLetters.Alef, ArabicLetters.Lam),
        string.Concat(ArabicLetters.Beh, ArabicLetters.Alef, ArabicLetters.Lam),
        string.Concat(ArabicLetters.Kaf, ArabicLetters.Alef, ArabicLetters.Lam),
        string.Concat(ArabicLetters.Feh, ArabicLetters.Alef, ArabicLetters.Lam),
        string.Concat(ArabicLetters.Lam, ArabicLetters.Lam),
        ArabicLetters.Waw.ToString(),
    ];

    private static readonly string[] Suffixes =
    [
        string.Concat(ArabicLetters.Heh, ArabicLetters.Alef),
        string.Concat(ArabicLetters.Alef, ArabicLetters.Noon),
        string.Concat(ArabicLetters.Alef, ArabicLetters.Teh),
        string.Concat(ArabicLetters.Waw, ArabicLetters.Noon),
        string.Concat(ArabicLetters.Yeh, ArabicLetters.Noon),
        string.Concat(ArabicLetters.Yeh, ArabicLetters.Heh),
        string.Concat(ArabicLetters.Yeh, ArabicLetters.TehMarbuta),
        ArabicLetters.Heh.ToString(),
        ArabicLetters.TehMarbuta.ToString(),
        ArabicLetters.Yeh.ToString(),
    ];

    /// <summary>The light stem of a normalized word.</summary>
    public static string Stem(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        var start = 0;
        var len = norm.Length;
        foreach (var p in Prefixes)
        {
            // Lucene: a one-letter prefix (و) needs a word of four letters or more; others leave two letters.
            var minLength = p.Length == 1 ? 4 : p.Length + 2;
            if (len >= minLength && norm.AsSpan(0, len).StartsWith(p, StringComparison.Ordinal))
            {
                start = p.Length;
                len -= p.Length;
                break;
            }
        }

        foreach (var s in Suffixes)
        {
            if (len >= s.Length + 2 && norm.AsSpan(start, len).EndsWith(s, StringComparison.Ordinal))
            {
                len -= s.Length;
            }
        }

        return start == 0 && len == norm.Length ? norm : norm.Substring(start, len);
    }
}
