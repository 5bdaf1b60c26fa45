using Marsad.Pipeline;

namespace Marsad.Output;

/// <summary>Writes annotated documents in one output format (a stream of documents, begun and ended once).</summary>
public interface IDocumentWriter
{
    void Begin(TextWriter output);

    void Write(TextWriter output, AnnotatedDocument document);

    void End(TextWriter output);
}

/// <summary>The contract's default format: one JSON object per document, one per line.</summary>
public sealed class JsonLinesWriter : IDocumentWriter
{
    public void Begin(TextWriter output)
    {
    }

    public void Write(TextWriter output, AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(ContractJsonWriter.ToJson(document));
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
