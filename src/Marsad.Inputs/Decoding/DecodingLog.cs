using System.Collections.Immutable;
using System.Globalization;

namespace Marsad.Inputs.Decoding;

/// <summary>What a decoding warning is about.</summary>
public enum DecodingIssue
{
    /// <summary>Byte sequences no candidate encoding could decode were replaced with U+FFFD.</summary>
    Replaced,

    /// <summary>One encoding could not explain the whole input: its paragraphs were decoded in different encodings.</summary>
    Mixed,
}

/// <summary>A warning about how an input's bytes became text (written into the document's warnings).</summary>
public sealed record DecodingWarning(DecodingIssue Issue, int Count, ImmutableArray<string> Encodings)
{
    public override string ToString() => Issue switch
    {
        DecodingIssue.Replaced => string.Create(CultureInfo.InvariantCulture, $"decoding: {Count} undecodable byte sequence{(Count == 1 ? string.Empty : "s")} replaced with U+FFFD ({string.Join(", ", Encodings)})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"decoding: paragraphs in different encodings, each decoded in its own ({string.Join(", ", Encodings)})"),
    };
}

/// <summary>
/// Records, as a decoding reader emits text, which encoding decoded each stretch of characters and how
/// many replacements it made, so that each document (a JSON line, or the whole input) gets the warnings
/// of its own characters.
/// </summary>
public sealed class DecodingLog
{
    private readonly List<Chunk> _chunks = [];

    private readonly record struct Chunk(long Start, long End, string Encoding, int Replacements);

    /// <summary>Characters emitted so far.</summary>
    public long Position { get; private set; }

    internal void Add(int chars, string encoding, int replacements)
    {
        var start = Position;
        Position += chars;
        if (_chunks.Count > 0 && _chunks[^1] is var last && last.Encoding == encoding && last.Replacements == 0 && replacements == 0)
        {
            _chunks[^1] = last with { End = Position };
            return;
        }

        _chunks.Add(new Chunk(start, Position, encoding, replacements));
    }

    /// <summary>Warnings about the characters [<paramref name="from"/>, <paramref name="to"/>) of the decoded stream.</summary>
    public ImmutableArray<DecodingWarning> WarningsFor(long from, long to)
    {
        var replaced = 0;
        var replacedIn = new SortedSet<string>(StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in Overlapping(from, to))
        {
            if (c.Encoding != LineDecoding.AsciiName)
            {
                used.Add(c.Encoding);
            }

            if (c.Replacements > 0)
            {
                replaced += c.Replacements;
                replacedIn.Add(c.Encoding);
            }
        }

        var warnings = ImmutableArray.CreateBuilder<DecodingWarning>();
        if (used.Count > 1)
        {
            warnings.Add(new DecodingWarning(DecodingIssue.Mixed, used.Count, [.. used]));
        }

        if (replaced > 0)
        {
            warnings.Add(new DecodingWarning(DecodingIssue.Replaced, replaced, [.. replacedIn]));
        }

        return warnings.ToImmutable();
    }

    /// <summary>Warnings about everything decoded.</summary>
    public ImmutableArray<DecodingWarning> Warnings() => WarningsFor(0, long.MaxValue);

    private IEnumerable<Chunk> Overlapping(long from, long to)
    {
        // Chunks are in order: binary search for the first that ends after from.
        int lo = 0, hi = _chunks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_chunks[mid].End <= from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < _chunks.Count && _chunks[i].Start < to; i++)
        {
            // A replacement-free chunk of zero length still says which encoding was used; skip only empty ones outside.
            if (_chunks[i].End > from || _chunks[i].Start >= from)
            {
                yield return _chunks[i];
            }
        }
    }
}
