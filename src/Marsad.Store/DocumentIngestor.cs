using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Store;

/// <summary>
/// Runs extraction and stores the result: for the web API's "ingest a document from text" and the CLI.
/// The pipeline is assembled by the caller (PipelineFactory in the CLI).
/// </summary>
public sealed class DocumentIngestor(ExtractionPipeline pipeline, IMarsadStore store)
{
    /// <summary>Extracts and stores one document from its text (one transaction), then recomputes merges.</summary>
    public async Task<IngestItemResult> IngestTextAsync(string text, DocumentSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(text))
        {
            await store.RecordRejectionAsync(source.Path, "empty text", cancellationToken).ConfigureAwait(false);
            return new IngestItemResult(source.Path, null, IngestOutcome.Rejected, 0, null, "empty text");
        }

        var annotated = pipeline.Run(new Document(text, source));
        var result = await store.IngestBatchAsync([annotated], cancellationToken).ConfigureAwait(false);
        if (result.Items[0].Outcome != IngestOutcome.Unchanged)
        {
            await store.RecomputeMergesAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return result.Items[0];
    }
}
