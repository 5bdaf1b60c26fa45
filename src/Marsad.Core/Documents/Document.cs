using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Marsad.Analysis;

namespace Marsad.Documents;

/// <summary>Where a document came from, as far as the input says.</summary>
public sealed record DocumentSource(
    string Path,
    string? Url = null,
    string? Outlet = null,
    string? Title = null,
    DateOnly? Published = null);

/// <summary>
/// One report: its original text as read (decoded, never mutated afterwards) and its source.
/// The id is a hash of the matching-normalized text, so the same story re-encoded, re-spaced or
/// re-diacritized keeps its id.
/// </summary>
public sealed class Document
{
    public Document(string text, DocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        Text = text;
        Source = source;
        Id = ComputeId(text);
    }

    public string Id { get; }

    public string Text { get; }

    public DocumentSource Source { get; }

    /// <summary>What reading the input noticed (e.g. undecodable bytes replaced): becomes the first of the document's warnings.</summary>
    public ImmutableArray<string> InputWarnings { get; init; } = [];

    public static string ComputeId(string text)
    {
        var normalized = ArabicNormalizer.ForIdentity(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return Convert.ToHexStringLower(hash[..12]);
    }
}
