using Marsad.Annotations;
using Marsad.Knowledge.Places;

namespace Marsad.Events.Stages;

/// <summary>An event being built, with the trigger class coreference compares.</summary>
public sealed record DraftEvent(ExtractedEvent Event, string TriggerClass, int TriggerToken);

/// <summary>
/// Stage 6, in-document coreference: one incident told several times is one event with several evidence
/// spans — same type, sub-type and trigger class, same place (or both none), and for fights compatible
/// actors (or the later mention is a definite anaphor: الاجتماع، هذا الاجتماع). Different places or actor
/// pairs stay different events (ACLED's unit: one type, one place, one day, one actor pair). A telling at a
/// governorate or region (اشتباكات شرقي محافظة X) and one of the same day at a town inside it (اشتباكات في
/// مدينة Y) are one incident told first broadly, then closely: the event keeps the town.
/// </summary>
public sealed class EventCoreference
{
    /// <summary>Two points closer than this are one place (a camp in its town).</summary>
    public const double SamePlaceKm = 5;

    /// <summary>What a merge adds to confidence: a retold event is surer.</summary>
    public const double RetoldBonus = 0.05;

    public List<DraftEvent> Merge(EventText t, IReadOnlyList<DraftEvent> events)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(events);
        var result = new List<DraftEvent>();
        foreach (var d in events)
        {
            var e = d.Event;
            var idx = result.FindIndex(r => Corefer(t, r, d));
            if (idx < 0 && IsAnaphor(t, d))
            {
                // الهجوم وقع مساء الخميس: a definite mention with no place of its own retells the last violent event.
                idx = result.FindLastIndex(r => RoleAssigner.IsViolent(r.Event.EventType));
            }

            if (idx < 0)
            {
                result.Add(WithActorOfRetoldEvent(t, result, d));
                continue;
            }

            // Deaths told first (ما أدى إلى مقتل امرأة), the shelling that caused them after: the shelling is the event.
            var (keep, fold) = IsDeathsOf(t, d, result[idx]) ? (d, result[idx]) : (result[idx], d);
            var m = keep.Event;
            e = fold.Event;
            // The lowest stated figure; an inferred 0 (injuries only) never beats a figure the text states.
            var (fat, basis) = (m, e) switch
            {
                ({ Fatalities: null }, _) => (e.Fatalities, e.FatalityBasis),
                (_, { Fatalities: null }) => (m.Fatalities, m.FatalityBasis),
                ({ FatalityBasis: FatalityBasis.InjuriesOnly }, { FatalityBasis: FatalityBasis.Stated }) => (e.Fatalities, e.FatalityBasis),
                ({ FatalityBasis: FatalityBasis.Stated }, { FatalityBasis: FatalityBasis.InjuriesOnly }) => (m.Fatalities, m.FatalityBasis),
                _ => (Math.Min(m.Fatalities!.Value, e.Fatalities!.Value), m.FatalityBasis),
            };
            var refined = Refines(m.Location, e.Location);
            var merged = m with
            {
                SubEventType = BareBombardment(t, keep) && m.SubEventType != e.SubEventType ? e.SubEventType : m.SubEventType,
                Location = refined ? e.Location : m.Location,
                Tags = [.. m.Tags.Concat(e.Tags).Distinct(StringComparer.Ordinal)],
                Evidence = [.. m.Evidence.Concat(e.Evidence).Distinct().Order()],
                Actor1 = m.Actor1 ?? e.Actor1,
                Actor2 = m.Actor2 ?? (Reversed(m, e) ? e.Actor1 : e.Actor2),
                Date = TakesDate(m, e) ? e.Date : m.Date,
                TimePrecision = TakesDate(m, e) ? e.TimePrecision : m.TimePrecision,
                Fatalities = fat,
                FatalityBasis = basis,
                Confidence = Math.Min(0.95, Math.Max(m.Confidence, e.Confidence) + RetoldBonus),
                Notes = [.. m.Notes.Concat(e.Notes).Distinct(StringComparer.Ordinal)],
                Decisions = refined
                    ? [.. m.Decisions.Where(x => x.Stage != EventStage.Place), .. e.Decisions.Where(x => x.Stage == EventStage.Place),
                        new EventDecision(EventStage.Coreference, DecisionReason.PlaceRefinedByRetelling, e.Location!.Span?.Slice(t.Text))]
                    : [.. m.Decisions, new EventDecision(EventStage.Coreference, DecisionReason.SameIncidentRetold, t.Text[e.Trigger.Start..e.Trigger.End])],
            };
            result[idx] = keep with { Event = merged };
        }

        return result;
    }

    /// <summary>
    /// A definite telling with no side of its own (القصف المدفعي طال بلدات X وY) goes on with an event told before
    /// of the same type and sub-type: it takes that event's actor1 (at its own places, a different event).
    /// </summary>
    private static DraftEvent WithActorOfRetoldEvent(EventText t, List<DraftEvent> told, DraftEvent d)
    {
        var e = d.Event;
        if (e.Actor1 is not null || !IsDefiniteAnaphor(t, d.TriggerToken)
            || told.LastOrDefault(r => r.Event.EventType == e.EventType && r.Event.SubEventType == e.SubEventType && r.TriggerToken < d.TriggerToken) is not { Event.Actor1: { } actor } earlier)
        {
            return d;
        }

        return d with
        {
            Event = e with
            {
                Actor1 = actor,
                Decisions = [.. e.Decisions.Where(x => !(x.Stage == EventStage.Roles && x.Reason == DecisionReason.NoActorInSentence)),
                    new EventDecision(EventStage.Coreference, DecisionReason.ActorOfRetoldEvent, t.Text[earlier.Event.Trigger.Start..earlier.Event.Trigger.End])],
            },
        };
    }

    /// <summary>
    /// Deaths told at a place and day a shelling, strike, clash or riot was told of (قصفت X بلدة Y ... ما أدى إلى
    /// مقتل امرأة; مقتل متظاهر ورجل أمن in the headline of a clash with demonstrators): a death noun coded as an
    /// attack on civilians or as a violent demonstration, by no side, the same side or demonstrators on both
    /// tellings, is that event's toll.
    /// </summary>
    private static bool IsDeathsOf(EventText t, DraftEvent first, DraftEvent later)
    {
        var r = first.Event;
        var e = later.Event;
        var riot = e.EventType == AcledTaxonomy.Riots && r.EventType == AcledTaxonomy.Riots;
        var attack = e.EventType == AcledTaxonomy.ViolenceAgainstCivilians && e.SubEventType == AcledTaxonomy.Attack
            && r.EventType is AcledTaxonomy.ExplosionsRemoteViolence or AcledTaxonomy.Battles;
        return (attack || riot)
            && t.Lexicon.FatalityIndex.Longest(t.Keys, later.TriggerToken, later.TriggerToken + 1) is { Value: FatalityCue.DeathNoun }
            && (e.Actor1 is null || r.Actor1 is null || e.Actor1.Id == r.Actor1.Id
                || riot && EventCoder.IsDemonstrator(e.Actor1.Inter) && EventCoder.IsDemonstrator(r.Actor1.Inter))
            && r.Location is not null && SamePlace(r.Location, e.Location)
            && (r.Date is null || e.Date is null || r.Date == e.Date);
    }

    /// <summary>
    /// The later telling's pair is the first's the other way round (ردت قسد على الهجوم واندلعت اشتباكات بين الخلية
    /// وقواتها after the cell's attack): the same fight told from the other side. A side not named is no obstacle.
    /// </summary>
    private static bool Reversed(ExtractedEvent first, ExtractedEvent later) =>
        first.Actor1 is not null && later.Actor1 is not null && first.Actor1.Id != later.Actor1.Id
        && (first.Actor2 is null || first.Actor2.Id == later.Actor1.Id) && (later.Actor2 is null || later.Actor2.Id == first.Actor1.Id);

    /// <summary>The later telling's date replaces the first's when the first has none or a coarser one.</summary>
    private static bool TakesDate(ExtractedEvent first, ExtractedEvent later) =>
        later.Date is not null && (first.Date is null || later.TimePrecision < first.TimePrecision);

    /// <summary>A violent trigger that is definite (الهجوم، الاستهداف) or after a demonstrative, with no place in its own clause.</summary>
    private static bool IsAnaphor(EventText t, DraftEvent d) =>
        RoleAssigner.IsViolent(d.Event.EventType)
        && !d.Event.Decisions.Any(x => x.Stage == EventStage.Place && x.Reason is DecisionReason.NearestPlaceInClause or DecisionReason.ListedWithPlace)
        && IsDefiniteAnaphor(t, d.TriggerToken);

    private static bool Corefer(EventText t, DraftEvent first, DraftEvent later)
    {
        var r = first.Event;
        var e = later.Event;
        if (IsDeathsOf(t, first, later) || IsDeathsOf(t, later, first))
        {
            return true;
        }

        if ((r.EventType != e.EventType || r.SubEventType != e.SubEventType) && !BombardmentToldByItsMeans(t, first, later))
        {
            return false;
        }

        // ACLED's unit is one day: two days each stated of its own event are two events, whatever else agrees
        // (a date carried from an earlier sentence, the publication's or the saying's is no such statement).
        if (r.Date is not null && e.Date is not null && r.Date != e.Date && StatesItsDay(r) && StatesItsDay(e))
        {
            return false;
        }

        // Two triggers of different families (قصف / غارة) tell one violent incident when type, place and day agree.
        if (first.TriggerClass != later.TriggerClass && !RoleAssigner.IsViolent(e.EventType))
        {
            return false;
        }

        if (!SamePlace(r.Location, e.Location)
            && !(r.Date is not null && r.Date == e.Date && (Refines(r.Location, e.Location) || Refines(e.Location, r.Location)))
            && !(IsDefiniteAnaphor(t, later.TriggerToken) && QuarterAndTown(r.Location, e.Location)))
        {
            return false;
        }

        // Non-violent developments of one class at one place are one development; fights need their parties to agree.
        return !EventCoder.IsInteractive(e.EventType) || r.Actor1 is null || e.Actor1 is null || r.Actor1.Id == e.Actor1.Id || IsDefiniteAnaphor(t, later.TriggerToken)
            || Reversed(r, e);
    }

    /// <summary>
    /// Both unknown, the same gazetteer entry, or points within <see cref="SamePlaceKm"/>. A village the gazetteer
    /// lacks, coded at a neighbour's point (قرى عياش والمسرب), is its own place however near that point is.
    /// </summary>
    public static bool SamePlace(EventLocation? a, EventLocation? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.Place.Id == b.Place.Id || OwnName(a.Place) is { } n && n == OwnName(b.Place))
        {
            // One name the gazetteer lacks, told twice, may have been coded at two anchors.
            return true;
        }

        return !(IsAnchoredVillage(a.Place) || IsAnchoredVillage(b.Place))
            && Place.Km(a.Place.Latitude, a.Place.Longitude, b.Place.Latitude, b.Place.Longitude) < SamePlaceKm;
    }

    /// <summary>
    /// A bombardment told by one word (قصف إسرائيلي على خيمة) and an air or drone strike (قصف من مسيرة، غارة) at the
    /// same place and day: one incident, first told without its means. The strike gives the sub-event type.
    /// </summary>
    private static bool BombardmentToldByItsMeans(EventText t, DraftEvent a, DraftEvent b)
    {
        static bool Air(DraftEvent d) => d.Event is { EventType: AcledTaxonomy.ExplosionsRemoteViolence, SubEventType: AcledTaxonomy.AirDroneStrike };
        // One attacker: the regime's shelling and a Russian air strike on one town are two events.
        var oneSide = a.Event.Actor1 is null || b.Event.Actor1 is null || a.Event.Actor1.Id == b.Event.Actor1.Id;
        return oneSide && (BareBombardment(t, a) && Air(b) || BareBombardment(t, b) && Air(a));
    }

    /// <summary>
    /// A shelling told by the one word قصف with no artillery, rocket or shell in its clause (قصف مدفعي، قصفت البلدة
    /// بالمدفعية are shellings): a bombardment by means unsaid.
    /// </summary>
    private static bool BareBombardment(EventText t, DraftEvent d)
    {
        // One word: the trigger ends with its first token.
        if (d.Event is not { EventType: AcledTaxonomy.ExplosionsRemoteViolence, SubEventType: AcledTaxonomy.Shelling } || d.TriggerClass != ShellingClass
            || d.Event.Trigger.End != t.Tokens[d.TriggerToken].End)
        {
            return false;
        }

        var end = t.ClauseEnd(d.TriggerToken, t.Tokens.Length);
        var found = new List<PhraseIndex<ArgumentCue>.Phrase>();
        for (var i = t.ClauseStart(d.TriggerToken, 0); i < end; i++)
        {
            // All readings: a word of ground means is also a means of attack (قذائف إسرائيلية).
            t.Lexicon.ArgumentIndex.All(t.Keys, i, end, found);
        }

        return !found.Any(p => p.Value == ArgumentCue.GroundMeans);
    }

    /// <summary>The trigger class of shelling in <c>triggers.json</c>.</summary>
    public const string ShellingClass = "shelling";

    /// <summary>
    /// One place is a quarter the gazetteer lacks, coded at the town the other is (حي المصانع at Nyala, and Nyala):
    /// a definite retelling (القصف، الاشتباكات) at the one tells the incident at the other. Indefinite tellings of a
    /// town's quarters (خطف طفل في حي X ... خطف رجل في حي Y) stay their own incidents.
    /// </summary>
    private static bool QuarterAndTown(EventLocation? a, EventLocation? b) =>
        a is not null && b is not null && (QuarterOf(a.Place, b.Place) || QuarterOf(b.Place, a.Place));

    /// <summary><paramref name="quarter"/> is a quarter the gazetteer lacks, coded at the town <paramref name="town"/>.</summary>
    private static bool QuarterOf(PlaceRef quarter, PlaceRef town) =>
        quarter.IsAnchored && quarter.Kind == "neighbourhood" && !town.IsAnchored && quarter.AnchorId == town.Id;

    private static bool IsAnchoredVillage(PlaceRef p) => p.IsAnchored && p.Kind is "village" or "neighbourhood";

    private static string? OwnName(PlaceRef p) => IsAnchoredVillage(p) ? p.OwnSlug : null;

    /// <summary>The event's own sentence gave its date.</summary>
    private static bool StatesItsDay(ExtractedEvent e) =>
        e.Decisions.Any(d => d.Stage == EventStage.Date && d.Reason == DecisionReason.DateInSentence);

    /// <summary><paramref name="specific"/> is a town (or finer) inside the governorate, region or country <paramref name="coarse"/>.</summary>
    public static bool Refines(EventLocation? coarse, EventLocation? specific) =>
        coarse is not null && specific is not null && PlaceSelector.IsCoarse(coarse.Place) && !PlaceSelector.IsCoarse(specific.Place)
        && PlaceSelector.Within(specific.Place, coarse.Place);

    /// <summary>
    /// The trigger is definite (الهجوم، هذا الهجوم). A demonstrative before an indefinite noun is a pronoun, not a
    /// determiner: تلا ذلك اختطاف طفل (that was followed by an abduction) tells a new incident.
    /// </summary>
    private static bool IsDefiniteAnaphor(EventText t, int tok) => t.IsDefiniteToken(tok);
}
