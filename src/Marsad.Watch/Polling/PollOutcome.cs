namespace Marsad.Watch.Polling;

/// <summary>What one poll of one source did.</summary>
/// <param name="Fresh">Items new or changed since they were last processed.</param>
/// <param name="Stored">Documents new to the store.</param>
/// <param name="Updated">Documents already stored whose source changed (the same report through another link): one document still.</param>
/// <param name="Unchanged">Items whose document was already stored as it is.</param>
/// <param name="Deferred">Items left for the next poll after a transient error fetching their page.</param>
public sealed record PollOutcome(
    string SourceId,
    bool Success,
    int Items,
    int Fresh,
    int Stored,
    int Updated,
    int Unchanged,
    int Rejected,
    int Deferred,
    int Alerts,
    string? Error,
    DateTimeOffset NextDue);

/// <summary>What one round over the due sources did, and when the next source is due.</summary>
public sealed record WatchRound(IReadOnlyList<PollOutcome> Polls, DateTimeOffset NextDue)
{
    public int Failed => Polls.Count(p => !p.Success);

    public int Stored => Polls.Sum(p => p.Stored);
}
