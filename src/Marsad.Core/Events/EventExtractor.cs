using System.Collections.Immutable;
using Marsad.Pipeline;

namespace Marsad.Events;

/// <summary>
/// Finds the events a report tells and codes each in ACLED's taxonomy: triggers from the event lexicon,
/// then arguments (actors, place, date, fatalities) from the mentions earlier stages found, attribution from
/// the reporting frame, and suppression of what is not an event (denials, threats, hedges, background,
/// aggregates). Mentions of one event within a document are merged into one event with several evidence
/// spans. Needs only tokens and sentences; uses whatever mentions exist (no places → no location).
/// </summary>
public sealed class EventExtractor : IAnnotator
{
    public const string AnnotatorName = "events";

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
        var run = new EventDocumentRun(Lexicon, document);
        var (events, warnings) = run.Extract();
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
        return new EventDocumentRun(Lexicon, document).Extract().Events;
    }
}
