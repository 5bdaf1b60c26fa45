using System.Collections.Immutable;
using Marsad.Documents;

namespace Marsad.Analysis;

/// <summary>The analysis chain's output: tokens and sentences over one original text.</summary>
public sealed class AnalyzedText
{
    public AnalyzedText(string text, ImmutableArray<Token> tokens, ImmutableArray<TextSpan> sentences)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        SentenceOfToken = BuildSentenceIndex(tokens, sentences);
    }

    public string Text { get; }

    public ImmutableArray<Token> Tokens { get; }

    /// <summary>Sentence spans, in order, covering the text's tokens.</summary>
    public ImmutableArray<TextSpan> Sentences { get; }

    /// <summary>For each token index, the index of its sentence.</summary>
    public ImmutableArray<int> SentenceOfToken { get; }

    /// <summary>Index of the first token whose start is ≥ <paramref name="offset"/>.</summary>
    public int TokenIndexAtOrAfter(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or the nearest preceding one.</summary>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1, ans = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Sentences[mid].Start <= offset)
            {
                ans = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ans;
    }

    private static ImmutableArray<int> BuildSentenceIndex(ImmutableArray<Token> tokens, ImmutableArray<TextSpan> sentences)
    {
        var result = ImmutableArray.CreateBuilder<int>(tokens.Length);
        var s = 0;
        foreach (var t in tokens)
        {
            while (s + 1 < sentences.Length && sentences[s].End <= t.Start)
            {
                s++;
            }

            result.Add(s);
        }

        return result.MoveToImmutable();
    }
}
