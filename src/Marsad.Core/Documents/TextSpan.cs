namespace Marsad.Documents;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units in a document's original text.
/// Every span Marsad reports is one of these: it always slices the original, never a normalized copy.
/// </summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public string Slice(string text) => text.Substring(Start, End - Start);

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : other.End.CompareTo(End);

    public override string ToString() => $"[{Start},{End})";
}
