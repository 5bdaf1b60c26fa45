using Marsad.Analysis;

namespace Marsad.Events.Stages;

/// <summary>
/// Stage 1, candidates: the longest trigger phrase at each word of a sentence, unless it lies inside a name
/// (مركز المصالحة) or its entry needs a word the sentence lacks; a trigger right after another that absorbs
/// its class is the other's object (فككت عبوة ناسفة: the bomb was dismantled, not exploded).
/// </summary>
public sealed class TriggerFinder
{
    /// <summary>How many words after an absorbing trigger its object may stand.</summary>
    public const int AbsorbWindow = 4;

    public IReadOnlyList<Candidate> Find(EventText t, SentenceFrame s)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var found = new List<Candidate>();
        var i = s.First;
        while (i < s.End)
        {
            if (t.Tokens[i].Kind == TokenKind.Punctuation || t.Lexicon.TriggerIndex.Longest(t.Keys, i, s.End) is not { } p)
            {
                i++;
                continue;
            }

            var c = new Candidate(p.Value, i, i + p.Words.Length);
            i = c.End;
            if (c.Entry.WithNationality is { } other && NationalityFollows(t, s, c) && t.Lexicon.TriggerById(other) is { } meant)
            {
                c = c with { Entry = meant };
            }

            // قصف تركي is tagged as the Turkish forces, yet the shelling is still the event.
            if ((InsideName(t, c) && !NationalityFollows(t, s, c)) || !NeedsSatisfied(t, s, c.Entry))
            {
                continue;
            }

            found.Add(c);
        }

        found.RemoveAll(x => found.Any(a => a.Entry.Absorbs.Contains(x.Entry.Class) && x.Start >= a.End && t.WordsBetween(a.End, x.Start) < AbsorbWindow));
        return found;
    }

    /// <summary>A nationality adjective right after the trigger (مسيرة تركية).</summary>
    private static bool NationalityFollows(EventText t, SentenceFrame s, Candidate c) =>
        c.End < s.End && t.Lexicon.MeansNationalityIndex.Longest(t.Keys, c.End, s.End) is not null;

    /// <summary>A trigger word inside an actor, person or place name is part of the name.</summary>
    private static bool InsideName(EventText t, Candidate c) =>
        t.Actors.Concat(t.Persons).Concat(t.Places).Any(m => m.StartTok < c.End && c.Start < m.EndTok);

    private static bool NeedsSatisfied(EventText t, SentenceFrame s, TriggerEntry e) =>
        e.NeedsAny.IsEmpty || e.NeedsAny.Any(words => t.ContainsPhrase(s, words));
}
