using System.Collections.Immutable;

namespace Marsad.Analysis;

/// <summary>The analysis chain: tokenize (offsets into the original), then split sentences.</summary>
public static class AnalysisChain
{
    public static AnalyzedText Analyze(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        return new AnalyzedText(text, [.. tokens], sentences);
    }
}
