using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Knowledge.Places;

namespace Marsad.Store.Merge;

/// <summary>What the merger needs of one stored event (read by Dapper; settable properties).</summary>
public sealed class MergeCandidate
{
    public string Id { get; set; } = string.Empty;

    public string DocumentId { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    public string SubEventType { get; set; } = string.Empty;

    public string? Date { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? PlaceId { get; set; }

    public string? Actor1Id { get; set; }

    public string? Actor2Id { get; set; }

    public long? Fatalities { get; set; }

    public string? Outlet { get; set; }

    public double Confidence { get; set; }

    /// <summary>Set when the event's document is a near-duplicate (republication) of another document.</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>A reviewer's manual merge group, if any.</summary>
    public string? ManualGroup { get; set; }
}

/// <summary>A cluster summarized: id, figures, conflict, counts, the representative event.</summary>
public sealed record MergeResult(string Id, string Representative, int? Fatalities, bool FatalitiesConflict, string? ConflictNote, int SourceCount, int OutletCount);

/// <summary>
/// Cross-outlet event merge. Events of different documents are the same event when they have the same
/// event_type, places within the radius (or the same place id when coordinates are missing), dates within
/// the window, and compatible actors (either side unknown, or a shared actor id). Reviewers' manual merges
/// always hold. Deterministic: the result depends only on the events, not on their order.
/// </summary>
public static class EventMerger
{
    private const double CellDegrees = 0.1;

    /// <summary>Clusters of two or more events from at least two documents, each sorted by id, sorted by first id.</summary>
    public static IReadOnlyList<IReadOnlyList<MergeCandidate>> Cluster(IReadOnlyList<MergeCandidate> events, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var sorted = events.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
        var parent = Enumerable.Range(0, sorted.Length).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                // The smaller index (smaller id) is the root: order-independent.
                if (ra < rb)
                {
                    parent[rb] = ra;
                }
                else
                {
                    parent[ra] = rb;
                }
            }
        }

        // Buckets: (type, day, cell) for events with coordinates, (type, day, place id) without.
        var buckets = new Dictionary<(string Type, int Day, string Cell), List<int>>();
        var days = new int?[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var e = sorted[i];
            if (e.Date is null || !DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                continue;
            }

            days[i] = d.DayNumber;
            if (CellOf(e) is { } cell)
            {
                Bucket(buckets, (e.EventType, d.DayNumber, cell)).Add(i);
            }
        }

        var span = Math.Max(1, (int)Math.Ceiling(options.RadiusKm / 11.0));
        for (var i = 0; i < sorted.Length; i++)
        {
            if (days[i] is not { } day)
            {
                continue;
            }

            var e = sorted[i];
            foreach (var cell in NeighbourCells(e, span))
            {
                for (var dd = 0; dd <= options.DateWindowDays; dd++)
                {
                    if (!buckets.TryGetValue((e.EventType, day + dd, cell), out var list))
                    {
                        continue;
                    }

                    foreach (var j in list)
                    {
                        if (j != i && (dd > 0 || j > i) && Compatible(e, sorted[j], options))
                        {
                            Union(i, j);
                        }
                    }
                }
            }
        }

        foreach (var g in Enumerable.Range(0, sorted.Length).Where(i => sorted[i].ManualGroup is not null).GroupBy(i => sorted[i].ManualGroup))
        {
            var first = g.First();
            foreach (var j in g)
            {
                Union(first, j);
            }
        }

        return [.. Enumerable.Range(0, sorted.Length)
            .GroupBy(Find)
            .Select(g => (IReadOnlyList<MergeCandidate>)[.. g.Select(i => sorted[i])])
            .Where(c => c.Count > 1 && (c.Select(e => e.DocumentId).Distinct().Count() > 1 || c.Any(e => e.ManualGroup is not null)))
            .OrderBy(c => c[0].Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The merged event's figures: fatalities are the lowest reported (ACLED), a conflict is flagged when
    /// sources disagree; outlets count distinct outlets among non-republished sources.
    /// </summary>
    public static MergeResult Summarize(IReadOnlyList<MergeCandidate> cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var original = cluster.Where(e => e.DuplicateOf is null).ToList();
        var counted = original.Count > 0 ? original : [.. cluster];
        var representative = counted.OrderByDescending(e => e.Confidence).ThenBy(e => e.Id, StringComparer.Ordinal).First();
        var figures = counted.Where(e => e.Fatalities is not null).OrderBy(e => e.Fatalities).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var distinct = figures.Select(e => e.Fatalities!.Value).Distinct().ToList();
        int? fatalities = distinct.Count > 0 ? (int)distinct.Min() : null;
        var conflict = distinct.Count > 1;
        string? note = conflict
            ? "conflicting fatalities: " + string.Join("; ", figures.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Fatalities} ({e.Outlet ?? "?"}, {e.Id})"))) + "; lowest used"
            : null;
        var outlets = counted.Select(e => e.Outlet ?? ("document:" + e.DocumentId)).Distinct(StringComparer.Ordinal).Count();
        var first = cluster.Select(e => e.Id).Min(StringComparer.Ordinal)!;
        var id = "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first)))[..16];
        return new MergeResult(id, representative.Id, fatalities, conflict, note, cluster.Count, outlets);
    }

    /// <summary>Events of the same type at nearby places on nearby dates with compatible actors, from different documents.</summary>
    public static bool Compatible(MergeCandidate a, MergeCandidate b, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        if (a.DocumentId == b.DocumentId || a.EventType != b.EventType)
        {
            return false;
        }

        if (a.Latitude is { } la && a.Longitude is { } loa && b.Latitude is { } lb && b.Longitude is { } lob)
        {
            if (Place.Km(la, loa, lb, lob) > options.RadiusKm)
            {
                return false;
            }
        }
        else if (a.PlaceId is null || a.PlaceId != b.PlaceId)
        {
            return false;
        }

        var actorsA = new[] { a.Actor1Id, a.Actor2Id }.Where(x => x is not null).ToHashSet(StringComparer.Ordinal);
        var actorsB = new[] { b.Actor1Id, b.Actor2Id }.Where(x => x is not null).ToHashSet(StringComparer.Ordinal);
        return actorsA.Count == 0 || actorsB.Count == 0 || actorsA.Overlaps(actorsB);
    }

    private static string? CellOf(MergeCandidate e) =>
        e.Latitude is { } la && e.Longitude is { } lo
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Floor(la / CellDegrees)}:{(int)Math.Floor(lo / CellDegrees)}")
            : e.PlaceId is { } p ? "place:" + p : null;

    private static IEnumerable<string> NeighbourCells(MergeCandidate e, int span)
    {
        if (e.Latitude is { } la && e.Longitude is { } lo)
        {
            var x = (int)Math.Floor(la / CellDegrees);
            var y = (int)Math.Floor(lo / CellDegrees);
            for (var dx = -span; dx <= span; dx++)
            {
                for (var dy = -span; dy <= span; dy++)
                {
                    yield return string.Create(CultureInfo.InvariantCulture, $"{x + dx}:{y + dy}");
                }
            }
        }
        else if (e.PlaceId is { } p)
        {
            yield return "place:" + p;
        }
    }

    private static List<int> Bucket(Dictionary<(string, int, string), List<int>> buckets, (string, int, string) key)
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            buckets[key] = list = [];
        }

        return list;
    }
}
