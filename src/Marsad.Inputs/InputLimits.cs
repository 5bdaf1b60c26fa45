namespace Marsad.Inputs;

/// <summary>
/// Size limits that keep huge inputs from exhausting memory (documented in the README). Files are
/// streamed; a document whose text exceeds <see cref="MaxDocumentChars"/> is rejected, and so is a page,
/// feed or JSON line whose raw size exceeds <see cref="MaxMarkupChars"/>.
/// </summary>
public sealed record InputLimits(int MaxDocumentChars = InputLimits.DefaultMaxDocumentChars, int MaxMarkupChars = InputLimits.DefaultMaxMarkupChars)
{
    /// <summary>5 million UTF-16 code units of text per document (about 5 MB of ASCII, 10 MB of Arabic UTF-8).</summary>
    public const int DefaultMaxDocumentChars = 5_000_000;

    /// <summary>32 million characters of raw HTML, feed XML or one JSON line.</summary>
    public const int DefaultMaxMarkupChars = 32_000_000;

    public static InputLimits Default { get; } = new();
}
