namespace Marsad.Ner;

/// <summary>
/// Linear-chain conditional random field (Lafferty, McCallum &amp; Pereira 2001) over the same features and
/// tag bigrams as <see cref="PerceptronTrainer"/>, producing the same <see cref="NerModel"/> (a weight row per
/// feature key × tag, and (tag count + 1) × tag count transitions, last row = sentence start), so tagging,
/// saving and the two-pass tagger are unchanged.
/// <para>
/// p(y | x) ∝ exp(Σᵢ emission(xᵢ, yᵢ) + transition(yᵢ₋₁, yᵢ)) over valid BIO paths only: an invalid transition
/// (see <see cref="NerTags.IsValidTransition"/>) has probability 0, exactly the paths
/// <see cref="NerModel.Viterbi"/> can return. Forward-backward runs in log space (log-sum-exp). The objective
/// −Σ log p(gold) + (λ/2)‖w‖² is minimised by SGD, one sentence per step, with AdaGrad step sizes; the L2 term
/// is applied lazily to a feature row when the row is next touched (and to all rows at the end of each epoch),
/// so updates stay sparse. With <see cref="NerTrainingOptions.CrfAverage"/> the shipped weights are the
/// average of the iterates after every step (averaged SGD), kept lazily the same way. Deterministic: sentence order is shuffled with a fixed seed and all arithmetic is
/// sequential, so a rerun gives a byte-identical model.
/// </para>
/// </summary>
public static class CrfTrainer
{
    private static readonly int T = NerTags.Count;

    /// <summary>For each tag, the tags (0..T−1) that may precede it.</summary>
    private static readonly int[][] Previous = [.. Enumerable.Range(0, NerTags.Count)
        .Select(t => Enumerable.Range(0, NerTags.Count).Where(p => NerTags.IsValidTransition(p, t)).ToArray())];

    /// <summary>For each tag, the tags that may follow it.</summary>
    private static readonly int[][] Next = [.. Enumerable.Range(0, NerTags.Count)
        .Select(p => Enumerable.Range(0, NerTags.Count).Where(t => NerTags.IsValidTransition(p, t)).ToArray())];

    /// <param name="progress">Called after each epoch with the epoch number and the model so far; may be null.</param>
    public static NerModel Train(
        IReadOnlyList<NerSentence> sentences,
        IEnumerable<INerLexicon> lexicons,
        NerTrainingOptions options,
        string description,
        Action<int, NerModel>? progress = null,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string>?>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        if (options.L2 < 0 || !(options.LearningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the CRF needs L2 ≥ 0 and a learning rate > 0");
        }

        var (extractor, rows, data, gold) = PerceptronTrainer.Index(sentences, lexicons, options, extra);
        foreach (var g in gold)
        {
            RepairBio(g);
        }

        var state = new State(rows.Count, options.LearningRate, options.L2 / Math.Max(1, sentences.Count), options.CrfAverage);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(options.Seed);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var s in order)
            {
                if (data[s].Length > 0)
                {
                    state.Step(data[s], gold[s]);
                }
            }

            state.Flush();
            if (progress is not null)
            {
                progress(epoch, state.ToModel(extractor, rows, description));
            }
        }

        return state.ToModel(extractor, rows, description);
    }

    /// <summary>
    /// Rewrites an I-X that may not follow its predecessor (an orphan I- in the corpus) as B-X: the entity
    /// spans are the same as <see cref="NerTags.Spans"/> reads them, and the gold path gets non-zero probability.
    /// </summary>
    internal static void RepairBio(int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (!NerTags.IsValidTransition(i == 0 ? -1 : tags[i - 1], tags[i]))
            {
                tags[i]--;
            }
        }
    }

    /// <summary>
    /// log p(<paramref name="gold"/> | sentence) under weights <paramref name="w"/> (row × tag) and
    /// <paramref name="transitions"/>, adding its gradient (gold feature counts − expected counts) to
    /// <paramref name="gradW"/> and <paramref name="gradTransitions"/> when given. Dense; for tests and checks.
    /// </summary>
    internal static double LogLikelihood(int[][] feats, int[] gold, double[] w, double[] transitions, double[]? gradW, double[]? gradTransitions)
    {
        var n = feats.Length;
        var scratch = new Scratch(n);
        var ll = Expect(feats, gold, w, transitions, scratch);
        if (gradW is not null)
        {
            for (var i = 0; i < n; i++)
            {
                foreach (var f in feats[i])
                {
                    for (var t = 0; t < T; t++)
                    {
                        gradW[(f * T) + t] += (gold[i] == t ? 1 : 0) - scratch.Node[(i * T) + t];
                    }
                }
            }
        }

        if (gradTransitions is not null)
        {
            AddTransitionGradient(gold, scratch, n, gradTransitions);
        }

        return ll;
    }

    /// <summary>
    /// Posterior marginals of a sentence given its per-token tag scores (<paramref name="n"/> × tag count):
    /// node[i × T + t] = p(yᵢ = t), and edge[(i × (T + 1) + p) × T + t] = p(yᵢ₋₁ = p, yᵢ = t) with p = T (the
    /// start row) at i = 0. Returns log Z.
    /// </summary>
    internal static double Marginals(ReadOnlySpan<double> emissions, int n, ReadOnlySpan<double> transitions, double[] node, double[] edge)
    {
        var scratch = new Scratch(n);
        emissions[..(n * T)].CopyTo(scratch.Emissions);
        var logZ = ForwardBackward(scratch, n, transitions);
        Array.Copy(scratch.Node, node, n * T);
        Array.Copy(scratch.Edge, edge, n * (T + 1) * T);
        return logZ;
    }

    /// <summary>Emission scores, forward-backward and marginals (into <paramref name="scratch"/>); returns log p(gold).</summary>
    private static double Expect(int[][] feats, int[] gold, double[] w, ReadOnlySpan<double> transitions, Scratch scratch)
    {
        var n = feats.Length;
        var e = scratch.Emissions;
        Array.Clear(e, 0, n * T);
        for (var i = 0; i < n; i++)
        {
            var ei = e.AsSpan(i * T, T);
            foreach (var f in feats[i])
            {
                var row = w.AsSpan(f * T, T);
                for (var t = 0; t < T; t++)
                {
                    ei[t] += row[t];
                }
            }
        }

        var logZ = ForwardBackward(scratch, n, transitions);
        var score = 0.0;
        for (var i = 0; i < n; i++)
        {
            score += e[(i * T) + gold[i]] + transitions[((i == 0 ? T : gold[i - 1]) * T) + gold[i]];
        }

        return score - logZ;
    }

    /// <summary>Log-space forward-backward over valid BIO paths; fills the node and edge marginals; returns log Z.</summary>
    private static double ForwardBackward(Scratch s, int n, ReadOnlySpan<double> trans)
    {
        var e = s.Emissions;
        var alpha = s.Alpha;
        var beta = s.Beta;
        Span<double> terms = stackalloc double[T];
        for (var t = 0; t < T; t++)
        {
            alpha[t] = NerTags.IsValidTransition(-1, t) ? trans[(T * T) + t] + e[t] : double.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                var prev = Previous[t];
                for (var k = 0; k < prev.Length; k++)
                {
                    terms[k] = alpha[((i - 1) * T) + prev[k]] + trans[(prev[k] * T) + t];
                }

                alpha[(i * T) + t] = LogSumExp(terms[..prev.Length]) + e[(i * T) + t];
            }
        }

        for (var t = 0; t < T; t++)
        {
            beta[((n - 1) * T) + t] = 0;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var p = 0; p < T; p++)
            {
                var next = Next[p];
                for (var k = 0; k < next.Length; k++)
                {
                    var t = next[k];
                    terms[k] = trans[(p * T) + t] + e[((i + 1) * T) + t] + beta[((i + 1) * T) + t];
                }

                beta[(i * T) + p] = LogSumExp(terms[..next.Length]);
            }
        }

        var logZ = LogSumExp(alpha.AsSpan((n - 1) * T, T));
        var node = s.Node;
        var edge = s.Edge;
        Array.Clear(edge, 0, n * (T + 1) * T);
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                node[(i * T) + t] = Math.Exp(alpha[(i * T) + t] + beta[(i * T) + t] - logZ);
            }
        }

        for (var t = 0; t < T; t++)
        {
            edge[(T * T) + t] = node[t];
        }

        for (var i = 1; i < n; i++)
        {
            var baseIndex = i * (T + 1) * T;
            for (var t = 0; t < T; t++)
            {
                var right = e[(i * T) + t] + beta[(i * T) + t] - logZ;
                foreach (var p in Previous[t])
                {
                    edge[baseIndex + (p * T) + t] = Math.Exp(alpha[((i - 1) * T) + p] + trans[(p * T) + t] + right);
                }
            }
        }

        return logZ;
    }

    private static double LogSumExp(ReadOnlySpan<double> xs)
    {
        var max = double.NegativeInfinity;
        foreach (var x in xs)
        {
            if (x > max)
            {
                max = x;
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = 0.0;
        foreach (var x in xs)
        {
            sum += Math.Exp(x - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Adds gold transition counts − expected transition counts.</summary>
    private static void AddTransitionGradient(int[] gold, Scratch s, int n, double[] grad)
    {
        for (var i = 0; i < n; i++)
        {
            grad[((i == 0 ? T : gold[i - 1]) * T) + gold[i]] += 1;
            var edge = s.Edge.AsSpan(i * (T + 1) * T, (T + 1) * T);
            for (var j = 0; j < edge.Length; j++)
            {
                grad[j] -= edge[j];
            }
        }
    }

    /// <summary>Per-sentence work arrays, grown to the longest sentence seen.</summary>
    private sealed class Scratch(int n)
    {
        public double[] Emissions { get; private set; } = new double[n * T];

        public double[] Alpha { get; private set; } = new double[n * T];

        public double[] Beta { get; private set; } = new double[n * T];

        public double[] Node { get; private set; } = new double[n * T];

        public double[] Edge { get; private set; } = new double[n * (T + 1) * T];

        public void Ensure(int length)
        {
            if (Emissions.Length >= length * T)
            {
                return;
            }

            Emissions = new double[length * T];
            Alpha = new double[length * T];
            Beta = new double[length * T];
            Node = new double[length * T];
            Edge = new double[length * (T + 1) * T];
        }
    }

    /// <summary>Weights, AdaGrad accumulators and the lazy-L2 bookkeeping of one training run.</summary>
    private sealed class State
    {
        private readonly double[] _w;
        private readonly double[] _g2;
        private readonly int[] _last;
        private readonly double[] _grad;
        private readonly int[] _stamp;
        private readonly List<int> _touched = [];
        private readonly double[] _tw = new double[(T + 1) * T];
        private readonly double[] _tg2 = new double[(T + 1) * T];
        private readonly double[] _tgrad = new double[(T + 1) * T];
        private readonly bool[] _validTransition = new bool[(T + 1) * T];
        private readonly Scratch _scratch = new(64);
        private readonly double[]? _u;
        private readonly double[]? _tu;
        private readonly double _eta;
        private readonly double _lambda;
        private int _step;

        /// <param name="lambda">L2 strength per step (λ / sentence count).</param>
        /// <param name="average">Also keep the sum of the iterates after every step, and ship their average.</param>
        public State(int rows, double eta, double lambda, bool average)
        {
            _w = new double[rows * T];
            _g2 = new double[rows * T];
            if (average)
            {
                _u = new double[rows * T];
                _tu = new double[(T + 1) * T];
            }

            _last = new int[rows];
            _grad = new double[rows * T];
            _stamp = new int[rows];
            _eta = eta;
            _lambda = lambda;
            for (var p = 0; p <= T; p++)
            {
                for (var t = 0; t < T; t++)
                {
                    _validTransition[(p * T) + t] = NerTags.IsValidTransition(p == T ? -1 : p, t);
                }
            }
        }

        /// <summary>One SGD step on one sentence.</summary>
        public void Step(int[][] feats, int[] gold)
        {
            _step++;
            var n = feats.Length;
            _scratch.Ensure(n);
            Expect(feats, gold, _w, _tw, _scratch);

            // Sentence gradient of the log-likelihood, summed per touched row (rows in first-touched order).
            _touched.Clear();
            var node = _scratch.Node;
            for (var i = 0; i < n; i++)
            {
                foreach (var f in feats[i])
                {
                    var row = _grad.AsSpan(f * T, T);
                    if (_stamp[f] != _step)
                    {
                        _stamp[f] = _step;
                        _touched.Add(f);
                        row.Clear();
                    }

                    for (var t = 0; t < T; t++)
                    {
                        row[t] -= node[(i * T) + t];
                    }

                    row[gold[i]] += 1;
                }
            }

            foreach (var f in _touched)
            {
                CatchUp(f, _step - 1);
                for (var t = 0; t < T; t++)
                {
                    var j = (f * T) + t;
                    Descend(_w, _g2, j, _grad[j]);
                    if (_u is not null)
                    {
                        _u[j] += _w[j];
                    }
                }

                _last[f] = _step;
            }

            Array.Clear(_tgrad);
            AddTransitionGradient(gold, _scratch, n, _tgrad);
            for (var j = 0; j < _tw.Length; j++)
            {
                if (_validTransition[j])
                {
                    Descend(_tw, _tg2, j, _tgrad[j]);
                    if (_tu is not null)
                    {
                        _tu[j] += _tw[j];
                    }
                }
            }
        }

        /// <summary>Applies the L2 steps every row has missed up to now (at the end of an epoch).</summary>
        public void Flush()
        {
            for (var r = 0; r < _last.Length; r++)
            {
                CatchUp(r, _step);
                _last[r] = _step;
            }
        }

        public NerModel ToModel(NerFeatureExtractor extractor, Dictionary<ulong, int> rows, string description)
        {
            var kept = new Dictionary<ulong, int>();
            var weights = new List<float>(_w.Length);
            var row = new float[T];
            var source = _u ?? _w;
            var scale = _u is null ? 1.0 : 1.0 / Math.Max(1, _step);
            foreach (var (key, r) in rows.OrderBy(p => p.Value))
            {
                var any = false;
                for (var t = 0; t < T; t++)
                {
                    row[t] = (float)(source[(r * T) + t] * scale);
                    any |= row[t] != 0;
                }

                if (any)
                {
                    kept.Add(key, kept.Count);
                    weights.AddRange(row);
                }
            }

            return new NerModel(extractor, kept, [.. weights], [.. (_tu ?? _tw).Select(x => (float)(x * scale))], description);
        }

        /// <summary>
        /// AdaGrad step on coordinate <paramref name="j"/> of the per-sentence objective
        /// −log p(gold) + (λ/2N)‖w‖², given the log-likelihood gradient <paramref name="llGrad"/>.
        /// </summary>
        private void Descend(double[] w, double[] g2, int j, double llGrad)
        {
            var d = (_lambda * w[j]) - llGrad;
            if (d == 0)
            {
                return;
            }

            g2[j] += d * d;
            w[j] -= _eta * d / Math.Sqrt(g2[j]);
        }

        /// <summary>
        /// The L2-only steps row <paramref name="r"/> missed since it was last updated, up to step
        /// <paramref name="upTo"/>: each multiplies a weight by d = 1 − a, a = ηⱼλ/N with its current AdaGrad
        /// rate ηⱼ (the accumulators are not grown by these steps). When averaging, the missed iterates
        /// w·d + w·d² + … + w·dᵐ = w·d(1 − dᵐ)/a are added to the sum.
        /// </summary>
        private void CatchUp(int r, int upTo)
        {
            var missed = upTo - _last[r];
            if (missed <= 0)
            {
                return;
            }

            for (var t = 0; t < T; t++)
            {
                var j = (r * T) + t;
                if (_w[j] == 0)
                {
                    continue;
                }

                var a = _lambda == 0 ? 0 : Math.Min(1, _eta * _lambda / Math.Sqrt(_g2[j]));
                var dm = a == 0 ? 1 : Math.Pow(1 - a, missed);
                if (_u is not null)
                {
                    _u[j] += a < 1e-12 ? _w[j] * missed : _w[j] * (1 - a) * (1 - dm) / a;
                }

                _w[j] *= dm;
            }
        }
    }
}
