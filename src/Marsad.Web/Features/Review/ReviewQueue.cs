using Marsad.Knowledge.Places;
using Marsad.Store;
using Marsad.Web.Features.Catalogues;
using Marsad.Web.Features.Events;

namespace Marsad.Web.Features.Review;

/// <summary>Why an event needs a human's eye; the queue puts events with more (and weightier) reasons first.</summary>
internal enum ReviewReason
{
    /// <summary>The event stage's confidence is below <see cref="ReviewQueue.LowConfidence"/>.</summary>
    LowConfidence,

    /// <summary>Reports of the same (merged) event give different death tolls.</summary>
    ConflictingFigures,

    /// <summary>An actor without a catalogue id, or one the catalogue does not know.</summary>
    ProvisionalActor,

    /// <summary>Placed only at governorate level (geo-precision 3) or not placed at all.</summary>
    CoarsePlace,
}

internal sealed record QueueItemDto(EventSummaryDto Event, IReadOnlyList<ReviewReason> Reasons, int Priority);

internal sealed record MergeCandidateDto(EventSummaryDto Event, double Km, int Days);

/// <summary>
/// The review queue ranked by what needs a human, and merge candidates for an event. Works on the in-memory
/// snapshot; the confidence is the event stage's own (computed from the evidence there), never recomputed here.
/// </summary>
internal static class ReviewQueue
{
    public const double LowConfidence = 0.6;
    public const double CandidateKm = 25;
    public const int CandidateDays = 3;
    public const int MaxCandidates = 10;

    /// <summary>Weights: conflicting figures and low confidence first, then unknown actors, then coarse places.</summary>
    public static int Weight(ReviewReason r) => r switch
    {
        ReviewReason.ConflictingFigures => 8,
        ReviewReason.LowConfidence => 4,
        ReviewReason.ProvisionalActor => 2,
        _ => 1,
    };

    public static IReadOnlyList<ReviewReason> Reasons(StoredEvent e, IReadOnlySet<string> conflictingMerges, WebCatalogues catalogues)
    {
        var list = new List<ReviewReason>();
        if (e.MergedEventId is { } m && conflictingMerges.Contains(m))
        {
            list.Add(ReviewReason.ConflictingFigures);
        }

        if (e.Confidence < LowConfidence)
        {
            list.Add(ReviewReason.LowConfidence);
        }

        if (IsProvisional(e.Actor1Id, e.Actor1Name, catalogues) || IsProvisional(e.Actor2Id, e.Actor2Name, catalogues))
        {
            list.Add(ReviewReason.ProvisionalActor);
        }

        if (e.GeoPrecision is null or >= 3 || e.Latitude is null)
        {
            list.Add(ReviewReason.CoarsePlace);
        }

        return list;
    }

    /// <summary>Ids the actor annotator gives groups it found in the text but not in the catalogue.</summary>
    public const string ProvisionalIdPrefix = "actor:auto:";

    private static bool IsProvisional(string? id, string? name, WebCatalogues catalogues) =>
        name is not null && (id is null || id.StartsWith(ProvisionalIdPrefix, StringComparison.Ordinal)
            || (catalogues.ActorList.Count > 0 && !catalogues.HasActor(id)));

    /// <summary>Merged events whose members report different (known) death tolls.</summary>
    public static HashSet<string> ConflictingMerges(IEnumerable<IndexedEvent> all) =>
        [.. all.Where(x => x.Event.MergedEventId is not null && x.Event.Fatalities is not null)
            .GroupBy(x => x.Event.MergedEventId!, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Event.Fatalities).Distinct().Count() > 1)
            .Select(g => g.Key)];

    /// <summary>Unreviewed events, most in need of a human first; ties: lower confidence, then newest.</summary>
    public static IReadOnlyList<QueueItemDto> Rank(IReadOnlyList<IndexedEvent> all, IEnumerable<IndexedEvent> unreviewed, WebCatalogues catalogues)
    {
        var conflicts = ConflictingMerges(all);
        return [.. unreviewed
            .Select(x => (x.Event, Reasons: Reasons(x.Event, conflicts, catalogues)))
            .Select(x => (x.Event, x.Reasons, Priority: x.Reasons.Sum(Weight)))
            .OrderByDescending(x => x.Priority)
            .ThenBy(x => x.Event.Confidence)
            .ThenByDescending(x => x.Event.Date)
            .ThenBy(x => x.Event.Id, StringComparer.Ordinal)
            .Select(x => new QueueItemDto(EventMapping.Summary(x.Event), x.Reasons, x.Priority))];
    }

    /// <summary>Other events of the same type within <see cref="CandidateKm"/> km and <see cref="CandidateDays"/> days, nearest first.</summary>
    public static IReadOnlyList<MergeCandidateDto> Candidates(StoredEvent e, IEnumerable<IndexedEvent> all)
    {
        if (e.Latitude is not { } lat || e.Longitude is not { } lon || e.Date is not { } date)
        {
            return [];
        }

        return [.. all.Select(x => x.Event)
            .Where(o => o.Id != e.Id && o.EventType == e.EventType && o.Status != ReviewStatus.Rejected
                && (o.MergedEventId is null || o.MergedEventId != e.MergedEventId)
                && o.Date is { } d && Math.Abs(d.DayNumber - date.DayNumber) <= CandidateDays
                && o.Latitude is not null && o.Longitude is not null)
            .Select(o => (o, Km: Place.Km(lat, lon, o.Latitude!.Value, o.Longitude!.Value), Days: Math.Abs(o.Date!.Value.DayNumber - date.DayNumber)))
            .Where(x => x.Km <= CandidateKm)
            .OrderBy(x => x.Km).ThenBy(x => x.Days).ThenBy(x => x.o.Id, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .Select(x => new MergeCandidateDto(EventMapping.Summary(x.o), Math.Round(x.Km, 1), x.Days))];
    }
}
