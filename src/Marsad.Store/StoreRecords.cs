using System.Collections.Immutable;
using Marsad.Documents;

namespace Marsad.Store;

/// <summary>Where an event stands in human review. The machine's version is never overwritten.</summary>
public enum ReviewStatus
{
    Unreviewed,
    Accepted,
    Edited,
    Rejected,
    Merged,
}

/// <summary>The review actions a reviewer can take; each writes one audit row.</summary>
public enum ReviewAction
{
    Accept,
    Edit,
    Reject,
    Merge,
}

/// <summary>What ingesting one input did.</summary>
public enum IngestOutcome
{
    /// <summary>A new document.</summary>
    Stored,

    /// <summary>The same id (normalized text) with changed content or source: updated in place.</summary>
    Updated,

    /// <summary>Already stored, nothing changed.</summary>
    Unchanged,

    /// <summary>Could not be read or stored; the reason is recorded.</summary>
    Rejected,
}

/// <summary>A stored document without its text.</summary>
public sealed record DocumentSummary(
    string Id,
    string Path,
    string? Url,
    string? Outlet,
    string? Title,
    DateOnly? Published,
    DateTimeOffset IngestedAt,
    DateTimeOffset UpdatedAt,
    int EventCount,
    string? DuplicateOf);

/// <summary>One entity mention as the contract describes it; <see cref="RefJson"/> is the contract's <c>ref</c> object (or null).</summary>
public sealed record StoredEntity(
    string DocumentId,
    int Ordinal,
    string Type,
    string Text,
    int Start,
    int End,
    string? RefId,
    string? RefName,
    string? RefJson);

/// <summary>A link between two near-duplicate documents (one story republished); similarity is the estimated Jaccard.</summary>
public sealed record NearDuplicate(string DocumentId, string OtherDocumentId, double Similarity);

/// <summary>A document with its original text, entities, events and near-duplicate links.</summary>
public sealed record StoredDocument(
    DocumentSummary Summary,
    string Text,
    IReadOnlyList<StoredEntity> Entities,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<NearDuplicate> NearDuplicates,
    IReadOnlyList<string> Warnings);

/// <summary>
/// One event, current version (the machine's, or the latest reviewed edit), with the indexed columns the
/// filters use and <see cref="Json"/> the contract's event object. Id is <c>{documentId}-{ordinal}</c>.
/// </summary>
public sealed record StoredEvent(
    string Id,
    string DocumentId,
    int Ordinal,
    int Version,
    ReviewStatus Status,
    string EventType,
    string SubEventType,
    DateOnly? Date,
    int TimePrecision,
    string? Actor1Id,
    string? Actor1Name,
    string? Actor2Id,
    string? Actor2Name,
    string? PlaceId,
    string? PlaceName,
    string? Admin1,
    string? Admin2,
    double? Latitude,
    double? Longitude,
    int? GeoPrecision,
    int? Fatalities,
    string AttributionKind,
    string? Outlet,
    DateOnly? Published,
    double Confidence,
    string? MergedEventId,
    string Json);

/// <summary>A span of the document's original text with the text it slices.</summary>
public sealed record EvidenceSpan(int Start, int End, string Text);

/// <summary>Who says so (contract <c>attribution</c>).</summary>
public sealed record EventAttribution(string Kind, string? Text, int? Start, int? End, string? SourceName);

/// <summary>One review action: who, when, the event before and after (contract JSON), and why.</summary>
public sealed record AuditEntry(
    long Id,
    string EventId,
    ReviewAction Action,
    string User,
    DateTimeOffset At,
    string? BeforeJson,
    string? AfterJson,
    string? Comment);

/// <summary>One version of an event. Version 0 is the machine's and is immutable.</summary>
public sealed record EventVersion(string EventId, int Version, string Json, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>An event with everything the review screen shows.</summary>
public sealed record EventDetail(
    StoredEvent Event,
    string MachineJson,
    DocumentSummary Document,
    IReadOnlyList<EvidenceSpan> Evidence,
    EventAttribution Attribution,
    IReadOnlyList<EventVersion> Versions,
    IReadOnlyList<AuditEntry> Audit,
    MergedEvent? Merged);

/// <summary>One source of a merged event: which report said it, how, and the words that say it.</summary>
public sealed record MergedSource(
    string EventId,
    string DocumentId,
    string? Outlet,
    string? Url,
    string? Title,
    DateOnly? Published,
    int? Fatalities,
    EventAttribution Attribution,
    IReadOnlyList<EvidenceSpan> Evidence,
    bool Republication,
    bool FatalitiesInferred = false);

/// <summary>
/// Events from different reports judged to be the same incident. <see cref="Fatalities"/> is the lowest figure a
/// source states (ACLED; an unknown or inferred figure is not a statement of zero); <see cref="FatalitiesConflict"/>
/// is set when stated figures differ, each with its outlet in <see cref="ConflictNote"/>, which also notes where
/// sources disagree on sub-event type, actors or date. Type, sub-type and actors are the merger's choice (most
/// specific, most sources). <see cref="OutletCount"/> counts distinct corroborating outlets (republications excluded).
/// </summary>
public sealed record MergedEvent(
    string Id,
    string EventType,
    string SubEventType,
    DateOnly? Date,
    string? PlaceName,
    string? Admin1,
    double? Latitude,
    double? Longitude,
    string? Actor1Name,
    string? Actor2Name,
    int? Fatalities,
    bool FatalitiesConflict,
    string? ConflictNote,
    int SourceCount,
    int OutletCount,
    IReadOnlyList<MergedSource> Sources);

/// <summary>
/// Event filters; every one optional. <see cref="Actor"/> matches actor1/actor2 id or name; <see cref="Place"/> a
/// place id or name, admin1 or admin2; <see cref="Text"/> restricts to events of documents matching full-text search.
/// </summary>
public sealed record EventQuery
{
    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    public string? Actor { get; init; }

    public string? Place { get; init; }

    public string? Admin1 { get; init; }

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    public string? Outlet { get; init; }

    public ReviewStatus? Status { get; init; }

    public string? Text { get; init; }

    public string? DocumentId { get; init; }

    /// <summary>Rows per page; null means all (exports).</summary>
    public int? Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>A page of events and the total number matching.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Items, long Total);

/// <summary>Document listing filters.</summary>
public sealed record DocumentQuery
{
    public string? Outlet { get; init; }

    public DateOnly? PublishedFrom { get; init; }

    public DateOnly? PublishedTo { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>Full-text query (Arabic normalization and clitic stripping apply to it as to the index).</summary>
public sealed record SearchQuery(string Text)
{
    public int Limit { get; init; } = 20;

    public int Offset { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? PublishedFrom { get; init; }

    public DateOnly? PublishedTo { get; init; }
}

/// <summary>
/// A passage of a matching document. Offsets are into the ORIGINAL text; <see cref="Highlights"/> are the
/// matched words' spans (original offsets, inside [Start, End)).
/// </summary>
public sealed record Snippet(int Start, int End, string Text, ImmutableArray<TextSpan> Highlights)
{
    /// <summary>The snippet with each highlight wrapped in <paramref name="open"/>/<paramref name="close"/>.</summary>
    public string Mark(string open, string close)
    {
        var sb = new System.Text.StringBuilder(Text.Length + Highlights.Length * 8);
        var at = Start;
        foreach (var h in Highlights)
        {
            sb.Append(Text, at - Start, h.Start - at).Append(open).Append(Text, h.Start - Start, h.Length).Append(close);
            at = h.End;
        }

        sb.Append(Text, at - Start, End - at);
        return sb.ToString();
    }
}

/// <summary>One matching document.</summary>
public sealed record SearchHit(string DocumentId, string? Title, string? Outlet, DateOnly? Published, double Score, IReadOnlyList<Snippet> Snippets);

/// <summary>
/// Search results and the number of matching documents: exact up to <c>SqlStore.SearchTotalCap</c> (10,000);
/// beyond it <see cref="Total"/> is the cap and <see cref="TotalIsLowerBound"/> is true ("10,000+").
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, long Total, bool TotalIsLowerBound = false);

/// <summary>An actor in the graph: events it takes part in.</summary>
public sealed record ActorNode(string Id, string Name, int? Inter, int EventCount);

/// <summary>Events between two actors (actor1 → actor2), with up to a few event ids.</summary>
public sealed record ActorEdge(string Actor1Id, string Actor2Id, int EventCount, IReadOnlyList<string> EventIds);

/// <summary>Actors and the events between them, for the filters given.</summary>
public sealed record ActorGraph(IReadOnlyList<ActorNode> Nodes, IReadOnlyList<ActorEdge> Edges);

/// <summary>A user of the review UI. The store keeps the hash only; hashing is the caller's.</summary>
/// <param name="SessionGeneration">Written into each session; a session carrying an older generation is revoked.</param>
/// <param name="Disabled">A disabled user cannot sign in and has no valid session.</param>
public sealed record StoreUser(string Name, string PasswordHash, string Role, DateTimeOffset CreatedAt, long SessionGeneration = 0, bool Disabled = false);

/// <summary>What happened to one input.</summary>
public sealed record IngestItemResult(string Input, string? DocumentId, IngestOutcome Outcome, int Events, string? DuplicateOf, string? Reason);

/// <summary>What one batch (one transaction) did.</summary>
public sealed record IngestBatchResult(IReadOnlyList<IngestItemResult> Items)
{
    public int Count(IngestOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}

/// <summary>An input that was rejected, with its reason.</summary>
public sealed record RejectedInput(long Id, string Input, string Reason, DateTimeOffset At);

/// <summary>
/// Merge parameters: events may be one incident within <see cref="RadiusKm"/> (or inside a coarser place) and
/// <see cref="DateWindowDays"/> (<see cref="DayPreciseWindowDays"/> when both know the day), of compatible
/// sub-event types and actors (<c>Marsad.Store.Merge.EventMerger</c>).
/// </summary>
public sealed record MergeOptions
{
    public double RadiusKm { get; init; } = 10;

    public int DateWindowDays { get; init; } = 2;

    /// <summary>The window when both events know the day (time_precision 1): a report of "yesterday" is a day off at most.</summary>
    public int DayPreciseWindowDays { get; init; } = 1;
}

/// <summary>What a merge recomputation produced.</summary>
public sealed record MergeSummary(int MergedEvents, int EventsInMerges);

/// <summary>Row counts.</summary>
public sealed record StoreStats(long Documents, long Events, long MergedEvents, long Rejections, long Users);
