using System.Collections.Immutable;
using Marsad.Documents;

namespace Marsad.Events.Stages;

/// <summary>An event's ACLED coding: type, sub-type and tags.</summary>
public sealed record EventCoding(string EventType, string SubEventType, ImmutableArray<string> Tags);

/// <summary>
/// ACLED coding of a trigger: the lexicon entry's type and sub-type, upgraded by words of its sentence
/// (a car bomb, a drone), and ACLED's defaults that depend on the sides: territory taken by the state or by
/// others; civilians as actor2 of violence against civilians; an unidentified armed group behind an
/// unclaimed bomb; protesters behind a protest; no actor2 for developments that have none.
/// </summary>
public sealed class EventCoder
{
    public const string RemoteExplosive = "Remote explosive/landmine/IED";
    public const string Arrests = "Arrests";
    public const string AttackSubType = "Attack";
    public const string ArmedClash = "Armed clash";
    public const string AirStrike = "Air/drone strike";
    public const string ViolentDemonstration = "Violent demonstration";

    /// <summary>ACLED inter codes of rioters and protesters.</summary>
    public static bool IsDemonstrator(int inter) => inter is 5 or 6;

    /// <summary>ACLED inter codes of armed sides: state forces, rebels, political and identity militias, external forces.</summary>
    public static bool IsArmed(int inter) => inter is 1 or 2 or 3 or 4 or 8;
    public const string GovernmentRegains = "Government regains territory";
    public const string NonStateOvertakes = "Non-state actor overtakes territory";

    private static readonly ImmutableHashSet<string> InteractiveTypes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        AcledTaxonomy.Battles,
        AcledTaxonomy.ExplosionsRemoteViolence,
        AcledTaxonomy.ViolenceAgainstCivilians,
        AcledTaxonomy.Riots,
        AcledTaxonomy.Protests);

    public static readonly EventActor Civilians = new("actor:civilians", "Civilians", 7);
    public static readonly EventActor UnidentifiedArmedGroup = new("actor:unidentified-armed-group", "Unidentified Armed Group", 3);
    public static readonly EventActor Protesters = new("actor:protesters", "Protesters", 6);

    /// <summary>Types whose events have two sides.</summary>
    public static bool IsInteractive(string eventType) => InteractiveTypes.Contains(eventType);

    /// <summary>The entry's coding with the upgrades its sentence's words call for; purposes lend their tags.</summary>
    public EventCoding Code(EventText t, SentenceFrame s, Candidate c, IEnumerable<string> lentTags)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        var entry = c.Entry;
        var sub = entry.SubEventType;
        var tags = new List<string>(entry.Tags);
        foreach (var u in entry.Upgrades)
        {
            if (u.WhenAnyWords.Any(words => t.ContainsPhrase(s, words)))
            {
                sub = u.SubEventType ?? sub;
                tags.AddRange(u.Tags);
            }
        }

        tags.AddRange(lentTags);
        return new EventCoding(entry.EventType, sub, [.. tags.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// ACLED codes a fight by who fought and how: an attack or clash whose actor1 is an air arm (سلاح الجو هاجم،
    /// الطيران اعتدى على) is an air/drone strike; a clash with demonstrators on one side (مواجهات بين
    /// متظاهرين وقوات الأمن) is a violent demonstration, the demonstrators actor1; a weak attack whose object
    /// belongs to civilians (هاجم المسلحون منازل) is an attack on civilians.
    /// </summary>
    public (EventCoding Coding, Roles Roles) ApplySides(EventText t, SentenceFrame s, Candidate c, EventCoding coding, Roles roles)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(coding);
        ArgumentNullException.ThrowIfNull(roles);
        var clash = coding.EventType == AcledTaxonomy.Battles && coding.SubEventType == ArmedClash;
        var attack = coding.EventType == AcledTaxonomy.ViolenceAgainstCivilians && coding.SubEventType == AttackSubType;
        if (!clash && !attack)
        {
            return (coding, roles);
        }

        // الطيران الإسرائيلي اعتدى على مواقع: whatever it hit, an attack from the air is an air/drone strike.
        if (roles.Actor1 is { Span: { } span } a1 && NamesAirMeans(t, span))
        {
            var why = new EventDecision(EventStage.Roles, DecisionReason.AirMeansAsActor, a1.Text ?? a1.Name);
            return (coding with { EventType = AcledTaxonomy.ExplosionsRemoteViolence, SubEventType = AirStrike }, roles with { Decisions = roles.Decisions.Add(why) });
        }

        // هاجم المسلحون منازل في القرية: a weak attack on what belongs to civilians, with no armed side hit, is an attack on civilians.
        if (clash && c.Entry.Weak && roles.Actor2 is not { Inter: not RoleAssigner.CivilianInter } && CivilianObjectAfter(t, s, c) is { } obj)
        {
            var why = new EventDecision(EventStage.Roles, DecisionReason.CivilianObjectMakesAttack, obj);
            return (coding with { EventType = AcledTaxonomy.ViolenceAgainstCivilians, SubEventType = AttackSubType }, roles with { Decisions = roles.Decisions.Add(why) });
        }

        var (x, y) = (roles.Actor1, roles.Actor2);
        if (clash && x is not null && IsDemonstrator(x.Inter) || y is not null && IsDemonstrator(y.Inter))
        {
            var demonstrators = x is not null && IsDemonstrator(x.Inter) ? x : y!;
            var other = ReferenceEquals(demonstrators, x) ? y : x;
            var why = new EventDecision(EventStage.Roles, DecisionReason.DemonstratorsInClash, demonstrators.Text ?? demonstrators.Name);
            return (coding with { EventType = AcledTaxonomy.Riots, SubEventType = ViolentDemonstration },
                roles with { Actor1 = demonstrators, Actor2 = other, Decisions = roles.Decisions.Add(why) });
        }

        return (coding, roles);
    }

    /// <summary>Words after a trigger its object may begin within (هاجم المسلحون منازل: the doer, then the object).</summary>
    public const int ObjectReach = 4;

    /// <summary>A civilian object (<see cref="ArgumentCue.CivilianObject"/>) within <see cref="ObjectReach"/> words after the trigger, in its clause.</summary>
    private static string? CivilianObjectAfter(EventText t, SentenceFrame s, Candidate c)
    {
        var reach = t.AdvanceWords(c.End, ObjectReach);
        var end = t.ClauseEnd(c.End, s.End);
        return s.Args.FirstOrDefault(a => a.Value == ArgumentCue.CivilianObject && a.Start >= c.End && a.Start < Math.Min(reach, end)) is { End: > 0 } o
            ? t.SpanOf(o.Start, o.End).Slice(t.Text)
            : null;
    }

    /// <summary>An air-means cue word (<see cref="ArgumentCue.AirMeans"/>) begins within the actor's words.</summary>
    private static bool NamesAirMeans(EventText t, TextSpan span)
    {
        var first = t.TokenAt(span.Start);
        var end = t.TokenAt(Math.Max(span.Start, span.End - 1)) + 1;
        var found = new List<PhraseIndex<ArgumentCue>.Phrase>();
        for (var i = first; i < end; i++)
        {
            found.Clear();
            t.Lexicon.ArgumentIndex.All(t.Keys, i, end, found);
            if (found.Any(p => p.Value == ArgumentCue.AirMeans))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ACLED's defaults that depend on the sides found.</summary>
    public (EventCoding Coding, Roles Roles) ApplyDefaults(TriggerEntry entry, EventCoding coding, Roles roles)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(coding);
        ArgumentNullException.ThrowIfNull(roles);
        var sub = coding.SubEventType;
        var actor1 = roles.Actor1;
        var actor2 = roles.Actor2;
        var decisions = roles.Decisions.ToBuilder();
        if (entry.Territory)
        {
            sub = actor1?.Inter == 1 ? GovernmentRegains : NonStateOvertakes;
            decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.TerritoryByActor));
        }

        var type = coding.EventType;
        if (type == AcledTaxonomy.ViolenceAgainstCivilians && sub == AttackSubType && actor2 is { } hit && IsArmed(hit.Inter))
        {
            // ACLED: violence against civilians is violence against the unarmed; an attack on fighters,
            // soldiers or police (اغتيال عنصر من X) is a clash, even one-sided.
            type = AcledTaxonomy.Battles;
            sub = ArmedClash;
            decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.ArmedVictimMakesClash, hit.Text ?? hit.Name));
        }

        if (type == AcledTaxonomy.ViolenceAgainstCivilians && actor2 is null)
        {
            actor2 = Civilians;
            decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.CiviliansAsVictims));
        }

        if (sub == RemoteExplosive && actor1 is null)
        {
            actor1 = UnidentifiedArmedGroup;
            decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.UnclaimedExplosive));
        }

        if (type == AcledTaxonomy.Protests && actor1 is null)
        {
            actor1 = Protesters;
            decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.ProtestersByDefault));
        }

        if (!IsInteractive(type) && sub != Arrests)
        {
            actor2 = null;
        }

        return (coding with { EventType = type, SubEventType = sub }, roles with { Actor1 = actor1, Actor2 = actor2, Decisions = decisions.ToImmutable() });
    }
}
