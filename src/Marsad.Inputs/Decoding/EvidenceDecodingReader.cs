using System.Text;

namespace Marsad.Inputs.Decoding;

/// <summary>
/// Streams an input's bytes as text in the encoding the detector chose, logging into a
/// <see cref="DecodingLog"/> what decoded each stretch and what was replaced. UTF-16 (LE/BE) is decoded
/// unit by unit (lone surrogates and an odd last byte become U+FFFD); byte-oriented inputs are decoded
/// line by line (<see cref="LineDecoding"/>), a line longer than <see cref="MaxLineBytes"/> in pieces cut
/// between characters. Nothing throws on bad bytes.
/// </summary>
internal sealed class EvidenceDecodingReader : TextReader
{
    /// <summary>Longest piece of a line decoded at once.</summary>
    public const int MaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly Encoding _singleByte;
    private readonly bool? _bigEndian;
    private readonly DecodingLog _log;
    private readonly byte[] _bytes = new byte[MaxLineBytes + (64 * 1024)];
    private int _start;
    private int _end;
    private bool _eof;
    private string _pending = string.Empty;
    private int _pendingPos;

    /// <param name="bigEndian">Null for a byte-oriented input; true/false for UTF-16 BE/LE.</param>
    public EvidenceDecodingReader(Stream stream, bool? bigEndian, Encoding singleByte, DecodingLog log)
    {
        _stream = stream;
        _bigEndian = bigEndian;
        _singleByte = singleByte;
        _log = log;
    }

    public override int Peek()
    {
        if (!Fill())
        {
            return -1;
        }

        return _pending[_pendingPos];
    }

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        return _pending[_pendingPos++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _pending.Length - _pendingPos);
        _pending.AsSpan(_pendingPos, n).CopyTo(buffer);
        _pendingPos += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (_pendingPos >= _pending.Length)
        {
            if (!DecodeNext())
            {
                return false;
            }
        }

        return true;
    }

    private bool DecodeNext()
    {
        ReadMore();
        if (_start == _end)
        {
            return false;
        }

        var available = _bytes.AsSpan(_start, _end - _start);
        if (_bigEndian is { } be)
        {
            DecodeUtf16(available, be);
        }
        else
        {
            DecodeLine(available);
        }

        return true;
    }

    private void DecodeUtf16(ReadOnlySpan<byte> available, bool bigEndian)
    {
        var units = available.Length / 2;
        if (units == 0)
        {
            // An odd last byte: half a code unit.
            Emit(new Decoded("\uFFFD", 1), bigEndian ? "UTF-16BE" : "UTF-16LE", available.Length);
            return;
        }

        var take = units * 2;
        if (!_eof)
        {
            // Keep a high surrogate at the end for the next read, where its low half is.
            var last = bigEndian ? (available[take - 2] << 8) | available[take - 1] : (available[take - 1] << 8) | available[take - 2];
            if (char.IsHighSurrogate((char)last) && take > 2)
            {
                take -= 2;
            }
        }

        Emit(ByteDecoding.Utf16(available[..take], bigEndian), bigEndian ? "UTF-16BE" : "UTF-16LE", take);
    }

    private void DecodeLine(ReadOnlySpan<byte> available)
    {
        var nl = available.IndexOf((byte)'\n');
        int take;
        if (nl >= 0 && nl < MaxLineBytes)
        {
            take = nl + 1;
        }
        else if (available.Length <= MaxLineBytes && _eof)
        {
            take = available.Length;
        }
        else
        {
            // A very long line: cut it before a UTF-8 continuation byte would be split from its lead.
            take = Math.Min(MaxLineBytes, available.Length);
            for (var back = 0; back < 3 && take > 1 && available[take] is >= 0x80 and <= 0xBF; back++)
            {
                take--;
            }
        }

        var (decoded, name) = LineDecoding.Decode(available[..take], _singleByte);
        Emit(decoded, name, take);
    }

    private void Emit(Decoded decoded, string encoding, int bytesUsed)
    {
        _start += bytesUsed;
        _pending = decoded.Text;
        _pendingPos = 0;
        _log.Add(decoded.Text.Length, encoding, decoded.Replacements);
    }

    /// <summary>Reads until a whole line (or <see cref="MaxLineBytes"/>) is buffered, or the input ends.</summary>
    private void ReadMore()
    {
        while (!_eof)
        {
            var buffered = _bytes.AsSpan(_start, _end - _start);
            if (buffered.Length > MaxLineBytes || (_bigEndian is null && buffered.IndexOf((byte)'\n') >= 0) || (_bigEndian is not null && buffered.Length >= 64 * 1024))
            {
                return;
            }

            if (_start > 0)
            {
                buffered.CopyTo(_bytes);
                _end -= _start;
                _start = 0;
            }

            var n = _stream.Read(_bytes, _end, _bytes.Length - _end);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
        }
    }
}
