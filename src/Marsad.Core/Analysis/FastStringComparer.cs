namespace Marsad.Analysis;

/// <summary>
/// Ordinal string equality with a cheap, non-randomized hash (length and up to four characters at the ends). For
/// lexicon look-ups done once per token: the taggers probe every token, and the default randomized hash costs more
/// than the whole comparison. Lexicons are our own data, not attacker input, so hash flooding is not a concern.
/// </summary>
public sealed class FastStringComparer : IEqualityComparer<string>
{
    public static FastStringComparer Instance { get; } = new();

    private FastStringComparer()
    {
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var n = obj.Length;
        if (n == 0)
        {
            return 0;
        }

        unchecked
        {
            var h = (uint)n * 0x9E3779B1u;
            h = (h ^ obj[0]) * 0x85EBCA77u;
            h = (h ^ obj[n - 1]) * 0xC2B2AE3Du;
            if (n > 2)
            {
                h = (h ^ obj[1]) * 0x27D4EB2Fu;
                h = (h ^ obj[n - 2]) * 0x165667B1u;
            }

            if (n > 4)
            {
                h = (h ^ obj[n >> 1]) * 0x9E3779B1u;
            }

            return (int)(h ^ (h >> 15));
        }
    }
}
