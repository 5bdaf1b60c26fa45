using System.Globalization;
using Marsad.Documents;
using Marsad.Inputs;
using Marsad.Pipeline;
using Marsad.Store;

namespace Marsad.Web.Features.Ingest;

/// <summary>One input's fate, as the ingest page shows it.</summary>
internal sealed record IngestItemDto(string Input, string Outcome, string? DocumentId, int Events, string? DuplicateOf, string? Reason);

/// <summary>
/// Reads uploaded files (with the same reader as <c>marsad extract</c>: encodings, HTML, feeds, JSON Lines) or
/// pasted text, runs the extraction pipeline and stores the results in one transaction.
/// </summary>
internal sealed class IngestService(IMarsadStore store, DocumentExtractor extract, Events.EventIndex index)
{
    public const int MaxTextChars = 200_000;

    public async Task<IReadOnlyList<IngestItemDto>> IngestFilesAsync(IReadOnlyList<IFormFile> files, InputDefaults defaults, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("marsad-upload-");
        try
        {
            var results = new List<IngestItemDto>();
            var docs = new List<(string Input, Document Doc)>();
            foreach (var f in files)
            {
                var name = SafeName(f.FileName);
                var path = Path.Combine(dir.FullName, name);
                var stream = File.Create(path);
                await using (stream.ConfigureAwait(false))
                {
                    await f.CopyToAsync(stream, ct).ConfigureAwait(false);
                }

                foreach (var r in new InputReader().Read([path], defaults))
                {
                    if (r.Rejection is { } rej)
                    {
                        var reason = rej.Reason;
                        await store.RecordRejectionAsync(name, reason, ct).ConfigureAwait(false);
                        results.Add(new IngestItemDto(name, "rejected", null, 0, null, reason));
                    }
                    else
                    {
                        var d = r.Document!;
                        // Keep the uploaded name (not the temporary path) as the document's path.
                        var source = d.Source with { Path = d.Source.Path.StartsWith(dir.FullName, StringComparison.Ordinal) ? name + d.Source.Path[path.Length..] : d.Source.Path };
                        docs.Add((name, new Document(d.Text, source)));
                    }
                }
            }

            results.AddRange(await StoreAsync(docs, ct).ConfigureAwait(false));
            return results;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public async Task<IReadOnlyList<IngestItemDto>> IngestTextAsync(string text, DocumentSource source, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            await store.RecordRejectionAsync(source.Path, "empty text", ct).ConfigureAwait(false);
            return [new IngestItemDto(source.Path, "rejected", null, 0, null, "empty text")];
        }

        if (text.Length > MaxTextChars)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"text longer than {MaxTextChars} characters");
            await store.RecordRejectionAsync(source.Path, reason, ct).ConfigureAwait(false);
            return [new IngestItemDto(source.Path, "rejected", null, 0, null, reason)];
        }

        return await StoreAsync([(source.Path, new Document(text, source))], ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<IngestItemDto>> StoreAsync(List<(string Input, Document Doc)> docs, CancellationToken ct)
    {
        if (docs.Count == 0)
        {
            return [];
        }

        var annotated = new List<AnnotatedDocument>(docs.Count);
        var results = new List<IngestItemDto>();
        foreach (var (input, doc) in docs)
        {
            try
            {
                annotated.Add(extract(doc));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                await store.RecordRejectionAsync(input, "extraction failed: " + e.Message, ct).ConfigureAwait(false);
                results.Add(new IngestItemDto(input, "rejected", null, 0, null, "extraction failed: " + e.Message));
            }
        }

        if (annotated.Count > 0)
        {
            var batch = await store.IngestBatchAsync(annotated, ct).ConfigureAwait(false);
            index.Invalidate();
            results.AddRange(batch.Items.Select(i => new IngestItemDto(i.Input, i.Outcome.ToString().ToLowerInvariant(), i.DocumentId, i.Events, i.DuplicateOf, i.Reason)));
            if (batch.Items.Any(i => i.Outcome is IngestOutcome.Stored or IngestOutcome.Updated))
            {
                // New reports may corroborate stored events: recompute cross-outlet merges (manual merges are kept).
                await store.RecomputeMergesAsync(null, ct).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>The file name without any directory part or odd characters (uploads name a temporary file).</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var clean = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ')]).Trim().TrimStart('.');
        return clean.Length == 0 ? "upload.txt" : clean.Length > 120 ? clean[^120..] : clean;
    }
}
