using System.Text;

namespace Marsad.Inputs;

/// <summary>Reads text with a cap, so a huge input is refused without being held in memory.</summary>
internal static class BoundedText
{
    /// <summary>Reads everything left in <paramref name="reader"/>, or returns null once more than <paramref name="maxChars"/> were seen.</summary>
    public static string? ReadToEnd(TextReader reader, int maxChars)
    {
        var sb = new StringBuilder();
        var buffer = new char[16 * 1024];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (sb.Length + n > maxChars)
            {
                return null;
            }

            sb.Append(buffer, 0, n);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads one line (without its terminator). Returns false at the end of input. A line longer than
    /// <paramref name="maxChars"/> is consumed but not kept: <paramref name="line"/> is then null.
    /// <paramref name="consumed"/> counts the characters read, terminator included.
    /// </summary>
    public static bool TryReadLine(TextReader reader, int maxChars, StringBuilder scratch, out string? line, out long consumed)
    {
        scratch.Clear();
        consumed = 0;
        var tooLong = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            consumed++;
            if (c == '\n')
            {
                break;
            }

            if (tooLong)
            {
                continue;
            }

            if (scratch.Length >= maxChars)
            {
                tooLong = true;
                scratch.Clear();
                continue;
            }

            scratch.Append((char)c);
        }

        if (!any)
        {
            line = null;
            return false;
        }

        if (tooLong)
        {
            line = null;
            return true;
        }

        if (scratch.Length > 0 && scratch[^1] == '\r')
        {
            scratch.Length--;
        }

        line = scratch.ToString();
        return true;
    }
}
