using System.Runtime.InteropServices;

namespace Marsad.Ner;

/// <summary>
/// Frozen map from 64-bit feature keys to weight rows: open addressing with linear probing over a
/// power-of-two table at most half full (faster than <see cref="Dictionary{TKey, TValue}"/> on this hot path).
/// Each slot holds the key and its row of weights side by side (48 bytes), so a lookup that finds its key
/// costs one cache miss instead of three (key, row number, weights): tagging is bound by these misses.
/// Key 0 marks an empty slot, so a key of 0 is stored as <see cref="ZeroKey"/>.
/// </summary>
internal sealed class FeatureTable
{
    /// <summary>The most weights a row can hold (one per tag).</summary>
    public const int MaxWeights = 10;

    private const ulong ZeroKey = 0x9E3779B97F4A7C15UL;

    /// <summary>ulongs per slot: the key, then <see cref="MaxWeights"/> floats.</summary>
    private const int Stride = 1 + (MaxWeights / 2);

    private readonly ulong[] _slots;
    private readonly int _shift;
    private readonly int _mask;
    private readonly int _width;

    /// <param name="rows">Feature key → row index into <paramref name="weights"/>.</param>
    /// <param name="weights">Rows of <paramref name="width"/> weights, row after row.</param>
    public FeatureTable(IReadOnlyDictionary<ulong, int> rows, ReadOnlySpan<float> weights, int width)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWeights);
        var bits = 4;
        while ((1 << bits) < rows.Count * 2)
        {
            bits++;
        }

        _slots = new ulong[(1 << bits) * Stride];
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
        _width = width;
        foreach (var (key, row) in rows)
        {
            var k = key == 0 ? ZeroKey : key;
            var i = Slot(k);
            while (_slots[i * Stride] != 0)
            {
                i = (i + 1) & _mask;
            }

            _slots[i * Stride] = k;
            weights.Slice(row * width, width).CopyTo(WeightsAt(i));
        }
    }

    /// <summary>The weight row of <paramref name="key"/> (<c>width</c> weights), or false when the key is unknown.</summary>
    public bool TryGetWeights(ulong key, out ReadOnlySpan<float> weights)
    {
        var k = key == 0 ? ZeroKey : key;
        var i = Slot(k);
        while (true)
        {
            var at = _slots[i * Stride];
            if (at == k)
            {
                weights = WeightsAt(i)[.._width];
                return true;
            }

            if (at == 0)
            {
                weights = default;
                return false;
            }

            i = (i + 1) & _mask;
        }
    }

    private Span<float> WeightsAt(int slot) => MemoryMarshal.Cast<ulong, float>(_slots.AsSpan((slot * Stride) + 1, Stride - 1));

    private int Slot(ulong k) => (int)((k * 0x9E3779B97F4A7C15UL) >> _shift);
}
