using System.Buffers.Binary;
using Marsad.Store.Search;

namespace Marsad.Store.Dedup;

/// <summary>
/// Near-duplicate detection: word 4-gram shingles of the normalized text, a MinHash signature of
/// <see cref="SignatureLength"/> 32-bit minima, and locality-sensitive hashing in <see cref="Bands"/> bands
/// of <see cref="RowsPerBand"/> rows. Two documents sharing any band are candidates; their estimated
/// Jaccard similarity (fraction of equal minima) decides.
/// </summary>
public static class MinHash
{
    public const int SignatureLength = 64;
    public const int Bands = 16;
    public const int RowsPerBand = 4;
    public const int ShingleWords = 4;

    /// <summary>Estimated Jaccard at or above which two documents are near-duplicates.</summary>
    public const double DuplicateThreshold = 0.7;

    /// <summary>
    /// Estimated containment (the shorter body's shingles found in the longer) at or above which two documents are
    /// near-duplicates: a copy that adds its own lead, headings or related-stories lines to an original, or cuts
    /// part of it. Measured on the development pairs (word 4-grams of the bodies): independent reports of one
    /// incident reach 0.16 at most (they share quotes of one statement), republications 0.48 and more; the threshold
    /// sits between, nearer the negatives because a MinHash estimate of a low Jaccard is noisy.
    /// </summary>
    public const double ContainmentThreshold = 0.35;

    /// <summary>Containment is estimated only when the shorter body has at least this many shingles (a two-line
    /// flash is contained in many reports).</summary>
    public const int MinContainmentShingles = 40;

    // Fixed seeds: signatures must be identical across processes and versions (deterministic).
    private static readonly ulong[] Seeds = MakeSeeds();

    public static uint[] Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Signature(SearchText.Terms(text).Select(t => t.Term).ToList());
    }

    /// <summary>The signature of a document's search terms (<see cref="SearchText.Terms"/>).</summary>
    public static uint[] Signature(IReadOnlyList<string> terms) => Summarize(terms).Signature;

    /// <summary>The signature of a document's search terms and the number of distinct shingles it summarizes.</summary>
    public static (uint[] Signature, int Shingles) Summarize(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sig = new uint[SignatureLength];
        Array.Fill(sig, uint.MaxValue);
        if (terms.Count == 0)
        {
            return (sig, 0);
        }

        var distinct = new HashSet<ulong>();

        var n = Math.Min(ShingleWords, terms.Count);
        for (var i = 0; i + n <= terms.Count; i++)
        {
            var h = 14695981039346656037UL;
            for (var k = 0; k < n; k++)
            {
                foreach (var c in terms[i + k])
                {
                    h = (h ^ c) * 1099511628211UL;
                }

                h = (h ^ ' ') * 1099511628211UL;
            }

            if (!distinct.Add(h))
            {
                continue;
            }

            for (var j = 0; j < SignatureLength; j++)
            {
                var v = (uint)(Mix(h ^ Seeds[j]) >> 32);
                if (v < sig[j])
                {
                    sig[j] = v;
                }
            }
        }

        return (sig, distinct.Count);
    }

    /// <summary>
    /// How alike two documents are: estimated Jaccard of their shingle sets and, when both shingle counts are known,
    /// estimated containment of the smaller set in the larger (|A∩B| = J(|A|+|B|)/(1+J), over the smaller size).
    /// </summary>
    public static Resemblance Compare(uint[] a, int? shinglesA, uint[] b, int? shinglesB)
    {
        var j = Similarity(a, b);
        if (shinglesA is not { } na || shinglesB is not { } nb || Math.Min(na, nb) < MinContainmentShingles || j <= 0)
        {
            return new Resemblance(j, j);
        }

        var containment = j * (na + nb) / ((1 + j) * Math.Min(na, nb));
        return new Resemblance(j, Math.Min(1, Math.Max(j, containment)));
    }

    /// <summary>The LSH band keys of a signature (one 63-bit value per band, so it fits a signed BIGINT).</summary>
    public static long[] BandKeys(uint[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var keys = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var h = 1469598103934665603UL ^ (ulong)b;
            for (var r = 0; r < RowsPerBand; r++)
            {
                h = Mix(h ^ signature[(b * RowsPerBand) + r]);
            }

            keys[b] = (long)(h & 0x7FFF_FFFF_FFFF_FFFFUL);
        }

        return keys;
    }

    public static double Similarity(uint[] a, uint[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var same = 0;
        for (var i = 0; i < SignatureLength; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return same / (double)SignatureLength;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sig = new uint[bytes.Length / 4];
        for (var i = 0; i < sig.Length; i++)
        {
            sig[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return sig;
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finalizer.
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[SignatureLength];
        var s = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            s += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(s);
        }

        return seeds;
    }
}

/// <summary>Estimated Jaccard and containment of two documents' shingle sets.</summary>
public readonly record struct Resemblance(double Jaccard, double Containment)
{
    /// <summary>One story republished: Jaccard at the duplicate threshold, or the shorter contained in the longer.</summary>
    public bool IsNearDuplicate => Jaccard >= MinHash.DuplicateThreshold || Containment >= MinHash.ContainmentThreshold;
}
