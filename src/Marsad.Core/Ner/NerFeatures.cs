using Marsad.Analysis;

namespace Marsad.Ner;

/// <summary>Which feature groups the extractor emits (stored in the model: tagging uses the training set-up).</summary>
[Flags]
public enum NerFeatureSet
{
    None = 0,
    /// <summary>Words at -2..+2 (normalized), word bigrams around the token.</summary>
    Words = 1,
    /// <summary>Clitic-stripped stems at -1..+1 and the stripped proclitic.</summary>
    Stems = 2,
    /// <summary>Prefixes and suffixes (1–3 chars) of the word and the stem.</summary>
    Affixes = 4,
    /// <summary>Script, length, digits, punctuation, sentence start/end.</summary>
    Shape = 8,
    /// <summary>Lexicon marks on the token and its neighbours.</summary>
    Lexicons = 16,
    /// <summary>Raw (unnormalized) word.</summary>
    Raw = 32,
    /// <summary>Longer affixes (4), neighbours' stem suffixes, title-before × current-shape conjunctions.</summary>
    Extended = 64,
    All = Words | Stems | Affixes | Shape | Lexicons | Raw | Extended,
}

/// <summary>One token's precomputed forms.</summary>
internal readonly record struct NerTokenForms(string Raw, string Norm, string Stem, string Proclitic, TokenKind Kind, string Bare);

/// <summary>
/// Turns a sentence of tokens into hashed features, one array of 64-bit feature keys per token.
/// A key is FNV-1a over a template number and the template's strings, so features need no string
/// building and no dictionary at extraction time; the model maps keys to weight rows.
/// Deterministic and thread-safe (no state beyond the lexicons, which are immutable).
/// </summary>
public sealed class NerFeatureExtractor
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>"0" … "10": the stem-length feature's values, made once instead of a string per token.</summary>
    private static readonly string[] LengthNames = [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private readonly INerLexicon[] _lexicons;

    public NerFeatureExtractor(NerFeatureSet set, IEnumerable<INerLexicon> lexicons)
    {
        Set = set;
        _lexicons = [.. lexicons];
    }

    public NerFeatureSet Set { get; }

    public IReadOnlyList<INerLexicon> Lexicons => _lexicons;

    /// <summary>
    /// Feature keys per token of <paramref name="tokens"/>; <paramref name="extra"/> optionally gives labels
    /// per token from outside the sentence (the document memory of <see cref="NerTagger"/>), each one a feature.
    /// </summary>
    public ulong[][] Extract(IReadOnlyList<string> tokens, IReadOnlyList<IReadOnlyList<string>?>? extra = null) =>
        Extract(tokens, extra, out _);

    /// <summary>As <see cref="Extract(IReadOnlyList{string}, IReadOnlyList{IReadOnlyList{string}?}?)"/>, also giving the tokens' forms.</summary>
    internal ulong[][] Extract(IReadOnlyList<string> tokens, IReadOnlyList<IReadOnlyList<string>?>? extra, out NerTokenForms[] tokenForms)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var keys = new FeatureKeys(tokens.Count * 64, tokens.Count);
        tokenForms = ExtractInto(tokens, extra, keys);
        var result = new ulong[tokens.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = keys.Of(i).ToArray();
        }

        return result;
    }

    /// <summary>Appends each token's feature keys to <paramref name="keys"/> (one token after the other) and gives the tokens' forms.</summary>
    internal NerTokenForms[] ExtractInto(IReadOnlyList<string> tokens, IReadOnlyList<IReadOnlyList<string>?>? extra, FeatureKeys keys)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var n = tokens.Count;
        var forms = new NerTokenForms[n];
        var candidates = new IReadOnlyList<string>[n];
        for (var i = 0; i < n; i++)
        {
            forms[i] = FormsOf(tokens[i], out candidates[i]);
        }

        List<string>?[]? marks = null;
        if ((Set & NerFeatureSet.Lexicons) != 0 && _lexicons.Length > 0)
        {
            marks = new List<string>?[n];
            foreach (var lex in _lexicons)
            {
                foreach (var m in lex.Mark(candidates))
                {
                    (marks[m.Token] ??= []).Add(lex.Name + ":" + m.Label);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            Add(keys, forms, marks, i);
            if (extra is not null && extra[i] is { } labels)
            {
                foreach (var l in labels)
                {
                    keys.Add(ExtraKey(l));
                }
            }

            keys.EndToken();
        }

        return forms;
    }

    /// <summary>The key of an extra label (see <see cref="Extract"/>): base keys plus these equal Extract with extras.</summary>
    public static ulong ExtraKey(string label) => H(60, label);

    /// <summary>The forms the features are built from (exposed for tests).</summary>
    internal static NerTokenForms FormsOf(string token) => FormsOf(token, out _);

    private static NerTokenForms FormsOf(string token, out IReadOnlyList<string> candidates)
    {
        var norm = ArabicNormalizer.Normalize(token);
        if (norm.Length == 0)
        {
            norm = token;
        }

        var kind = KindOf(norm);
        // Stem: the most stripped candidate that only loses proclitics (a suffix of the word);
        // Bare: the most stripped candidate of all (pronoun suffixes too).
        var stem = norm;
        var bare = norm;
        candidates = [norm];
        if (kind == TokenKind.Arabic)
        {
            var c = CliticSegmenter.Candidates(norm);
            candidates = c;
            bare = c[^1];
            foreach (var x in c)
            {
                if (x.Length < stem.Length && norm.EndsWith(x, StringComparison.Ordinal))
                {
                    stem = x;
                }
            }
        }

        var proclitic = stem.Length < norm.Length ? norm[..^stem.Length] : string.Empty;
        return new NerTokenForms(token, norm, stem, proclitic, kind, bare);
    }

    private void Add(FeatureKeys f, NerTokenForms[] t, List<string>?[]? marks, int i)
    {
        var n = t.Length;
        var cur = t[i];
        f.Add(H(0, "bias"));
        if ((Set & NerFeatureSet.Words) != 0)
        {
            f.Add(H(1, cur.Norm));
            f.Add(H(2, Norm(t, i - 1)));
            f.Add(H(3, Norm(t, i + 1)));
            f.Add(H(4, Norm(t, i - 2)));
            f.Add(H(5, Norm(t, i + 2)));
            f.Add(H(6, Norm(t, i - 1), cur.Norm));
            f.Add(H(7, cur.Norm, Norm(t, i + 1)));
        }

        if ((Set & NerFeatureSet.Raw) != 0)
        {
            f.Add(H(8, cur.Raw));
        }

        if ((Set & NerFeatureSet.Stems) != 0)
        {
            f.Add(H(10, cur.Stem));
            f.Add(H(11, Stem(t, i - 1)));
            f.Add(H(12, Stem(t, i + 1)));
            f.Add(H(13, cur.Proclitic));
            f.Add(H(14, Stem(t, i - 1), cur.Stem));
            f.Add(H(15, cur.Stem, Stem(t, i + 1)));
            f.Add(H(16, Stem(t, i - 2)));
            f.Add(H(17, Stem(t, i + 2)));

        }

        if ((Set & NerFeatureSet.Affixes) != 0)
        {
            var w = cur.Norm.AsSpan();
            var s = cur.Stem.AsSpan();
            for (var k = 1; k <= 3; k++)
            {
                if (w.Length > k)
                {
                    f.Add(H(20 + k, w[..k]));
                    f.Add(H(24 + k, w[^k..]));
                }

                if (s.Length > k)
                {
                    f.Add(H(28 + k, s[..k]));
                    f.Add(H(32 + k, s[^k..]));
                }
            }
        }

        if ((Set & NerFeatureSet.Extended) != 0)
        {
            var s4 = cur.Stem.AsSpan();
            if (s4.Length > 4)
            {
                f.Add(H(36, s4[..4]));
                f.Add(H(37, s4[^4..]));
            }

            if (i > 0 && t[i - 1].Stem.Length > 2)
            {
                f.Add(H(38, t[i - 1].Stem.AsSpan()[^2..]));
            }

            if (i + 1 < n && t[i + 1].Stem.Length > 2)
            {
                f.Add(H(39, t[i + 1].Stem.AsSpan()[^2..]));
            }

            f.Add(H(46, t[i].Proclitic, Stem(t, i + 1).Length > 0 ? ShapeOf(t, i + 1) : string.Empty));
        }

        if ((Set & NerFeatureSet.Shape) != 0)
        {
            f.Add(H(40, ShapeOf(cur)));
            f.Add(H(41, ShapeOf(t, i - 1), ShapeOf(cur)));
            f.Add(H(42, ShapeOf(cur), ShapeOf(t, i + 1)));
            f.Add(H(43, LengthNames[Math.Min(cur.Stem.Length, 10)]));
            if (i == 0)
            {
                f.Add(H(44, "first"));
            }

            if (i == n - 1)
            {
                f.Add(H(45, "last"));
            }
        }

        if (marks is not null)
        {
            for (var d = -2; d <= 2; d++)
            {
                var j = i + d;
                if (j < 0 || j >= n || marks[j] is not { } ms)
                {
                    continue;
                }

                foreach (var m in ms)
                {
                    f.Add(H(50 + d, m));
                    if (d == 0)
                    {
                        f.Add(H(56, m, cur.Stem));
                    }
                    else if ((Set & NerFeatureSet.Extended) != 0 && (d == -1 || d == 1))
                    {
                        f.Add(H(71 + d, m, ShapeOf(cur)));
                    }
                }
            }
        }
    }

    private static string Norm(NerTokenForms[] t, int i) => i < 0 ? "<s>" : i >= t.Length ? "</s>" : t[i].Norm;

    private static string Stem(NerTokenForms[] t, int i) => i < 0 ? "<s>" : i >= t.Length ? "</s>" : t[i].Stem;

    private static string ShapeOf(NerTokenForms[] t, int i) => i < 0 ? "<s>" : i >= t.Length ? "</s>" : ShapeOf(t[i]);

    private static string ShapeOf(NerTokenForms t) => t.Kind switch
    {
        TokenKind.Arabic => t.Proclitic.Length > 0 ? "ar+" : "ar",
        TokenKind.Latin => t.Raw.Length > 0 && char.IsUpper(t.Raw[0]) ? "Lat" : "lat",
        TokenKind.Number => "num",
        _ => t.Norm.Length == 1 ? "p" + t.Norm : "sym",
    };

    private static TokenKind KindOf(string s)
    {
        bool arabic = false, latin = false, digit = false;
        foreach (var c in s)
        {
            if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic |= char.IsLetter(c);
                digit |= char.IsDigit(c);
            }
            else if (char.IsAsciiLetter(c))
            {
                latin = true;
            }
            else if (char.IsDigit(c))
            {
                digit = true;
            }
        }

        return arabic ? TokenKind.Arabic : latin ? TokenKind.Latin : digit ? TokenKind.Number : TokenKind.Punctuation;
    }

    private static ulong H(int template, ReadOnlySpan<char> a)
    {
        var h = Mix(FnvOffset, (char)template);
        foreach (var c in a)
        {
            h = Mix(h, c);
        }

        return h;
    }

    private static ulong H(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = H(template, a);
        h = Mix(h, '\u0001');
        foreach (var c in b)
        {
            h = Mix(h, c);
        }

        return h;
    }

    private static ulong Mix(ulong h, char c)
    {
        h ^= (byte)c;
        h *= FnvPrime;
        h ^= (byte)(c >> 8);
        h *= FnvPrime;
        return h;
    }
}
