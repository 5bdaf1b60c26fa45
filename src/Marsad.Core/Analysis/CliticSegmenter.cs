namespace Marsad.Analysis;

/// <summary>
/// Placeholder until the analysis issue lands its full segmenter: strips the conjunction and
/// preposition proclitics (و ف ب ل ك) and the article (ال / لل) from a normalized word.
/// </summary>
public static class CliticSegmenter
{
    /// <summary>Candidate stems of a normalized word, from the word itself to the most stripped form, without duplicates.</summary>
    public static IReadOnlyList<string> Candidates(string norm)
    {
        var list = new List<string>(4) { norm };
        var w = norm;
        if (w.Length > 3 && (w[0] == ArabicLetters.Waw || w[0] == ArabicLetters.Feh))
        {
            w = w[1..];
            list.Add(w);
        }

        if (w.Length > 4 && w[0] == ArabicLetters.Lam && w[1] == ArabicLetters.Lam)
        {
            var bare = w[2..];
            list.Add("ال" + bare);
            list.Add(bare);
            return list;
        }

        if (w.Length > 3 && (w[0] == ArabicLetters.Beh || w[0] == ArabicLetters.Lam || w[0] == ArabicLetters.Kaf))
        {
            w = w[1..];
            list.Add(w);
        }

        if (w.Length > 3 && w[0] == ArabicLetters.Alef && w[1] == ArabicLetters.Lam)
        {
            list.Add(w[2..]);
        }

        return list;
    }
}
