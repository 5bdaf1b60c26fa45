namespace Marsad.Ner;

/// <summary>A mark a lexicon puts on one token of a sentence: the token index and a label such as "B-LOC_CUE".</summary>
public readonly record struct LexiconMark(int Token, string Label);

/// <summary>
/// A gazetteer seen by the tagger as features: it marks tokens of a sentence (given as normalized forms)
/// with labels; the tagger turns each mark into features of that token and its neighbours.
/// </summary>
public interface INerLexicon
{
    /// <summary>Short name, part of every feature it yields (so two lexicons never share weights).</summary>
    string Name { get; }

    /// <summary>
    /// Marks on the tokens of one sentence; <paramref name="candidates"/> are each token's clitic-stripped
    /// candidate forms (<see cref="Analysis.CliticSegmenter.Candidates"/> of its normalized form, the form itself first).
    /// </summary>
    IEnumerable<LexiconMark> Mark(IReadOnlyList<IReadOnlyList<string>> candidates);
}
