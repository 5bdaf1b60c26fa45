using System.Text.Json;
using Marsad.Analysis;

namespace Marsad.Quantities;

/// <summary>How a number word combines: a unit or ten or hundred adds; a scale multiplies what precedes it.</summary>
public enum NumberWordKind
{
    Unit,
    Ten,
    Hundred,
    Scale,
}

/// <summary>A vague count word (عشرات، مئات، عدد من): its qualifier, its documented lower bound, and whether it needs a noun.</summary>
public sealed record VagueCount(string Qualifier, long LowerBound, bool NeedsNoun, bool NeedsOf = false);

/// <summary>
/// The quantity vocabulary: number words (<c>data/lexicons/numbers-ar.json</c>) and counted nouns
/// (<c>data/lexicons/counted-nouns-ar.json</c>). Immutable; loaded once with <see cref="Load"/>.
/// </summary>
public sealed class QuantityLexicon
{
    /// <summary>The shortest light stem used to match a noun the lexicon does not list in that exact form.</summary>
    public const int MinStemLength = 4;

    private readonly Dictionary<string, string> _nounForms;
    private readonly Dictionary<string, string> _nounStems;
    private readonly Dictionary<string, string> _duals;
    private readonly Dictionary<string, string> _lemmas;

    private QuantityLexicon(Dictionary<string, string> nounForms, Dictionary<string, string> nounStems, Dictionary<string, string> duals, Dictionary<string, string> lemmas)
    {
        _nounForms = nounForms;
        _nounStems = nounStems;
        _duals = duals;
        _lemmas = lemmas;
    }

    internal Dictionary<string, (long Value, NumberWordKind Kind)> Cardinals { get; private init; } = null!;

    internal Dictionary<string, int> TeenHeads { get; private init; } = null!;

    internal HashSet<string> TeenTails { get; private init; } = null!;

    internal PhraseMatcher<VagueCount> Vague { get; private init; } = null!;

    internal Dictionary<string, long> VagueScales { get; private init; } = null!;

    internal HashSet<string> SeveralAdjectives { get; private init; } = null!;

    internal HashSet<string> OfWords { get; private init; } = null!;

    internal PhraseMatcher<string> Approximators { get; private init; } = null!;

    internal HashSet<string> NameHeads { get; private init; } = null!;

    internal PhraseMatcher<bool> PercentWords { get; private init; } = null!;

    /// <summary>Normalized tokens that can begin a quantity (numbers aside).</summary>
    internal HashSet<string> Starters { get; private init; } = null!;

    public static QuantityLexicon Load(string numbersPath, string nounsPath) =>
        Parse(File.ReadAllText(numbersPath), File.ReadAllText(nounsPath));

    public static QuantityLexicon Parse(string numbersJson, string nounsJson)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        using var numbers = JsonDocument.Parse(numbersJson, options);
        using var nouns = JsonDocument.Parse(nounsJson, options);
        var root = numbers.RootElement;

        var cardinals = new Dictionary<string, (long, NumberWordKind)>(FastStringComparer.Instance);
        foreach (var c in root.GetProperty("cardinals").EnumerateArray())
        {
            var value = c.GetProperty("value").GetInt64();
            var kind = Enum.Parse<NumberWordKind>(c.GetProperty("kind").GetString()!, ignoreCase: true);
            foreach (var f in Forms(c))
            {
                cardinals.TryAdd(f, (value, kind));
            }
        }

        var teenHeads = new Dictionary<string, int>(FastStringComparer.Instance);
        foreach (var t in root.GetProperty("teen_heads").EnumerateArray())
        {
            foreach (var f in Forms(t))
            {
                teenHeads.TryAdd(f, t.GetProperty("value").GetInt32());
            }
        }

        var vague = new List<KeyValuePair<string, VagueCount>>();
        foreach (var v in root.GetProperty("vague").EnumerateArray())
        {
            var vc = new VagueCount(
                v.GetProperty("qualifier").GetString()!,
                v.GetProperty("value").GetInt64(),
                v.GetProperty("needs_noun").GetBoolean(),
                v.TryGetProperty("needs_of", out var of) && of.GetBoolean());
            vague.AddRange(v.GetProperty("forms").EnumerateArray().Select(f => KeyValuePair.Create(f.GetString()!, vc)));
        }

        var vagueScales = new Dictionary<string, long>(FastStringComparer.Instance);
        foreach (var v in root.GetProperty("vague_scales").EnumerateArray())
        {
            foreach (var f in Forms(v))
            {
                vagueScales.TryAdd(f, v.GetProperty("value").GetInt64());
            }
        }

        var approx = new List<KeyValuePair<string, string>>();
        foreach (var a in root.GetProperty("approximators").EnumerateArray())
        {
            var q = a.GetProperty("qualifier").GetString()!;
            approx.AddRange(a.GetProperty("forms").EnumerateArray().Select(f => KeyValuePair.Create(f.GetString()!, q)));
        }

        var nounForms = new Dictionary<string, string>(FastStringComparer.Instance);
        var nounStems = new Dictionary<string, string>(FastStringComparer.Instance);
        var duals = new Dictionary<string, string>(FastStringComparer.Instance);
        var lemmas = new Dictionary<string, string>(FastStringComparer.Instance);
        foreach (var n in nouns.RootElement.GetProperty("nouns").EnumerateArray())
        {
            var lemma = n.GetProperty("lemma").GetString()!;
            lemmas.TryAdd(ArabicNormalizer.Normalize(lemma), lemma);
            if (n.TryGetProperty("duals", out var dualForms))
            {
                foreach (var d in dualForms.EnumerateArray())
                {
                    duals.TryAdd(ArabicNormalizer.Normalize(d.GetString()!), lemma);
                }
            }

            foreach (var f in Forms(n))
            {
                nounForms.TryAdd(f, lemma);
                // Short stems (مدن from مدني) would catch unrelated words (المدن): only stems of four letters or more.
                var stem = LightStemmer.Stem(f);
                if (stem.Length >= MinStemLength)
                {
                    nounStems.TryAdd(stem, lemma);
                }
            }
        }

        var lex = new QuantityLexicon(nounForms, nounStems, duals, lemmas)
        {
            Cardinals = cardinals,
            TeenHeads = teenHeads,
            TeenTails = Set(root, "teen_tails"),
            Vague = PhraseMatcher<VagueCount>.Build(vague, allowProclitics: true),
            VagueScales = vagueScales,
            SeveralAdjectives = Set(root, "several_adjectives"),
            OfWords = Set(root, "of_words"),
            Approximators = PhraseMatcher<string>.Build(approx, allowProclitics: true),
            NameHeads = WithClitics(Set(root, "name_heads")),
            PercentWords = PhraseMatcher<bool>.Build(root.GetProperty("percent_words").EnumerateArray().Select(e => KeyValuePair.Create(e.GetString()!, true)), allowProclitics: false),
            Starters = new HashSet<string>(FastStringComparer.Instance),
        };

        foreach (var f in cardinals.Keys.Concat(teenHeads.Keys))
        {
            lex.Starters.Add(f);
            lex.Starters.Add(ArabicLetters.Waw + f);
        }

        lex.Starters.UnionWith(lex.Vague.FirstForms);
        lex.Starters.UnionWith(lex.Approximators.FirstForms);
        return lex;
    }

    /// <summary>
    /// The lemma of a counted noun as a token's normalized form, trying the word, its clitic-stripped candidates
    /// (عناصرها → عناصر), the accusative alef (عنصرا → عنصر), then light stems (حافلات → حافل ← حافلة).
    /// </summary>
    public bool TryNounLemma(string norm, out string lemma)
    {
        ArgumentNullException.ThrowIfNull(norm);
        if (_nounForms.TryGetValue(norm, out lemma!))
        {
            return true;
        }

        var candidates = CliticSegmenter.Candidates(norm);
        foreach (var c in candidates)
        {
            if (_nounForms.TryGetValue(c, out lemma!))
            {
                return true;
            }

            if (c.Length > 3 && c[^1] == ArabicLetters.Alef && _nounForms.TryGetValue(c[..^1], out lemma!))
            {
                return true;
            }
        }

        foreach (var c in candidates)
        {
            var stem = LightStemmer.Stem(c);
            if (stem.Length >= MinStemLength && _nounStems.TryGetValue(stem, out lemma!))
            {
                return true;
            }
        }

        lemma = string.Empty;
        return false;
    }

    /// <summary>
    /// A dual noun, a count of two by itself (قتل عنصرين، سيارتين، جنديان): a listed dual, or a feminine dual
    /// (-تين / -تان on a lemma ending in ة), or a nominative dual (-ان on a lemma). Masculine -ين is only trusted
    /// when listed: مقاتلين is a plural.
    /// </summary>
    public bool TryDualLemma(string norm, out string lemma)
    {
        ArgumentNullException.ThrowIfNull(norm);
        lemma = string.Empty;
        if (norm.Length < 4 || norm[^1] != ArabicLetters.Noon || (norm[^2] != ArabicLetters.Yeh && norm[^2] != ArabicLetters.Alef))
        {
            return false;
        }

        foreach (var c in CliticSegmenter.Candidates(norm))
        {
            if (_duals.TryGetValue(c, out lemma!))
            {
                return true;
            }

            if (c.Length < 5 || c[^1] != ArabicLetters.Noon)
            {
                continue;
            }

            if (c[^3] == ArabicLetters.Teh && _lemmas.TryGetValue(string.Concat(c.AsSpan(0, c.Length - 3), ArabicLetters.Heh.ToString()), out lemma!))
            {
                return true;
            }

            if (c[^2] == ArabicLetters.Alef && _lemmas.TryGetValue(c[..^2], out lemma!))
            {
                return true;
            }
        }

        lemma = string.Empty;
        return false;
    }

    /// <summary>Each form bare, with the article, and with proclitics glued to either (الفرقة، والفرقة، بالفوج، للواء).</summary>
    private static HashSet<string> WithClitics(HashSet<string> forms)
    {
        var article = string.Concat(ArabicLetters.Alef, ArabicLetters.Lam);
        var all = new HashSet<string>(FastStringComparer.Instance);
        foreach (var f in forms)
        {
            foreach (var w in new[] { f, article + f })
            {
                all.Add(w);
                foreach (var p in CliticSegmenter.ProcliticPrefixes)
                {
                    all.Add(CliticSegmenter.Attach(p, w).Form);
                }
            }
        }

        return all;
    }

    private static IEnumerable<string> Forms(JsonElement item) =>
        item.GetProperty("forms").EnumerateArray().Select(static f => ArabicNormalizer.Normalize(f.GetString()!));

    private static HashSet<string> Set(JsonElement root, string name) =>
        new(root.GetProperty(name).EnumerateArray().Select(static e => ArabicNormalizer.Normalize(e.GetString()!)), FastStringComparer.Instance);
}
