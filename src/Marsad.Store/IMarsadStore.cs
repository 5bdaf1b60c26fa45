using Marsad.Pipeline;

namespace Marsad.Store;

/// <summary>Writing extraction results: each call is one transaction; idempotent by document id.</summary>
public interface IIngestStore
{
    /// <summary>
    /// Stores documents with their entities and events in ONE transaction. A document already stored with
    /// the same content is <see cref="IngestOutcome.Unchanged"/>; a changed one is updated in place (its
    /// machine events replaced; reviewed versions and audit rows are kept).
    /// </summary>
    Task<IngestBatchResult> IngestBatchAsync(IReadOnlyList<AnnotatedDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Records an input that could not be read or extracted.</summary>
    Task RecordRejectionAsync(string input, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RejectedInput>> ListRejectionsAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Recomputes cross-outlet merged events from scratch (deterministic; honours manual merges).</summary>
    Task<MergeSummary> RecomputeMergesAsync(MergeOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>Reading documents and events.</summary>
public interface IQueryStore
{
    Task<StoredDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken = default);

    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every matching event, streamed (exports); ignores Limit/Offset.</summary>
    IAsyncEnumerable<StoredEvent> StreamEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<EventDetail?> GetEventAsync(string id, CancellationToken cancellationToken = default);

    Task<ActorGraph> GetActorGraphAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<MergedEvent?> GetMergedEventAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Merged events whose members match the filters (Limit/Offset apply to merged events).</summary>
    Task<IReadOnlyList<MergedEvent>> ListMergedEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default);
}

/// <summary>Full-text search over articles.</summary>
public interface ISearchStore
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Human review. Each action writes an audit row (who, when, before, after); the machine version is never changed.</summary>
public interface IReviewStore
{
    Task<StoredEvent> AcceptEventAsync(string eventId, string user, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="eventJson"/> (a contract event object) as a new version and makes it current.</summary>
    Task<StoredEvent> EditEventAsync(string eventId, string user, string eventJson, string? comment = null, CancellationToken cancellationToken = default);

    Task<StoredEvent> RejectEventAsync(string eventId, string user, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>Declares events the same event (a manual merge that later recomputations keep).</summary>
    Task<MergedEvent> MergeEventsAsync(IReadOnlyList<string> eventIds, string user, string? comment = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string? eventId = null, int limit = 100, CancellationToken cancellationToken = default);
}

/// <summary>Users for the review UI (<c>marsad user add</c>).</summary>
public interface IUserStore
{
    /// <summary>Adds a user; false when the name is taken.</summary>
    Task<bool> AddUserAsync(string name, string passwordHash, string role = "reviewer", CancellationToken cancellationToken = default);

    /// <summary>Replaces a user's password hash and revokes the user's sessions; false when there is no such user.</summary>
    Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Revokes every session of the user (bumps <see cref="StoreUser.SessionGeneration"/>); false when there is no such user.</summary>
    Task<bool> RevokeSessionsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Disables (or re-enables) a user and revokes the user's sessions; false when there is no such user.</summary>
    Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken cancellationToken = default);

    Task<StoreUser?> GetUserAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoreUser>> ListUsersAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The Marsad store: SQLite (embedded, default) or PostgreSQL (server), one interface, one test suite.
/// Open with <see cref="MarsadStore.Open"/>, then call <see cref="MigrateAsync"/> once (no I/O happens before).
/// </summary>
public interface IMarsadStore : IIngestStore, IQueryStore, ISearchStore, IReviewStore, IUserStore, IWatchStateStore, IAsyncDisposable, IDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>Applies pending versioned schema migrations; returns the schema version.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);
}
