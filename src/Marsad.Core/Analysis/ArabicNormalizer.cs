using System.Text;

namespace Marsad.Analysis;

/// <summary>Which optional folds the matching normalizer applies.</summary>
[Flags]
public enum NormalizationOptions
{
    None = 0,
    /// <summary>ة → ه (حماة / حماه). On for matching, off where the distinction matters.</summary>
    FoldTehMarbuta = 1,
    /// <summary>ى → ي.</summary>
    FoldAlefMaksura = 2,
    /// <summary>Latin letters to lower case.</summary>
    LowerLatin = 4,
    Matching = FoldTehMarbuta | FoldAlefMaksura | LowerLatin,
}

/// <summary>
/// Text normalized for matching, with a map from each normalized char back to the original offset.
/// The original text is never changed: spans found in <see cref="Value"/> are mapped back with
/// <see cref="ToOriginal"/>.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _originalStart;
    private readonly int _originalLength;

    internal NormalizedText(string value, int[] originalStart, int originalLength)
    {
        Value = value;
        _originalStart = originalStart;
        _originalLength = originalLength;
    }

    public string Value { get; }

    /// <summary>Original offset of the normalized char at <paramref name="index"/>; the original length at the end.</summary>
    public int OriginalOffset(int index) => index >= _originalStart.Length ? _originalLength : _originalStart[index];

    /// <summary>Maps a normalized range [start, end) to the smallest original range that produced it.</summary>
    public Documents.TextSpan ToOriginal(int start, int end)
    {
        if (end <= start)
        {
            var o = OriginalOffset(start);
            return new Documents.TextSpan(o, o);
        }

        // End maps to one past the original position of the last normalized char: that char may
        // have absorbed following marks (diacritics) which we leave outside the span only if
        // the next normalized char begins right after; include trailing marks up to the next char.
        var originalEnd = end < _originalStart.Length ? _originalStart[end] : _originalLength;
        return new Documents.TextSpan(_originalStart[start], originalEnd);
    }
}

/// <summary>
/// Normalization for matching, after Lucene's ArabicNormalizationFilter: each rule a named step.
/// <list type="bullet">
/// <item>hamza-seated alefs, madda and wasla → bare alef (أ إ آ ٱ → ا)</item>
/// <item>alef maksura → yeh (ى → ي), option</item>
/// <item>teh marbuta → heh (ة → ه), option</item>
/// <item>Persian yeh and keheh → Arabic yeh and kaf</item>
/// <item>harakat, Quranic marks and tatweel removed</item>
/// <item>Arabic-Indic and Persian digits → ASCII digits</item>
/// <item>Arabic punctuation and typographic quotes → ASCII</item>
/// <item>zero-width and bidi controls removed; any whitespace run → one space</item>
/// </list>
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Normalizes one character; returns '\0' when the character is dropped.</summary>
    public static char NormalizeChar(char c, NormalizationOptions options = NormalizationOptions.Matching)
    {
        if (ArabicLetters.IsIgnorableMark(c) || IsInvisibleControl(c))
        {
            return '\0';
        }

        switch (c)
        {
            case ArabicLetters.AlefHamzaAbove:
            case ArabicLetters.AlefHamzaBelow:
            case ArabicLetters.AlefMadda:
            case ArabicLetters.AlefWasla:
                return ArabicLetters.Alef;
            case ArabicLetters.AlefMaksura:
                return (options & NormalizationOptions.FoldAlefMaksura) != 0 ? ArabicLetters.Yeh : c;
            case ArabicLetters.TehMarbuta:
                return (options & NormalizationOptions.FoldTehMarbuta) != 0 ? ArabicLetters.Heh : c;
            case ArabicLetters.FarsiYeh:
                return ArabicLetters.Yeh;
            case ArabicLetters.Keheh:
                return ArabicLetters.Kaf;
            case ArabicLetters.ArabicComma:
                return ',';
            case ArabicLetters.ArabicSemicolon:
                return ';';
            case ArabicLetters.ArabicQuestionMark:
                return '?';
            case ArabicLetters.ArabicFullStop:
                return '.';
            case ArabicLetters.ArabicPercent:
                return '%';
            case ArabicLetters.ArabicDecimalSeparator:
                return '.';
            case ArabicLetters.ArabicThousandsSeparator:
                return ',';
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033':
                return '"';
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032':
                return '\'';
            case '\u2013' or '\u2014' or '\u2212':
                return '-';
        }

        var digit = ArabicLetters.DigitValue(c);
        if (digit >= 0)
        {
            return (char)('0' + digit);
        }

        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        if ((options & NormalizationOptions.LowerLatin) != 0 && c is >= 'A' and <= 'Z')
        {
            return (char)(c + 32);
        }

        return c;
    }

    /// <summary>Zero-width joiners/non-joiners, directional marks and the BOM: invisible, dropped.</summary>
    public static bool IsInvisibleControl(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or '\u00AD'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>Normalizes a string for matching (no offset map). Whitespace runs collapse to one space; ends trimmed.</summary>
    public static string Normalize(string text, NormalizationOptions options = NormalizationOptions.Matching)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            var n = NormalizeChar(ch, options);
            if (n == '\0')
            {
                continue;
            }

            if (n == ' ')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(n);
        }

        return sb.ToString();
    }

    /// <summary>Normalizes with a map back to original offsets. Whitespace is kept one-for-one (not collapsed).</summary>
    public static NormalizedText NormalizeWithMap(string text, NormalizationOptions options = NormalizationOptions.Matching)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var n = NormalizeChar(text[i], options);
            if (n == '\0')
            {
                continue;
            }

            sb.Append(n);
            map.Add(i);
        }

        return new NormalizedText(sb.ToString(), [.. map], text.Length);
    }

    /// <summary>The form a document's identity is computed from: matching form, all whitespace runs folded.</summary>
    public static string ForIdentity(string text) => Normalize(text, NormalizationOptions.Matching);
}
