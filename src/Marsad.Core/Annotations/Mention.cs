using Marsad.Documents;

namespace Marsad.Annotations;

/// <summary>The entity types of the contract's <c>entities[].type</c>.</summary>
public enum EntityType
{
    Place,
    Actor,
    Person,
    Date,
    Quantity,
}

/// <summary>
/// A span a tagger found: type, where it is, the original text it slices, and what it resolves to.
/// <paramref name="Annotator"/> names the component that produced it (for provenance and merging).
/// </summary>
public sealed record Mention(
    EntityType Type,
    TextSpan Span,
    string Text,
    EntityRef? Ref,
    string Annotator,
    double Confidence = 1.0)
{
    public int Start => Span.Start;

    public int End => Span.End;
}

/// <summary>What a mention resolves to. One subtype per entity type.</summary>
public abstract record EntityRef;

/// <summary>
/// A place: a gazetteer entry, or a location the text places relative to one (then
/// <paramref name="GeoPrecision"/> is 2 or 3 and the coordinates are the anchor's).
/// <paramref name="Country"/> is ISO 3166-1 alpha-2; <paramref name="Kind"/> is e.g. city, town, village,
/// neighbourhood, crossing, camp, region, governorate, district, subdistrict, country.
/// </summary>
public sealed record PlaceRef(
    string Id,
    string Name,
    string? NameAr,
    double Latitude,
    double Longitude,
    string? Country,
    string? Admin1,
    string? Admin2,
    string? Admin3,
    string Kind,
    int GeoPrecision = 1,
    string? Pcode = null) : EntityRef
{
    /// <summary>Marks the id of a place coded at an anchor: <c>anchor-id~slug-of-its-own-name</c>.</summary>
    public const char AnchorMark = '~';

    /// <summary>A named place the gazetteer lacks (or a facility named after a town), coded at its anchor's point.</summary>
    public bool IsAnchored => Id.Contains(AnchorMark, StringComparison.Ordinal);

    /// <summary>The id of the place an anchored place is coded at (<see cref="IsAnchored"/>), else null.</summary>
    public string? AnchorId => IsAnchored ? Id[..Id.IndexOf(AnchorMark, StringComparison.Ordinal)] : null;

    /// <summary>The slug of an anchored place's own name (the id after <see cref="AnchorMark"/>), else null.</summary>
    public string? OwnSlug => IsAnchored ? Id[(Id.IndexOf(AnchorMark, StringComparison.Ordinal) + 1)..] : null;
}

/// <summary>
/// An armed or political actor; <paramref name="Inter"/> is ACLED's actor code 1–8. <paramref name="Provisional"/> marks an actor
/// the catalogue lacks, made from the text's own pattern (لواء “X”، قوات X) with a guessed inter: an analyst checks it in review.
/// </summary>
public sealed record ActorRef(
    string Id,
    string Name,
    int Inter,
    string? NameAr = null,
    string? Country = null,
    string? Affiliation = null,
    bool Provisional = false) : EntityRef;

/// <summary>A named person with the role the catalogue or the text gives.</summary>
public sealed record PersonRef(
    string Id,
    string Name,
    string? Role = null,
    string? ActorId = null) : EntityRef;

/// <summary>
/// A date expression resolved (or not) against the publication date. <paramref name="Value"/> is null when
/// there is no anchor; <paramref name="TimePrecision"/> is ACLED's 1 day / 2 week / 3 month.
/// <paramref name="Kind"/> says how it was read: absolute, relative, weekday, period, year.
/// Without a value no day or week is known, so the precision is then always 3 (never "date null, precision 1").
/// </summary>
public sealed record DateRef(
    DateOnly? Value,
    int TimePrecision,
    string Kind,
    DateOnly? RangeEnd = null) : EntityRef
{
    /// <summary>ACLED's time_precision; 3 whenever <see cref="Value"/> is null.</summary>
    public int TimePrecision { get; init; } = Value is null ? UnknownDatePrecision : TimePrecision;

    /// <summary>The precision an unknown date carries: the least precise of ACLED's.</summary>
    public const int UnknownDatePrecision = 3;
}

/// <summary>
/// A count: value, how it is qualified (exact, about, more_than, less_than, at_least, up_to, several, tens,
/// hundreds, thousands) and the counted noun as written, normalized. For a vague count (عشرات، مئات،
/// عدة، عدد من) <see cref="Value"/> is only the documented lower bound and <see cref="Count"/> is null —
/// never a guessed number — unless the ACLED convention was asked for (<see cref="ConventionCount"/>,
/// explained in <see cref="ConventionNote"/>).
/// </summary>
public sealed record QuantityRef(
    long Value,
    string Qualifier,
    string? Noun,
    string? NounLemma = null,
    long? ConventionCount = null,
    string? ConventionNote = null) : EntityRef
{
    /// <summary>True for several / tens / hundreds / thousands: the text gives no number.</summary>
    public bool IsVague => QuantityQualifiers.IsVague(Qualifier);

    /// <summary>The number to use as a count: the stated number, the convention's figure for a vague count when applied, else null.</summary>
    public long? Count => IsVague ? ConventionCount : Value;
}

/// <summary>The qualifiers of <see cref="QuantityRef"/> that carry no number.</summary>
public static class QuantityQualifiers
{
    public const string Several = "several";
    public const string Tens = "tens";
    public const string Hundreds = "hundreds";
    public const string Thousands = "thousands";

    public static bool IsVague(string qualifier) => qualifier is Several or Tens or Hundreds or Thousands;
}
