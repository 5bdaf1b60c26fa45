namespace Marsad.Ner;

/// <summary>
/// A trained linear-chain tagger: a weight row (one weight per tag) for each feature key seen in training,
/// tag-bigram transition weights, the feature set and the lexicons it was trained with. Decoding is
/// first-order Viterbi restricted to valid BIO (I-X only after B-X or I-X). Immutable; thread-safe.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "linear-chain";
    private static readonly int T = NerTags.Count;

    private readonly Dictionary<ulong, int> _rows;
    private readonly FeatureTable _table;
    private readonly float[] _weights;
    private readonly float[] _transitions;

    /// <param name="rows">Feature key → row index into <paramref name="weights"/> (row × tag count).</param>
    /// <param name="transitions">(tag count + 1) × tag count: row p = previous tag, last row = sentence start.</param>
    internal NerModel(NerFeatureExtractor features, Dictionary<ulong, int> rows, float[] weights, float[] transitions, string description)
    {
        Features = features;
        _rows = rows;
        _table = new FeatureTable(rows);
        _weights = weights;
        _transitions = transitions;
        Description = description;
    }

    public NerFeatureExtractor Features { get; }

    /// <summary>Free text saved with the model (training set-up, corpus attribution).</summary>
    public string Description { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>Tags (ids of <see cref="NerTags"/>) for one sentence of tokens, with optional extra labels per token.</summary>
    public int[] Tag(IReadOnlyList<string> tokens, IReadOnlyList<IReadOnlyList<string>?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return [];
        }

        return Tag(Features.Extract(tokens, extra), null);
    }

    /// <summary>Tags from precomputed feature keys per token, plus optional extra keys per token.</summary>
    public int[] Tag(ulong[][] features, ulong[][]? extraKeys)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Length;
        var emissions = new float[n * T];
        for (var i = 0; i < n; i++)
        {
            var e = emissions.AsSpan(i * T, T);
            AddRows(features[i], e);
            if (extraKeys is not null)
            {
                AddRows(extraKeys[i], e);
            }
        }

        return Viterbi(emissions, n, _transitions);
    }

    /// <summary>As <see cref="Tag(ulong[][], ulong[][])"/>, with tokens <paramref name="first"/> ..
    /// <paramref name="first"/> + <paramref name="count"/> of <paramref name="features"/>.</summary>
    internal int[] Tag(FeatureKeys features, int first, int count, ulong[][]? extraKeys)
    {
        var emissions = new float[count * T];
        for (var i = 0; i < count; i++)
        {
            var e = emissions.AsSpan(i * T, T);
            AddRows(features.Of(first + i), e);
            if (extraKeys is not null)
            {
                AddRows(extraKeys[i], e);
            }
        }

        return Viterbi(emissions, count, _transitions);
    }

    private void AddRows(ReadOnlySpan<ulong> keys, Span<float> e)
    {
        foreach (var key in keys)
        {
            if (_table.TryGetRow(key, out var row))
            {
                var w = _weights.AsSpan(row * T, T);
                for (var t = 0; t < T; t++)
                {
                    e[t] += w[t];
                }
            }
        }
    }

    /// <summary>Tag names for one sentence (B-PER, I-LOC, O, ...).</summary>
    public string[] TagNames(IReadOnlyList<string> tokens) => [.. Tag(tokens).Select(t => NerTags.Names[t])];

    /// <summary>
    /// Best valid BIO path given per-token tag scores (<paramref name="n"/> × tag count) and transitions
    /// ((tag count + 1) × tag count, last row = start). Invalid transitions are never taken.
    /// </summary>
    public static int[] Viterbi(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions)
    {
        if (n == 0)
        {
            return [];
        }

        var score = new float[n * T];
        var back = new int[n * T];
        for (var t = 0; t < T; t++)
        {
            score[t] = NerTags.IsValidTransition(-1, t) ? emissions[t] + transitions[(T * T) + t] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                var best = float.NegativeInfinity;
                var arg = NerTags.O;
                for (var p = 0; p < T; p++)
                {
                    if (!NerTags.IsValidTransition(p, t))
                    {
                        continue;
                    }

                    var s = score[((i - 1) * T) + p] + transitions[(p * T) + t];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                score[(i * T) + t] = best + emissions[(i * T) + t];
                back[(i * T) + t] = arg;
            }
        }

        var path = new int[n];
        var bestLast = float.NegativeInfinity;
        for (var t = 0; t < T; t++)
        {
            if (score[((n - 1) * T) + t] > bestLast)
            {
                bestLast = score[((n - 1) * T) + t];
                path[n - 1] = t;
            }
        }

        for (var i = n - 1; i > 0; i--)
        {
            path[i - 1] = back[(i * T) + path[i]];
        }

        return path;
    }

    /// <summary>Writes the model's section of a model file (feature rows sorted by key, so equal models give equal bytes).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(T);
        w.Write(Description);
        w.Write((int)Features.Set);
        var lexicons = Features.Lexicons.OfType<WordListLexicon>().ToList();
        w.Write(lexicons.Count);
        foreach (var lex in lexicons)
        {
            w.Write(lex.Name);
            w.Write(lex.Entries.Count);
            foreach (var e in lex.Entries)
            {
                w.Write(e.Label);
                w.Write(e.Phrase);
            }
        }

        foreach (var x in _transitions)
        {
            w.Write(x);
        }

        var keys = _rows.Keys.ToArray();
        Array.Sort(keys);
        w.Write(keys.Length);
        foreach (var k in keys)
        {
            w.Write(k);
        }

        // Weights tag by tag (column-major) compress better than row by row.
        for (var t = 0; t < T; t++)
        {
            foreach (var k in keys)
            {
                w.Write(_weights[(_rows[k] * T) + t]);
            }
        }
    }

    internal static NerModel Read(BinaryReader r)
    {
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Marsad NER model section");
        }

        if (r.ReadInt32() != T)
        {
            throw new InvalidDataException("NER model has a different tag set");
        }

        var description = r.ReadString();
        var set = (NerFeatureSet)r.ReadInt32();
        var lexCount = r.ReadInt32();
        var lexicons = new List<INerLexicon>(lexCount);
        for (var l = 0; l < lexCount; l++)
        {
            var name = r.ReadString();
            var count = r.ReadInt32();
            var entries = new List<LexiconEntry>(count);
            for (var e = 0; e < count; e++)
            {
                var label = r.ReadString();
                entries.Add(new LexiconEntry(label, r.ReadString()));
            }

            lexicons.Add(new WordListLexicon(name, entries));
        }

        var transitions = new float[(T + 1) * T];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = r.ReadSingle();
        }

        var n = r.ReadInt32();
        var keys = ReadArray<ulong>(r, n);
        var rows = new Dictionary<ulong, int>(n);
        for (var i = 0; i < n; i++)
        {
            rows.Add(keys[i], i);
        }

        // Stored tag by tag (column-major): read a column at once, then spread it into the rows.
        var weights = new float[n * T];
        for (var t = 0; t < T; t++)
        {
            var column = ReadArray<float>(r, n);
            for (var i = 0; i < n; i++)
            {
                weights[(i * T) + t] = column[i];
            }
        }

        return new NerModel(new NerFeatureExtractor(set, lexicons), rows, weights, transitions, description);
    }

    /// <summary>
    /// <paramref name="count"/> little-endian values, as BinaryReader writes them one by one, read in one block
    /// (the model's millions of values load in a fraction of the time).
    /// </summary>
    private static T[] ReadArray<T>(BinaryReader r, int count)
        where T : unmanaged
    {
        var values = new T[count];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("NER models are stored little-endian; this machine is big-endian");
        }

        return values;
    }
}
