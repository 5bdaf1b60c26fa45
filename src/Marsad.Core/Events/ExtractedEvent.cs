using System.Collections.Immutable;
using Marsad.Annotations;
using Marsad.Documents;

namespace Marsad.Events;

/// <summary>The contract's attribution kinds.</summary>
public enum AttributionKind
{
    Outlet,
    Correspondent,
    NamedSource,
    AnonymousSource,
    OfficialStatement,
    OtherOutlet,
    Unattributed,
}

/// <summary>Who says so, and the words that say it.</summary>
public sealed record Attribution(AttributionKind Kind, string? Text, TextSpan? Span = null, string? SourceName = null);

/// <summary>An event's actor: the resolved actor (or person) and the mention it came from.</summary>
public sealed record EventActor(string Id, string Name, int Inter, TextSpan? Span = null, string? Text = null);

/// <summary>An event's location with ACLED geo_precision.</summary>
public sealed record EventLocation(PlaceRef Place, int GeoPrecision, TextSpan? Span = null);

/// <summary>
/// One event a report tells, coded in ACLED's taxonomy, with every argument tied to its span.
/// </summary>
public sealed record ExtractedEvent
{
    public required string EventType { get; init; }

    public required string SubEventType { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    public DateOnly? Date { get; init; }

    /// <summary>ACLED time_precision: 1 day, 2 week, 3 month.</summary>
    public int TimePrecision { get; init; } = 3;

    public EventActor? Actor1 { get; init; }

    public EventActor? Actor2 { get; init; }

    public ImmutableArray<EventActor> AssocActors1 { get; init; } = [];

    public ImmutableArray<EventActor> AssocActors2 { get; init; } = [];

    public EventLocation? Location { get; init; }

    /// <summary>Reported deaths (lowest figure), or null when unknown. Never a guess.</summary>
    public int? Fatalities { get; init; }

    /// <summary>
    /// True when <see cref="Fatalities"/> is not a figure the text states but one inferred from it (ACLED codes a
    /// violent event with injuries only as 0). A stated figure, an explicit "no casualties" 0 included, is false.
    /// Contract field <c>fatalities_inferred</c>; a merge of several reports ignores inferred figures.
    /// </summary>
    public bool FatalitiesInferred => FatalityBasis == Stages.FatalityBasis.InjuriesOnly;

    public Attribution Attribution { get; init; } = new(AttributionKind.Unattributed, null);

    /// <summary>The trigger word(s) that evoke the event.</summary>
    public TextSpan Trigger { get; init; }

    /// <summary>Evidence spans (sentences or clauses); several when one event is told several times.</summary>
    public ImmutableArray<TextSpan> Evidence { get; init; } = [];

    public double Confidence { get; init; } = 0.5;

    /// <summary>Free notes (e.g. conflicting figures, why fatalities are null).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>How <see cref="Fatalities"/> was reached: stated by the text, inferred (injuries only), or unknown.</summary>
    public Stages.FatalityBasis FatalityBasis { get; init; } = Stages.FatalityBasis.NotReported;

    /// <summary>Why each stage decided as it did (roles, place, date, ...), in stage order.</summary>
    public ImmutableArray<EventDecision> Decisions { get; init; } = [];
}
