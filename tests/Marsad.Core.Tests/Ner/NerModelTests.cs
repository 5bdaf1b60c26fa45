using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class NerModelTests
{
    [Fact]
    public void Viterbi_EmissionsFavourOrphanInside_ReturnsValidBio()
    {
        // Emissions alone would pick I-LOC at the start and I-PER after B-LOC; the decoder must not.
        var t = NerTags.Count;
        var e = new float[3 * t];
        e[(0 * t) + 4] = 10; // I-LOC at start
        e[(0 * t) + 3] = 5;  // B-LOC
        e[(1 * t) + 2] = 10; // I-PER after a LOC
        e[(1 * t) + 4] = 6;  // I-LOC
        e[(2 * t) + 0] = 1;
        var path = NerModel.Viterbi(e, 3, new float[(t + 1) * t]);
        path.ShouldBe([3, 4, 0]);
        for (var i = 0; i < path.Length; i++)
        {
            NerTags.IsValidTransition(i == 0 ? -1 : path[i - 1], path[i]).ShouldBeTrue();
        }
    }

    [Fact]
    public void Viterbi_Empty_ReturnsEmpty() => NerModel.Viterbi([], 0, new float[(NerTags.Count + 1) * NerTags.Count]).ShouldBeEmpty();

    [Fact]
    public void Train_TinyCorpus_LearnsItsSentences()
    {
        var tagger = PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], NerTestData.FastOptions, "test");
        var tags = tagger.TagDocument([.. NerTestData.Corpus.Select(s => s.Tokens)]);
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i].ShouldBe(NerTestData.Corpus[i].Tags);
        }
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameTagsAndSameBytes()
    {
        var lex = new WordListLexicon("cue", [new LexiconEntry("LOC_CUE", "بلدة")]);
        var tagger = PerceptronTrainer.TrainTagger(NerTestData.Corpus, [lex], NerTestData.FastOptions, "round trip");
        using var first = new MemoryStream();
        tagger.Save(first);
        first.Position = 0;
        var loaded = NerTagger.Load(first);

        loaded.Description.ShouldBe("round trip");
        loaded.Second.ShouldNotBeNull();
        loaded.First.Features.Lexicons.Select(l => l.Name).ShouldBe(["cue", SeenEntities.LexiconName]); // the corpus's own entities travel too
        IReadOnlyList<string>[] doc = [["وصل", "سامر", "حداد", "إلى", "بلدة", "كفرنجوم", "."]];
        loaded.TagDocument(doc).ShouldBe(tagger.TagDocument(doc));

        using var second = new MemoryStream();
        loaded.Save(second);
        second.ToArray().ShouldBe(first.ToArray()); // deterministic file
    }

    [Fact]
    public void Train_SameSeed_SameModelBytes()
    {
        static byte[] Bytes()
        {
            using var m = new MemoryStream();
            PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], NerTestData.FastOptions, "d").Save(m);
            return m.ToArray();
        }

        Bytes().ShouldBe(Bytes());
    }

    [Fact]
    public void Train_FeatureDropout_DeterministicAndDifferentFromNone()
    {
        static byte[] Bytes(double dropout)
        {
            using var m = new MemoryStream();
            PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], NerTestData.FastOptions with { FeatureDropout = dropout }, "d").Save(m);
            return m.ToArray();
        }

        var withDropout = Bytes(0.3);
        withDropout.ShouldBe(Bytes(0.3)); // dropout draws from the seeded generator: same file every run
        withDropout.ShouldNotBe(Bytes(0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)] // would drop every feature: nothing left to learn from
    public void NerTrainingOptions_DropoutOutOfRange_Throws(double dropout) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new NerTrainingOptions(FeatureDropout: dropout));

    [Fact]
    public void Load_NotAModel_Throws()
    {
        using var m = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(m, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var w = new BinaryWriter(gz))
        {
            w.Write("something else");
        }

        m.Position = 0;
        Should.Throw<InvalidDataException>(() => NerTagger.Load(m));
    }

    [Fact]
    public void Evaluation_ExactSpanAndType_CountsLikeConlleval()
    {
        var eval = new NerEvaluation();
        // gold: PER [0,2), LOC [3,4); predicted: PER [0,1) (wrong span), LOC [3,4) (right).
        eval.Add([1, 2, 0, 3], [1, 0, 0, 3]);
        eval.All.TruePositives.ShouldBe(1);
        eval.All.FalsePositives.ShouldBe(1);
        eval.All.FalseNegatives.ShouldBe(1);
        eval.All.F1.ShouldBe(0.5, 1e-9);
    }
}
