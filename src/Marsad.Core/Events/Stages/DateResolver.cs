using Marsad.Annotations;

namespace Marsad.Events.Stages;

/// <summary>A date a news sentence told, remembered for the sentences after it.</summary>
public readonly record struct ToldDate(DateOnly Date, int Precision, int Sentence);

/// <summary>An event's date, ACLED time precision, and why.</summary>
public sealed record DateChoice(DateOnly? Date, int Precision, EventDecision Decision);

/// <summary>
/// Stage 5a, date: the date in the trigger's sentence nearest to it; else the date told up to
/// <see cref="CarrySentences"/> sentences before (known to the week: the account may have moved on a day);
/// else the publication date (week precision: events are told within days); else none.
/// </summary>
public sealed class DateResolver
{
    /// <summary>
    /// How many sentences after the one that told it a date still dates an event whose own sentence gives none
    /// ("On Sunday militias shelled X. Two civilians were killed." — the killing is Sunday's too).
    /// </summary>
    public const int CarrySentences = 2;

    /// <summary>The last date with a value the sentence tells, if any; a period's start (منذ 18 شهراً) tells no day.</summary>
    public ToldDate? Told(EventText t, SentenceFrame s)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var told = t.InSentence(t.Dates, s).Where(m => !AfterSince(t, s, m)).Select(m => (DateRef)m.Mention.Ref!).LastOrDefault(d => d.Value is not null);
        return told?.Value is { } date ? new ToldDate(date, told.TimePrecision, s.Index) : null;
    }

    private static bool AfterSince(EventText t, SentenceFrame s, MentionAt m) =>
        s.Args.Any(a => a.Value == ArgumentCue.Since && a.End <= m.StartTok && t.WordsBetween(a.End, m.StartTok) <= 1);

    /// <summary>The date stands before a complementizer (إن، أن) that the trigger follows.</summary>
    private static bool InReportingFrame(EventText t, SentenceFrame s, MentionAt m, Candidate c) =>
        m.EndTok <= c.Start && s.Attr.Any(a => a.Value == AttributionCue.Complementizer && a.Start >= m.EndTok && a.End <= c.Start);

    public DateChoice Resolve(EventText t, SentenceFrame s, Candidate c, ToldDate? told)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        // منذ 18 شهراً، منذ أكتوبر: where a period starts, not the event's day.
        var inSentence = t.InSentence(t.Dates, s).Where(m => !AfterSince(t, s, m)).ToList();
        if (inSentence.Count > 0)
        {
            // A date in the reporting frame (قال اليوم الجمعة إن الهجوم وقع مساء الخميس) dates the saying, not
            // the event: dates on the trigger's side of the complementizer come first.
            var byDistance = inSentence
                .OrderBy(m => InReportingFrame(t, s, m, c) ? 1 : 0)
                .ThenBy(m => Math.Abs(t.Ord(m.StartTok) - t.Ord(c.Start))).ToList();
            if (byDistance.FirstOrDefault(m => ((DateRef)m.Mention.Ref!).Value is not null) is { Mention: not null } near)
            {
                var d = (DateRef)near.Mention.Ref!;
                if (InReportingFrame(t, s, near, c))
                {
                    // Only the saying is dated (قالت مصادر اليوم إن ستة قتلوا): the event is that day or before it.
                    return new DateChoice(d.Value, Math.Clamp(d.TimePrecision, 2, 3), new EventDecision(EventStage.Date, DecisionReason.DateOfReport, near.Mention.Text));
                }

                return new DateChoice(d.Value, Math.Clamp(d.TimePrecision, 1, 3), new EventDecision(EventStage.Date, DecisionReason.DateInSentence, near.Mention.Text));
            }

            // A date the text gives but nothing anchors (أمس with no publication date): unknown, not the publication date.
            var nearest = byDistance[0];
            return new DateChoice(null, Math.Clamp(((DateRef)nearest.Mention.Ref!).TimePrecision, 1, 3), new EventDecision(EventStage.Date, DecisionReason.DateUnanchored, nearest.Mention.Text));
        }

        if (told is { } earlier && earlier.Sentence < s.Index && s.Index - earlier.Sentence <= CarrySentences)
        {
            return new DateChoice(earlier.Date, Math.Clamp(earlier.Precision, 2, 3), new EventDecision(EventStage.Date, DecisionReason.DateCarriedFromEarlierSentence));
        }

        if (t.Published is { } pub)
        {
            return new DateChoice(pub, 2, new EventDecision(EventStage.Date, DecisionReason.PublicationDate));
        }

        return new DateChoice(null, 3, new EventDecision(EventStage.Date, DecisionReason.NoDate));
    }
}
