using System.Buffers;
using System.Text;

namespace Marsad.Inputs.Decoding;

/// <summary>A piece of bytes decoded one way: its text and how many undecodable sequences became U+FFFD.</summary>
internal readonly record struct Decoded(string Text, int Replacements);

/// <summary>Decoders that replace what they cannot decode with U+FFFD and count it (none of them throws).</summary>
internal static class ByteDecoding
{
    public static Decoded Utf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new(Encoding.UTF8.GetString(bytes), 0);
        }

        var sb = new StringBuilder(bytes.Length);
        var replacements = 0;
        Span<char> pair = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == OperationStatus.Done)
            {
                sb.Append(pair[..rune.EncodeToUtf16(pair)]);
            }
            else
            {
                // An invalid or truncated sequence (its maximal subpart, as Unicode recommends) becomes one U+FFFD.
                sb.Append('\uFFFD');
                replacements++;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return new(sb.ToString(), replacements);
    }

    /// <summary>A single-byte code page; bytes it leaves unassigned (decoded by .NET to private-use characters) become U+FFFD.</summary>
    public static Decoded SingleByte(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var text = encoding.GetString(bytes);
        var replacements = 0;
        foreach (var c in text)
        {
            if (c is >= '\uE000' and <= '\uF8FF' or '\uFFFD')
            {
                replacements++;
            }
        }

        if (replacements == 0)
        {
            return new(text, 0);
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\uE000' and <= '\uF8FF')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new(new string(chars), replacements);
    }

    /// <summary>UTF-16 from whole code units (an odd last byte is the caller's to carry); lone surrogates become U+FFFD.</summary>
    public static Decoded Utf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            var a = bytes[2 * i];
            var b = bytes[(2 * i) + 1];
            chars[i] = (char)(bigEndian ? (a << 8) | b : (b << 8) | a);
        }

        var replacements = ReplaceLoneSurrogates(chars);
        return new(new string(chars), replacements);
    }

    public static int ReplaceLoneSurrogates(Span<char> chars)
    {
        var replacements = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
                replacements++;
            }
        }

        return replacements;
    }
}
