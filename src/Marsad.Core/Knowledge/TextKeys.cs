using System.Text;
using Marsad.Analysis;

namespace Marsad.Knowledge;

/// <summary>
/// Matching keys for names: the matching-normalized form with spaces removed, so glued and spaced
/// spellings (ديرالزور / دير الزور) meet; plus the proclitic candidates of a token and ASCII slugs for ids.
/// </summary>
public static class TextKeys
{
    /// <summary>The key of a name or phrase: normalized, every space and joiner removed.</summary>
    public static string Key(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var n = ArabicNormalizer.Normalize(phrase);
        var sb = new StringBuilder(n.Length);
        foreach (var c in n)
        {
            if (c is not ' ' and not '-' and not '"' and not '\'')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The key of a name without its leading article (البوكمال → بوكمال), or null when it has none.</summary>
    public static string? WithoutArticle(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 4 && key[0] == ArabicLetters.Alef && key[1] == ArabicLetters.Lam ? key[2..] : null;
    }

    /// <summary>The key with the article ال put before it (شحيل → الشحيل).</summary>
    public static string WithArticle(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Concat(ArabicLetters.Alef.ToString(), ArabicLetters.Lam.ToString(), key);
    }

    /// <summary>True when a normalized word starts with the article ال.</summary>
    public static bool HasArticle(string norm) =>
        norm.Length > 2 && norm[0] == ArabicLetters.Alef && norm[1] == ArabicLetters.Lam;

    /// <summary>
    /// Proclitic readings of a normalized token: the token itself, then without و/ف, then without a following
    /// ب/ل/ك (لل + stem → ال + stem). The article is never removed here: names carry it in their keys.
    /// Each reading gives how many normalized letters of the token were stripped.
    /// </summary>
    public static IEnumerable<(string Form, int Stripped)> Proclitics(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        yield return (norm, 0);
        var w = norm;
        var stripped = 0;
        if (w.Length > 3 && (w[0] == ArabicLetters.Waw || w[0] == ArabicLetters.Feh))
        {
            w = w[1..];
            stripped = 1;
            yield return (w, stripped);
        }

        if (w.Length > 4 && w[0] == ArabicLetters.Lam && w[1] == ArabicLetters.Lam)
        {
            // لل + stem: the preposition ل ate the article's alef.
            yield return (string.Concat(ArabicLetters.Alef.ToString(), w[1..]), stripped + 1);
            yield break;
        }

        if (w.Length > 3 && (w[0] == ArabicLetters.Beh || w[0] == ArabicLetters.Lam || w[0] == ArabicLetters.Kaf))
        {
            yield return (w[1..], stripped + 1);
        }
    }

    /// <summary>Original offset of the <paramref name="normIndex"/>-th normalized letter of the token at [start, end).</summary>
    public static int OriginalOffsetOf(string text, int start, int end, int normIndex)
    {
        ArgumentNullException.ThrowIfNull(text);
        var k = 0;
        for (var i = start; i < end; i++)
        {
            if (ArabicNormalizer.NormalizeChar(text[i]) == '\0')
            {
                continue;
            }

            if (k == normIndex)
            {
                return i;
            }

            k++;
        }

        return end;
    }

    private static readonly Dictionary<char, string> Translit = new()
    {
        ['\u0627'] = "a", ['\u0628'] = "b", ['\u062A'] = "t", ['\u062B'] = "th", ['\u062C'] = "j", ['\u062D'] = "h",
        ['\u062E'] = "kh", ['\u062F'] = "d", ['\u0630'] = "dh", ['\u0631'] = "r", ['\u0632'] = "z", ['\u0633'] = "s",
        ['\u0634'] = "sh", ['\u0635'] = "s", ['\u0636'] = "d", ['\u0637'] = "t", ['\u0638'] = "z", ['\u0639'] = "",
        ['\u063A'] = "gh", ['\u0641'] = "f", ['\u0642'] = "q", ['\u0643'] = "k", ['\u0644'] = "l", ['\u0645'] = "m",
        ['\u0646'] = "n", ['\u0647'] = "h", ['\u0648'] = "w", ['\u064A'] = "y", ['\u0649'] = "a", ['\u0629'] = "a",
        ['\u0621'] = "", ['\u0624'] = "", ['\u0626'] = "",
    };

    /// <summary>A deterministic ASCII slug of an Arabic (or Latin) phrase, for ids: الفرقة 25 → alfrqh-25.</summary>
    public static string Slug(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var n = ArabicNormalizer.Normalize(phrase);
        var sb = new StringBuilder(n.Length + 4);
        foreach (var c in n)
        {
            if (Translit.TryGetValue(c, out var t))
            {
                sb.Append(t);
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
