using System.Collections.Immutable;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Quantities;

/// <summary>
/// Finds counts: [approximator] number [من] noun. Numbers are digits (ASCII, Arabic-Indic, Persian; 1,700 / ١٧٠٠),
/// digits with a scale word (3 آلاف، 2.5 مليون), or number words (ثلاث، خمسة عشر، خمسة وعشرون، ثلاثمئة ألف).
/// Vague counts (عشرات، مئات، آلاف، عدد من، بعض) carry their documented lower bound and the qualifier
/// tens / hundreds / thousands / several. Approximators (نحو، أكثر من، ما لا يقل عن، أقل من، بلغ ...) give the qualifier
/// about / more_than / at_least / less_than / up_to / exact. The counted noun is kept as written with its lexicon lemma.
/// Not counts: numbers inside a date mention (run <c>DateTagger</c> first), numbers right after a name head
/// (الفرقة 17، الفوج 47 — list in the lexicon), percentages, and bare numbers with neither a known noun nor an approximator.
/// </summary>
public sealed class QuantityTagger : IAnnotator
{
    public const string AnnotatorName = "quantities";

    private readonly QuantityLexicon _lex;
    private readonly QuantityOptions _options;

    public QuantityTagger(QuantityLexicon lexicon, QuantityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lex = lexicon;
        _options = options ?? QuantityOptions.Default;
    }

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens | Layers.Sentences;

    public Layers Provides => Layers.Quantities;

    public static QuantityTagger Load(string numbersPath, string nounsPath, QuantityOptions? options = null) =>
        new(QuantityLexicon.Load(numbersPath, nounsPath), options);

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var dates = document.Mentions.Where(static m => m.Type == EntityType.Date).Select(static m => m.Span).ToList();
        return document.WithMentions(Find(document.Text, document.Analysis.Tokens, dates), Layers.Quantities);
    }

    /// <summary>All quantity mentions in a tokenized text, skipping tokens inside <paramref name="excluded"/> (sorted spans, e.g. dates).</summary>
    public IReadOnlyList<Mention> Find(string text, ImmutableArray<Token> tokens, IReadOnlyList<TextSpan> excluded)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(excluded);
        var result = new List<Mention>();
        var ex = 0;
        var i = 0;
        while (i < tokens.Length)
        {
            var t = tokens[i];
            while (ex < excluded.Count && excluded[ex].End <= t.Start)
            {
                ex++;
            }

            if (ex < excluded.Count && excluded[ex].Start < t.End)
            {
                i++;
                continue;
            }

            if ((t.Kind == TokenKind.Number || _lex.Starters.Contains(t.Norm)) && TryAt(text, tokens, i, excluded, ex, out var m, out var next))
            {
                result.Add(m);
                i = next;
            }
            else if (t.Kind == TokenKind.Arabic && TryDual(text, tokens, i, out m, out next))
            {
                result.Add(m);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private bool TryAt(string text, ImmutableArray<Token> tokens, int i, IReadOnlyList<TextSpan> excluded, int ex, out Mention mention, out int next)
    {
        mention = null!;
        next = i + 1;
        string? qualifier = null;
        var j = i;
        var clitic = 0;
        if (_lex.Approximators.TryMatch(tokens, i, out var am))
        {
            // "بلغ حوالي": the more specific approximator that follows speaks for the count.
            if (am.Value == "exact" && _lex.Approximators.TryMatch(tokens, i + am.TokenCount, out _))
            {
                return false;
            }

            qualifier = am.Value;
            clitic = am.ProcliticLength;
            j = i + am.TokenCount;

            // "أكثر من الـ100"
            if (j < tokens.Length && tokens[j].Norm == Article)
            {
                j++;
            }
        }

        if (j >= tokens.Length || Inside(tokens[j], excluded, ex))
        {
            return false;
        }

        if (IsNameNumber(tokens, j))
        {
            return false;
        }

        long value;
        int k;
        long vagueScale = 1;
        string? vagueQualifier = null;
        var needsNoun = false;
        var afterOf = false;
        if (tokens[j].Kind == TokenKind.Number)
        {
            if (!TryDigits(tokens, j, out value, out k))
            {
                return false;
            }
        }
        else if (_lex.Vague.TryMatch(tokens, j, out var vm))
        {
            if (qualifier is null)
            {
                clitic = vm.ProcliticLength;
            }

            value = vm.Value.LowerBound;
            vagueQualifier = vm.Value.Qualifier;
            needsNoun = vm.Value.NeedsNoun;
            k = j + vm.TokenCount;
            if (k < tokens.Length && _lex.VagueScales.TryGetValue(tokens[k].Norm, out var scale))
            {
                value *= scale;
                vagueScale = scale;
                k++;
            }

            // عدد كبير من
            if (k < tokens.Length && _lex.SeveralAdjectives.Contains(tokens[k].Norm))
            {
                k++;
            }

            if (k < tokens.Length && _lex.OfWords.Contains(tokens[k].Norm))
            {
                k++;
                afterOf = true;
            }
            else if (vm.Value.NeedsOf)
            {
                // عدد الأشخاص: "the number of people", not a count.
                return false;
            }
        }
        else if (TryWords(tokens, j, out value, out k))
        {
            if (qualifier is null)
            {
                clitic = tokens[j].Norm[0] == ArabicLetters.Waw && !_lex.Cardinals.ContainsKey(tokens[j].Norm) && !_lex.TeenHeads.ContainsKey(tokens[j].Norm) ? 1 : 0;
            }
        }
        else
        {
            return false;
        }

        // Percentages are not counts.
        if (k < tokens.Length && (tokens[k].Norm == "%" || _lex.PercentWords.TryMatch(tokens, k, out _)))
        {
            return false;
        }

        // A number glued to another by / \ - is a date or a range, not a count.
        if (tokens[j].Kind == TokenKind.Number && k + 1 < tokens.Length && tokens[k].Start == tokens[k - 1].End
            && tokens[k].Norm is "/" or "\\" or "-" && tokens[k + 1].Kind == TokenKind.Number)
        {
            return false;
        }

        // The counted noun: right after the number, or after من ("3 من العناصر").
        var nounIndex = -1;
        var lemma = string.Empty;
        if (k < tokens.Length && tokens[k].Kind == TokenKind.Arabic && !Inside(tokens[k], excluded, ex) && _lex.TryNounLemma(tokens[k].Norm, out lemma))
        {
            nounIndex = k;
        }
        else if (!afterOf && vagueQualifier is null && k + 1 < tokens.Length && _lex.OfWords.Contains(tokens[k].Norm)
            && tokens[k + 1].Kind == TokenKind.Arabic && _lex.TryNounLemma(tokens[k + 1].Norm, out lemma))
        {
            nounIndex = k + 1;
        }
        else if (afterOf && k < tokens.Length && tokens[k].Kind == TokenKind.Arabic && !Inside(tokens[k], excluded, ex))
        {
            // عدد من X: a count of X even when X is not in the lexicon (lemma unknown).
            nounIndex = k;
            lemma = string.Empty;
        }

        if (nounIndex < 0 && (needsNoun || (qualifier is null && vagueQualifier is null)))
        {
            return false;
        }

        var endToken = nounIndex >= 0 ? nounIndex : k - 1;
        if (afterOf && nounIndex < 0)
        {
            return false;
        }

        var first = tokens[i];
        var start = clitic > 0 ? ArabicNormalizer.OriginalOffsetAfter(text, first.Start, first.End, clitic) : first.Start;
        var span = new TextSpan(start, tokens[endToken].End);
        string? noun = nounIndex >= 0 ? tokens[nounIndex].Span.Slice(text) : null;
        var convention = vagueQualifier is not null ? _options.Convention(vagueQualifier, vagueScale) : null;
        var r = new QuantityRef(value, vagueQualifier ?? qualifier ?? "exact", noun, nounIndex >= 0 && lemma.Length > 0 ? lemma : null, convention?.Count, convention?.Note);
        var confidence = nounIndex >= 0 && lemma.Length > 0 ? 1.0 : 0.7;
        mention = new Mention(EntityType.Quantity, span, span.Slice(text), r, AnnotatorName, confidence);
        next = endToken + 1;
        return true;
    }

    private const long MaxCount = 1_000_000_000_000_000;

    private static readonly string Article = string.Concat(ArabicLetters.Alef, ArabicLetters.Lam);

    /// <summary>A dual noun is a count of two (قتل عنصرين); a following اثنين / اثنتان joins the span.</summary>
    private bool TryDual(string text, ImmutableArray<Token> tokens, int i, out Mention mention, out int next)
    {
        mention = null!;
        next = i + 1;
        if (!_lex.TryDualLemma(tokens[i].Norm, out var lemma))
        {
            return false;
        }

        var end = i;
        if (i + 1 < tokens.Length && _lex.Cardinals.TryGetValue(tokens[i + 1].Norm, out var w) && w is { Value: 2, Kind: NumberWordKind.Unit })
        {
            end = i + 1;
        }

        var span = new TextSpan(tokens[i].Start, tokens[end].End);
        var r = new QuantityRef(2, "exact", tokens[i].Span.Slice(text), lemma);
        mention = new Mention(EntityType.Quantity, span, span.Slice(text), r, AnnotatorName, 0.9);
        next = end + 1;
        return true;
    }

    private static bool Inside(Token t, IReadOnlyList<TextSpan> excluded, int ex)
    {
        for (var e = ex; e < excluded.Count && excluded[e].Start < t.End; e++)
        {
            if (excluded[e].Overlaps(t.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>الفرقة 17، "الفوج 47": a number right after a name head (an opening quote between is allowed).</summary>
    private bool IsNameNumber(ImmutableArray<Token> tokens, int j)
    {
        var p = j - 1;
        if (p >= 0 && tokens[p].Kind == TokenKind.Punctuation && tokens[p].Norm is "\"" or "'" or "(")
        {
            p--;
        }

        if (p < 0 || tokens[p].Kind != TokenKind.Arabic)
        {
            return false;
        }

        return _lex.NameHeads.Contains(tokens[p].Norm);
    }

    private bool TryDigits(ImmutableArray<Token> tokens, int j, out long value, out int next)
    {
        value = 0;
        next = j + 1;
        var norm = tokens[j].Norm;
        decimal d;
        var plain = norm.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d))
        {
            return false;
        }

        // A comma that is not a thousands separator ("1,5") makes the number a decimal: not a count.
        if (norm.Contains(',', StringComparison.Ordinal) && !IsThousandsGrouped(norm))
        {
            return false;
        }

        // Counts stay far below 10^15; anything larger is an identifier, and would overflow with a scale.
        if (d > MaxCount)
        {
            return false;
        }

        if (next < tokens.Length && _lex.Cardinals.TryGetValue(tokens[next].Norm, out var w) && w.Kind == NumberWordKind.Scale)
        {
            d *= w.Value;
            next++;
        }

        if (d != decimal.Truncate(d) || d > long.MaxValue)
        {
            return false;
        }

        value = (long)d;
        return true;
    }

    private static bool IsThousandsGrouped(string norm)
    {
        var groups = norm.Split('.')[0].Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(static g => g.Length == 3);
    }

    /// <summary>Number words: units, teens (خمسة عشر), tens joined by و (خمسة وعشرون), hundreds, scales (ثلاثة آلاف).</summary>
    private bool TryWords(ImmutableArray<Token> tokens, int j, out long value, out int next)
    {
        long total = 0, current = 0;
        var k = j;
        var any = false;
        while (k < tokens.Length && tokens[k].Kind == TokenKind.Arabic)
        {
            var norm = tokens[k].Norm;
            if (!_lex.Cardinals.ContainsKey(norm) && !_lex.TeenHeads.ContainsKey(norm) && norm.Length > 2 && norm[0] == ArabicLetters.Waw
                && (any || k == j))
            {
                norm = norm[1..];
            }

            if (_lex.TeenHeads.TryGetValue(norm, out var head) && k + 1 < tokens.Length && _lex.TeenTails.Contains(tokens[k + 1].Norm))
            {
                current += 10 + head;
                k += 2;
                any = true;
                continue;
            }

            if (!_lex.Cardinals.TryGetValue(norm, out var w))
            {
                break;
            }

            if (current > MaxCount || total > MaxCount)
            {
                break;
            }

            switch (w.Kind)
            {
                case NumberWordKind.Scale:
                    current = (current == 0 ? 1 : current) * w.Value;
                    total += current;
                    current = 0;
                    break;
                case NumberWordKind.Hundred when w.Value == 100 && current is > 0 and < 10:
                    current *= 100;
                    break;
                default:
                    current += w.Value;
                    break;
            }

            any = true;
            k++;
        }

        value = total + current;
        next = k;

        // واحد / اثنان alone follow their noun (قتيل واحد); before a noun, "وأحد" is "and one of".
        if (k == j + 1 && value <= 2)
        {
            return false;
        }

        return any && value > 0;
    }
}
