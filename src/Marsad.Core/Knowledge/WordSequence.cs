using Marsad.Analysis;
using Marsad.Documents;

namespace Marsad.Knowledge;

/// <summary>
/// The words (Arabic, Latin, numbers) of an analysed text, in order, with quotes and hashes skipped
/// (لميليشيا “الحرس الثوري” is read as three words; a hashtag's underscores join words: #الأمن_العسكري). <see cref="Linked"/> says whether a word follows the
/// previous one with only such marks between them (no comma, full stop or line break), so a phrase may span them.
/// </summary>
public sealed class WordSequence
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzedText, WordSequence> Cache = new();

    private readonly int[] _tokenIndex;
    private readonly bool[] _linked;
    private readonly (string Form, int Stripped)[]?[] _readings;

    private WordSequence(AnalyzedText analysis, int[] tokenIndex, bool[] linked)
    {
        Analysis = analysis;
        _tokenIndex = tokenIndex;
        _linked = linked;
        _readings = new (string, int)[]?[tokenIndex.Length];
    }

    /// <summary>The proclitic readings of word <paramref name="i"/> (<see cref="TextKeys.Proclitics"/>), computed once.</summary>
    public (string Form, int Stripped)[] Readings(int i) => _readings[i] ??= [.. TextKeys.Proclitics(Norm(i))];

    public AnalyzedText Analysis { get; }

    public int Count => _tokenIndex.Length;

    public Token this[int i] => Analysis.Tokens[_tokenIndex[i]];

    public string Norm(int i) => Analysis.Tokens[_tokenIndex[i]].Norm;

    /// <summary>Index into <see cref="AnalyzedText.Tokens"/> of word <paramref name="i"/>.</summary>
    public int TokenIndex(int i) => _tokenIndex[i];

    /// <summary>True when word <paramref name="i"/> continues the phrase of word i-1.</summary>
    public bool Linked(int i) => i > 0 && i < _linked.Length && _linked[i];

    /// <summary>True when words [from, to] are all linked (one phrase).</summary>
    public bool AllLinked(int from, int to)
    {
        for (var i = from + 1; i <= to; i++)
        {
            if (!Linked(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a quote mark opens right before word <paramref name="i"/>.</summary>
    public bool QuoteBefore(int i)
    {
        var t = _tokenIndex[i];
        return t > 0 && IsQuote(Analysis.Tokens[t - 1].Norm) && (i == 0 || _tokenIndex[i - 1] < t - 1);
    }

    /// <summary>True when a hashtag mark is glued right before word <paramref name="i"/> (#الشحيل).</summary>
    public bool HashtagBefore(int i)
    {
        var t = _tokenIndex[i];
        return t > 0 && Analysis.Tokens[t - 1].Norm == "#" && Analysis.Tokens[t - 1].End == this[i].Start;
    }

    /// <summary>True when a quote mark closes right after word <paramref name="i"/>.</summary>
    public bool QuoteAfter(int i)
    {
        var t = _tokenIndex[i];
        return t + 1 < Analysis.Tokens.Length && IsQuote(Analysis.Tokens[t + 1].Norm);
    }

    /// <summary>True when a quote mark opens right before word <paramref name="i"/>, glued to it ("أبوشوك, not a closing mark after the word before).</summary>
    public bool OpeningQuoteBefore(int i) => QuoteBefore(i) && Analysis.Tokens[_tokenIndex[i] - 1].End == this[i].Start;

    /// <summary>True when a quote mark closes right after word <paramref name="i"/>, glued to it.</summary>
    public bool ClosingQuoteAfter(int i) => QuoteAfter(i) && Analysis.Tokens[_tokenIndex[i] + 1].Start == this[i].End;

    public TextSpan SpanOf(int from, int to) => new(this[from].Start, this[to].End);

    public static bool IsQuote(string norm) => norm is "\"" or "'" or "«" or "»" or "‹" or "›" or "\u201C" or "\u201D" or "\u201E";

    private static bool IsSkippable(string norm) => IsQuote(norm) || norm is "#" or "-" or "ـ" or "_";

    /// <summary>The word sequence of an analysed text, built once per text and shared by the annotators.</summary>
    public static WordSequence Of(AnalyzedText analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Cache.GetValue(analysis, Build);
    }

    private static WordSequence Build(AnalyzedText analysis)
    {
        var tokens = analysis.Tokens;
        var idx = new List<int>(tokens.Length);
        var linked = new List<bool>(tokens.Length);
        var broken = true;
        var prevEnd = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (HasLineBreak(analysis.Text, prevEnd, t.Start))
            {
                broken = true;
            }

            prevEnd = t.End;
            if (t.Kind == TokenKind.Punctuation)
            {
                if (!IsSkippable(t.Norm))
                {
                    broken = true;
                }

                continue;
            }

            idx.Add(i);
            linked.Add(!broken);
            broken = false;
        }

        return new WordSequence(analysis, [.. idx], [.. linked]);
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }
}
