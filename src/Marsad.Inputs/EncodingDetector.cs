using System.Text;
using Marsad.Inputs.Decoding;

namespace Marsad.Inputs;

/// <summary>
/// The outcome of looking at an input's first bytes: an encoding, or why the bytes are not text.
/// <see cref="SingleByte"/> is the code page for lines of a byte-oriented input that are not UTF-8.
/// </summary>
public readonly record struct EncodingGuess(Encoding? Encoding, int BomLength, string? Rejection, Encoding? SingleByte = null)
{
    public bool IsText => Encoding is not null;

    /// <summary>True for UTF-16 (decoded by code units, not line by line).</summary>
    public bool IsUtf16 => Encoding is UnicodeEncoding;
}

/// <summary>
/// Chooses an input's encoding by evidence, not by a guess: a BOM (UTF-8, UTF-16LE/BE) is trusted;
/// otherwise the sample is decoded every way that could be meant — UTF-8 (line by line, with a
/// windows-1256 or ISO-8859-6 fallback for lines that are not UTF-8), UTF-16LE and UTF-16BE — and each
/// decoding is scored (<see cref="TextEvidence"/>: Arabic letter frequencies, invalid sequences,
/// controls, unlikely letters). The best explanation wins. Binary content (NULs or control characters
/// the best decoding cannot explain), bytes no encoding explains, and empty or whitespace-only input are
/// rejected with a reason. A charset the document declares (HTML meta, XML declaration) is honoured
/// where the bytes do not contradict it.
/// </summary>
public static partial class EncodingDetector
{
    /// <summary>How many leading bytes the detector looks at.</summary>
    public const int SampleSize = 64 * 1024;

    internal const string Utf8Name = "UTF-8";

    private static readonly Lazy<(Encoding W1256, Encoding Iso88596)> CodePages = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (Encoding.GetEncoding(1256), Encoding.GetEncoding(28596));
    });

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static Encoding Utf16LE { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);

    public static Encoding Utf16BE { get; } = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    public static Encoding Windows1256 => CodePages.Value.W1256;

    public static Encoding Iso88596 => CodePages.Value.Iso88596;

    /// <param name="sample">The first bytes of the input (up to <see cref="SampleSize"/>).</param>
    /// <param name="complete">True when the sample is the whole input (so it cannot end mid-character).</param>
    public static EncodingGuess Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Judge(EightBit(sample[3..], complete), 3, complete);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Judge(Sixteen(sample[2..], bigEndian: false, complete), 2, complete);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Judge(Sixteen(sample[2..], bigEndian: true, complete), 2, complete);
        }

        if (sample.IsEmpty)
        {
            return Reject("empty file");
        }

        var eight = EightBit(sample, complete);
        var best = eight;
        var bestIsEight = true;
        foreach (var bigEndian in (bool[])[false, true])
        {
            var sixteen = Sixteen(sample, bigEndian, complete);

            // UTF-16 without a BOM must explain the bytes: mostly characters of the scripts reports use, few bad ones.
            // A few bytes with a NUL (a binary blob) are not a document unless they spell a letter or a digit.
            var plausible = sixteen.Score.Expected * 10 >= sixteen.Score.Chars * 6 && sixteen.Score.Bad * 10 < sixteen.Score.Chars && sixteen.HasWord;
            if (plausible && sixteen.Score.Total > best.Score.Total)
            {
                best = sixteen;
                bestIsEight = false;
            }
        }

        if (bestIsEight && sample.Contains((byte)0))
        {
            return Reject("binary content (NUL bytes), not text");
        }

        return Judge(best, 0, complete);
    }

    /// <summary>Applies a declared charset (HTML meta or XML declaration) to a guess made without a BOM, where the bytes agree.</summary>
    public static EncodingGuess Honour(EncodingGuess guess, string? declared, ReadOnlySpan<byte> sample, bool complete)
    {
        if (!guess.IsText || guess.BomLength > 0 || declared is null || guess.IsUtf16)
        {
            return guess;
        }

        var enc = TryGetEncoding(declared);
        if (enc is null || !enc.IsSingleByte || enc.CodePage == Encoding.ASCII.CodePage)
        {
            // UTF-8 is already tried line by line; a multi-byte or 7-bit declaration cannot be checked here.
            return guess;
        }

        var current = guess.SingleByte ?? Windows1256;
        if (enc.CodePage == current.CodePage)
        {
            return guess;
        }

        // The declared code page is used for the lines that are not UTF-8 unless it explains them worse.
        var (declaredScore, _) = ScoreNonUtf8Lines(Trim(sample, complete), enc);
        var (currentScore, _) = ScoreNonUtf8Lines(Trim(sample, complete), current);
        if (declaredScore.Total + 1e-9 < currentScore.Total)
        {
            return guess;
        }

        return guess with { SingleByte = enc, Encoding = guess.Encoding is UTF8Encoding ? guess.Encoding : enc };
    }

    /// <summary>A name for warnings and logs.</summary>
    public static string NameOf(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding switch
        {
            UTF8Encoding => Utf8Name,
            UnicodeEncoding => encoding.CodePage == Utf16BE.CodePage ? "UTF-16BE" : "UTF-16LE",
            _ when encoding.CodePage == 1256 => "windows-1256",
            _ when encoding.CodePage == 28596 => "ISO-8859-6",
            _ => encoding.WebName,
        };
    }

    private readonly record struct Candidate(EncodingGuess Guess, TextScore Score, bool HasText, bool HasWord = true);

    /// <summary>The byte-oriented reading: each line UTF-8 where it is, else the code page that explains the other lines best.</summary>
    private static Candidate EightBit(ReadOnlySpan<byte> sample, bool complete)
    {
        var bytes = Trim(sample, complete);
        var (w1256, w1256Lines) = ScoreNonUtf8Lines(bytes, Windows1256);
        var (iso, _) = ScoreNonUtf8Lines(bytes, Iso88596);
        var singleByte = iso.Total > w1256.Total ? Iso88596 : Windows1256;
        TextScore score = default;
        var hasText = false;
        var utf8Lines = 0;
        LineDecoding.ForEachLine(bytes, line =>
        {
            var (decoded, name) = LineDecoding.Decode(line, singleByte);
            score += TextEvidence.Score(decoded.Text);
            hasText |= HasText(decoded.Text);
            utf8Lines += name == Utf8Name ? 1 : 0;
        });

        // Named by what decoded most of it: UTF-8 unless no line was UTF-8 and some needed the code page.
        var main = utf8Lines == 0 && w1256Lines > 0 ? singleByte : Utf8;
        return new Candidate(new EncodingGuess(main, 0, null, singleByte), score, hasText);
    }

    private static Candidate Sixteen(ReadOnlySpan<byte> sample, bool bigEndian, bool complete)
    {
        var bytes = sample[..(sample.Length & ~1)];
        var decoded = ByteDecoding.Utf16(bytes, bigEndian).Text;
        if (!complete && decoded.Length > 0 && char.IsHighSurrogate(decoded[^1]))
        {
            decoded = decoded[..^1];
        }
        else if (!complete && decoded.Length > 0 && decoded[^1] == '\uFFFD' && bytes.Length >= 2)
        {
            // The sample may end between the halves of a surrogate pair.
            decoded = decoded[..^1];
        }

        var score = TextEvidence.Score(decoded);
        if (complete && (sample.Length & 1) == 1)
        {
            // An odd last byte is half a code unit.
            score += new TextScore(TextEvidence.BadWeight, 1, 1, 0, 0);
        }

        return new Candidate(new EncodingGuess(bigEndian ? Utf16BE : Utf16LE, 0, null), score, HasText(decoded), decoded.AsSpan().IndexOfAnyExcept(WordlessChars) >= 0 && decoded.Any(char.IsLetterOrDigit));
    }

    /// <summary>Scores the lines that are not valid UTF-8 as decoded by <paramref name="codePage"/>; also counts them.</summary>
    private static (TextScore Score, int Lines) ScoreNonUtf8Lines(ReadOnlySpan<byte> bytes, Encoding codePage)
    {
        TextScore score = default;
        var lines = 0;
        LineDecoding.ForEachLine(bytes, line =>
        {
            if (!System.Text.Unicode.Utf8.IsValid(line))
            {
                score += TextEvidence.Score(ByteDecoding.SingleByte(codePage, line).Text);
                lines++;
            }
        });
        return (score, lines);
    }

    /// <summary>A sample cut from a longer input may end inside a character: its last partial line is left out when others exist.</summary>
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> sample, bool complete)
    {
        if (complete)
        {
            return sample;
        }

        var nl = sample.LastIndexOf((byte)'\n');
        if (nl > 0)
        {
            return sample[..(nl + 1)];
        }

        // One long line: drop up to three trailing bytes of an unfinished UTF-8 character.
        var end = sample.Length;
        for (var back = 0; back < 3 && end > 0 && sample[end - 1] >= 0x80; back++)
        {
            end--;
            if (sample[end] >= 0xC0)
            {
                break;
            }
        }

        return System.Text.Unicode.Utf8.IsValid(sample[..end]) ? sample[..end] : sample;
    }

    private static EncodingGuess Judge(Candidate c, int bomLength, bool complete)
    {
        var s = c.Score;
        if (s.Chars == 0)
        {
            return Reject("empty file");
        }

        if (s.Controls > 0 && s.Controls * 100 > s.Chars)
        {
            return Reject("binary content (control bytes), not text");
        }

        if (s.Bad * 10 > s.Chars * 3)
        {
            return Reject("not text in a known encoding (neither UTF-8, UTF-16, windows-1256 nor ISO-8859-6)");
        }

        if (!c.HasText && complete)
        {
            return Reject("empty file (whitespace only)");
        }

        return c.Guess with { BomLength = bomLength };
    }

    private static readonly System.Buffers.SearchValues<char> WordlessChars = System.Buffers.SearchValues.Create(" \t\r\n\f\uFEFF");

    private static bool HasText(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && !char.IsControl(c))
            {
                return true;
            }
        }

        return false;
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
            _ = CodePages.Value; // registers the code-pages provider
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static EncodingGuess Reject(string reason) => new(null, 0, reason);

    [System.Text.RegularExpressions.GeneratedRegex("""(?:<meta[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["'])(?<cs>[A-Za-z0-9_\-:.]+)""", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DeclaredCharset();
}
