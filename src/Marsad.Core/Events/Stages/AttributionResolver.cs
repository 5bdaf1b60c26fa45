using Marsad.Annotations;
using Marsad.Documents;

namespace Marsad.Events.Stages;

/// <summary>
/// Stage 5c, attribution: who says what a sentence tells — the outlet's correspondent, another outlet, an
/// official statement, an anonymous source, a named person next to a reporting verb — else the previous
/// speaker when the sentence opens with a reporting verb (وأضاف), else the outlet itself. Also gives the token
/// ranges that name a source, which the roles stage must not take for a party.
/// </summary>
public sealed class AttributionResolver
{
    /// <summary>Words from a reporting verb to its complementizer (قال ... إن).</summary>
    public const int ComplementizerReach = 20;

    /// <summary>Words a reporting verb may stand from the sentence start and still frame it.</summary>
    public const int FrameOpening = 4;

    public Attribution Resolve(EventText t, SentenceFrame s, Attribution? previous)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        CueHit<AttributionCue>? best = null;
        foreach (var h in s.Attr)
        {
            if (h.Value is AttributionCue.ReportingVerb or AttributionCue.Complementizer)
            {
                continue;
            }

            if (best is null || Rank(h.Value) < Rank(best.Value.Value))
            {
                best = h;
            }
        }

        var outlet = t.Outlet;
        if (best is { } b)
        {
            if (b.Value == AttributionCue.AnonymousSource && NamedSource(t, s) is { } named)
            {
                return named;
            }

            var kind = b.Value switch
            {
                AttributionCue.Correspondent => AttributionKind.Correspondent,
                AttributionCue.OtherOutlet => AttributionKind.OtherOutlet,
                AttributionCue.OfficialStatement => AttributionKind.OfficialStatement,
                AttributionCue.AnonymousSource => AttributionKind.AnonymousSource,
                _ => AttributionKind.Unattributed,
            };
            var endTok = Math.Min(s.End, kind is AttributionKind.OtherOutlet ? t.AdvanceWords(b.End, 2) : b.End);
            var span = t.SpanOf(b.Start, endTok);
            return new Attribution(kind, span.Slice(t.Text), span, kind is AttributionKind.Correspondent ? outlet : null);
        }

        if (NamedSource(t, s) is { } n)
        {
            return n;
        }

        // وأوضح أن ... / وأضاف: the previous speaker goes on.
        if (previous is not null && previous.Kind != AttributionKind.Outlet && s.Attr.Any(h => h.Value == AttributionCue.ReportingVerb && t.Ord(h.Start) == t.Ord(s.First)))
        {
            return previous;
        }

        return new Attribution(AttributionKind.Outlet, null, null, outlet);
    }

    /// <summary>Token ranges that name the source, not a party: from an attribution cue to its complementizer.</summary>
    public IReadOnlyList<TokenRange> SourceRanges(EventText t, SentenceFrame s)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var ranges = new List<TokenRange>();
        foreach (var h in s.Attr)
        {
            if (h.Value == AttributionCue.Complementizer)
            {
                continue;
            }

            var comp = s.Attr.FirstOrDefault(x => x.Value == AttributionCue.Complementizer && x.Start >= h.End && t.WordsBetween(h.End, x.Start) <= ComplementizerReach);
            var end = comp.End > 0 ? comp.Start : Math.Min(s.End, t.AdvanceWords(h.End, h.Value == AttributionCue.ReportingVerb ? 1 : 4));

            // The source phrase ends at its clause (مصادر في درعا، أكدت وقوع اشتباكات، في مدينة X): what the
            // source then says happened somewhere is the event's place.
            ranges.Add(new TokenRange(h.Start, Math.Min(end, t.ClauseEnd(h.End, s.End))));
        }

        return ranges;
    }

    private static int Rank(AttributionCue c) => c switch
    {
        AttributionCue.Correspondent => 0,
        AttributionCue.OtherOutlet => 1,
        AttributionCue.OfficialStatement => 2,
        AttributionCue.AnonymousSource => 3,
        _ => 4,
    };

    /// <summary>A person named next to a reporting verb (قال فلان، ذكر الأستاذ فلان / فلان ... ذكر أن).</summary>
    private static Attribution? NamedSource(EventText t, SentenceFrame s)
    {
        foreach (var v in s.Attr.Where(h => h.Value == AttributionCue.ReportingVerb))
        {
            // A reporting frame: the verb opens the sentence or introduces a complement (قال إن). A verb deep in
            // a relative clause (التي أعلن عنها فلان) reports nothing about this sentence.
            var opens = t.WordsBetween(s.First, v.Start) <= FrameOpening;
            var introduces = s.Attr.Any(x => x.Value == AttributionCue.Complementizer && x.Start >= v.End && t.WordsBetween(v.End, x.Start) <= ComplementizerReach);
            if (!opens && !introduces)
            {
                continue;
            }

            foreach (var p in t.InSentence(t.Persons, s))
            {
                var after = p.StartTok >= v.End && t.WordsBetween(v.End, p.StartTok) <= 10;
                var before = p.EndTok <= v.Start && t.WordsBetween(p.EndTok, v.Start) <= 12 && !s.Attr.Any(x => x.Value == AttributionCue.Complementizer && x.Start > p.EndTok && x.End <= v.Start);
                if (after || before)
                {
                    var span = TextSpan.Cover(t.SpanOf(v.Start, v.End), p.Mention.Span);
                    return new Attribution(AttributionKind.NamedSource, span.Slice(t.Text), span, ((PersonRef)p.Mention.Ref!).Name);
                }
            }
        }

        return null;
    }
}
