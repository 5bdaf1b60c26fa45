namespace Marsad.Ner;

/// <summary>
/// A gazetteer made from the training corpus itself: every gold entity's words (clitic-stripped stems)
/// with its type, as a <see cref="WordListLexicon"/> named <see cref="LexiconName"/>. Saved in the model,
/// it marks names on new text that the corpus tagged elsewhere — in another inflection, with other
/// clitics, or as a whole multi-word name.
/// <para>
/// Training must not see marks made from a sentence's own labels (the model would learn to trust them
/// blindly), so the corpus is cut into <see cref="NerTrainingOptions.SeenFolds"/> contiguous blocks and a
/// sentence is marked with the lexicon built from the other blocks (jackknifing, as for the second pass).
/// The shipped model carries the lexicon of the whole corpus. Blocks are contiguous because a news story
/// repeats its names: a random split would leak a story's names into its own marks.
/// </para>
/// </summary>
public static class SeenEntities
{
    /// <summary>The lexicon's name (part of its features' keys).</summary>
    public const string LexiconName = "seen";

    /// <summary>Joins the types of a phrase the corpus tags with more than one.</summary>
    public const string TypeSeparator = "+";

    /// <summary>The lexicon of all entities of <paramref name="sentences"/>, one entry per phrase (sorted: deterministic).</summary>
    public static WordListLexicon Build(IEnumerable<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return FromPhrases(sentences.Select(PhrasesOf));
    }

    /// <summary>
    /// The held-out set-up for training on <paramref name="sentences"/>: the whole-corpus lexicon (shipped)
    /// and, per sentence, the lexicon built without the block the sentence belongs to.
    /// </summary>
    public static HeldOutLexicon Plan(IReadOnlyList<NerSentence> sentences, int folds)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var phrases = sentences.Select(PhrasesOf).ToArray(); // once per sentence, shared by every lexicon
        var k = Math.Min(folds, Math.Max(1, sentences.Count));
        var blockOf = new int[sentences.Count];
        var lexicons = new WordListLexicon[k];
        for (var b = 0; b < k; b++)
        {
            var lo = sentences.Count * b / k;
            var hi = sentences.Count * (b + 1) / k;
            for (var s = lo; s < hi; s++)
            {
                blockOf[s] = b;
            }

            lexicons[b] = FromPhrases(phrases.Take(lo).Concat(phrases.Skip(hi)));
        }

        return new HeldOutLexicon(FromPhrases(phrases), lexicons, blockOf);
    }

    /// <summary>A sentence's gold entities as (phrase of clitic-stripped stems, type).</summary>
    private static List<(string Phrase, string Type)> PhrasesOf(NerSentence sentence)
    {
        var stems = sentence.Tokens.Select(t => NerFeatureExtractor.FormsOf(t).Stem).ToArray();
        var result = new List<(string, string)>();
        foreach (var span in NerTags.Spans(sentence.Tags.ToArray()))
        {
            var words = stems[span.Start..span.End];
            if (words.All(w => w.Length > 0))
            {
                result.Add((string.Join(' ', words), span.TypeName));
            }
        }

        return result;
    }

    private static WordListLexicon FromPhrases(IEnumerable<List<(string Phrase, string Type)>> perSentence)
    {
        // Types per phrase in ordinal order: the same corpus gives the same lexicon, hence the same model
        // bytes, on any machine.
        var types = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (phrase, type) in perSentence.SelectMany(p => p))
        {
            if (!types.TryGetValue(phrase, out var set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                types[phrase] = set;
            }

            set.Add(type);
        }

        // A phrase seen with several types is one entry labelled with all of them ("LOC+ORG").
        return new WordListLexicon(LexiconName, types.Select(p => new LexiconEntry(string.Join(TypeSeparator, p.Value), p.Key)));
    }
}

/// <summary>
/// A lexicon to ship (<paramref name="Full"/>) and the lexicons training marks sentences with
/// (<paramref name="Folds"/>[<paramref name="BlockOf"/>[sentence]]), each built without that sentence's block.
/// </summary>
public sealed record HeldOutLexicon(WordListLexicon Full, IReadOnlyList<WordListLexicon> Folds, IReadOnlyList<int> BlockOf);
