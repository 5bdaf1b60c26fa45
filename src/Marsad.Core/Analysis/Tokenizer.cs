namespace Marsad.Analysis;

/// <summary>
/// Splits text into tokens with offsets into the original. Arabic words keep their diacritics and
/// tatweel inside the token span; clitics stay attached (see <see cref="CliticSegmenter"/> for matching).
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        var norms = new NormCache();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || ArabicNormalizer.IsInvisibleControl(c))
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (IsWordChar(c) && !IsDigit(c))
            {
                var arabic = false;
                var latin = false;
                while (i < text.Length && (IsWordChar(text[i]) || IsJoiner(text, i)))
                {
                    // Arabic words hold no digits: "و1700" is the conjunction, then a number.
                    if (arabic && IsDigit(text[i]))
                    {
                        break;
                    }

                    if (ArabicLetters.IsArabicLetter(text[i]))
                    {
                        arabic = true;
                    }
                    else if (char.IsLetter(text[i]))
                    {
                        latin = true;
                    }

                    i++;
                }

                kind = arabic || !latin ? TokenKind.Arabic : TokenKind.Latin;
                if (arabic && latin)
                {
                    kind = TokenKind.Arabic;
                }
            }
            else if (IsDigit(c))
            {
                while (i < text.Length && (IsDigit(text[i]) || IsNumberSeparatorInside(text, i)))
                {
                    i++;
                }

                // Latin letters glued to digits (4x4, 17th) make one Latin token.
                if (i < text.Length && IsWordChar(text[i]) && !ArabicLetters.IsArabicLetter(text[i]) && char.IsLetter(text[i]))
                {
                    while (i < text.Length && IsWordChar(text[i]) && !ArabicLetters.IsArabicLetter(text[i]))
                    {
                        i++;
                    }

                    kind = TokenKind.Latin;
                }
                else
                {
                    kind = TokenKind.Number;
                }
            }
            else
            {
                i++;
                // A surrogate pair is one symbol.
                if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                {
                    i++;
                }

                kind = TokenKind.Punctuation;
            }

            tokens.Add(new Token(start, i, kind, norms.Normalize(text.AsSpan(start, i - start))));
        }

        return tokens;
    }

    private static bool IsDigit(char c) => ArabicLetters.DigitValue(c) >= 0;

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || ArabicLetters.IsIgnorableMark(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>Zero-width (non-)joiners inside a word do not split it.</summary>
    private static bool IsJoiner(string text, int i) =>
        text[i] is '\u200C' or '\u200D' && i + 1 < text.Length && IsWordChar(text[i + 1]);

    /// <summary>"1,700", "2.5", "٢٫٥": a separator between two digits stays inside the number.</summary>
    private static bool IsNumberSeparatorInside(string text, int i) =>
        text[i] is ',' or '.' or ArabicLetters.ArabicDecimalSeparator or ArabicLetters.ArabicThousandsSeparator
        && i > 0 && IsDigit(text[i - 1]) && i + 1 < text.Length && IsDigit(text[i + 1]);

    /// <summary>
    /// Normalized forms of short tokens, shared within one text: words repeat (Zipf), so most tokens reuse a string
    /// instead of allocating one. Bounded, so a long text of unique tokens costs no more than without it.
    /// </summary>
    private sealed class NormCache
    {
        private const int MaxLength = 24;
        private const int MaxEntries = 1 << 16;
        private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public NormCache() => _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Normalize(ReadOnlySpan<char> raw)
        {
            if (raw.Length > MaxLength)
            {
                return ArabicNormalizer.NormalizeSpan(raw);
            }

            Span<char> buffer = stackalloc char[MaxLength];
            var n = 0;
            foreach (var c in raw)
            {
                var m = ArabicNormalizer.NormalizeChar(c);
                if (m != '\0')
                {
                    buffer[n++] = m;
                }
            }

            var norm = buffer[..n];
            if (_lookup.TryGetValue(norm, out var known))
            {
                return known;
            }

            var s = new string(norm);
            if (_map.Count < MaxEntries)
            {
                _map[s] = s;
            }

            return s;
        }
    }
}
