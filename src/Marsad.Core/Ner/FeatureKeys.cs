using System.Buffers;

namespace Marsad.Ner;

/// <summary>
/// The feature keys of a run of tokens, all in one array rented from the shared pool (tagging a document
/// allocates no array per token): token i's keys are <see cref="Keys"/><c>[Ends[i-1]..Ends[i]]</c>.
/// Dispose returns the array.
/// </summary>
internal sealed class FeatureKeys : IDisposable
{
    private ulong[] _keys;
    private int[] _ends;

    public FeatureKeys(int expectedKeys, int expectedTokens)
    {
        _keys = ArrayPool<ulong>.Shared.Rent(Math.Max(expectedKeys, 16));
        _ends = ArrayPool<int>.Shared.Rent(Math.Max(expectedTokens, 4));
    }

    public int Count { get; private set; }

    public int Tokens { get; private set; }

    public ReadOnlySpan<ulong> Keys => _keys.AsSpan(0, Count);

    public ReadOnlySpan<int> Ends => _ends.AsSpan(0, Tokens);

    /// <summary>Token <paramref name="i"/>'s keys.</summary>
    public ReadOnlySpan<ulong> Of(int i) => _keys.AsSpan(i == 0 ? 0 : _ends[i - 1], _ends[i] - (i == 0 ? 0 : _ends[i - 1]));

    public void Add(ulong key)
    {
        if (Count == _keys.Length)
        {
            _keys = Grow(_keys, Count);
        }

        _keys[Count++] = key;
    }

    /// <summary>Closes the current token: the keys added since the last call are its keys.</summary>
    public void EndToken()
    {
        if (Tokens == _ends.Length)
        {
            _ends = Grow(_ends, Tokens);
        }

        _ends[Tokens++] = Count;
    }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_ends);
        _keys = [];
        _ends = [];
    }

    private static T[] Grow<T>(T[] old, int used)
    {
        var bigger = ArrayPool<T>.Shared.Rent(old.Length * 2);
        old.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(old);
        return bigger;
    }
}
