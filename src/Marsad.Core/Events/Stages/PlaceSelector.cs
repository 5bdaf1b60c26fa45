using System.Collections.Immutable;
using Marsad.Analysis;
using Marsad.Annotations;

namespace Marsad.Events.Stages;

/// <summary>
/// An event's place and why it was chosen; <paramref name="Coordinated"/> are further places the same words
/// list with it (قصف بلدات X وY وZ): ACLED codes one event per place.
/// </summary>
public sealed record PlaceChoice(EventLocation? Location, EventDecision Decision, ImmutableArray<EventLocation> Coordinated = default)
{
    public ImmutableArray<EventLocation> Others => Coordinated.IsDefault ? [] : Coordinated;
}

/// <summary>
/// Stage 4, place: the most specific place tied to the trigger — in its clause, nearest to it; not an origin
/// of a movement (من، عبر), not a container qualifier (X بريف Y), not a later destination (نقل إلى مشفى X);
/// else the main place of the nearest earlier sentence, unless the event's own sentence names a coarse place
/// that does not contain it. Precision is what the place is: a country, governorate or region is 3.
/// </summary>
public sealed class PlaceSelector
{
    /// <summary>Words that may stand between a place and the container it is qualified by (X بريف Y).</summary>
    public const int ContainerGap = 2;

    /// <summary>Words a destination word (إلى، باتجاه) reaches forward.</summary>
    public const int DestinationReach = 3;

    private static readonly ImmutableHashSet<string> CoarseKinds =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "country", "governorate", "region", "province", "state", "admin1");

    public static bool IsCoarse(PlaceRef p) => CoarseKinds.Contains(p.Kind);

    /// <param name="sources">Where the sentence names its sources (مصادر محلية في X، مراسلنا في X): a place
    /// there is where the source is, not where the event happened.</param>
    public PlaceChoice Locate(EventText t, SentenceFrame s, Candidate c, IReadOnlyList<TokenRange>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        var picked = Pick(t, s, c, sources ?? []);
        var why = DecisionReason.NearestPlaceInClause;
        if (picked is null)
        {
            var own = t.InSentence(t.EventPlaces, s).Where(m => m.Mention.Ref is PlaceRef r && IsCoarse(r) && !IsOrigin(t, s, m))
                .Select(m => (MentionAt?)m).FirstOrDefault();

            // Nearest preceding context: the main place of the closest earlier sentence that names one.
            for (var k = s.Index - 1; k >= 0 && picked is null; k--)
            {
                picked = Pick(t, t.Sentence(k), null);
            }

            why = DecisionReason.PlaceOfEarlierSentence;

            // A place the event's own sentence names (even a governorate: بريف الحسكة) beats an earlier
            // sentence's place, unless that place lies inside it (the same event told more closely before).
            if (own is { Mention.Ref: PlaceRef coarse } && (picked is not { Mention.Ref: PlaceRef earlier } || !Within(earlier, coarse)))
            {
                picked = own;
                why = DecisionReason.CoarsePlaceOfSentence;
            }
        }

        if (picked is null)
        {
            // Only origin places: better than nothing.
            picked = t.InSentence(t.EventPlaces, s).Select(m => (MentionAt?)m).FirstOrDefault();
            why = DecisionReason.OnlyOriginPlace;
        }

        if (picked is not { } p || p.Mention.Ref is not PlaceRef place)
        {
            return new PlaceChoice(null, new EventDecision(EventStage.Place, DecisionReason.NoPlace));
        }

        var others = why == DecisionReason.NearestPlaceInClause ? Coordinated(t, s, p) : [];
        return new PlaceChoice(LocationOf(p, place), new EventDecision(EventStage.Place, why, p.Mention.Text), others);
    }

    private static EventLocation LocationOf(MentionAt m, PlaceRef place) =>
        new(place, Math.Clamp(IsCoarse(place) ? 3 : place.GeoPrecision, 1, 3), m.Mention.Span);

    /// <summary>
    /// The specific places listed together with <paramref name="chosen"/> (X وY، Z وبلدة W; كلاً من X وY): each
    /// next to the previous with only list words between — و, a comma, كلاً من, a feature word (بلدات، قرى).
    /// A container word (بريف، في) or any other word ends the list.
    /// </summary>
    public static ImmutableArray<EventLocation> Coordinated(EventText t, SentenceFrame s, MentionAt chosen)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var places = t.InSentence(t.EventPlaces, s).OrderBy(m => m.StartTok).ToList();
        var at = places.FindIndex(m => m.Mention.Span == chosen.Mention.Span);
        if (at < 0)
        {
            return [];
        }

        var run = new List<MentionAt>();
        for (var k = at; k > 0 && Joined(t, s, places[k - 1], places[k]); k--)
        {
            run.Add(places[k - 1]);
        }

        for (var k = at; k + 1 < places.Count && Joined(t, s, places[k], places[k + 1]); k++)
        {
            run.Add(places[k + 1]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { ((PlaceRef)chosen.Mention.Ref!).Id };
        return [.. run.OrderBy(m => m.StartTok)
            .Where(m => m.Mention.Ref is PlaceRef r && !IsCoarse(r) && seen.Add(r.Id))
            .Select(m => LocationOf(m, (PlaceRef)m.Mention.Ref!))];
    }

    /// <summary>Words of a list that may stand between two of its places.</summary>
    public const int ListGap = 3;

    private static bool Joined(EventText t, SentenceFrame s, MentionAt a, MentionAt b)
    {
        if (a.EndTok > b.StartTok || t.WordsBetween(a.EndTok, b.StartTok) > ListGap || IsPosition(t, s, a) || IsPosition(t, s, b))
        {
            return false;
        }

        // وحاس: the conjunction is glued to the next place.
        var glued = b.Mention.Start > t.Tokens[b.StartTok].Start && t.Tokens[b.StartTok].Norm.StartsWith(ArabicLetters.Waw);
        var joined = glued;
        for (var i = a.EndTok; i < b.StartTok; i++)
        {
            var tok = t.Tokens[i];
            if (tok.Kind == TokenKind.Punctuation)
            {
                if (tok.Norm is "." or "!" or "?" or ";" or ":")
                {
                    return false;
                }

                joined |= tok.Norm == ",";
                continue;
            }

            if (s.Args.Any(x => x.Start <= i && i < x.End && x.Value == ArgumentCue.Coordinator))
            {
                joined = true;
                continue;
            }

            // وقرية: a feature word glued to the conjunction joins as و does.
            joined |= tok.Norm.StartsWith(ArabicLetters.Waw) && EventText.HasArg(s, i, ArgumentCue.ListDescriptor);
            if (!(EventText.HasArg(s, i, ArgumentCue.PlaceDescriptor) || EventText.HasArg(s, i, ArgumentCue.ListDescriptor)) || EventText.HasArg(s, i, ArgumentCue.Container))
            {
                return false;
            }
        }

        return joined;
    }

    /// <summary>Whether <paramref name="inner"/> lies inside the coarse place <paramref name="outer"/> (same governorate, or same country).</summary>
    public static bool Within(PlaceRef inner, PlaceRef outer) =>
        string.Equals(inner.Country, outer.Country, StringComparison.Ordinal)
        && (string.Equals(outer.Kind, "country", StringComparison.OrdinalIgnoreCase)
            || (outer.Admin1 is not null && string.Equals(inner.Admin1, outer.Admin1, StringComparison.Ordinal)));

    /// <summary>
    /// The place of a trigger in its sentence: specific, not an origin of a movement, not a container
    /// qualifier. Nearest to the trigger within its clause, else the first in the sentence. With no trigger,
    /// the sentence's main (first) place.
    /// </summary>
    private static MentionAt? Pick(EventText t, SentenceFrame s, Candidate? c, IReadOnlyList<TokenRange>? sources = null)
    {
        var list = new List<MentionAt>();
        MentionAt? prev = null;
        var prevOrigin = false;
        foreach (var m in t.InSentence(t.EventPlaces, s))
        {
            var origin = IsOrigin(t, s, m) || (prevOrigin && prev is { } pv && t.WordsBetween(pv.EndTok, m.StartTok) <= 0);
            var container = prev is { } q && IsContainer(t, s, q, m);
            prev = m;
            prevOrigin = origin;
            if (m.Mention.Ref is not PlaceRef pr || IsCoarse(pr) || container)
            {
                continue;
            }

            if (origin && (c is null || c.Entry.Movement) || IsPosition(t, s, m) || sources is not null && sources.Any(r => r.Contains(m.StartTok)))
            {
                continue;
            }

            // نُقل المصابون إلى مشفى مدينة X: a destination outside the trigger's clause is where something went
            // afterwards, not where a (non-movement) event happened.
            if ((c is not null && !c.Entry.Movement && IsDestination(t, s, m, hospitalOnly: false) && !t.SameClause(c.Start, m.StartTok, s))
                || IsDestination(t, s, m, hospitalOnly: true))
            {
                continue;
            }

            list.Add(m);
        }

        if (list.Count == 0)
        {
            return null;
        }

        if (c is null)
        {
            return list[0];
        }

        var cs = t.ClauseStart(c.Start, s.First);
        var ce = t.ClauseEnd(c.End, s.End);
        var inClause = list.Where(m => m.StartTok >= cs && m.EndTok <= ce).ToList();
        if (inClause.Count > 0)
        {
            return inClause.OrderBy(m => m.StartTok >= c.End ? t.WordsBetween(c.End, m.StartTok) : t.WordsBetween(m.EndTok, c.Start) + 0.5).First();
        }

        return list[0];
    }

    /// <summary>A place after من / عبر (optionally with a descriptor: من ريف حمص) and not after بالقرب من.</summary>
    public static bool IsOrigin(EventText t, SentenceFrame s, MentionAt m)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var i = m.StartTok - 1;
        if (m.Mention.Start > t.Tokens[m.StartTok].Start)
        {
            // The place is glued to a proclitic (وحمص): look at the token itself for من-less coordination.
            return false;
        }

        while (i >= s.First && t.Tokens[i].Kind == TokenKind.Punctuation)
        {
            i--;
        }

        if (i >= s.First && EventText.HasArg(s, i, ArgumentCue.PlaceDescriptor))
        {
            i--;
        }

        if (i < s.First || !EventText.HasArg(s, i, ArgumentCue.Origin))
        {
            return false;
        }

        return !(i - 1 >= s.First && EventText.HasArg(s, i - 1, ArgumentCue.Near));
    }

    /// <summary>Words between a position word and the place it posts a side at (المتمركزة في حاجز النمر داخل مدينة X).</summary>
    public const int PositionReach = 6;

    /// <summary>
    /// A place within <see cref="PositionReach"/> words after a position word of its clause (قصفت قوات النظام
    /// المتمركزة في X بلدة Y): where the side is posted, not where the event happened.
    /// </summary>
    public static bool IsPosition(EventText t, SentenceFrame s, MentionAt m)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var words = 0;
        var before = t.InSentence(t.EventPlaces, s).Where(p => p.EndTok <= m.StartTok).ToList();
        for (var i = m.StartTok - 1; i >= s.First && words <= PositionReach; i--)
        {
            if (t.Tokens[i].Kind == TokenKind.Punctuation)
            {
                if (t.IsClauseBreak(i))
                {
                    return false;
                }

                continue;
            }

            if (EventText.HasArg(s, i, ArgumentCue.Position))
            {
                return true;
            }

            if (before.Any(p => p.StartTok <= i && i < p.EndTok))
            {
                // Another place stands between: the first place after the position word is the base (قصفت القوات
                // المتمركزة في X بلدة Y: Y is the target).
                return false;
            }

            words++;
        }

        return false;
    }

    /// <summary>A place up to three words after إلى / باتجاه / نحو (إلى مشفى مدينة X).</summary>
    private static bool IsDestination(EventText t, SentenceFrame s, MentionAt m, bool hospitalOnly)
    {
        var words = 0;
        var hospital = false;
        for (var i = m.StartTok - 1; i >= s.First && words < DestinationReach; i--)
        {
            if (t.Tokens[i].Kind == TokenKind.Punctuation)
            {
                if (t.IsClauseBreak(i))
                {
                    return false;
                }

                continue;
            }

            if (EventText.HasArg(s, i, ArgumentCue.Destination))
            {
                return !hospitalOnly || hospital;
            }

            hospital |= EventText.HasArg(s, i, ArgumentCue.Facility);
            words++;
        }

        return false;
    }

    /// <summary>B right after A with only a container word between (A بريف B، A في محافظة B) qualifies A.</summary>
    private static bool IsContainer(EventText t, SentenceFrame s, MentionAt a, MentionAt b)
    {
        var gap = t.WordsBetween(a.EndTok, b.StartTok);
        if (gap == 0 && a.EndTok == b.StartTok && EventText.HasArg(s, b.StartTok, ArgumentCue.Container))
        {
            // X بمحافظة Y, the cue word taken into the name (محافظة أربيل): Y still qualifies X.
            return true;
        }

        if (gap > ContainerGap || gap == 0)
        {
            return false;
        }

        for (var i = a.EndTok; i < b.StartTok; i++)
        {
            if (t.Tokens[i].Kind != TokenKind.Punctuation && !EventText.HasArg(s, i, ArgumentCue.Container))
            {
                return false;
            }
        }

        return true;
    }
}
