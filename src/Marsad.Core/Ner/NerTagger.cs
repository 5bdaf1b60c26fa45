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
        var first = sentences.Select(s => First.Tag(s)).ToArray();
        if (Second is null)
        {
            return first;
        }

        var memory = DocumentMemory.Build(sentences, first, Window);
        var result = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            result[s] = Second.Tag(sentences[s], memory[s]);
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
    public static IReadOnlyList<IReadOnlyList<string>?>[] Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int[]> firstPass, int window)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(firstPass);
        var keys = new string?[sentences.Count][];
        var occurrences = new Dictionary<string, List<(int Sentence, int Token)>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            keys[s] = new string?[sentences[s].Count];
            for (var i = 0; i < sentences[s].Count; i++)
            {
                var forms = NerFeatureExtractor.FormsOf(sentences[s][i]);
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

        var result = new IReadOnlyList<IReadOnlyList<string>?>[sentences.Count];
        Span<int> votes = stackalloc int[5];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tags = firstPass[s];
            var labels = new IReadOnlyList<string>?[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                var own = new List<string>(6)
                {
                    "s1:" + NerTags.Names[tags[i]],
                    "s1p:" + (i > 0 ? NerTags.Names[tags[i - 1]] : "<s>") + "|" + NerTags.Names[tags[i]],
                    "s1n:" + NerTags.Names[tags[i]] + "|" + (i + 1 < tags.Length ? NerTags.Names[tags[i + 1]] : "</s>"),
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
                                own.Add("mem-any:" + NerTags.Types[t - 1]);
                            }

                            if (votes[t] > votes[best])
                            {
                                best = t;
                            }
                        }

                        own.Add("mem-maj:" + (best == 0 ? "O" : NerTags.Types[best - 1]));
                        own.Add("mem-maj:" + (best == 0 ? "O" : NerTags.Types[best - 1]) + "|" + NerTags.Names[tags[i]]);
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
