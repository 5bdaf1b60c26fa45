namespace Marsad.Inputs.Decoding;

/// <summary>How well a decoded text looks like the reports Marsad reads (Arabic, with Latin, digits, punctuation and emoji).</summary>
/// <param name="Total">Sum of per-character log-likelihood weights: higher is more plausible.</param>
/// <param name="Chars">Characters scored (a surrogate pair counts once).</param>
/// <param name="Bad">Characters no text has: controls, U+FFFD, lone surrogates, private use, unassigned.</param>
/// <param name="Controls">Of <paramref name="Bad"/>, the C0/C1 control characters (NUL included): the mark of binary data.</param>
/// <param name="Expected">Characters of the scripts and symbols reports use.</param>
internal readonly record struct TextScore(double Total, int Chars, int Bad, int Controls, int Expected)
{
    public static TextScore operator +(TextScore a, TextScore b) =>
        new(a.Total + b.Total, a.Chars + b.Chars, a.Bad + b.Bad, a.Controls + b.Controls, a.Expected + b.Expected);
}

/// <summary>
/// Scores decoded text by evidence: each Arabic letter weighs by how often Arabic reports use it
/// (<see cref="ArabicLetterFrequencies"/>), characters no text has (controls, U+FFFD, lone surrogates,
/// private use) weigh heavily against, and letters a mis-decoding typically yields (Latin-1 accented
/// letters amid Arabic, harakat everywhere, letters of unrelated scripts) weigh against. Comparing the
/// scores of one byte string decoded several ways picks the encoding that explains it best.
/// </summary>
internal static class TextEvidence
{
    /// <summary>Weight of a character no text has.</summary>
    public const double BadWeight = -10;

    private const double OtherScriptLetter = -4;
    private const double LatinLetter = -3;
    private const double RareArabic = -2;
    private const double Haraka = -1.5;
    private const double Symbol = -0.5;

    public static TextScore Score(ReadOnlySpan<char> text)
    {
        double total = 0;
        int chars = 0, bad = 0, controls = 0, expected = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars++;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A valid pair: an emoji or another astral symbol.
                i++;
                expected++;
                continue;
            }

            var (weight, kind) = Classify(c);
            total += weight;
            switch (kind)
            {
                case CharKind.Expected:
                    expected++;
                    break;
                case CharKind.Control:
                    bad++;
                    controls++;
                    break;
                case CharKind.Bad:
                    bad++;
                    break;
                default:
                    break;
            }
        }

        return new TextScore(total, chars, bad, controls, expected);
    }

    private enum CharKind
    {
        Expected,
        Unexpected,
        Control,
        Bad,
    }

    private static (double Weight, CharKind Kind) Classify(char c)
    {
        if (c < 0x20)
        {
            return c is '\t' or '\n' or '\r' or '\f' ? (0, CharKind.Expected) : (BadWeight, CharKind.Control);
        }

        if (c < 0x7F)
        {
            return (0, CharKind.Expected);
        }

        if (c <= 0x9F)
        {
            return (BadWeight, CharKind.Control);
        }

        if (c <= 0xFF)
        {
            return char.IsLetter(c) ? (LatinLetter, CharKind.Expected) : (Symbol, CharKind.Expected);
        }

        if (ArabicLetterFrequencies.TryWeight(c, out var w))
        {
            return (w, CharKind.Expected);
        }

        if (c is >= '\u064B' and <= '\u0652')
        {
            return (Haraka, CharKind.Expected);
        }

        if (c is >= '\u0600' and <= '\u06FF')
        {
            // Arabic digits and punctuation are ordinary; other letters (Persian, Urdu, tatweel) rare in Arabic news.
            return char.IsLetter(c) || c == '\u0640' ? (RareArabic, CharKind.Expected) : (0, CharKind.Expected);
        }

        if (c is (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE'))
        {
            return (RareArabic, CharKind.Expected);
        }

        if (c == '\uFEFF' || c is >= '\u2000' and <= '\u206F')
        {
            // Zero-width no-break space, general punctuation, bidi controls and joiners.
            return (0, CharKind.Expected);
        }

        if (c is '\uFFFD' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
        {
            return (BadWeight, CharKind.Bad);
        }

        if (c is >= '\u0100' and <= '\u024F')
        {
            return (LatinLetter, CharKind.Expected);
        }

        return char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned => (BadWeight, CharKind.Bad),
            System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format => (BadWeight, CharKind.Control),
            var cat when char.IsLetter(c) || cat == System.Globalization.UnicodeCategory.NonSpacingMark => (OtherScriptLetter, CharKind.Unexpected),
            _ when c is >= '\u20A0' and <= '\u2BFF' => (Symbol, CharKind.Expected),
            _ => (Symbol, CharKind.Unexpected),
        };
    }
}
