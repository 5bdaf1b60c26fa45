using System.Text;

namespace Marsad.Inputs.Decoding;

/// <summary>
/// Decodes one line (paragraph) of a byte-oriented input — UTF-8, or a single-byte Arabic code page —
/// by the evidence of that line: ASCII is ASCII, valid UTF-8 with non-ASCII bytes is UTF-8 (chance
/// practically never makes Arabic code-page bytes valid UTF-8), and otherwise the better-scoring of
/// UTF-8-with-replacements and the file's code page. So a file mixing a UTF-8 paragraph and a
/// windows-1256 paragraph decodes each right, and a UTF-8 report with one stray byte stays UTF-8.
/// </summary>
internal static class LineDecoding
{
    public const string AsciiName = "ASCII";

    public static (Decoded Text, string EncodingName) Decode(ReadOnlySpan<byte> line, Encoding singleByte)
    {
        if (!line.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            return (new Decoded(Encoding.ASCII.GetString(line), 0), AsciiName);
        }

        if (System.Text.Unicode.Utf8.IsValid(line))
        {
            return (ByteDecoding.Utf8(line), EncodingDetector.Utf8Name);
        }

        var utf8 = ByteDecoding.Utf8(line);
        var code = ByteDecoding.SingleByte(singleByte, line);
        return TextEvidence.Score(utf8.Text).Total > TextEvidence.Score(code.Text).Total
            ? (utf8, EncodingDetector.Utf8Name)
            : (code, EncodingDetector.NameOf(singleByte));
    }

    /// <summary>Calls <paramref name="action"/> with each line of <paramref name="bytes"/>, its terminator included.</summary>
    public static void ForEachLine(ReadOnlySpan<byte> bytes, Action<ReadOnlySpan<byte>> action)
    {
        while (!bytes.IsEmpty)
        {
            var nl = bytes.IndexOf((byte)'\n');
            var end = nl < 0 ? bytes.Length : nl + 1;
            action(bytes[..end]);
            bytes = bytes[end..];
        }
    }
}
