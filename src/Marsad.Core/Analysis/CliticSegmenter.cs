namespace Marsad.Analysis;

/// <summary>
/// Clitic segmentation for matching. Returns candidate stems of a normalized word, from the word itself to
/// the most stripped form: the conjunctions و ف, the prepositions ب ل ك, the article ال (and لل = ل + ال),
/// in combinations (وبال، فلل، وال ...), then the pronoun suffixes ه ها هم هما هن ك كم كن نا ي on forms without
/// the article. A stem is never shorter than <see cref="MinStemLength"/> letters, so short words survive
/// (ولد stays ولد-only candidates: ولد, لد is never produced). Callers look each candidate up in their lexicon;
/// the first hit wins, so the unstripped word is always tried first.
/// </summary>
public static class CliticSegmenter
{
    /// <summary>The shortest stem a strip may leave.</summary>
    public const int MinStemLength = 3;

    private static readonly string Article = string.Concat(ArabicLetters.Alef, ArabicLetters.Lam);

    /// <summary>Pronoun suffixes, longest first (normalized forms: ها هما هم هن كم كن نا ه ك ي).</summary>
    private static readonly string[] PronounSuffixes =
    [
        string.Concat(ArabicLetters.Heh, ArabicLetters.Meem, ArabicLetters.Alef),
        string.Concat(ArabicLetters.Heh, ArabicLetters.Alef),
        string.Concat(ArabicLetters.Heh, ArabicLetters.Meem),
        string.Concat(ArabicLetters.Heh, ArabicLetters.Noon),
        string.Concat(ArabicLetters.Kaf, ArabicLetters.Meem),
        string.Concat(ArabicLetters.Kaf, ArabicLetters.Noon),
        string.Concat(ArabicLetters.Noon, ArabicLetters.Alef),
        ArabicLetters.Heh.ToString(),
        ArabicLetters.Kaf.ToString(),
        ArabicLetters.Yeh.ToString(),
    ];

    /// <summary>
    /// Proclitic strings that may be glued before a word (و ف ب ل ك وب فب ول فل وك فك): used to expand lexicon
    /// forms into their attached variants.
    /// </summary>
    public static IReadOnlyList<string> ProcliticPrefixes { get; } =
    [
        ArabicLetters.Waw.ToString(), ArabicLetters.Feh.ToString(), ArabicLetters.Beh.ToString(),
        ArabicLetters.Lam.ToString(), ArabicLetters.Kaf.ToString(),
        string.Concat(ArabicLetters.Waw, ArabicLetters.Beh), string.Concat(ArabicLetters.Feh, ArabicLetters.Beh),
        string.Concat(ArabicLetters.Waw, ArabicLetters.Lam), string.Concat(ArabicLetters.Feh, ArabicLetters.Lam),
        string.Concat(ArabicLetters.Waw, ArabicLetters.Kaf), string.Concat(ArabicLetters.Feh, ArabicLetters.Kaf),
    ];

    /// <summary>
    /// Glues a proclitic to a normalized word as Arabic writes it: ل + الـ drops the article's alef (للمدينة).
    /// Returns the attached form and whether the article merged (then the clitic cannot be cut off the span).
    /// </summary>
    public static (string Form, bool Merged) Attach(string proclitic, string norm)
    {
        ArgumentNullException.ThrowIfNull(proclitic);
        ArgumentNullException.ThrowIfNull(norm);
        if (proclitic.Length > 0 && proclitic[^1] == ArabicLetters.Lam && norm.StartsWith(Article, StringComparison.Ordinal))
        {
            return (proclitic + norm[1..], true);
        }

        return (proclitic + norm, false);
    }

    /// <summary>Candidate stems of a normalized word, from the word itself to the most stripped form, without duplicates.</summary>
    public static IReadOnlyList<string> Candidates(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        var list = new List<string>(6) { norm };
        var w = norm;
        var hadArticle = false;

        // Conjunction و / ف.
        if (w.Length > MinStemLength && (w[0] == ArabicLetters.Waw || w[0] == ArabicLetters.Feh))
        {
            w = w[1..];
            Add(list, w);
        }

        // ل + ال written لل.
        if (w.Length >= MinStemLength + 2 && w[0] == ArabicLetters.Lam && w[1] == ArabicLetters.Lam)
        {
            var bare = w[2..];
            Add(list, Article + bare);
            Add(list, bare);
            return list;
        }

        // Prepositions ب ل ك.
        if (w.Length > MinStemLength && (w[0] == ArabicLetters.Beh || w[0] == ArabicLetters.Lam || w[0] == ArabicLetters.Kaf))
        {
            w = w[1..];
            Add(list, w);
        }

        // Article ال.
        if (w.Length >= MinStemLength + 2 && w.StartsWith(Article, StringComparison.Ordinal))
        {
            w = w[2..];
            Add(list, w);
            hadArticle = true;
        }

        // Pronoun suffixes (never together with the article).
        if (!hadArticle)
        {
            foreach (var suffix in PronounSuffixes)
            {
                if (w.Length - suffix.Length >= MinStemLength && w.EndsWith(suffix, StringComparison.Ordinal))
                {
                    var stem = w[..^suffix.Length];
                    Add(list, stem);

                    // A feminine noun shows its teh marbuta as teh before a suffix: قيادتها → قيادة (ه in matching form).
                    if (stem[^1] == ArabicLetters.Teh)
                    {
                        Add(list, string.Concat(stem.AsSpan(0, stem.Length - 1), ArabicLetters.Heh.ToString()));
                    }

                    break;
                }
            }
        }

        return list;
    }

    private static void Add(List<string> list, string candidate)
    {
        if (!list.Contains(candidate))
        {
            list.Add(candidate);
        }
    }
}
