using System.IO.Compression;
using System.Text;

namespace Marsad.Ner;

/// <summary>
/// The shipped tagger: a first-pass model, and optionally a second-pass model that also sees a document
/// memory — for each token, the first-pass tags of the same word (clitic-stripped) elsewhere in the
/// document (within <see cref="Window"/> sentences), and the first pass's own tags around it. Names
/// introduced once with a title ("the minister X") are then recognised where they recur alone.
/// Immutable and thread-safe; load once per process.
/// </summary>
public sealed class NerTagger
{
    /// <summary>File format version; bump when the layout or the feature hashing changes.</summary>
    public const int FormatVersion = 2;

    private const string Magic = "MARSAD-NER";

    public NerTagger(NerModel first, NerModel? second, int window)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (second is not null && (second.Features.Set != first.Features.Set || second.Features.Lexicons.Count != first.Features.Lexicons.Count))
        {
            throw new ArgumentException("both passes must use the same features", nameof(second));
        }

        First = first;
        Second = second;
        Window = window;
    }

    public NerModel First { get; }

    public NerModel? Second { get; }

    /// <summary>How many sentences before and after a sentence count as its document for the memory.</summary>
    public int Window { get; }

    public string Description => First.Description;

    /// <summary>Tags (ids of <see cref="NerTags"/>) for each sentence of one document (or one stream of sentences).</summary>
    public int[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        // Both passes share the sentence features (same feature set and lexicons): extract once, into one
        // pooled buffer for the whole document (sentence s's tokens start at token starts[s]).
        var tokens = sentences.Sum(x => x.Count);
        using var features = new FeatureKeys(tokens * 64, tokens);
        var forms = new NerTokenForms[sentences.Count][];
        var starts = new int[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            starts[s] = features.Tokens;
            forms[s] = First.Features.ExtractInto(sentences[s], null, features);
        }

        var first = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            first[s] = First.Tag(features, starts[s], sentences[s].Count, null);
        }

        if (Second is null)
        {
            return first;
        }

        var memory = DocumentMemory.Build(forms, first, Window);
        var result = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var extra = new ulong[memory[s].Count][];
            for (var i = 0; i < extra.Length; i++)
            {
                extra[i] = memory[s][i] is { } labels ? [.. labels.Select(NerFeatureExtractor.ExtraKey)] : [];
            }

            result[s] = Second.Tag(features, starts[s], sentences[s].Count, extra);
        }

        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Window);
        w.Write(Second is null ? 1 : 2);
        First.Write(w);
        Second?.Write(w);
    }

    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    public static NerTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(new BufferedStream(gz, 1 << 16), Encoding.UTF8, leaveOpen: false);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Marsad NER model");
        }

        var version = r.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"NER model format {version}, this program reads {FormatVersion}");
        }

        var window = r.ReadInt32();
        var stages = r.ReadInt32();
        var first = NerModel.Read(r);
        var second = stages > 1 ? NerModel.Read(r) : null;
        return new NerTagger(first, second, window);
    }

    public static NerTagger Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }
}

/// <summary>
/// Labels per token from a first tagging pass over a document: the first-pass tag of the token and of
/// its neighbours, and the tags given to other occurrences of the same word (clitic-stripped form).
/// </summary>
public static class DocumentMemory
{
    private static readonly string[] Own = [.. NerTags.Names.Select(n => "s1:" + n)];
    private static readonly string[] Prev = [.. Enumerable.Range(0, (NerTags.Count + 1) * NerTags.Count)
        .Select(k => "s1p:" + (k / NerTags.Count == NerTags.Count ? "<s>" : NerTags.Names[k / NerTags.Count]) + "|" + NerTags.Names[k % NerTags.Count])];
    private static readonly string[] Next = [.. Enumerable.Range(0, (NerTags.Count + 1) * NerTags.Count)
        .Select(k => "s1n:" + NerTags.Names[k % NerTags.Count] + "|" + (k / NerTags.Count == NerTags.Count ? "</s>" : NerTags.Names[k / NerTags.Count]))];
    private static readonly string[] Any = [.. NerTags.Types.Select(t => "mem-any:" + t)];
    private static readonly string[] Majority = ["mem-maj:O", .. NerTags.Types.Select(t => "mem-maj:" + t)];
    private static readonly string[] MajorityWithOwn = [.. Enumerable.Range(0, 5 * NerTags.Count)
        .Select(k => Majority[k / NerTags.Count] + "|" + NerTags.Names[k % NerTags.Count])];

    public static IReadOnlyList<IReadOnlyList<string>?>[] Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int[]> firstPass, int window)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Build([.. sentences.Select(s => s.Select(NerFeatureExtractor.FormsOf).ToArray())], firstPass, window);
    }

    internal static IReadOnlyList<IReadOnlyList<string>?>[] Build(NerTokenForms[][] sentences, IReadOnlyList<int[]> firstPass, int window)
    {
        ArgumentNullException.ThrowIfNull(firstPass);
        var keys = new string?[sentences.Length][];
        var occurrences = new Dictionary<string, List<(int Sentence, int Token)>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Length; s++)
        {
            keys[s] = new string?[sentences[s].Length];
            for (var i = 0; i < sentences[s].Length; i++)
            {
                var forms = sentences[s][i];
                if (forms.Kind != Analysis.TokenKind.Arabic && forms.Kind != Analysis.TokenKind.Latin)
                {
                    continue;
                }

                if (forms.Stem.Length < 2)
                {
                    continue;
                }

                keys[s][i] = forms.Stem;
                if (!occurrences.TryGetValue(forms.Stem, out var list))
                {
                    list = [];
                    occurrences[forms.Stem] = list;
                }

                list.Add((s, i));
            }
        }

        var result = new IReadOnlyList<IReadOnlyList<string>?>[sentences.Length];
        Span<int> votes = stackalloc int[5];
        for (var s = 0; s < sentences.Length; s++)
        {
            var tags = firstPass[s];
            var labels = new IReadOnlyList<string>?[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                const int T = 9;
                var own = new List<string>(8)
                {
                    Own[tags[i]],
                    Prev[((i > 0 ? tags[i - 1] : T) * T) + tags[i]],
                    Next[((i + 1 < tags.Length ? tags[i + 1] : T) * T) + tags[i]],
                };
                if (keys[s][i] is { } key)
                {
                    votes.Clear();
                    var others = 0;
                    foreach (var (os, ot) in occurrences[key])
                    {
                        if ((os == s && ot == i) || Math.Abs(os - s) > window)
                        {
                            continue;
                        }

                        others++;
                        votes[NerTags.TypeOf(firstPass[os][ot]) + 1]++;
                    }

                    if (others > 0)
                    {
                        var best = 0;
                        for (var t = 1; t < 5; t++)
                        {
                            if (votes[t] > 0)
                            {
                                own.Add(Any[t - 1]);
                            }

                            if (votes[t] > votes[best])
                            {
                                best = t;
                            }
                        }

                        own.Add(Majority[best]);
                        own.Add(MajorityWithOwn[(best * T) + tags[i]]);
                    }
                    else
                    {
                        own.Add("mem-none");
                    }
                }

                labels[i] = own;
            }

            result[s] = labels;
        }

        return result;
    }
}
