namespace Marsad.Ner;

/// <summary>
/// Frozen map from 64-bit feature keys to weight rows: open addressing with linear probing over a
/// power-of-two table at most half full (faster than <see cref="Dictionary{TKey, TValue}"/> on this hot path).
/// Key 0 marks an empty slot, so a key of 0 is stored as <see cref="ZeroKey"/>.
/// </summary>
internal sealed class FeatureTable
{
    private const ulong ZeroKey = 0x9E3779B97F4A7C15UL;

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _shift;

    public FeatureTable(IReadOnlyDictionary<ulong, int> rows)
    {
        var bits = 4;
        while ((1 << bits) < rows.Count * 2)
        {
            bits++;
        }

        _keys = new ulong[1 << bits];
        _rows = new int[1 << bits];
        _shift = 64 - bits;
        var mask = _keys.Length - 1;
        foreach (var (key, row) in rows)
        {
            var k = key == 0 ? ZeroKey : key;
            var i = Slot(k);
            while (_keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = k;
            _rows[i] = row;
        }
    }

    public bool TryGetRow(ulong key, out int row)
    {
        var k = key == 0 ? ZeroKey : key;
        var mask = _keys.Length - 1;
        var i = Slot(k);
        while (true)
        {
            var at = _keys[i];
            if (at == k)
            {
                row = _rows[i];
                return true;
            }

            if (at == 0)
            {
                row = -1;
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private int Slot(ulong k) => (int)((k * 0x9E3779B97F4A7C15UL) >> _shift);
}
