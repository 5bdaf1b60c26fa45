using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Knowledge.Places;
using Marsad.Store.Dedup;

namespace Marsad.Store.Merge;

/// <summary>What the merger needs of one stored event (read by Dapper; settable properties).</summary>
public sealed class MergeCandidate
{
    public string Id { get; set; } = string.Empty;

    public string DocumentId { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    public string SubEventType { get; set; } = string.Empty;

    public string? Date { get; set; }

    /// <summary>ACLED time_precision: 1 the day is known, 2 the week, 3 the month.</summary>
    public int TimePrecision { get; set; } = 1;

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>ACLED geo_precision: 1 the place itself, 2 part of a district or near it, 3 the governorate or country only.</summary>
    public int? GeoPrecision { get; set; }

    public string? PlaceId { get; set; }

    public string? Country { get; set; }

    public string? Admin1 { get; set; }

    public string? Admin2 { get; set; }

    public string? Actor1Id { get; set; }

    public string? Actor2Id { get; set; }

    /// <summary>ACLED inter code of actor1 (7 civilians: a victim or responder, never the side that tells incidents apart).</summary>
    public int? Actor1Inter { get; set; }

    public long? Fatalities { get; set; }

    /// <summary>The figure is inferred (injuries only: 0), not stated by the report.</summary>
    public bool FatalitiesInferred { get; set; }

    public string? Outlet { get; set; }

    public double Confidence { get; set; }

    /// <summary>Set when the event's document is a near-duplicate (republication) of another document.</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>A reviewer's manual merge group, if any.</summary>
    public string? ManualGroup { get; set; }

    /// <summary>The document's ingest order (earlier stored, earlier told, on the same publication day).</summary>
    public long DocumentSeq { get; set; }

    /// <summary>The document's publication date (YYYY-MM-DD), if known.</summary>
    public string? Published { get; set; }

    /// <summary>Whether this event's report states a fatality figure (an explicit 0 included; an inferred 0 not).</summary>
    public bool StatesFatalities => Fatalities is not null && !FatalitiesInferred;

    /// <summary>Coarser than a point: a district part or neighbourhood (2), a governorate or country (3).</summary>
    public bool IsCoarse => GeoPrecision is >= 2;
}

/// <summary>
/// A cluster summarized: id, the merged event's type, sub-type, date and actors (chosen by
/// <see cref="EventMerger.Summarize"/>'s rules), the member whose place is kept, figures, notes and counts.
/// </summary>
public sealed record MergeResult(
    string Id,
    string Representative,
    string EventType,
    string SubEventType,
    string? Date,
    string? Actor1Source,
    string? Actor2Source,
    int? Fatalities,
    bool FatalitiesConflict,
    string? ConflictNote,
    int SourceCount,
    int OutletCount);

/// <summary>
/// Cross-outlet event merge at the level of incidents. Two events of different reports are <see cref="Compatible"/>
/// (may be one incident) when their places are within the radius (or the coarser one, a governorate, country or
/// district part, contains the other), their dates are within the window (one day when both know the day), their
/// sub-event types can describe one incident (<see cref="IncidentTypes"/>), and their actors do not contradict each
/// other (either side unknown, or a shared actor). A merged event is a group of events that are compatible
/// <em>pairwise</em> (complete linkage): an event with unknown actors cannot bridge two events whose actors differ,
/// and a chain of daily events in one town never becomes one. Groups form greedily from the strongest pairs.
/// Reviewers' manual merges always hold. Deterministic: the result depends only on the events, not on their order.
/// </summary>
public static class EventMerger
{
    private const double CellDegrees = 0.1;

    /// <summary>Kilometres per degree of latitude (and of longitude at the equator).</summary>
    private const double KmPerDegree = 111.2;

    /// <summary>Clusters of two or more events (of one report or several), each sorted by id, sorted by first id.</summary>
    public static IReadOnlyList<IReadOnlyList<MergeCandidate>> Cluster(IReadOnlyList<MergeCandidate> events, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var sorted = events.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
        var context = new PairContext(sorted, options);
        var edges = CandidateEdges(sorted, context);
        var clusterOf = CompleteLinkage(sorted.Length, edges, context);
        var groups = new UnionFind(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            groups.Union(i, clusterOf[i]);
        }

        foreach (var g in Enumerable.Range(0, sorted.Length).Where(i => sorted[i].ManualGroup is not null).GroupBy(i => sorted[i].ManualGroup))
        {
            var first = g.First();
            foreach (var j in g)
            {
                groups.Union(first, j);
            }
        }

        return [.. Enumerable.Range(0, sorted.Length)
            .GroupBy(groups.Find)
            .Select(g => (IReadOnlyList<MergeCandidate>)[.. g.Select(i => sorted[i])])
            .Where(c => c.Count > 1)
            .OrderBy(c => c[0].Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether two events may be one incident (place, date, type, actors). Two events of one report may be: the
    /// extractor can tell one incident twice (a bombing as a blast and as an attack on the people hit), and ACLED
    /// codes one event per type, place and day anyway.
    /// </summary>
    public static bool Compatible(MergeCandidate a, MergeCandidate b, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        return a.Id != b.Id
            && DayOf(a) is { } da && DayOf(b) is { } db && DatesCompatible(a, da, b, db, options)
            && IncidentTypes.Compatible(a.SubEventType, b.SubEventType)
            && PlacesCompatible(a, b, options)
            && ActorsCompatible(a, b);
    }

    /// <summary>Dates within the window; within <see cref="MergeOptions.DayPreciseWindowDays"/> when both reports know the day.</summary>
    private static bool DatesCompatible(MergeCandidate a, int da, MergeCandidate b, int db, MergeOptions options)
    {
        var window = a.TimePrecision == 1 && b.TimePrecision == 1 ? options.DayPreciseWindowDays : options.DateWindowDays;
        return Math.Abs(da - db) <= window;
    }

    /// <summary>
    /// Points within the radius; or the coarser place (geo_precision 2/3) contains the other: the same governorate
    /// (and district, when the coarser one names one), or the same country when the coarser place is a country;
    /// without coordinates, the same place id.
    /// </summary>
    public static bool PlacesCompatible(MergeCandidate a, MergeCandidate b, MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        if (a.Latitude is { } la && a.Longitude is { } loa && b.Latitude is { } lb && b.Longitude is { } lob
            && Place.Km(la, loa, lb, lob) <= options.RadiusKm)
        {
            return true;
        }

        if (a.PlaceId is not null && a.PlaceId == b.PlaceId)
        {
            return true;
        }

        var (coarse, fine) = (a.GeoPrecision ?? 1) >= (b.GeoPrecision ?? 1) ? (a, b) : (b, a);
        return coarse.IsCoarse && Contains(coarse, fine);
    }

    /// <summary>Whether the coarse place's area holds the other place (compared by country, admin1, admin2 names).</summary>
    private static bool Contains(MergeCandidate coarse, MergeCandidate fine)
    {
        if (coarse.Country is not null && fine.Country is not null && !string.Equals(coarse.Country, fine.Country, StringComparison.Ordinal))
        {
            return false;
        }

        if (coarse.Admin1 is null)
        {
            // A country (precision 3, no governorate) holds every place of that country; a district part or nearby
            // place without a governorate (precision 2) holds nothing beyond the radius.
            return coarse.GeoPrecision >= 3 && coarse.Country is not null && string.Equals(coarse.Country, fine.Country, StringComparison.Ordinal);
        }

        if (!string.Equals(coarse.Admin1, fine.Admin1, StringComparison.Ordinal))
        {
            return false;
        }

        // A district part names its district; a governorate-level place (precision 3) holds all its districts.
        return coarse.GeoPrecision >= 3 || coarse.Admin2 is null || string.Equals(coarse.Admin2, fine.Admin2, StringComparison.Ordinal);
    }

    /// <summary>Actor ids that name no one in particular: an event with one of them as actor1 has no known perpetrator.</summary>
    public static IReadOnlySet<string> UnidentifiedActors { get; } = new HashSet<string>(StringComparer.Ordinal) { "actor:unidentified-armed-group" };

    /// <summary>
    /// The side that tells incidents apart: actor1, unless it is unknown, unidentified, or civilians (inter 7: the
    /// people hit, or a civil-defence service reporting them, are told as actor1 by some outlets).
    /// </summary>
    public static string? Perpetrator(MergeCandidate e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Actor1Id is { } a && e.Actor1Inter != 7 && !UnidentifiedActors.Contains(a) ? a : null;
    }

    /// <summary>
    /// The actors do not contradict each other: either perpetrator is unknown, they are the same, or one's
    /// perpetrator is the other's actor2 (the sides told the other way round). Victims and targets (actor2) alone
    /// never split an incident: outlets name them differently (civilians, or the fighters a statement says were hit).
    /// </summary>
    public static bool ActorsCompatible(MergeCandidate a, MergeCandidate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pa = Perpetrator(a);
        var pb = Perpetrator(b);
        return pa is null || pb is null || pa == pb || pa == b.Actor2Id || pb == a.Actor2Id;
    }

    /// <summary>
    /// The merged event's figures and choices. Counted sources are the non-republished ones (all, if every one is
    /// a republication). Fatalities: ACLED's lowest figure among the reports that state one (an explicit 0
    /// included; an inferred 0 or an unknown figure does not count; a report's own lowest figure when it tells the
    /// incident twice), a conflict when stated figures differ, the note listing every stated figure with its outlet. When no source states a figure, an inferred one (injuries only:
    /// 0) is kept. Sub-event type: the most specific (<see cref="IncidentTypes.Specificity"/>), then the one most
    /// counted sources give, then the most confident source's; the event type is that sub-type's. Actors: per slot,
    /// the actor most counted sources name, then the most confident source's. Date: the one most day-precise
    /// sources give (the earliest on a tie), else the representative's. Representative (whose place is kept): the
    /// most precise place, then the most confident source. Every disagreement is written in the note.
    /// </summary>
    public static MergeResult Summarize(IReadOnlyList<MergeCandidate> cluster, IReadOnlySet<string>? republished = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var original = cluster.Where(e => !IsRepublication(e, republished)).ToList();
        var counted = (original.Count > 0 ? original : [.. cluster])
            .OrderByDescending(e => e.Confidence).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var representative = counted.OrderBy(e => e.GeoPrecision ?? 4).ThenBy(e => e.Latitude is null ? 1 : 0).First();
        var notes = new List<string>();

        var (fatalities, conflict) = ChooseFatalities(counted, notes);

        // Sub-event type: most specific, then most sources, then the most confident source's (counted is in that order).
        var subs = counted.GroupBy(e => e.SubEventType, StringComparer.Ordinal)
            .OrderByDescending(g => IncidentTypes.Specificity(g.Key)).ThenByDescending(g => g.Count()).ToList();
        var chosen = subs[0].First();
        if (subs.Count > 1)
        {
            notes.Add("sub_event_type differs: " + Tally(subs) + "; " + chosen.SubEventType + " kept (most specific, most sources)");
        }

        var actor1 = ChooseActor(counted, e => e.Actor1Id, null, "actor1", notes);
        var actor2 = ChooseActor(counted, e => e.Actor2Id, actor1?.Actor1Id, "actor2", notes);
        var dated = counted.Where(e => e.TimePrecision == 1 && e.Date is not null).GroupBy(e => e.Date!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var date = dated.Count > 0 ? dated[0].Key : representative.Date;
        if (dated.Count > 1)
        {
            notes.Add("date differs: " + Tally(dated) + "; " + date + " kept");
        }

        var outlets = counted.Select(e => e.Outlet ?? ("document:" + e.DocumentId)).Distinct(StringComparer.Ordinal).Count();
        var first = cluster.Select(e => e.Id).Min(StringComparer.Ordinal)!;
        var id = "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first)))[..16];
        return new MergeResult(
            id,
            representative.Id,
            IncidentTypes.EventTypeOf(chosen.SubEventType, chosen.EventType),
            chosen.SubEventType,
            date,
            actor1?.Id,
            actor2?.Id,
            fatalities,
            conflict,
            notes.Count > 0 ? string.Join(" | ", notes) : null,
            cluster.Count,
            outlets);
    }

    /// <summary>Whether an event's report is a republication: linked at ingest, or found so among its merged event's reports.</summary>
    public static bool IsRepublication(MergeCandidate e, IReadOnlySet<string>? republished)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.DuplicateOf is not null || (republished is not null && republished.Contains(e.DocumentId));
    }

    /// <summary>
    /// The documents of a cluster that republish an earlier one of the same cluster (<see cref="Resemblance.IsNearDuplicate"/>
    /// on their body signatures: a lightly edited copy with its own lead and related-stories lines shares too few
    /// LSH bands to be found at ingest, but its events land in the same merged event). The earlier is the one
    /// published first, then stored first. Documents already linked at ingest are left as they are.
    /// </summary>
    public static IReadOnlySet<string> FindRepublications(IReadOnlyList<MergeCandidate> cluster, IReadOnlyDictionary<string, (uint[] Signature, int? Shingles)> signatures)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(signatures);
        var docs = cluster.GroupBy(e => e.DocumentId, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(e => e.Published ?? "9999", StringComparer.Ordinal).ThenBy(e => e.DocumentSeq).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 1; k < docs.Count; k++)
        {
            var copy = docs[k];
            if (copy.DuplicateOf is not null || !signatures.TryGetValue(copy.DocumentId, out var c))
            {
                continue;
            }

            for (var o = 0; o < k; o++)
            {
                if (!found.Contains(docs[o].DocumentId) && signatures.TryGetValue(docs[o].DocumentId, out var orig)
                    && MinHash.Compare(orig.Signature, orig.Shingles, c.Signature, c.Shingles).IsNearDuplicate)
                {
                    found.Add(copy.DocumentId);
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The lowest stated figure and whether stated figures differ; the note lists them.</summary>
    private static (int? Fatalities, bool Conflict) ChooseFatalities(List<MergeCandidate> counted, List<string> notes)
    {
        // One figure per report: the lowest it states (a report telling the incident twice is still one source).
        var stated = counted.Where(e => e.StatesFatalities)
            .GroupBy(e => e.DocumentId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Fatalities).ThenBy(e => e.Id, StringComparer.Ordinal).First())
            .OrderBy(e => e.Fatalities).ThenBy(e => e.Outlet, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (stated.Count == 0)
        {
            var inferred = counted.Where(e => e.Fatalities is not null).Select(e => e.Fatalities!.Value).DefaultIfEmpty(-1).Min();
            return (inferred >= 0 ? (int)inferred : null, false);
        }

        var distinct = stated.Select(e => e.Fatalities!.Value).Distinct().Count();
        var kept = (int)stated[0].Fatalities!.Value;
        if (distinct > 1)
        {
            var unknown = counted.Where(e => !e.StatesFatalities).Select(e => e.Outlet ?? e.DocumentId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            notes.Add("conflicting fatalities: "
                + string.Join("; ", stated.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Fatalities} ({e.Outlet ?? "?"}, {e.Id})")))
                + string.Create(CultureInfo.InvariantCulture, $"; lowest stated ({kept}) used")
                + (unknown.Count > 0 ? "; no figure stated by " + string.Join(", ", unknown) : string.Empty));
        }

        return (kept, distinct > 1);
    }

    /// <summary>The actor of a slot most counted sources name (the most confident source's on a tie), noting disagreement.</summary>
    private static MergeCandidate? ChooseActor(List<MergeCandidate> counted, Func<MergeCandidate, string?> slot, string? exclude, string name, List<string> notes)
    {
        var named = counted.Where(e => slot(e) is { } a && a != exclude).GroupBy(e => slot(e)!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ToList();
        if (named.Count > 1)
        {
            notes.Add(name + " differs: " + Tally(named) + "; " + named[0].Key + " kept (most sources)");
        }

        return named.Count > 0 ? named[0].First() : null;
    }

    private static string Tally(IEnumerable<IGrouping<string, MergeCandidate>> groups) =>
        string.Join(", ", groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({string.Join(", ", g.Select(e => e.Outlet ?? e.DocumentId).Distinct(StringComparer.Ordinal))})")));

    // ---- clustering ----------------------------------------------------------------------------------

    private static int? DayOf(MergeCandidate e) =>
        e.Date is not null && DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.DayNumber : null;

    /// <summary>Per-run lookups: day numbers and interned sub-types with their compatibility matrix.</summary>
    private sealed class PairContext
    {
        private readonly MergeCandidate[] _events;
        private readonly int[] _sub;
        private readonly bool[,] _subCompatible;

        public PairContext(MergeCandidate[] events, MergeOptions options)
        {
            _events = events;
            Options = options;
            Days = new int?[events.Length];
            _sub = new int[events.Length];
            var subIds = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < events.Length; i++)
            {
                Days[i] = DayOf(events[i]);
                if (!subIds.TryGetValue(events[i].SubEventType, out var s))
                {
                    subIds[events[i].SubEventType] = s = subIds.Count;
                }

                _sub[i] = s;
            }

            var names = subIds.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
            _subCompatible = new bool[names.Length, names.Length];
            for (var x = 0; x < names.Length; x++)
            {
                for (var y = 0; y < names.Length; y++)
                {
                    _subCompatible[x, y] = IncidentTypes.Compatible(names[x], names[y]);
                }
            }
        }

        public MergeOptions Options { get; }

        public int?[] Days { get; }

        public bool Compatible(int i, int j)
        {
            var a = _events[i];
            var b = _events[j];
            return Days[i] is { } da && Days[j] is { } db && DatesCompatible(a, da, b, db, Options)
                && _subCompatible[_sub[i], _sub[j]]
                && PlacesCompatible(a, b, Options)
                && ActorsCompatible(a, b);
        }

        /// <summary>How strongly a compatible pair looks like one incident: the greedy grouping takes strong pairs first.</summary>
        public int Strength(int i, int j)
        {
            var a = _events[i];
            var b = _events[j];
            var s = 0;
            if (Days[i] == Days[j])
            {
                s += 2;
            }

            if (_sub[i] == _sub[j])
            {
                s += 2;
            }

            if (Perpetrator(a) is not null && Perpetrator(b) is not null)
            {
                s += 2; // a known perpetrator on both sides (they are compatible, so it is shared)
            }

            if (a.DocumentId != b.DocumentId)
            {
                s += 1; // two reports agreeing is stronger evidence than one report telling it twice
            }

            if (a.PlaceId is not null && a.PlaceId == b.PlaceId)
            {
                s += 1;
            }

            return s;
        }
    }

    /// <summary>
    /// Every compatible pair (i &lt; j), found through buckets: events with coordinates by (day, 0.1° cell), coarse
    /// events also by (day, governorate) and (day, country), events without coordinates by (day, place id).
    /// </summary>
    private static List<(int I, int J)> CandidateEdges(MergeCandidate[] sorted, PairContext context)
    {
        var options = context.Options;
        var days = context.Days;
        var cells = new Dictionary<(int Day, int X, int Y), List<int>>();
        var regions = new Dictionary<(int Day, string Region), List<int>>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (days[i] is not { } day)
            {
                continue;
            }

            var e = sorted[i];
            if (e.Latitude is { } la && e.Longitude is { } lo)
            {
                Bucket(cells, (day, Cell(la), Cell(lo))).Add(i);
            }
            else if (e.PlaceId is { } p)
            {
                Bucket(regions, (day, "place:" + p)).Add(i);
            }

            if (e.IsCoarse && CoarseRegion(e) is { } region)
            {
                Bucket(regions, (day, region)).Add(i);
            }
        }

        // The cell and place-id walks meet each pair once; a pair with a coarse side can also be met through its
        // regions, so only those pairs are remembered.
        var seen = new HashSet<long>();
        var edges = new List<(int, int)>();
        void Consider(int i, int j)
        {
            var (lo, hi) = i < j ? (i, j) : (j, i);
            if (i != j && (!(sorted[i].IsCoarse || sorted[j].IsCoarse) || seen.Add(((long)lo * sorted.Length) + hi)) && context.Compatible(lo, hi))
            {
                edges.Add((lo, hi));
            }
        }

        var span = Math.Max(1, (int)Math.Ceiling(options.RadiusKm / KmPerDegree / CellDegrees));
        var window = Math.Max(options.DateWindowDays, options.DayPreciseWindowDays);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (days[i] is not { } day)
            {
                continue;
            }

            var e = sorted[i];
            for (var dd = 0; dd <= window; dd++)
            {
                if (e.Latitude is { } la && e.Longitude is { } lo)
                {
                    var (x, y) = (Cell(la), Cell(lo));
                    // A degree of longitude shrinks with the cosine of the latitude: more cells east and west.
                    var spanY = Math.Max(span, (int)Math.Ceiling(options.RadiusKm / (KmPerDegree * Math.Max(0.1, Math.Cos(Math.Abs(la) * Math.PI / 180))) / CellDegrees));
                    for (var dx = -span; dx <= span; dx++)
                    {
                        for (var dy = -spanY; dy <= spanY; dy++)
                        {
                            if (cells.TryGetValue((day + dd, x + dx, y + dy), out var list))
                            {
                                foreach (var j in list)
                                {
                                    if (dd > 0 || j > i)
                                    {
                                        Consider(i, j);
                                    }
                                }
                            }
                        }
                    }
                }
                else if (e.PlaceId is { } p && regions.TryGetValue((day + dd, "place:" + p), out var same))
                {
                    foreach (var j in same)
                    {
                        if (dd > 0 || j > i)
                        {
                            Consider(i, j);
                        }
                    }
                }
            }

            // Coarse places (either side): the regions holding this event's place, both directions in time.
            foreach (var region in RegionsOf(e))
            {
                for (var dd = -window; dd <= window; dd++)
                {
                    if (regions.TryGetValue((day + dd, region), out var list))
                    {
                        foreach (var j in list)
                        {
                            Consider(i, j);
                        }
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>The region key a coarse event is filed under: its governorate, or its country when it has none.</summary>
    private static string? CoarseRegion(MergeCandidate e) =>
        e.Admin1 is { } a1 ? "a1:" + e.Country + ":" + a1 : e.Country is { } c && e.GeoPrecision >= 3 ? "c:" + c : null;

    /// <summary>The region keys whose coarse events may contain this event's place.</summary>
    private static IEnumerable<string> RegionsOf(MergeCandidate e)
    {
        if (e.Admin1 is { } a1)
        {
            yield return "a1:" + e.Country + ":" + a1;
        }

        if (e.Country is { } c)
        {
            yield return "c:" + c;
        }
    }

    /// <summary>
    /// Greedy complete-linkage grouping: pairs strongest first (then by index), two groups join only when every
    /// member of one is compatible with every member of the other. Returns each event's group root (its smallest index).
    /// </summary>
    private static int[] CompleteLinkage(int count, List<(int I, int J)> edges, PairContext context)
    {
        var root = Enumerable.Range(0, count).ToArray();
        var members = new Dictionary<int, List<int>>();
        var adjacent = new HashSet<long>(edges.Count);
        foreach (var (i, j) in edges)
        {
            adjacent.Add(((long)i * count) + j);
        }

        bool Adjacent(int a, int b) => adjacent.Contains(a < b ? ((long)a * count) + b : ((long)b * count) + a);
        List<int> Members(int r) => members.TryGetValue(r, out var m) ? m : [r];

        var ordered = edges.Select(e => (e.I, e.J, S: context.Strength(e.I, e.J))).OrderByDescending(e => e.S).ThenBy(e => e.I).ThenBy(e => e.J);
        foreach (var (i, j, _) in ordered)
        {
            var (ri, rj) = (root[i], root[j]);
            if (ri == rj)
            {
                continue;
            }

            var mi = Members(ri);
            var mj = Members(rj);
            if (!mi.All(a => mj.All(b => Adjacent(a, b))))
            {
                continue;
            }

            var (keep, drop) = ri < rj ? (ri, rj) : (rj, ri);
            var joined = new List<int>(mi.Count + mj.Count);
            joined.AddRange(mi);
            joined.AddRange(mj);
            foreach (var m in joined)
            {
                root[m] = keep;
            }

            members.Remove(drop);
            members[keep] = joined;
        }

        return root;
    }

    private static int Cell(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    private static List<int> Bucket<TKey>(Dictionary<TKey, List<int>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            buckets[key] = list = [];
        }

        return list;
    }

    /// <summary>Union-find with the smaller index as root (order-independent).</summary>
    private sealed class UnionFind(int count)
    {
        private readonly int[] _parent = [.. Enumerable.Range(0, count)];

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra < rb)
            {
                _parent[rb] = ra;
            }
            else if (rb < ra)
            {
                _parent[ra] = rb;
            }
        }
    }
}
