using System.Collections.Immutable;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Knowledge.Places;
using Marsad.Pipeline;

namespace Marsad.Events;

/// <summary>The per-document work of <see cref="EventExtractor"/>: built for one document, used once.</summary>
internal sealed class EventDocumentRun
{
    private static readonly ImmutableHashSet<string> CoarseKinds =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "country", "governorate", "region", "province", "state", "admin1");

    private const string RemoteExplosive = "Remote explosive/landmine/IED";

    private static readonly ImmutableHashSet<string> InteractiveTypes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        AcledTaxonomy.Battles,
        AcledTaxonomy.ExplosionsRemoteViolence,
        AcledTaxonomy.ViolenceAgainstCivilians,
        AcledTaxonomy.Riots,
        AcledTaxonomy.Protests);

    private readonly EventLexicon _lex;
    private readonly AnnotatedDocument _doc;
    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private readonly TokenKeys _keys;
    private readonly int[] _wordOrd;
    private readonly List<MentionAt> _places = [];
    private readonly List<MentionAt> _actors = [];
    private readonly List<MentionAt> _persons = [];
    private readonly List<MentionAt> _dates = [];

    /// <summary>
    /// How many sentences after the one that told it a date still dates an event whose own sentence gives none
    /// ("On Sunday militias shelled X. Two civilians were killed." — the killing is Sunday's too).
    /// </summary>
    private const int DateCarrySentences = 2;

    /// <summary>The last date with a value told by a sentence that tells news (not background or a headline), and that sentence's index.</summary>
    private (DateOnly Date, int Precision, int Sentence)? _toldDate;
    private readonly List<MentionAt> _quantities = [];
    private readonly List<string> _warnings = [];
    private readonly int _currentYear;
    private SentenceInfo?[]? _described;

    public EventDocumentRun(EventLexicon lexicon, AnnotatedDocument doc)
    {
        _lex = lexicon;
        _doc = doc;
        _text = doc.Text;
        _tokens = doc.Analysis.Tokens;
        _keys = new TokenKeys(_tokens);
        _wordOrd = new int[_tokens.Length + 1];
        var ord = 0;
        for (var i = 0; i < _tokens.Length; i++)
        {
            _wordOrd[i] = ord;
            if (_tokens[i].Kind != TokenKind.Punctuation)
            {
                ord++;
            }
        }

        _wordOrd[_tokens.Length] = ord;
        foreach (var m in doc.Mentions)
        {
            var at = new MentionAt(m, TokenAt(m.Start), Math.Max(TokenAt(m.Start) + 1, doc.Analysis.TokenIndexAtOrAfter(m.End)));
            switch (m.Ref)
            {
                case PlaceRef:
                    _places.Add(at);
                    break;
                case ActorRef:
                    _actors.Add(at);
                    break;
                case PersonRef:
                    _persons.Add(at);
                    break;
                case DateRef:
                    _dates.Add(at);
                    break;
                case QuantityRef:
                    _quantities.Add(at);
                    break;
            }
        }

        _currentYear = doc.Document.Source.Published?.Year ?? MaxYearMentioned();
    }

    private readonly record struct MentionAt(Mention Mention, int StartTok, int EndTok);

    private readonly record struct Hit<T>(int Start, int End, T Value);

    private sealed record Candidate(TriggerEntry Entry, int Start, int End);

    private sealed record SentenceInfo(int Index, TextSpan Span, int First, int End, List<Hit<CueScope>> Cues, List<Hit<ArgumentCue>> Args, List<Hit<AttributionCue>> Attr);

    public (ImmutableArray<ExtractedEvent> Events, ImmutableArray<string> Warnings) Extract()
    {
        var sentences = _doc.Analysis.Sentences;
        var events = new List<ExtractedEvent>();
        Attribution? previous = null;
        for (var s = 0; s < sentences.Length; s++)
        {
            var info = Describe(s);
            if (info.End <= info.First)
            {
                continue;
            }

            var attribution = AttributionOf(info, previous);
            previous = attribution;
            var skip = SentenceSkipReason(info, sentences.Length);
            if (skip is null)
            {
                RememberToldDate(info);
            }

            var candidates = FindTriggers(info);
            if (candidates.Count == 0)
            {
                continue;
            }

            if (skip is not null)
            {
                if (skip != "headline")
                {
                    _warnings.Add(Warn($"{skip}: not coded", candidates[0]));
                }

                continue;
            }

            var kept = new List<Candidate>();
            var descriptiveTags = new List<string>();
            foreach (var c in candidates)
            {
                var reason = SuppressionReason(info, c);
                if (reason is null)
                {
                    kept.Add(c);
                    continue;
                }

                if (reason is "purpose" or "relative clause")
                {
                    descriptiveTags.AddRange(c.Entry.Tags);
                }
                else if (reason is "threat" or "aggregate" or "denial")
                {
                    _warnings.Add(Warn($"{reason}: not coded as an event", c));
                }
            }

            if (kept.Any(c => !c.Entry.Weak))
            {
                kept.RemoveAll(c => c.Entry.Weak);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in kept)
            {
                var e = Build(info, c, attribution, descriptiveTags);
                if (seen.Add(e.EventType + "|" + e.SubEventType))
                {
                    events.Add(e);
                }
            }
        }

        // Most certain first (ties in document order): the order a reviewer should read them in.
        var merged = Merge(events).Select((e, i) => (e, i)).OrderByDescending(x => Math.Round(x.e.Confidence, 3)).ThenBy(x => x.i).Select(x => x.e);
        return ([.. merged], [.. _warnings]);
    }

    // ---------------------------------------------------------------- sentences and cues

    private SentenceInfo Describe(int s)
    {
        _described ??= new SentenceInfo?[_doc.Analysis.Sentences.Length];
        return _described[s] ??= DescribeUncached(s);
    }

    private SentenceInfo DescribeUncached(int s)
    {
        var span = _doc.Analysis.Sentences[s];
        var first = _doc.Analysis.TokenIndexAtOrAfter(span.Start);
        var end = _doc.Analysis.TokenIndexAtOrAfter(span.End);
        var cues = new List<Hit<CueScope>>();
        var args = new List<Hit<ArgumentCue>>();
        var attr = new List<Hit<AttributionCue>>();
        var buf1 = new List<PhraseIndex<CueScope>.Phrase>();
        var buf2 = new List<PhraseIndex<ArgumentCue>.Phrase>();
        for (var i = first; i < end; i++)
        {
            if (_tokens[i].Kind == TokenKind.Punctuation)
            {
                continue;
            }

            buf1.Clear();
            _lex.CueIndex.All(_keys, i, end, buf1);
            foreach (var p in buf1)
            {
                cues.Add(new Hit<CueScope>(i, i + p.Words.Length, p.Value));
            }

            buf2.Clear();
            _lex.ArgumentIndex.All(_keys, i, end, buf2);
            foreach (var p in buf2)
            {
                args.Add(new Hit<ArgumentCue>(i, i + p.Words.Length, p.Value));
            }

            if (_lex.AttributionIndex.Longest(_keys, i, end) is { } a)
            {
                attr.Add(new Hit<AttributionCue>(i, i + a.Words.Length, a.Value));
            }
        }

        return new SentenceInfo(s, span, first, end, cues, args, attr);
    }

    private List<Candidate> FindTriggers(SentenceInfo info)
    {
        var found = new List<Candidate>();
        var i = info.First;
        while (i < info.End)
        {
            if (_tokens[i].Kind == TokenKind.Punctuation || _lex.TriggerIndex.Longest(_keys, i, info.End) is not { } p)
            {
                i++;
                continue;
            }

            var c = new Candidate(p.Value, i, i + p.Words.Length);
            i = c.End;
            if (InsideName(c) || !NeedsSatisfied(info, c.Entry))
            {
                continue;
            }

            found.Add(c);
        }

        // فككت عبوة ناسفة: the bomb is what was disrupted, not an explosion.
        found.RemoveAll(x => found.Any(a => a.Entry.Absorbs.Contains(x.Entry.Class) && x.Start >= a.End && _wordOrd[x.Start] - _wordOrd[a.End] < 4));
        return found;
    }

    /// <summary>A trigger word inside an actor, person or place name (مركز المصالحة) is part of the name.</summary>
    private bool InsideName(Candidate c) =>
        _actors.Concat(_persons).Concat(_places).Any(m => m.StartTok < c.End && c.Start < m.EndTok);

    private bool NeedsSatisfied(SentenceInfo info, TriggerEntry e) =>
        e.NeedsAny.IsEmpty || e.NeedsAny.Any(words => ContainsPhrase(info, words));

    private bool ContainsPhrase(SentenceInfo info, string[] words)
    {
        for (var i = info.First; i + words.Length <= info.End; i++)
        {
            var ok = true;
            for (var j = 0; j < words.Length && ok; j++)
            {
                ok = _keys.Has(i + j, words[j]);
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why a whole sentence tells no new event: headline, background, boilerplate, past years.</summary>
    private string? SentenceSkipReason(SentenceInfo info, int sentenceCount)
    {
        if (sentenceCount >= 3 && IsHeading(info))
        {
            return "headline";
        }

        var firstOrd = _wordOrd[info.First];
        foreach (var h in info.Cues)
        {
            var fromStart = _wordOrd[h.Start] - firstOrd;
            if (h.Value == CueScope.BackgroundSentence && fromStart < _lex.WindowOf(CueScope.BackgroundSentence))
            {
                return "background";
            }

            if (h.Value == CueScope.AggregateSentence && fromStart < _lex.WindowOf(CueScope.AggregateSentence))
            {
                return "aggregate (period)";
            }

            // وكان ... قد أعلن: the pluperfect tells what happened before the reported events.
            if (h.Value == CueScope.Pluperfect && fromStart == 0 && info.Cues.Any(q =>
                    q.Value == CueScope.PluperfectQad && q.Start > h.Start && _wordOrd[q.Start] - _wordOrd[h.Start] <= _lex.WindowOf(CueScope.PluperfectQad)))
            {
                return "background (pluperfect)";
            }
        }

        foreach (var a in info.Args.Where(a => a.Value == ArgumentCue.YearWord))
        {
            if (a.End < info.End && _tokens[a.End].Kind == TokenKind.Number && TryYear(_tokens[a.End].Norm, out var y) && y < _currentYear)
            {
                return "background (year " + y.ToString(CultureInfo.InvariantCulture) + ")";
            }
        }

        return null;
    }

    /// <summary>A short line without final punctuation, ended by a line break: a headline or subheading.</summary>
    private bool IsHeading(SentenceInfo info)
    {
        var last = _tokens[info.End - 1];
        if (last.Kind == TokenKind.Punctuation && last.Norm is "." or "!" or "?" or "…")
        {
            return false;
        }

        if (_wordOrd[info.End] - _wordOrd[info.First] > 12)
        {
            return false;
        }

        for (var k = info.Span.End; k < _text.Length; k++)
        {
            if (_text[k] is '\n' or '\r')
            {
                return true;
            }

            if (!char.IsWhiteSpace(_text[k]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Why a trigger is not an event (null when it is one).</summary>
    private string? SuppressionReason(SentenceInfo info, Candidate c)
    {
        var trigOrd = _wordOrd[c.Start];
        string? reason = null;
        foreach (var h in info.Cues)
        {
            if (h.Value == CueScope.AggregateAfter)
            {
                if (h.Start >= c.End && _wordOrd[h.Start] - _wordOrd[c.End] < _lex.WindowOf(CueScope.AggregateAfter))
                {
                    return "aggregate";
                }

                continue;
            }

            if (h.End > c.Start)
            {
                continue;
            }

            var distance = trigOrd - _wordOrd[h.End];
            if (h.Value == CueScope.AggregateCount)
            {
                // عشرات الغارات / عشرات من الغارات: the count is of events. العشرات من الأهالي في مظاهرة: of people.
                if (distance < _lex.WindowOf(CueScope.AggregateCount) && !ClauseBreakBetween(h.End, c.Start))
                {
                    return "aggregate";
                }

                continue;
            }

            if (distance >= _lex.WindowOf(h.Value) || ClauseBreakBetween(h.End, c.Start))
            {
                // Out of reach: too far, or in another clause.
                continue;
            }

            var r = h.Value switch
            {
                CueScope.Negation => "negation",
                CueScope.Denial => "denial",
                CueScope.Threat => "threat",
                CueScope.Hedge => "hedge",
                CueScope.Purpose => "purpose",
                CueScope.Accusation => "accusation",
                CueScope.Aggregate => "aggregate",
                CueScope.Background => "background",
                CueScope.Relative when c.Entry.DescriptiveInRelative && !ClauseBreakBetween(h.End, c.Start) => "relative clause",
                CueScope.DescriptiveHead when c.Entry.DescriptiveInRelative => "relative clause",
                _ => null,
            };

            // The strongest reason wins: threats, denials and aggregates are reported as warnings.
            if (r is "threat" or "denial" or "aggregate")
            {
                return r;
            }

            reason ??= r;
        }

        return reason;
    }

    private bool ClauseBreakBetween(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsClauseBreak(i))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsClauseBreak(int i) => _tokens[i].Kind == TokenKind.Punctuation && _tokens[i].Norm is "," or ";" or ":" or "." or "!" or "?";

    // ---------------------------------------------------------------- building an event

    private ExtractedEvent Build(SentenceInfo info, Candidate c, Attribution attribution, List<string> descriptiveTags)
    {
        var entry = c.Entry;
        var sub = entry.SubEventType;
        var tags = new List<string>(entry.Tags);
        foreach (var u in entry.Upgrades)
        {
            if (u.WhenAnyWords.Any(words => ContainsPhrase(info, words)))
            {
                sub = u.SubEventType ?? sub;
                tags.AddRange(u.Tags);
            }
        }

        tags.AddRange(descriptiveTags);
        var excluded = AttributionRanges(info);
        var (actor1, actor2, assoc1) = Actors(info, c, excluded);
        if (entry.Territory)
        {
            sub = actor1?.Inter == 1 ? "Government regains territory" : "Non-state actor overtakes territory";
        }

        if (entry.EventType == AcledTaxonomy.ViolenceAgainstCivilians && actor2 is null)
        {
            actor2 = new EventActor("actor:civilians", "Civilians", 7);
        }

        if (sub == RemoteExplosive && actor1 is null)
        {
            // ACLED: an unclaimed bomb is the work of an unidentified armed group.
            actor1 = new EventActor("actor:unidentified-armed-group", "Unidentified Armed Group", 3);
        }

        if (entry.EventType == AcledTaxonomy.Protests && actor1 is null)
        {
            actor1 = new EventActor("actor:protesters", "Protesters", 6);
        }

        if (!InteractiveTypes.Contains(entry.EventType) && sub != "Arrests")
        {
            actor2 = null;
        }

        var location = Location(info, c);
        var (date, precision) = DateOf(info, c);
        var notes = new List<string>();
        var (fatalities, fatalitiesInferred) = Fatalities(info, entry.EventType, notes);
        var confidence = entry.Confidence + (actor1 is not null ? 0.1 : 0) + (location is not null ? 0.1 : 0) - (attribution.Kind == AttributionKind.Unattributed ? 0.05 : 0);

        // A definite noun (الاجتماع، التعزيزات) presupposes an event told before or known to the reader:
        // less sure as a first report than an indefinite noun or a verb.
        if (IsDefiniteToken(c.Start))
        {
            confidence -= 0.1;
        }

        return new ExtractedEvent
        {
            EventType = entry.EventType,
            SubEventType = sub,
            Tags = [.. tags.Distinct(StringComparer.Ordinal)],
            Date = date,
            TimePrecision = precision,
            Actor1 = actor1,
            Actor2 = actor2,
            AssocActors1 = assoc1,
            Location = location,
            Fatalities = fatalities,
            FatalitiesInferred = fatalitiesInferred,
            Attribution = attribution,
            Trigger = new TextSpan(_tokens[c.Start].Start, _tokens[c.End - 1].End),
            Evidence = [info.Span],
            Confidence = Math.Clamp(confidence, 0.05, 0.95),
            Notes = [.. notes],
        };
    }

    // ---------------------------------------------------------------- actors

    /// <summary>Token ranges that name the source, not a party: from an attribution cue to its complementizer.</summary>
    private List<(int Start, int End)> AttributionRanges(SentenceInfo info)
    {
        var ranges = new List<(int, int)>();
        foreach (var h in info.Attr)
        {
            if (h.Value == AttributionCue.Complementizer)
            {
                continue;
            }

            var comp = info.Attr.FirstOrDefault(x => x.Value == AttributionCue.Complementizer && x.Start >= h.End && _wordOrd[x.Start] - _wordOrd[h.End] <= 20);
            var end = comp.End > 0 ? comp.Start : Math.Min(info.End, AdvanceWords(h.End, h.Value == AttributionCue.ReportingVerb ? 1 : 4));
            ranges.Add((h.Start, end));
        }

        return ranges;
    }

    private int AdvanceWords(int from, int words)
    {
        var i = from;
        var n = 0;
        while (i < _tokens.Length && n < words)
        {
            if (_tokens[i].Kind != TokenKind.Punctuation)
            {
                n++;
            }

            i++;
        }

        return i;
    }

    private (EventActor? Actor1, EventActor? Actor2, ImmutableArray<EventActor> Assoc1) Actors(SentenceInfo info, Candidate c, List<(int Start, int End)> excluded)
    {
        var inSentence = _actors.Where(m => m.StartTok >= info.First && m.EndTok <= info.End && !excluded.Any(r => m.StartTok >= r.Start && m.StartTok < r.End)).ToList();
        if (inSentence.Count == 0)
        {
            inSentence = [.. _persons.Where(m => m.StartTok >= info.First && m.EndTok <= info.End && !excluded.Any(r => m.StartTok >= r.Start && m.StartTok < r.End))];
        }

        if (inSentence.Count == 0)
        {
            return (null, null, []);
        }

        MentionAt? a1 = null;
        MentionAt? a2 = null;

        // مقتل عنصرين من X / طالت X: the harmed side is the target; it never stands as the event's actor1.
        var victims = inSentence.Where(m => IsVictim(info, m)).ToList();
        inSentence = [.. inSentence.Where(m => !victims.Contains(m))];
        if (inSentence.Count == 0)
        {
            return (null, ToActor(victims[0]), []);
        }

        // بين X و/مع Y: the two parties of a clash.
        var between = info.Args.FirstOrDefault(a => a.Value == ArgumentCue.Between && a.Start >= c.End && _wordOrd[a.Start] - _wordOrd[c.End] <= 3);
        if (between.End > 0)
        {
            var after = inSentence.Where(m => m.StartTok >= between.End).ToList();
            if (after.Count > 0)
            {
                a1 = after[0];
                a2 = OrNull(after.Skip(1).FirstOrDefault(m => Id(m) != Id(after[0])));
            }
        }

        // من قبل X / على يد X: the agent of a passive.
        if (a1 is null)
        {
            var agent = info.Args.FirstOrDefault(a => a.Value == ArgumentCue.Agent && a.Start >= c.End && a.Start < ClauseEnd(c.End, info.End));
            if (agent.End > 0 && inSentence.FirstOrDefault(m => m.StartTok >= agent.End && _wordOrd[m.StartTok] - _wordOrd[agent.End] <= 3) is { Mention: not null } ag)
            {
                a1 = ag;
                a2 = inSentence.LastOrDefault(m => m.EndTok <= c.Start && Id(m) != Id(ag)) is { Mention: not null } t ? t : null;
            }
        }

        if (a1 is null)
        {
            // Subject right before the trigger (X اعتقلت / X التي استقدمت).
            var before = inSentence.LastOrDefault(m => m.EndTok <= c.Start && _wordOrd[c.Start] - _wordOrd[m.EndTok] <= 3 && !ClauseBreakBetween(m.EndTok, c.Start));
            if (before.Mention is not null)
            {
                a1 = before;
            }
        }

        if (a1 is null)
        {
            // Verb-subject order (أدخل الاحتلال ...) or the noun's complement (الاستنفار لعناصر X), within the clause.
            var clauseEnd = ClauseEnd(c.End, info.End);
            var after = inSentence.FirstOrDefault(m => m.StartTok >= c.End && m.StartTok < clauseEnd);
            if (after.Mention is not null)
            {
                a1 = after;
            }
        }

        if (a1 is null)
        {
            // Back clause by clause; the first actor of a clause is its subject.
            var clauseStart = ClauseStart(c.Start, info.First);
            var to = c.Start;
            while (a1 is null && to > info.First)
            {
                var from = clauseStart;
                var hit = inSentence.FirstOrDefault(m => m.StartTok >= from && m.StartTok < to);
                if (hit.Mention is not null)
                {
                    a1 = hit;
                }

                to = from - 1;
                clauseStart = to > info.First ? ClauseStart(to, info.First) : info.First;
            }
        }

        if (a1 is null)
        {
            a1 = inSentence.FirstOrDefault(m => m.StartTok >= c.End);
            if (a1.Value.Mention is null)
            {
                a1 = null;
            }
        }

        if (a1 is { } first && a2 is null)
        {
            var afterFirst = inSentence.FirstOrDefault(m => m.StartTok >= Math.Max(first.EndTok, c.End) && Id(m) != Id(first) && m.StartTok < ClauseEnd(Math.Max(first.EndTok, c.End), info.End));
            if (afterFirst.Mention is not null)
            {
                a2 = afterFirst;
            }
        }

        if (a2 is null && victims.FirstOrDefault(m => a1 is not { } f || Id(m) != Id(f)) is { Mention: not null } v)
        {
            a2 = v;
        }

        var assoc = ImmutableArray.CreateBuilder<EventActor>();
        if (a1 is { } p)
        {
            // X وY: an actor joined to actor1 by و right after it is associated with it.
            var next = inSentence.FirstOrDefault(m => m.StartTok >= p.EndTok && m.StartTok <= p.EndTok + 1 && Id(m) != Id(p)
                && _tokens[m.StartTok].Norm.StartsWith(ArabicLetters.Waw));
            if (next.Mention is not null && (a2 is null || Id(next) != Id(a2.Value)))
            {
                assoc.Add(ToActor(next));
            }
        }

        return (a1 is { } x ? ToActor(x) : null, a2 is { } y ? ToActor(y) : null, assoc.ToImmutable());
    }

    /// <summary>
    /// An actor up to three words after a victim cue in the same clause (مقتل عنصرين من X), unless a word of
    /// means or agency comes between (مقتل شاب برصاص X: X is the doer).
    /// </summary>
    private bool IsVictim(SentenceInfo info, MentionAt m) =>
        info.Args.Any(a => a.Value == ArgumentCue.Victim && a.End <= m.StartTok
            && _wordOrd[m.StartTok] - _wordOrd[a.End] <= 3 && !ClauseBreakBetween(a.End, m.StartTok)
            && !info.Args.Any(g => g.Value is ArgumentCue.VictimAgency or ArgumentCue.Agent && g.Start >= a.End && g.End <= m.StartTok));

    private static MentionAt? OrNull(MentionAt m) => m.Mention is null ? null : m;

    private static string Id(MentionAt m) => m.Mention.Ref switch
    {
        ActorRef a => a.Id,
        PersonRef p => p.Id,
        _ => m.Mention.Text,
    };

    private EventActor ToActor(MentionAt m) => m.Mention.Ref switch
    {
        ActorRef a => new EventActor(a.Id, a.Name, a.Inter, m.Mention.Span, m.Mention.Text),
        PersonRef p => new EventActor(p.Id, p.Name, InterOfPerson(p), m.Mention.Span, m.Mention.Text),
        _ => new EventActor(m.Mention.Text, m.Mention.Text, 0, m.Mention.Span, m.Mention.Text),
    };

    private int InterOfPerson(PersonRef p) =>
        p.ActorId is null ? 0 : _actors.Select(a => a.Mention.Ref).OfType<ActorRef>().FirstOrDefault(a => a.Id == p.ActorId)?.Inter ?? 0;

    private int ClauseEnd(int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (IsClauseBreak(i))
            {
                return i;
            }
        }

        return limit;
    }

    private int ClauseStart(int from, int limit)
    {
        for (var i = from - 1; i >= limit; i--)
        {
            if (IsClauseBreak(i))
            {
                return i + 1;
            }
        }

        return limit;
    }

    // ---------------------------------------------------------------- location

    private EventLocation? Location(SentenceInfo info, Candidate c)
    {
        var picked = PickPlace(info, c);
        var own = _places.Where(m => m.StartTok >= info.First && m.EndTok <= info.End && m.Mention.Ref is PlaceRef r && CoarseKinds.Contains(r.Kind) && !IsOrigin(info, m))
            .Select(m => (MentionAt?)m).FirstOrDefault();
        if (picked is null)
        {
            // Nearest preceding context: the main place of the closest earlier sentence that names one.
            for (var s = info.Index - 1; s >= 0 && picked is null; s--)
            {
                picked = PickPlace(Describe(s), null);
            }

            // A place the event's own sentence names (even a governorate: بريف الحسكة) beats an earlier
            // sentence's place, unless that place lies inside it (the same event told more closely before).
            if (own is { Mention.Ref: PlaceRef coarse } && (picked is not { Mention.Ref: PlaceRef earlier } || !Within(earlier, coarse)))
            {
                picked = own;
            }
        }

        if (picked is null)
        {
            // Only origin places: better than nothing.
            picked = _places.Where(m => m.StartTok >= info.First && m.EndTok <= info.End).Select(m => (MentionAt?)m).FirstOrDefault();
        }

        if (picked is not { } p || p.Mention.Ref is not PlaceRef place)
        {
            return null;
        }

        var precision = place.GeoPrecision;
        if (CoarseKinds.Contains(place.Kind))
        {
            precision = 3;
        }

        return new EventLocation(place, Math.Clamp(precision, 1, 3), p.Mention.Span);
    }

    /// <summary>Whether <paramref name="inner"/> lies inside the coarse place <paramref name="outer"/> (same governorate, or same country).</summary>
    private static bool Within(PlaceRef inner, PlaceRef outer) =>
        string.Equals(inner.Country, outer.Country, StringComparison.Ordinal)
        && (string.Equals(outer.Kind, "country", StringComparison.OrdinalIgnoreCase)
            || (outer.Admin1 is not null && string.Equals(inner.Admin1, outer.Admin1, StringComparison.Ordinal)));

    /// <summary>
    /// The place of a trigger in its sentence: specific (not a country or governorate), not an origin of a
    /// movement, not a container qualifier (البوكمال بريف دير الزور). Nearest to the trigger within its clause,
    /// else the first in the sentence. With no trigger, the sentence's main (first) place.
    /// </summary>
    private MentionAt? PickPlace(SentenceInfo info, Candidate? c)
    {
        var list = new List<MentionAt>();
        MentionAt? prev = null;
        var prevOrigin = false;
        foreach (var m in _places)
        {
            if (m.StartTok < info.First || m.EndTok > info.End)
            {
                continue;
            }

            var origin = IsOrigin(info, m) || (prevOrigin && prev is { } pv && _wordOrd[m.StartTok] - _wordOrd[pv.EndTok] <= 0);
            var container = prev is { } q && IsContainer(info, q, m);
            prev = m;
            prevOrigin = origin;
            if (m.Mention.Ref is not PlaceRef pr || CoarseKinds.Contains(pr.Kind) || container)
            {
                continue;
            }

            if (origin && (c is null || c.Entry.Movement))
            {
                continue;
            }

            // نُقل المصابون إلى مشفى مدينة X: a destination outside the trigger's clause is where something went
            // afterwards, not where a (non-movement) event happened.
            if ((c is not null && !c.Entry.Movement && IsDestination(info, m, hospitalOnly: false) && !SameClause(c.Start, m.StartTok, info))
                || IsDestination(info, m, hospitalOnly: true))
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

        var cs = ClauseStart(c.Start, info.First);
        var ce = ClauseEnd(c.End, info.End);
        var inClause = list.Where(m => m.StartTok >= cs && m.EndTok <= ce).ToList();
        if (inClause.Count > 0)
        {
            return inClause.OrderBy(m => m.StartTok >= c.End ? _wordOrd[m.StartTok] - _wordOrd[c.End] : (_wordOrd[c.Start] - _wordOrd[m.EndTok]) + 0.5).First();
        }

        return list[0];
    }

    /// <summary>A place after من / عبر (optionally with a descriptor: من ريف حمص) and not after بالقرب من.</summary>
    private bool IsOrigin(SentenceInfo info, MentionAt m)
    {
        var i = m.StartTok - 1;
        if (m.Mention.Start > _tokens[m.StartTok].Start)
        {
            // The place is glued to a proclitic (وحمص): look at the token itself for من-less coordination.
            return false;
        }

        while (i >= info.First && _tokens[i].Kind == TokenKind.Punctuation)
        {
            i--;
        }

        if (i >= info.First && HasArg(info, i, ArgumentCue.PlaceDescriptor))
        {
            i--;
        }

        if (i < info.First || !HasArg(info, i, ArgumentCue.Origin))
        {
            return false;
        }

        return !(i - 1 >= info.First && HasArg(info, i - 1, ArgumentCue.Near));
    }

    /// <summary>A place up to three words after إلى / باتجاه / نحو (إلى مشفى مدينة X).</summary>
    private bool IsDestination(SentenceInfo info, MentionAt m, bool hospitalOnly)
    {
        var words = 0;
        var hospital = false;
        for (var i = m.StartTok - 1; i >= info.First && words < 3; i--)
        {
            if (_tokens[i].Kind == TokenKind.Punctuation)
            {
                if (IsClauseBreak(i))
                {
                    return false;
                }

                continue;
            }

            if (HasArg(info, i, ArgumentCue.Destination))
            {
                return !hospitalOnly || hospital;
            }

            hospital |= HasArg(info, i, ArgumentCue.Facility);
            words++;
        }

        return false;
    }

    private bool SameClause(int a, int b, SentenceInfo info) =>
        ClauseStart(a, info.First) == ClauseStart(b, info.First);

    /// <summary>B right after A with only a container word between (A بريف B، A في محافظة B) qualifies A.</summary>
    private bool IsContainer(SentenceInfo info, MentionAt a, MentionAt b)
    {
        var gap = _wordOrd[b.StartTok] - _wordOrd[a.EndTok];
        if (gap > 2)
        {
            return false;
        }

        if (gap == 0)
        {
            return false;
        }

        for (var i = a.EndTok; i < b.StartTok; i++)
        {
            if (_tokens[i].Kind != TokenKind.Punctuation && !HasArg(info, i, ArgumentCue.Container))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasArg(SentenceInfo info, int tok, ArgumentCue cue) =>
        info.Args.Any(a => a.Start == tok && a.End == tok + 1 && a.Value == cue);

    // ---------------------------------------------------------------- date

    private void RememberToldDate(SentenceInfo info)
    {
        var told = _dates.Where(m => m.StartTok >= info.First && m.EndTok <= info.End && ((DateRef)m.Mention.Ref!).Value is not null)
            .Select(m => (DateRef)m.Mention.Ref!).LastOrDefault();
        if (told?.Value is { } date)
        {
            _toldDate = (date, told.TimePrecision, info.Index);
        }
    }

    private (DateOnly? Date, int Precision) DateOf(SentenceInfo info, Candidate c)
    {
        var inSentence = _dates.Where(m => m.StartTok >= info.First && m.EndTok <= info.End).ToList();
        if (inSentence.Count > 0)
        {
            var nearest = inSentence.OrderBy(m => Math.Abs(_wordOrd[m.StartTok] - _wordOrd[c.Start])).First();
            var withValue = inSentence.Where(m => ((DateRef)m.Mention.Ref!).Value is not null)
                .OrderBy(m => Math.Abs(_wordOrd[m.StartTok] - _wordOrd[c.Start])).Select(m => (DateRef)m.Mention.Ref!).FirstOrDefault();
            if (withValue is not null)
            {
                return (withValue.Value, Math.Clamp(withValue.TimePrecision, 1, 3));
            }

            // A date the text gives but nothing anchors (أمس with no publication date): unknown, not the publication date.
            return (null, Math.Clamp(((DateRef)nearest.Mention.Ref!).TimePrecision, 1, 3));
        }

        if (_toldDate is { } told && info.Index - told.Sentence <= DateCarrySentences)
        {
            // No date in this sentence: the date an earlier sentence of the same account told, known to the week
            // (the account may have moved on a day), as with the publication date below.
            return (told.Date, Math.Clamp(told.Precision, 2, 3));
        }

        if (_doc.Document.Source.Published is { } pub)
        {
            // No date in the text: the report's date, known to the week (events are told within days).
            return (pub, 2);
        }

        return (null, 3);
    }

    // ---------------------------------------------------------------- fatalities

    /// <summary>
    /// ACLED's rules: the lowest reported figure; injuries are not fatalities (a violent event with injuries
    /// only has 0, marked inferred: the text states no figure); deaths without a figure stay null with a note;
    /// nothing reported stays null.
    /// </summary>
    private (int? Value, bool Inferred) Fatalities(SentenceInfo info, string eventType, List<string> notes)
    {
        var figures = new List<int>();
        var deathWords = false;
        var injuryWords = false;
        for (var i = info.First; i < info.End; i++)
        {
            if (_tokens[i].Kind == TokenKind.Punctuation || _lex.FatalityIndex.Longest(_keys, i, info.End) is not { } p)
            {
                continue;
            }

            switch (p.Value)
            {
                case FatalityCue.DualDeaths:
                    figures.Add(2);
                    deathWords = true;
                    break;
                case FatalityCue.SingleDeath:
                    figures.Add(1);
                    deathWords = true;
                    break;
                case FatalityCue.DeathNoun:
                    deathWords = true;
                    if (NumberNear(i, i + p.Words.Length, info) is { } n)
                    {
                        figures.Add(n);
                    }
                    else if (_quantities.FirstOrDefault(q => q.StartTok >= i + p.Words.Length && _wordOrd[q.StartTok] - _wordOrd[i + p.Words.Length] <= 1) is { Mention.Ref: QuantityRef qr })
                    {
                        // مقتل ثلاثة عسكريين: the count right after the death word.
                        figures.Add((int)Math.Min(int.MaxValue, LowestOf(qr)));
                    }
                    else if (i + p.Words.Length < info.End && _lex.CountWordIndex.Longest(_keys, i + p.Words.Length, info.End) is { } cw)
                    {
                        // مقتل اثنين منهم: a number word with no counted noun is the count of the dead.
                        figures.Add(cw.Value);
                    }

                    break;
                case FatalityCue.InjuryNoun:
                    injuryWords = true;
                    break;
            }

            i += p.Words.Length - 1;
        }

        foreach (var q in _quantities.Where(m => m.StartTok >= info.First && m.EndTok <= info.End))
        {
            var qr = (QuantityRef)q.Mention.Ref!;
            var noun = qr.NounLemma ?? qr.Noun;
            if (noun is not null && IsDeathNoun(noun))
            {
                figures.Add((int)Math.Min(int.MaxValue, LowestOf(qr)));
            }
        }

        if (figures.Count > 0)
        {
            var distinct = figures.Distinct().Order().ToList();
            if (distinct.Count > 1)
            {
                notes.Add("conflicting figures " + string.Join("/", distinct.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "; lowest kept");
            }

            return (distinct[0], false);
        }

        if (deathWords)
        {
            notes.Add("deaths reported without a figure");
            return (null, false);
        }

        if (injuryWords && eventType is not AcledTaxonomy.StrategicDevelopments)
        {
            notes.Add("injuries only: fatalities 0");
            return (0, true);
        }

        return (null, false);
    }

    private bool IsDeathNoun(string noun)
    {
        var keys = new TokenKeys(Tokenizer.Tokenize(noun));
        return keys.Count > 0 && _lex.FatalityIndex.Longest(keys, 0, keys.Count) is { Value: FatalityCue.DeathNoun };
    }

    private static long LowestOf(QuantityRef q) => q.Qualifier switch
    {
        "several" => 3,
        "tens" => 10,
        "hundreds" => 100,
        "thousands" => 1000,
        _ => q.Value,
    };

    /// <summary>A number right before the noun (5 قتلى) or after a death word (مقتل 5 عناصر).</summary>
    private int? NumberNear(int start, int end, SentenceInfo info)
    {
        if (start - 1 >= info.First && _tokens[start - 1].Kind == TokenKind.Number && TryInt(_tokens[start - 1].Norm, out var a))
        {
            return a;
        }

        if (end < info.End && _tokens[end].Kind == TokenKind.Number && TryInt(_tokens[end].Norm, out var b))
        {
            return b;
        }

        return null;
    }

    // ---------------------------------------------------------------- attribution

    private Attribution AttributionOf(SentenceInfo info, Attribution? previous)
    {
        Hit<AttributionCue>? best = null;
        foreach (var h in info.Attr)
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

        var outlet = _doc.Document.Source.Outlet;
        if (best is { } b)
        {
            if (b.Value == AttributionCue.AnonymousSource && NamedSource(info) is { } named)
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
            var endTok = Math.Min(info.End, kind is AttributionKind.OtherOutlet ? AdvanceWords(b.End, 2) : b.End);
            var span = new TextSpan(_tokens[b.Start].Start, _tokens[endTok - 1].End);
            return new Attribution(kind, span.Slice(_text), span, kind is AttributionKind.Correspondent ? outlet : null);
        }

        if (NamedSource(info) is { } n)
        {
            return n;
        }

        // وأوضح أن ... / وأضاف: the previous speaker goes on.
        if (previous is not null && previous.Kind != AttributionKind.Outlet && info.Attr.Any(h => h.Value == AttributionCue.ReportingVerb && _wordOrd[h.Start] == _wordOrd[info.First]))
        {
            return previous;
        }

        return new Attribution(AttributionKind.Outlet, null, null, outlet);
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
    private Attribution? NamedSource(SentenceInfo info)
    {
        foreach (var v in info.Attr.Where(h => h.Value == AttributionCue.ReportingVerb))
        {
            // A reporting frame: the verb opens the sentence or introduces a complement (قال إن). A verb deep in
            // a relative clause (التي أعلن عنها فلان) reports nothing about this sentence.
            var opens = _wordOrd[v.Start] - _wordOrd[info.First] <= 4;
            var introduces = info.Attr.Any(x => x.Value == AttributionCue.Complementizer && x.Start >= v.End && _wordOrd[x.Start] - _wordOrd[v.End] <= 20);
            if (!opens && !introduces)
            {
                continue;
            }

            foreach (var p in _persons)
            {
                if (p.StartTok < info.First || p.EndTok > info.End)
                {
                    continue;
                }

                var after = p.StartTok >= v.End && _wordOrd[p.StartTok] - _wordOrd[v.End] <= 10;
                var before = p.EndTok <= v.Start && _wordOrd[v.Start] - _wordOrd[p.EndTok] <= 12 && !info.Attr.Any(x => x.Value == AttributionCue.Complementizer && x.Start > p.EndTok && x.End <= v.Start);
                if (after || before)
                {
                    var span = TextSpan.Cover(new TextSpan(_tokens[v.Start].Start, _tokens[v.End - 1].End), p.Mention.Span);
                    return new Attribution(AttributionKind.NamedSource, span.Slice(_text), span, ((PersonRef)p.Mention.Ref!).Name);
                }
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- merging

    /// <summary>
    /// One event told several times: same type, sub-type and trigger class, same place (or none), and
    /// compatible actors (or the later mention is a definite anaphor: الاجتماع، هذا الاجتماع) → one event.
    /// </summary>
    private List<ExtractedEvent> Merge(List<ExtractedEvent> events)
    {
        var result = new List<ExtractedEvent>();
        var classes = new List<string>();
        foreach (var e in events)
        {
            var cls = ClassOf(e);
            var idx = -1;
            for (var k = 0; k < result.Count && idx < 0; k++)
            {
                var r = result[k];
                if (r.EventType != e.EventType || r.SubEventType != e.SubEventType || classes[k] != cls)
                {
                    continue;
                }

                if (!SamePlace(r.Location, e.Location))
                {
                    continue;
                }

                // Non-violent developments of one class at one place are one development; fights need their parties to agree.
                if (!InteractiveTypes.Contains(e.EventType) || r.Actor1 is null || e.Actor1 is null || r.Actor1.Id == e.Actor1.Id || IsDefiniteAnaphor(e))
                {
                    idx = k;
                }
            }

            if (idx < 0)
            {
                result.Add(e);
                classes.Add(cls);
                continue;
            }

            var m = result[idx];
            // A stated figure wins over an inferred one (injuries only: 0); two of a kind keep the lowest.
            var (fat, fatInferred) = (m.Fatalities, e.Fatalities) switch
            {
                (null, _) => (e.Fatalities, e.FatalitiesInferred),
                (_, null) => (m.Fatalities, m.FatalitiesInferred),
                _ when m.FatalitiesInferred != e.FatalitiesInferred => m.FatalitiesInferred ? (e.Fatalities, false) : (m.Fatalities, false),
                _ => (Math.Min(m.Fatalities!.Value, e.Fatalities!.Value), m.FatalitiesInferred),
            };
            result[idx] = m with
            {
                Tags = [.. m.Tags.Concat(e.Tags).Distinct(StringComparer.Ordinal)],
                Evidence = [.. m.Evidence.Concat(e.Evidence).Distinct().Order()],
                Actor1 = m.Actor1 ?? e.Actor1,
                Actor2 = m.Actor2 ?? e.Actor2,
                Date = m.Date ?? e.Date,
                TimePrecision = m.Date is null && e.Date is not null ? e.TimePrecision : m.TimePrecision,
                Fatalities = fat,
                FatalitiesInferred = fatInferred,
                Confidence = Math.Min(0.95, Math.Max(m.Confidence, e.Confidence) + 0.05),
                Notes = [.. m.Notes.Concat(e.Notes).Distinct(StringComparer.Ordinal)],
            };
        }

        return result;
    }

    /// <summary>Both unknown, the same gazetteer entry, or points within 5 km (a camp in its town).</summary>
    private static bool SamePlace(EventLocation? a, EventLocation? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return a.Place.Id == b.Place.Id || Place.Km(a.Place.Latitude, a.Place.Longitude, b.Place.Latitude, b.Place.Longitude) < 5;
    }

    private string ClassOf(ExtractedEvent e)
    {
        var tok = TokenAt(e.Trigger.Start);
        return _lex.TriggerIndex.Longest(_keys, tok, _tokens.Length) is { } p ? p.Value.Class : e.SubEventType;
    }

    private bool IsDefiniteToken(int tok)
    {
        var norm = _tokens[tok].Norm;
        return norm.StartsWith("ال", StringComparison.Ordinal) || norm.StartsWith("وال", StringComparison.Ordinal)
            || norm.StartsWith("بال", StringComparison.Ordinal) || norm.StartsWith("فال", StringComparison.Ordinal)
            || (norm.StartsWith("لل", StringComparison.Ordinal) && norm.Length > 4);
    }

    private bool IsDefiniteAnaphor(ExtractedEvent e)
    {
        var tok = TokenAt(e.Trigger.Start);
        if (IsDefiniteToken(tok))
        {
            return true;
        }

        var prev = tok - 1;
        return prev >= 0 && _lex.CueIndex.Longest(_keys, prev, tok + 1) is { Value: CueScope.Demonstrative };
    }

    // ---------------------------------------------------------------- helpers

    private int TokenAt(int offset)
    {
        var i = _doc.Analysis.TokenIndexAtOrAfter(offset + 1) - 1;
        return Math.Clamp(i, 0, Math.Max(0, _tokens.Length - 1));
    }

    private string Warn(string what, Candidate c)
    {
        var span = new TextSpan(_tokens[c.Start].Start, _tokens[c.End - 1].End);
        return $"events: {what}: '{span.Slice(_text)}' at {span.Start.ToString(CultureInfo.InvariantCulture)}";
    }

    private int MaxYearMentioned()
    {
        var max = 0;
        foreach (var t in _tokens)
        {
            if (t.Kind == TokenKind.Number && TryYear(t.Norm, out var y))
            {
                max = Math.Max(max, y);
            }
        }

        return max == 0 ? int.MaxValue : max;
    }

    private static bool TryYear(string norm, out int year) =>
        int.TryParse(norm, NumberStyles.None, CultureInfo.InvariantCulture, out year) && norm.Length == 4 && year is >= 1950 and <= 2100;

    private static bool TryInt(string norm, out int value) =>
        int.TryParse(norm.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
