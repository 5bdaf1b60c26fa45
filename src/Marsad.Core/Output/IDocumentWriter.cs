using System.Buffers;
using System.Text;
using System.Text.Json;
using Marsad.Pipeline;

namespace Marsad.Output;

/// <summary>
/// Writes annotated documents in one output format (a stream of documents, begun and ended once). An instance
/// serves one output at a time, from one thread.
/// </summary>
public interface IDocumentWriter
{
    void Begin(TextWriter output);

    void Write(TextWriter output, AnnotatedDocument document);

    void End(TextWriter output);
}

/// <summary>
/// The contract's default format: one JSON object per document, one per line. The JSON is written as UTF-8 into
/// a buffer kept from one document to the next; to a UTF-8 <see cref="StreamWriter"/> (the CLI's stdout) those
/// bytes go straight to its stream, with no string in between; to any other writer, as text.
/// </summary>
public sealed class JsonLinesWriter : IDocumentWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public void Begin(TextWriter output)
    {
    }

    public void Write(TextWriter output, AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, ContractJsonWriter.Options))
        {
            ContractJsonWriter.Write(json, document);
        }

        if (output is StreamWriter { BaseStream.CanWrite: true } sw && sw.Encoding is UTF8Encoding && sw.Encoding.Preamble.IsEmpty)
        {
            Encoding.UTF8.GetBytes(sw.NewLine, _buffer);
            sw.Flush(); // whatever was written as text before goes first
            sw.BaseStream.Write(_buffer.WrittenSpan);
        }
        else
        {
            output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        }
    }

    public void End(TextWriter output)
    {
    }
}

/// <summary>Output formats by the names <c>--format</c> takes.</summary>
public static class OutputFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "acled-csv", "geojson"];

    public static bool TryCreate(string name, out IDocumentWriter? writer) => TryCreate(name, TimeProvider.System, out writer);

    /// <summary>As <see cref="TryCreate(string, out IDocumentWriter?)"/>, with the clock formats that stamp rows use.</summary>
    public static bool TryCreate(string name, TimeProvider time, out IDocumentWriter? writer)
    {
        writer = name switch
        {
            "jsonl" => new JsonLinesWriter(),
            "acled-csv" => new AcledCsvWriter(time),
            "geojson" => new GeoJsonWriter(),
            _ => null,
        };
        return writer is not null;
    }
}
