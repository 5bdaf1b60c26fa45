using Marsad.Documents;

namespace Marsad.Analysis;

public enum TokenKind
{
    /// <summary>Arabic-script word (letters with any diacritics/tatweel inside).</summary>
    Arabic,
    /// <summary>Latin-script word, possibly with digits (SY24).</summary>
    Latin,
    /// <summary>Digits (ASCII, Arabic-Indic or Persian), possibly with internal separators (1,700 / 2.5).</summary>
    Number,
    /// <summary>One punctuation or symbol character.</summary>
    Punctuation,
}

/// <summary>
/// A token: where it is in the original text, its kind, and its matching-normalized form
/// (<see cref="ArabicNormalizer"/>, matching options). Slicing the original with <see cref="Span"/>
/// gives the token exactly as written.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, string Norm)
{
    public TextSpan Span => new(Start, End);

    public int Length => End - Start;

    public bool IsWord => Kind is TokenKind.Arabic or TokenKind.Latin;
}
