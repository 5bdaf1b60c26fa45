using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class CrfTrainerTests
{
    private static readonly int T = NerTags.Count;

    private static NerTrainingOptions CrfOptions { get; } = NerTestData.FastOptions with { Trainer = NerTrainer.Crf, Epochs = 10, L2 = 0.1 };

    private static double[] RandomVector(int length, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (rng.NextDouble() * 2) - 1)];
    }

    [Fact]
    public void LogLikelihood_Gradient_MatchesFiniteDifferences()
    {
        // Three feature rows; token 2 carries row 2 twice (duplicates count twice, as in decoding).
        int[][] feats = [[0, 1], [1, 2], [0, 2, 2], [1]];
        int[] gold = [1, 2, 0, 3]; // B-PER I-PER O B-LOC
        var w = RandomVector(3 * T, 1);
        var trans = RandomVector((T + 1) * T, 2);
        var gw = new double[w.Length];
        var gt = new double[trans.Length];
        var ll = CrfTrainer.LogLikelihood(feats, gold, w, trans, gw, gt);
        ll.ShouldBeLessThan(0);

        const double h = 1e-5;
        static double Numeric(double[] x, int j, Func<double> f)
        {
            var keep = x[j];
            x[j] = keep + h;
            var up = f();
            x[j] = keep - h;
            var down = f();
            x[j] = keep;
            return (up - down) / (2 * h);
        }

        double F() => CrfTrainer.LogLikelihood(feats, gold, w, trans, null, null);
        for (var j = 0; j < w.Length; j++)
        {
            gw[j].ShouldBe(Numeric(w, j, F), 1e-6);
        }

        for (var j = 0; j < trans.Length; j++)
        {
            gt[j].ShouldBe(Numeric(trans, j, F), 1e-6);
            if (!NerTags.IsValidTransition(j / T == T ? -1 : j / T, j % T))
            {
                gt[j].ShouldBe(0); // never on a path: no gradient
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Marginals_SumToOne_NoMassOnInvalidTransitions_MatchBruteForce(int n)
    {
        var e = RandomVector(n * T, 3 + n);
        var trans = RandomVector((T + 1) * T, 4);
        var node = new double[n * T];
        var edge = new double[n * (T + 1) * T];
        var logZ = CrfTrainer.Marginals(e, n, trans, node, edge);

        // Brute force over every tag sequence, keeping only valid BIO paths.
        var z = 0.0;
        var bruteNode = new double[n * T];
        var path = new int[n];
        var total = (int)Math.Pow(T, n);
        for (var code = 0; code < total; code++)
        {
            var c = code;
            for (var i = 0; i < n; i++)
            {
                path[i] = c % T;
                c /= T;
            }

            var score = 0.0;
            var valid = true;
            for (var i = 0; i < n && valid; i++)
            {
                var prev = i == 0 ? -1 : path[i - 1];
                valid = NerTags.IsValidTransition(prev, path[i]);
                score += e[(i * T) + path[i]] + trans[((prev < 0 ? T : prev) * T) + path[i]];
            }

            if (valid)
            {
                var p = Math.Exp(score);
                z += p;
                for (var i = 0; i < n; i++)
                {
                    bruteNode[(i * T) + path[i]] += p;
                }
            }
        }

        logZ.ShouldBe(Math.Log(z), 1e-9);
        for (var i = 0; i < n; i++)
        {
            node.AsSpan(i * T, T).ToArray().Sum().ShouldBe(1, 1e-9);
            var positionEdges = edge.AsSpan(i * (T + 1) * T, (T + 1) * T).ToArray();
            positionEdges.Sum().ShouldBe(1, 1e-9);
            for (var t = 0; t < T; t++)
            {
                node[(i * T) + t].ShouldBe(bruteNode[(i * T) + t] / z, 1e-9);
                // Edges into t agree with the node marginal of t.
                Enumerable.Range(0, T + 1).Sum(p => positionEdges[(p * T) + t]).ShouldBe(node[(i * T) + t], 1e-9);
            }

            for (var p = 0; p <= T; p++)
            {
                for (var t = 0; t < T; t++)
                {
                    // Row T is the start: only position 0 may use it, and positions > 0 only rows 0..T-1.
                    var allowed = i == 0 ? p == T && NerTags.IsValidTransition(-1, t) : p < T && NerTags.IsValidTransition(p, t);
                    if (!allowed)
                    {
                        positionEdges[(p * T) + t].ShouldBe(0);
                    }
                }
            }
        }

        for (var t = 0; t < T; t++)
        {
            if (NerTags.IsInside(t))
            {
                node[t].ShouldBe(0); // a sentence never starts inside an entity
            }
        }
    }

    [Fact]
    public void RepairBio_OrphanInside_BecomesBeginWithSameSpans()
    {
        int[] tags = [4, 0, 2, 2, 3, 6]; // I-LOC O I-PER I-PER B-LOC I-ORG
        var spans = NerTags.Spans(tags);
        CrfTrainer.RepairBio(tags);
        tags.ShouldBe([3, 0, 1, 2, 3, 5]);
        NerTags.Spans(tags).ShouldBe(spans);
    }

    [Fact]
    public void Train_TinyCorpus_LearnsItsSentences()
    {
        var tagger = PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], CrfOptions, "crf");
        var tags = tagger.TagDocument([.. NerTestData.Corpus.Select(s => s.Tokens)]);
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i].ShouldBe(NerTestData.Corpus[i].Tags);
        }
    }

    [Fact]
    public void Train_Progress_EveryEpochAndLastEqualsResult()
    {
        static byte[] Bytes(NerModel m)
        {
            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                m.Write(w);
            }

            return stream.ToArray();
        }

        var seen = new List<(int Epoch, byte[] Bytes)>();
        var result = CrfTrainer.Train(NerTestData.Corpus, [], CrfOptions with { Epochs = 4 }, "crf", (epoch, model) => seen.Add((epoch, Bytes(model))));
        seen.Select(s => s.Epoch).ShouldBe([1, 2, 3, 4]);
        seen[^1].Bytes.ShouldBe(Bytes(result));
        seen[0].Bytes.ShouldNotBe(seen[^1].Bytes);
    }

    [Theory]
    [InlineData(false, 0.1)]
    [InlineData(true, 0.0)] // no L2: the lazy catch-up only sums iterates
    public void Train_LastIterateOrNoL2_StillLearnsTheCorpus(bool average, double l2)
    {
        var options = CrfOptions with { CrfAverage = average, L2 = l2 };
        var tagger = PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], options, "crf");
        var tags = tagger.TagDocument([.. NerTestData.Corpus.Select(s => s.Tokens)]);
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i].ShouldBe(NerTestData.Corpus[i].Tags);
        }
    }

    [Fact]
    public void Train_SameSeed_SameModelBytes()
    {
        static byte[] Bytes()
        {
            using var m = new MemoryStream();
            PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], CrfOptions, "d").Save(m);
            return m.ToArray();
        }

        var first = Bytes();
        first.ShouldBe(Bytes());
        using var p = new MemoryStream();
        PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], NerTestData.FastOptions, "d").Save(p);
        p.ToArray().ShouldNotBe(first); // the option really switches the learner
        using var last = new MemoryStream();
        PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], CrfOptions with { CrfAverage = false }, "d").Save(last);
        last.ToArray().ShouldNotBe(first); // averaging changes the weights
    }

    [Fact]
    public void Train_BadHyperParameters_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CrfTrainer.Train(NerTestData.Corpus, [], CrfOptions with { L2 = -1 }, "x"));
        Should.Throw<ArgumentOutOfRangeException>(() => CrfTrainer.Train(NerTestData.Corpus, [], CrfOptions with { LearningRate = 0 }, "x"));
    }
}
