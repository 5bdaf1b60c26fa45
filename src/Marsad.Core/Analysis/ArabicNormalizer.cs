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
    // Precomputed NormalizeChar for the Matching options (the hot path: every token of every document).
    private static readonly char[] MatchingTable = BuildTable(NormalizationOptions.Matching);

    /// <summary>Normalizes one character; returns '\0' when the character is dropped.</summary>
    public static char NormalizeChar(char c, NormalizationOptions options = NormalizationOptions.Matching) =>
        options == NormalizationOptions.Matching ? MatchingTable[c] : Compute(c, options);

    /// <summary>Step: hamza-seated alefs, alef madda and alef wasla become bare alef (أ إ آ ٱ → ا).</summary>
    public static char FoldAlef(char c) => c is ArabicLetters.AlefHamzaAbove or ArabicLetters.AlefHamzaBelow
        or ArabicLetters.AlefMadda or ArabicLetters.AlefWasla ? ArabicLetters.Alef : c;

    /// <summary>Step (option): alef maksura becomes yeh (ى → ي).</summary>
    public static char FoldAlefMaksura(char c) => c == ArabicLetters.AlefMaksura ? ArabicLetters.Yeh : c;

    /// <summary>Step (option): teh marbuta becomes heh (ة → ه).</summary>
    public static char FoldTehMarbuta(char c) => c == ArabicLetters.TehMarbuta ? ArabicLetters.Heh : c;

    /// <summary>Step: Persian yeh and keheh become Arabic yeh and kaf (ی ک → ي ك).</summary>
    public static char FoldPersianLetters(char c) => c switch
    {
        ArabicLetters.FarsiYeh => ArabicLetters.Yeh,
        ArabicLetters.Keheh => ArabicLetters.Kaf,
        _ => c,
    };

    /// <summary>Step: harakat, Quranic marks, tatweel and invisible controls are removed.</summary>
    public static bool IsRemoved(char c) => ArabicLetters.IsIgnorableMark(c) || IsInvisibleControl(c);

    /// <summary>Step: Arabic-Indic and Persian digits become ASCII digits (٣ ۳ → 3).</summary>
    public static char FoldDigit(char c)
    {
        var d = ArabicLetters.DigitValue(c);
        return d >= 0 ? (char)('0' + d) : c;
    }

    /// <summary>Step: Arabic punctuation, typographic quotes and dashes become ASCII (، ؛ ؟ « » “ ” – → , ; ? " " " " -).</summary>
    public static char FoldPunctuation(char c) => c switch
    {
        ArabicLetters.ArabicComma => ',',
        ArabicLetters.ArabicSemicolon => ';',
        ArabicLetters.ArabicQuestionMark => '?',
        ArabicLetters.ArabicFullStop => '.',
        ArabicLetters.ArabicPercent => '%',
        ArabicLetters.ArabicDecimalSeparator => '.',
        ArabicLetters.ArabicThousandsSeparator => ',',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };

    /// <summary>Step: any whitespace becomes one ASCII space.</summary>
    public static char FoldWhitespace(char c) => char.IsWhiteSpace(c) ? ' ' : c;

    private static char[] BuildTable(NormalizationOptions options)
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = Compute((char)i, options);
        }

        return table;
    }

    private static char Compute(char c, NormalizationOptions options)
    {
        if (IsRemoved(c))
        {
            return '\0';
        }

        c = FoldAlef(c);
        if ((options & NormalizationOptions.FoldAlefMaksura) != 0)
        {
            c = FoldAlefMaksura(c);
        }

        if ((options & NormalizationOptions.FoldTehMarbuta) != 0)
        {
            c = FoldTehMarbuta(c);
        }

        c = FoldPersianLetters(c);
        c = FoldPunctuation(c);
        c = FoldDigit(c);
        c = FoldWhitespace(c);
        if ((options & NormalizationOptions.LowerLatin) != 0 && c is >= 'A' and <= 'Z')
        {
            c = (char)(c + 32);
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

    /// <summary>
    /// Normalizes one token's characters (no whitespace handling beyond the char fold); allocation-light:
    /// a token that normalization leaves unchanged costs one substring.
    /// </summary>
    public static string NormalizeSpan(ReadOnlySpan<char> raw, NormalizationOptions options = NormalizationOptions.Matching)
    {
        var changed = -1;
        for (var i = 0; i < raw.Length; i++)
        {
            if (NormalizeChar(raw[i], options) != raw[i])
            {
                changed = i;
                break;
            }
        }

        if (changed < 0)
        {
            return raw.ToString();
        }

        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw[..changed].CopyTo(buffer);
        var n = changed;
        for (var i = changed; i < raw.Length; i++)
        {
            var c = NormalizeChar(raw[i], options);
            if (c != '\0')
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
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

    /// <summary>
    /// The original offset in [<paramref name="start"/>, <paramref name="end"/>) after the first <paramref name="count"/>
    /// normalized characters (dropped marks after them stay with them): cuts a proclitic off a token's span.
    /// </summary>
    public static int OriginalOffsetAfter(string text, int start, int end, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = start;
        var seen = 0;
        while (i < end && seen < count)
        {
            if (NormalizeChar(text[i]) != '\0')
            {
                seen++;
            }

            i++;
        }

        // Marks that belong to the last consumed letter stay with it.
        while (i < end && NormalizeChar(text[i]) == '\0')
        {
            i++;
        }

        return i;
    }

    /// <summary>The form a document's identity is computed from: matching form, all whitespace runs folded.</summary>
    public static string ForIdentity(string text) => Normalize(text, NormalizationOptions.Matching);
}
