using System.Collections.Immutable;
using Marsad.Events.Stages;
using Marsad.Pipeline;

namespace Marsad.Events;

/// <summary>
/// Finds the events a report tells and codes each in ACLED's taxonomy. The stages, each a class of its own
/// with its own tests, run in this order and nowhere else:
/// 1. <see cref="TriggerFinder"/> — candidates from the trigger lexicon;
/// 2. <see cref="FactualityJudge"/> — news or background, asserted or denied/threatened/hedged/aggregate;
/// 3. <see cref="RoleAssigner"/> — who acted and who suffered, then <see cref="EventCoder"/>'s ACLED coding;
/// 4. <see cref="PlaceSelector"/> — the most specific place tied to the trigger;
/// 5. <see cref="DateResolver"/>, <see cref="FatalityCounter"/>, <see cref="AttributionResolver"/>;
/// 6. <see cref="EventCoreference"/> — one incident told several times is one event.
/// Each stage records why it decided in the event's <see cref="ExtractedEvent.Decisions"/>.
/// </summary>
public sealed class EventExtractor : IAnnotator
{
    public const string AnnotatorName = "events";

    private readonly TriggerFinder _triggers = new();
    private readonly FactualityJudge _factuality = new();
    private readonly RoleAssigner _roles = new();
    private readonly EventCoder _coder = new();
    private readonly PlaceSelector _places = new();
    private readonly DateResolver _dates = new();
    private readonly FatalityCounter _fatalities = new();
    private readonly AttributionResolver _attribution = new();
    private readonly EventCoreference _coreference = new();

    public EventExtractor(EventLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
    }

    public EventLexicon Lexicon { get; }

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens | Layers.Sentences;

    public Layers Provides => Layers.Events;

    /// <summary>Loads the lexicon from <paramref name="dataRoot"/> (the folder holding <c>events/</c>).</summary>
    public static EventExtractor Load(string dataRoot) => new(EventLexicon.Load(dataRoot));

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (events, warnings) = Extract(document);
        var result = document.WithEvents(events);
        foreach (var w in warnings)
        {
            result = result.WithWarning(w);
        }

        return result;
    }

    /// <summary>Convenience for callers holding only events: the extracted events of a document.</summary>
    public ImmutableArray<ExtractedEvent> ExtractEvents(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Extract(document).Events;
    }

    private (ImmutableArray<ExtractedEvent> Events, ImmutableArray<string> Warnings) Extract(AnnotatedDocument document)
    {
        var t = EventText.Create(Lexicon, document);
        var drafts = new List<DraftEvent>();
        var warnings = new List<string>();
        Attribution? previous = null;
        ToldDate? told = null;
        for (var i = 0; i < t.SentenceCount; i++)
        {
            var s = t.Sentence(i);
            if (s.IsEmpty)
            {
                continue;
            }

            var attribution = _attribution.Resolve(t, s, previous);
            previous = attribution;
            var status = _factuality.JudgeSentence(t, s);
            if (status is null && _dates.Told(t, s) is { } toldHere)
            {
                told = toldHere;
            }

            var candidates = _triggers.Find(t, s);
            if (candidates.Count == 0)
            {
                continue;
            }

            if (status is not null)
            {
                if (status.Reason != NotNews.Headline)
                {
                    warnings.Add(t.Warning($"{status.Label}: not coded", candidates[0]));
                }

                continue;
            }

            var kept = new List<Candidate>();
            var lentTags = new List<string>();
            foreach (var c in candidates)
            {
                var f = _factuality.Judge(t, s, c);
                if (f == Factuality.Asserted || (f == Factuality.Outcome && !kept.Any(k => k.Start < c.Start)))
                {
                    // An outcome (ما أدى إلى مقتل) is an event of its own only when nothing before it caused it.
                    kept.Add(c);
                }
                else if (FactualityJudge.LendsTags(f))
                {
                    lentTags.AddRange(c.Entry.Tags);
                }
                else if (FactualityJudge.IsWarned(f))
                {
                    warnings.Add(t.Warning($"{FactualityJudge.Label(f)}: not coded as an event", c));
                }
            }

            // A weak trigger (استهدف، مقتل) yields to a stronger one that shares its clause (استهدفت غارة) or tells
            // violence too (قصف ...، ما أدى إلى مقتل): "فيما استهدفت بقذائف" after an incursion is a second event.
            var strong = kept.Where(c => !c.Entry.Weak).ToList();
            kept.RemoveAll(c => c.Entry.Weak && strong.Any(k => t.SameClause(k.Start, c.Start, s) || k.Entry.EventType == c.Entry.EventType
                || RoleAssigner.IsViolent(k.Entry.EventType) && RoleAssigner.IsViolent(c.Entry.EventType)));

            var sources = _attribution.SourceRanges(t, s);
            var seen = new HashSet<(string, string)>();
            foreach (var c in kept)
            {
                var d = Build(t, s, c, attribution, sources, told, lentTags, out var others, out var date);
                if (FactualityJudge.IsStale(date, t.Published))
                {
                    warnings.Add(t.Warning($"background (dated {date.Date:yyyy-MM-dd}): not coded", c));
                    continue;
                }

                if (!seen.Add((d.Event.EventType, d.Event.SubEventType)))
                {
                    continue;
                }

                drafts.Add(d);

                // One event per place: the same act told of several listed places.
                foreach (var place in others)
                {
                    drafts.Add(d with
                    {
                        Event = d.Event with
                        {
                            Location = place,
                            Decisions = [.. d.Event.Decisions.Where(x => x.Stage != EventStage.Place), new EventDecision(EventStage.Place, DecisionReason.ListedWithPlace, place.Span?.Slice(t.Text))],
                        },
                    });
                }
            }
        }

        // Most certain first (ties in document order): the order a reviewer should read them in.
        var merged = _coreference.Merge(t, drafts)
            .Select((d, i) => (d.Event, i))
            .OrderByDescending(x => Math.Round(x.Event.Confidence, 3))
            .ThenBy(x => x.i)
            .Select(x => x.Event);
        return ([.. merged], [.. warnings]);
    }

    private DraftEvent Build(EventText t, SentenceFrame s, Candidate c, Attribution attribution, IReadOnlyList<TokenRange> sources, ToldDate? told, IEnumerable<string> lentTags, out ImmutableArray<EventLocation> others, out DateChoice date)
    {
        var coding = _coder.Code(t, s, c, lentTags);
        var (sided, found) = _coder.ApplySides(t, s, c, coding, _roles.FromSentence(t, s, c, sources));
        var (coded, roles) = _coder.ApplyDefaults(c.Entry, sided, found);
        var place = _places.Locate(t, s, c, sources);
        others = place.Others;
        date = _dates.Resolve(t, s, c, told);
        var fatalities = _fatalities.Count(t, s, coded.EventType);
        var e = new ExtractedEvent
        {
            EventType = coded.EventType,
            SubEventType = coded.SubEventType,
            Tags = coded.Tags,
            Date = date.Date,
            TimePrecision = date.Precision,
            Actor1 = roles.Actor1,
            Actor2 = roles.Actor2,
            AssocActors1 = roles.Assoc1,
            Location = place.Location,
            Fatalities = fatalities.Value,
            FatalityBasis = fatalities.Basis,
            Attribution = attribution,
            Trigger = t.SpanOf(c.Start, c.End),
            Evidence = [s.Span],
            Confidence = EventConfidence.Of(c.Entry, roles, place, attribution, t.IsDefiniteToken(c.Start)),
            Notes = fatalities.Notes,
            Decisions = [.. roles.Decisions, place.Decision, date.Decision, .. fatalities.Decisions],
        };
        return new DraftEvent(e, c.Entry.Class, c.Start);
    }
}
