using System.Collections.Immutable;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;

namespace Marsad.Events.Stages;

/// <summary>The sides of an event and why they were chosen.</summary>
public sealed record Roles(EventActor? Actor1, EventActor? Actor2, ImmutableArray<EventActor> Assoc1, ImmutableArray<EventDecision> Decisions)
{
    public static Roles None(DecisionReason why) => new(null, null, [], [new EventDecision(EventStage.Roles, why)]);
}

/// <summary>A token range that names a source (بحسب مصادر محلية), not a party.</summary>
public readonly record struct TokenRange(int Start, int End)
{
    public bool Contains(int tok) => tok >= Start && tok < End;
}

/// <summary>
/// Stage 3, roles: who acted (actor1) and who was acted on (actor2). The harmed side named after a victim cue
/// (مقتل عنصرين من X، استهداف X) is never actor1; بين X و Y gives both parties; من قبل / على يد X gives the
/// agent of a passive; else the subject before the trigger, the subject after a verb, the first actor of an
/// earlier clause. ACLED's defaults for the coded type are <see cref="EventCoder"/>'s.
/// </summary>
public sealed class RoleAssigner
{
    /// <summary>Words between a subject and its trigger (X اعتقلت / X التي استقدمت).</summary>
    public const int SubjectReach = 3;

    /// <summary>Words between بين and the trigger it follows.</summary>
    public const int BetweenReach = 3;

    /// <summary>Words between a victim cue (or an agent cue) and the actor it introduces.</summary>
    public const int CueReach = 3;

    /// <summary>The sides the sentence names around the trigger.</summary>
    public Roles FromSentence(EventText t, SentenceFrame s, Candidate c, IReadOnlyList<TokenRange> sources)
    {
        ArgumentNullException.ThrowIfNull(c);
        var violent = IsViolent(c.Entry.EventType);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(sources);
        bool NotSource(MentionAt m) => !sources.Any(r => r.Contains(m.StartTok));
        var inSentence = t.InSentence(t.Actors, s).Where(NotSource).ToList();
        if (inSentence.Count == 0 && !violent)
        {
            // A named person stands for a side only in developments (a meeting, an agreement); in violence the
            // people a report names are, far more often, those it happened to.
            inSentence = [.. t.InSentence(t.Persons, s).Where(NotSource)];
        }

        var byMeans = NationalityOfMeans(t, s, c);
        if (inSentence.Count == 0)
        {
            return byMeans is { } n
                ? new Roles(n, null, [], [new EventDecision(EventStage.Roles, DecisionReason.NationalityOfMeans, n.Text)])
                : Roles.None(DecisionReason.NoActorInSentence);
        }

        MentionAt? a1 = null;
        MentionAt? a2 = null;
        DecisionReason? why = null;

        // مقتل عنصرين من X / طالت X: the harmed side is the target; it never stands as the event's actor1.
        // Civilians do not fight: in violence they are the side acted on (protests and riots aside).
        var victims = inSentence.Where(m => IsVictim(t, s, c, m) || (violent && InterOf(t, m) == CivilianInter)).ToList();
        inSentence = [.. inSentence.Where(m => !victims.Contains(m))];
        if (inSentence.Count == 0)
        {
            var only = new EventDecision(EventStage.Roles, DecisionReason.OnlyVictimsNamed, victims[0].Mention.Text);
            return byMeans is { } n
                ? new Roles(n, ToActor(t, victims[0]), [], [only, new EventDecision(EventStage.Roles, DecisionReason.NationalityOfMeans, n.Text)])
                : new Roles(null, ToActor(t, victims[0]), [], [only]);
        }

        // بين X و/مع Y: the two parties of a clash.
        var between = s.Args.FirstOrDefault(a => a.Value == ArgumentCue.Between && a.Start >= c.End && t.WordsBetween(c.End, a.Start) <= BetweenReach);
        if (between.End > 0)
        {
            var after = inSentence.Where(m => m.StartTok >= between.End).ToList();
            if (after.Count > 0)
            {
                a1 = after[0];
                a2 = OrNull(after.Skip(1).FirstOrDefault(m => Id(m) != Id(after[0])));
                why = DecisionReason.PartiesAfterBetween;
            }
        }

        // من قبل X / على يد X: the agent of a passive.
        if (a1 is null)
        {
            var agent = s.Args.FirstOrDefault(a => a.Value == ArgumentCue.Agent && a.Start >= c.End && a.Start < t.ClauseEnd(c.End, s.End));
            if (agent.End > 0 && inSentence.FirstOrDefault(m => m.StartTok >= agent.End && t.WordsBetween(agent.End, m.StartTok) <= CueReach) is { Mention: not null } ag)
            {
                a1 = ag;
                a2 = inSentence.LastOrDefault(m => m.EndTok <= c.Start && Id(m) != Id(ag)) is { Mention: not null } target ? target : null;
                why = DecisionReason.AgentOfPassive;
            }
        }

        if (a1 is null)
        {
            // Subject right before the trigger (X اعتقلت / X التي استقدمت).
            var before = inSentence.LastOrDefault(m => m.EndTok <= c.Start && t.WordsBetween(m.EndTok, c.Start) <= SubjectReach && !t.ClauseBreakBetween(m.EndTok, c.Start));
            if (before.Mention is not null)
            {
                a1 = before;
                why = DecisionReason.SubjectBeforeTrigger;
            }
        }

        if (a1 is null && byMeans is { } means)
        {
            // غارة إسرائيلية استهدفت سيارة لعناصر X: the nationality of the means is the side that acted; X is
            // what it hit.
            var decided = new EventDecision(EventStage.Roles, DecisionReason.NationalityOfMeans, means.Text);
            var target = OrNull(inSentence.FirstOrDefault(m => m.StartTok >= c.End)) ?? OrNull(victims.FirstOrDefault());
            return new Roles(means, target is { } tg ? ToActor(t, tg) : null, [], [decided]);
        }

        if (a1 is null)
        {
            // Verb-subject order (أدخل الاحتلال ...) or the noun's complement (الاستنفار لعناصر X), within the clause.
            var clauseEnd = t.ClauseEnd(c.End, s.End);
            var after = inSentence.FirstOrDefault(m => m.StartTok >= c.End && m.StartTok < clauseEnd);
            if (after.Mention is not null)
            {
                a1 = after;
                why = DecisionReason.SubjectAfterVerb;
            }
        }

        if (a1 is null)
        {
            // Back clause by clause; the first actor of a clause is its subject.
            var clauseStart = t.ClauseStart(c.Start, s.First);
            var to = c.Start;
            while (a1 is null && to > s.First)
            {
                var from = clauseStart;
                var hit = inSentence.FirstOrDefault(m => m.StartTok >= from && m.StartTok < to);
                if (hit.Mention is not null)
                {
                    a1 = hit;
                    why = DecisionReason.FirstActorOfEarlierClause;
                }

                to = from - 1;
                clauseStart = to > s.First ? t.ClauseStart(to, s.First) : s.First;
            }
        }

        if (a1 is null)
        {
            a1 = OrNull(inSentence.FirstOrDefault(m => m.StartTok >= c.End));
            why = a1 is null ? why : DecisionReason.FirstActorAfterTrigger;
        }

        var decisions = ImmutableArray.CreateBuilder<EventDecision>();
        if (why is { } w && a1 is { } chosen)
        {
            decisions.Add(new EventDecision(EventStage.Roles, w, chosen.Mention.Text));
        }

        if (a1 is { } first && a2 is null)
        {
            var afterFirst = inSentence.FirstOrDefault(m => m.StartTok >= Math.Max(first.EndTok, c.End) && Id(m) != Id(first) && m.StartTok < t.ClauseEnd(Math.Max(first.EndTok, c.End), s.End));
            if (afterFirst.Mention is not null)
            {
                a2 = afterFirst;
                decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.SecondPartyInClause, afterFirst.Mention.Text));
            }
        }

        if (a2 is null && victims.FirstOrDefault(m => a1 is not { } f || Id(m) != Id(f)) is { Mention: not null } v)
        {
            a2 = v;
            decisions.Add(new EventDecision(EventStage.Roles, DecisionReason.VictimAsActor2, v.Mention.Text));
        }

        var assoc = ImmutableArray.CreateBuilder<EventActor>();
        if (a1 is { } p)
        {
            // X وY: an actor joined to actor1 by و right after it is associated with it.
            var next = inSentence.FirstOrDefault(m => m.StartTok >= p.EndTok && m.StartTok <= p.EndTok + 1 && Id(m) != Id(p)
                && t.Tokens[m.StartTok].Norm.StartsWith(ArabicLetters.Waw));
            if (next.Mention is not null && (a2 is null || Id(next) != Id(a2.Value)))
            {
                assoc.Add(ToActor(t, next));
            }
        }

        return new Roles(a1 is { } x ? ToActor(t, x) : null, a2 is { } y ? ToActor(t, y) : null, assoc.ToImmutable(), decisions.ToImmutable());
    }

    /// <summary>
    /// An actor up to three words after a victim cue in the same clause (مقتل عنصرين من X), unless a word of
    /// means or agency comes between (مقتل شاب برصاص X: X is the doer).
    /// </summary>
    private static bool IsVictim(EventText t, SentenceFrame s, Candidate c, MentionAt m) =>
        s.Args.Any(a => (a.Value == ArgumentCue.Victim || (a.Value == ArgumentCue.Member && a.Start >= c.End && IsViolent(c.Entry.EventType))) && a.End <= m.StartTok
            && t.WordsBetween(a.End, m.StartTok) <= CueReach && !t.ClauseBreakBetween(a.End, m.StartTok)
            && !s.Args.Any(g => g.Value is ArgumentCue.VictimAgency or ArgumentCue.Agent && g.Start >= a.End && g.End <= m.StartTok));

    /// <summary>ACLED's inter code of civilians.</summary>
    public const int CivilianInter = 7;

    /// <summary>Words between the trigger and a means word whose nationality adjective names actor1.</summary>
    public const int MeansReach = 3;

    /// <summary>Types where one side uses force on another (not protests or riots, where civilians do act).</summary>
    public static bool IsViolent(string eventType) =>
        eventType is AcledTaxonomy.Battles or AcledTaxonomy.ExplosionsRemoteViolence or AcledTaxonomy.ViolenceAgainstCivilians;

    /// <summary>
    /// A nationality adjective right after a means of attack near the trigger (غارة إسرائيلية، طائرة مسيّرة
    /// تركية، القصف الروسي): the country's forces, with the adjective as the mention.
    /// </summary>
    public static EventActor? NationalityOfMeans(EventText t, SentenceFrame s, Candidate c)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        if (t.Actors.FirstOrDefault(m => m.StartTok <= c.Start && c.Start < m.EndTok && m.EndTok > c.End) is { Mention: not null } own)
        {
            // The trigger is the head of a state's means (قصف تركي، غارة إسرائيلية tagged as the state's forces).
            return ToActor(t, own);
        }

        var clauseStart = t.ClauseStart(c.Start, s.First);
        var clauseEnd = t.ClauseEnd(c.End, s.End);
        var means = s.Args.Where(a => a.Value == ArgumentCue.Means && a.Start >= clauseStart && a.End <= clauseEnd
            && (a.Start >= c.End ? t.WordsBetween(c.End, a.Start) <= MeansReach : a.End <= c.Start && t.WordsBetween(a.End, c.Start) <= MeansReach)).Select(a => (a.Start, a.End)).ToList();

        // The trigger itself is often the means (غارة إسرائيلية).
        means.Add((c.Start, c.End));
        foreach (var (_, end) in means.OrderBy(x => x.Start))
        {
            // One word may stand between the means and its adjective (طائرة مسيّرة تركية).
            for (var i = end; i < Math.Min(clauseEnd, t.AdvanceWords(end, 2)); i++)
            {
                // An adjective inside a catalogued name (الطيران الأمريكي) leaves the choice to that name.
                if (t.Tokens[i].Kind != TokenKind.Punctuation && !t.Actors.Any(m => m.StartTok <= i && i < m.EndTok)
                    && t.Lexicon.MeansNationalityIndex.Longest(t.Keys, i, clauseEnd) is { } p)
                {
                    var span = t.SpanOf(i, i + p.Words.Length);
                    return p.Value with { Span = span, Text = span.Slice(t.Text) };
                }
            }
        }

        return null;
    }

    private static int InterOf(EventText t, MentionAt m) => m.Mention.Ref switch
    {
        ActorRef a => a.Inter,
        PersonRef p => InterOfPerson(t, p),
        _ => 0,
    };

    private static MentionAt? OrNull(MentionAt m) => m.Mention is null ? null : m;

    private static string Id(MentionAt m) => m.Mention.Ref switch
    {
        ActorRef a => a.Id,
        PersonRef p => p.Id,
        _ => m.Mention.Text,
    };

    private static EventActor ToActor(EventText t, MentionAt m) => m.Mention.Ref switch
    {
        ActorRef a => new EventActor(a.Id, a.Name, a.Inter, m.Mention.Span, m.Mention.Text),
        PersonRef p => new EventActor(p.Id, p.Name, InterOfPerson(t, p), m.Mention.Span, m.Mention.Text),
        _ => new EventActor(m.Mention.Text, m.Mention.Text, 0, m.Mention.Span, m.Mention.Text),
    };

    private static int InterOfPerson(EventText t, PersonRef p) =>
        p.ActorId is null ? 0 : t.Actors.Select(a => a.Mention.Ref).OfType<ActorRef>().FirstOrDefault(a => a.Id == p.ActorId)?.Inter ?? 0;
}
