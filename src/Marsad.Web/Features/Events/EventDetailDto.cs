using System.Text.Json;
using Marsad.Store;

namespace Marsad.Web.Features.Events;

/// <param name="Path">What the document came from, as readers may see it: a file's name (never the server's folders) or a URL.</param>
internal sealed record DocumentDto(string Id, string? Title, string? Outlet, string? Url, string? Published, string Path);

internal sealed record AuditDto(long Id, string EventId, string Action, string User, DateTimeOffset At, JsonElement? Before, JsonElement? After, string? Comment)
{
    public static AuditDto From(AuditEntry a) =>
        new(a.Id, a.EventId, a.Action.ToString().ToLowerInvariant(), a.User, a.At, EventMapping.Element(a.BeforeJson), EventMapping.Element(a.AfterJson), a.Comment);
}

internal sealed record SourceDto(
    string EventId, string DocumentId, string? Outlet, string? Url, string? Title, string? Published, int? Fatalities,
    EventAttribution Attribution, IReadOnlyList<EvidenceSpan> Evidence, bool Republication);

internal sealed record MergedDto(
    string Id, int? Fatalities, bool FatalitiesConflict, string? ConflictNote, int SourceCount, int OutletCount, IReadOnlyList<SourceDto> Sources);

internal sealed record EventDetailDto(
    EventSummaryDto Event,
    JsonElement? Fields,
    JsonElement? Machine,
    DocumentDto Document,
    string? Text,
    IReadOnlyList<EvidenceSpan> Evidence,
    EventAttribution Attribution,
    IReadOnlyList<object> Versions,
    IReadOnlyList<AuditDto> Audit,
    MergedDto? Merged)
{
    public static DocumentDto Doc(DocumentSummary s) =>
        new(s.Id, s.Title, s.Outlet, SafeUrl(s.Url), EventMapping.Iso(s.Published), SourceName(s.Path));

    /// <summary>
    /// A stored source path as shown to readers: an http(s) URL as it is (a feed item's link), a file path cut to its
    /// name (the server's folders stay private; Windows and POSIX separators alike), <c>-</c> (stdin) as it is.
    /// </summary>
    public static string SourceName(string path)
    {
        if (SafeUrl(path) is { } url)
        {
            return url;
        }

        var cut = path.LastIndexOfAny(['/', '\\']);
        return cut < 0 ? path : path[(cut + 1)..];
    }

    /// <summary>Only http(s) URLs are passed to the UI as links.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u.AbsoluteUri : null;

    public static EventDetailDto From(EventDetail d, StoredDocument? doc) =>
        new(
            EventMapping.Summary(d.Event),
            EventMapping.Element(d.Event.Json),
            EventMapping.Element(d.MachineJson),
            Doc(d.Document),
            doc?.Text,
            d.Evidence,
            d.Attribution,
            [.. d.Versions.Select(v => new { v.Version, v.CreatedBy, v.CreatedAt, json = EventMapping.Element(v.Json) })],
            [.. d.Audit.Select(AuditDto.From)],
            d.Merged is null ? null : new MergedDto(
                d.Merged.Id, d.Merged.Fatalities, d.Merged.FatalitiesConflict, d.Merged.ConflictNote, d.Merged.SourceCount, d.Merged.OutletCount,
                [.. d.Merged.Sources.Select(s => new SourceDto(s.EventId, s.DocumentId, s.Outlet, SafeUrl(s.Url), s.Title, EventMapping.Iso(s.Published), s.Fatalities, s.Attribution, s.Evidence, s.Republication))]));
}
