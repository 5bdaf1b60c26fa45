using Marsad.Pipeline;

namespace Marsad.Store.Sql;

/// <summary>Work in progress.</summary>
internal abstract class SqlStore(TimeProvider time) : IMarsadStore
{
    protected TimeProvider Time { get; } = time;

    public abstract string Kind { get; }

    public virtual Task<IngestBatchResult> IngestBatchAsync(IReadOnlyList<AnnotatedDocument> documents, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task RecordRejectionAsync(string input, string reason, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<IReadOnlyList<RejectedInput>> ListRejectionsAsync(int limit, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<MergeSummary> RecomputeMergesAsync(MergeOptions? options, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<StoredDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual IAsyncEnumerable<StoredEvent> StreamEventsAsync(EventQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<EventDetail?> GetEventAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<ActorGraph> GetActorGraphAsync(EventQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<MergedEvent?> GetMergedEventAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<IReadOnlyList<MergedEvent>> ListMergedEventsAsync(EventQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<StoredEvent> AcceptEventAsync(string eventId, string user, string? comment, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<StoredEvent> EditEventAsync(string eventId, string user, string eventJson, string? comment, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<StoredEvent> RejectEventAsync(string eventId, string user, string? comment, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<MergedEvent> MergeEventsAsync(IReadOnlyList<string> eventIds, string user, string? comment, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string? eventId, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<bool> AddUserAsync(string name, string passwordHash, string role, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<StoreUser?> GetUserAsync(string name, CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<IReadOnlyList<StoreUser>> ListUsersAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public virtual Task<int> MigrateAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
