using System.Text;

namespace Marsad.Inputs;

/// <summary>The outcome of looking at an input's first bytes: an encoding, or why the bytes are not text.</summary>
public readonly record struct EncodingGuess(Encoding? Encoding, int BomLength, string? Rejection)
{
    public bool IsText => Encoding is not null;
}

/// <summary>
/// Tells text encodings apart from a prefix of the bytes: a BOM (UTF-8, UTF-16LE/BE); valid UTF-8;
/// UTF-16 without BOM (by where the NUL bytes fall); windows-1256 (invalid UTF-8 whose high bytes are
/// the code page's Arabic letters). Binary content (stray NULs, control bytes) and empty or
/// whitespace-only input are rejected with a reason. A charset the document declares (HTML meta, XML
/// declaration) is honoured unless it claims UTF-8 for bytes that are not UTF-8.
/// </summary>
public static partial class EncodingDetector
{
    /// <summary>How many leading bytes the detector looks at.</summary>
    public const int SampleSize = 64 * 1024;

    private static readonly Lazy<Encoding> Windows1256Lazy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256);
    });

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static Encoding Utf16LE { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);

    public static Encoding Utf16BE { get; } = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    public static Encoding Windows1256 => Windows1256Lazy.Value;

    /// <param name="sample">The first bytes of the input (up to <see cref="SampleSize"/>).</param>
    /// <param name="complete">True when the sample is the whole input (so it cannot end mid-character).</param>
    public static EncodingGuess Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return CheckNotBlank(new EncodingGuess(Utf8, 3, null), sample[3..], Utf8);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return CheckNotBlank(new EncodingGuess(Utf16LE, 2, null), sample[2..], Utf16LE);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return CheckNotBlank(new EncodingGuess(Utf16BE, 2, null), sample[2..], Utf16BE);
        }

        if (sample.IsEmpty)
        {
            return Reject("empty file");
        }

        int nulEven = 0, nulOdd = 0, controls = 0, high = 0, arabic1256 = 0, sixOdd = 0, sixEven = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                if ((i & 1) == 0)
                {
                    nulEven++;
                }
                else
                {
                    nulOdd++;
                }
            }
            else if (b == 0x06)
            {
                if ((i & 1) == 0)
                {
                    sixEven++;
                }
                else
                {
                    sixOdd++;
                }
            }
            else if (IsControl(b))
            {
                controls++;
            }
            else if (b >= 0x80)
            {
                high++;
                if (IsArabicLetter1256(b))
                {
                    arabic1256++;
                }
            }
        }

        var pairs = sample.Length / 2;
        if (nulEven + nulOdd > 0 || sixEven + sixOdd > pairs / 4)
        {
            // NULs only at odd offsets (or 0x06, the high byte of Arabic letters) mean little-endian UTF-16.
            var le = nulEven == 0 && (nulOdd > 0 || sixOdd > pairs / 4);
            var be = nulOdd == 0 && (nulEven > 0 || sixEven > pairs / 4);
            if (le || be)
            {
                var enc = le ? Utf16LE : Utf16BE;
                var span = sample[..(sample.Length & ~1)];
                if (LooksLikeText(enc.GetString(span)))
                {
                    return CheckNotBlank(new EncodingGuess(enc, 0, null), span, enc);
                }
            }

            if (nulEven + nulOdd > 0)
            {
                return Reject("binary content (NUL bytes), not text");
            }
        }

        if (controls > 0 && controls * 100 > sample.Length)
        {
            return Reject("binary content (control bytes), not text");
        }

        if (IsValidUtf8(sample, complete))
        {
            return CheckNotBlank(new EncodingGuess(Utf8, 0, null), sample, Utf8);
        }

        // Not UTF-8: windows-1256 when most high bytes are its Arabic letters.
        if (controls == 0 && high > 0 && arabic1256 * 10 >= high * 6)
        {
            return CheckNotBlank(new EncodingGuess(Windows1256, 0, null), sample, Windows1256);
        }

        return Reject("not text in a known encoding (neither UTF-8, UTF-16 nor windows-1256)");
    }

    /// <summary>Applies a declared charset (HTML meta or XML declaration) to a guess made without a BOM.</summary>
    public static EncodingGuess Honour(EncodingGuess guess, string? declared, ReadOnlySpan<byte> sample, bool complete)
    {
        if (!guess.IsText || guess.BomLength > 0 || declared is null || guess.Encoding is UnicodeEncoding)
        {
            return guess;
        }

        var enc = TryGetEncoding(declared);
        if (enc is null)
        {
            return guess;
        }

        if (enc is UTF8Encoding && !IsValidUtf8(sample, complete))
        {
            // A page declaring UTF-8 whose bytes are not UTF-8: the declaration is wrong, keep the sniffed guess.
            return guess;
        }

        if (enc is not UTF8Encoding && guess.Encoding is UTF8Encoding && sample.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            // Valid UTF-8 with non-ASCII bytes is UTF-8 (a page re-saved without updating its meta), never chance.
            return guess;
        }

        return guess with { Encoding = enc };
    }

    /// <summary>Finds <c>&lt;meta charset=...&gt;</c>, <c>content="...; charset=..."</c> or <c>&lt;?xml encoding="..."?&gt;</c> in the first bytes.</summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> sample)
    {
        var head = Encoding.Latin1.GetString(sample[..Math.Min(sample.Length, 4096)]);
        var m = DeclaredCharset().Match(head);
        return m.Success ? m.Groups["cs"].Value : null;
    }

    public static Encoding? TryGetEncoding(string name)
    {
        var n = name.Trim().ToUpperInvariant();
        switch (n)
        {
            case "UTF-8":
            case "UTF8":
                return Utf8;
            case "WINDOWS-1256":
            case "CP1256":
            case "WIN-1256":
                return Windows1256;
            default:
                break;
        }

        try
        {
            _ = Windows1256Lazy.Value; // registers the code-pages provider
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> sample, bool complete)
    {
        if (Utf8Validation(sample))
        {
            return true;
        }

        if (complete)
        {
            return false;
        }

        // The sample may end in the middle of a multi-byte character.
        for (var cut = 1; cut <= 3 && cut < sample.Length; cut++)
        {
            if (Utf8Validation(sample[..^cut]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Utf8Validation(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static EncodingGuess CheckNotBlank(EncodingGuess guess, ReadOnlySpan<byte> body, Encoding enc)
    {
        if (body.IsEmpty)
        {
            return Reject("empty file");
        }

        var text = enc.GetString(body[..Math.Min(body.Length, 4096)]);
        if (string.IsNullOrWhiteSpace(text.Replace('\uFEFF', ' ')) && body.Length <= 4096)
        {
            return Reject("empty file (whitespace only)");
        }

        return guess;
    }

    private static bool LooksLikeText(string s)
    {
        var bad = 0;
        foreach (var c in s)
        {
            if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD' || char.IsSurrogate(c))
            {
                bad++;
            }
        }

        return bad * 100 <= s.Length;
    }

    private static bool IsControl(byte b) => b is < 0x20 and not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B) || b == 0x7F;

    // windows-1256 Arabic letters: 0xC1-0xD6, 0xD8-0xDF, 0xE1, 0xE3-0xE6, 0xEC-0xED, 0xF0-0xF3, 0xF5-0xF6, 0xF8, 0xFA,
    // plus 0x81, 0x8A, 0x8D-0x90, 0x98, 0x9A, 0xAA, 0xBA, 0xBF (Persian/Urdu letters, Arabic comma, question mark).
    private static bool IsArabicLetter1256(byte b) =>
        b is (>= 0xC1 and <= 0xDF) or 0xE1 or (>= 0xE3 and <= 0xE6) or 0xEC or 0xED or (>= 0xF0 and <= 0xF3)
            or 0xF5 or 0xF6 or 0xF8 or 0xFA or 0xA1 or 0xBA or 0xBF or 0x81 or 0x8D or 0x8E or 0x8F or 0x90 or 0x98;

    private static EncodingGuess Reject(string reason) => new(null, 0, reason);

    [System.Text.RegularExpressions.GeneratedRegex("""(?:<meta[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["'])(?<cs>[A-Za-z0-9_\-:.]+)""", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DeclaredCharset();
}
