using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace Marsad.Events;

/// <summary>A sentence cue that switches a trigger's sub-event type and/or adds tags.</summary>
public sealed record TriggerUpgrade(ImmutableArray<string> WhenAny, string? SubEventType, ImmutableArray<string> Tags)
{
    /// <summary><see cref="WhenAny"/> as matching words.</summary>
    public ImmutableArray<string[]> WhenAnyWords { get; } = [.. WhenAny.Select(PhraseIndex<TriggerEntry>.Split)];
}

/// <summary>One trigger lexicon entry (<c>data/events/triggers.json</c>).</summary>
public sealed record TriggerEntry
{
    public required string Id { get; init; }

    /// <summary>Coreference family: mentions of one class, place and actor are one event.</summary>
    public required string Class { get; init; }

    public required string EventType { get; init; }

    public required string SubEventType { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    public double Confidence { get; init; } = 0.6;

    /// <summary>Dropped when a stronger trigger shares the sentence.</summary>
    public bool Weak { get; init; }

    /// <summary>Troop movement: places after origin markers (من، عبر) are not the location.</summary>
    public bool Movement { get; init; }

    /// <summary>Inside a relative clause the trigger describes people (الذين تمت تسوية أوضاعهم), not an event.</summary>
    public bool DescriptiveInRelative { get; init; }

    /// <summary>Sub-event chosen by the actor: state forces regain, others overtake.</summary>
    public bool Territory { get; init; }

    /// <summary>The sentence must contain one of these (normalized phrase word arrays).</summary>
    public ImmutableArray<string[]> NeedsAny { get; init; } = [];

    public ImmutableArray<TriggerUpgrade> Upgrades { get; init; } = [];

    /// <summary>
    /// The id of the entry this trigger stands for when a nationality adjective follows it (مسيرة إسرائيلية is
    /// a drone, not a march).
    /// </summary>
    public string? WithNationality { get; init; }

    /// <summary>Trigger classes that, right after this trigger, are its object (فككت عبوة ناسفة): not events.</summary>
    public ImmutableArray<string> Absorbs { get; init; } = [];
}

/// <summary>Why a cue matters; the rule for each lives in <see cref="EventExtractor"/>.</summary>
public enum CueScope
{
    Negation,
    Denial,
    Threat,
    Hedge,
    Purpose,
    Accusation,
    Aggregate,
    /// <summary>A vague count (عشرات): an aggregate only when what it counts is the trigger (عشرات الغارات), not people.</summary>
    AggregateCount,
    AggregateAfter,
    Background,
    BackgroundSentence,
    /// <summary>A sentence framed as a period (تشهد المنطقة منذ مطلع الشهر ...): a trend, not one event.</summary>
    AggregateSentence,
    Pluperfect,
    PluperfectQad,
    Relative,
    /// <summary>A people noun right before a settlement word (عناصر المصالحات): who they are, not an event.</summary>
    DescriptiveHead,
    /// <summary>A period named before or after the trigger within the window (… منذ بداية العام): a count over a period.</summary>
    AggregateSpan,
    /// <summary>What a protest or appeal is against or for (احتجاجاً على ... الخطف والقتل): grievances, not events; reaches across commas.</summary>
    Grievance,
    /// <summary>A consequence marker right before the trigger (ما أدى إلى مقتل): the outcome of an event told before it.</summary>
    Outcome,
    /// <summary>A cause named before the trigger (إثر، على إثر): the casualties told before it in the sentence were caused by
    /// this event (مقتل 3 إثر قصف), else it is the backstory (على إثر معركة تحرير المدينة).</summary>
    Cause,
    /// <summary>A breach right before an agreement (خرق الاتفاق، خروقاتها لوقف إطلاق النار): the agreement is what was broken, an old one.</summary>
    Breach,
}

/// <summary>Argument-finding cue words.</summary>
public enum ArgumentCue
{
    Between,
    SecondParty,
    Agent,
    Target,
    Origin,
    Near,
    Destination,
    /// <summary>Hospitals: نُقل الجرحى إلى مشفى مدينة X names where the wounded went.</summary>
    Facility,
    PlaceDescriptor,
    Container,
    YearWord,
    /// <summary>A word that introduces the harmed side (مقتل عنصرين من X، طالت X): X is the target, not the actor.</summary>
    Victim,
    /// <summary>Between a victim cue and an actor, a word naming the means or the doer (مقتل شاب برصاص X): X is the doer.</summary>
    VictimAgency,
    /// <summary>A means of attack (غارة، طائرة، قصف): a nationality adjective right after it names actor1.</summary>
    Means,
    /// <summary>An aircraft or air arm (الطيران، سلاح الجو، طائرة مسيّرة): as the attacker it makes an attack an air/drone strike.</summary>
    AirMeans,
    /// <summary>Artillery, rockets, shells (مدفعية، صواريخ، قذائف): a bombardment that names them is no air strike.</summary>
    GroundMeans,
    /// <summary>A member noun (عنصر، مقاتلين، جندي): after the trigger it introduces the harmed side (اغتيال عنصر من X).</summary>
    Member,
    /// <summary>Words that join the items of a list of places (و، كلاً من، بالإضافة إلى).</summary>
    Coordinator,
    /// <summary>Feature words inside a list of places (بلدات، قريتي، وبلدة).</summary>
    ListDescriptor,
    /// <summary>منذ: a date after it starts a period; it is not an event's day.</summary>
    Since,
    /// <summary>Where a side is posted (المتمركزة في X، من مواقعها في X): X is its base, not where the event happened.</summary>
    Position,
    /// <summary>What belongs to civilians (منازل، خيام، سيارة مدنية): the object of a weak attack makes it violence against civilians.</summary>
    CivilianObject,
}

/// <summary>Fatality cue words.</summary>
public enum FatalityCue
{
    DeathNoun,
    DualDeaths,
    SingleDeath,
    InjuryNoun,
}

/// <summary>Attribution cue words; <see cref="ReportingVerb"/> and <see cref="Complementizer"/> delimit reported content.</summary>
public enum AttributionCue
{
    Correspondent,
    OtherOutlet,
    OfficialStatement,
    AnonymousSource,
    Unattributed,
    ReportingVerb,
    Complementizer,
}

/// <summary>
/// The event lexicon: triggers and cue lists from <c>data/events/</c>. Loaded once by <see cref="Load"/>;
/// immutable and shared across threads.
/// </summary>
public sealed class EventLexicon
{
    public const string TriggersFile = "events/triggers.json";
    public const string CuesFile = "events/cues.json";

    private EventLexicon(
        ImmutableArray<TriggerEntry> triggers,
        FrozenDictionary<CueScope, int> windows,
        PhraseIndex<TriggerEntry> triggerIndex,
        PhraseIndex<CueScope> cueIndex,
        PhraseIndex<AttributionCue> attributionIndex,
        PhraseIndex<ArgumentCue> argumentIndex,
        PhraseIndex<FatalityCue> fatalityIndex,
        PhraseIndex<int> countWordIndex,
        PhraseIndex<EventActor> meansNationalityIndex)
    {
        MeansNationalityIndex = meansNationalityIndex;
        CountWordIndex = countWordIndex;
        Triggers = triggers;
        Windows = windows;
        TriggerIndex = triggerIndex;
        CueIndex = cueIndex;
        AttributionIndex = attributionIndex;
        ArgumentIndex = argumentIndex;
        FatalityIndex = fatalityIndex;
    }

    public ImmutableArray<TriggerEntry> Triggers { get; }

    /// <summary>The trigger entry with <paramref name="id"/>, if any.</summary>
    public TriggerEntry? TriggerById(string id) => Triggers.FirstOrDefault(t => t.Id == id);

    /// <summary>How many words before a trigger each cue scope reaches.</summary>
    public FrozenDictionary<CueScope, int> Windows { get; }

    public PhraseIndex<TriggerEntry> TriggerIndex { get; }

    public PhraseIndex<CueScope> CueIndex { get; }

    public PhraseIndex<AttributionCue> AttributionIndex { get; }

    public PhraseIndex<ArgumentCue> ArgumentIndex { get; }

    public PhraseIndex<FatalityCue> FatalityIndex { get; }

    /// <summary>Number words standing alone as a count of people after a death word (مقتل اثنين منهم).</summary>
    public PhraseIndex<int> CountWordIndex { get; }

    /// <summary>Nationality adjectives after a means of attack (غارة إسرائيلية) → the country's forces.</summary>
    public PhraseIndex<EventActor> MeansNationalityIndex { get; }

    /// <summary>Reads <c>events/triggers.json</c> and <c>events/cues.json</c> under <paramref name="dataRoot"/>.</summary>
    public static EventLexicon Load(string dataRoot)
    {
        ArgumentNullException.ThrowIfNull(dataRoot);
        return Parse(
            File.ReadAllText(Path.Combine(dataRoot, TriggersFile)),
            File.ReadAllText(Path.Combine(dataRoot, CuesFile)));
    }

    public static EventLexicon Parse(string triggersJson, string cuesJson)
    {
        using var tdoc = JsonDocument.Parse(triggersJson);
        using var cdoc = JsonDocument.Parse(cuesJson);
        var triggers = ImmutableArray.CreateBuilder<TriggerEntry>();
        var triggerForms = new List<(string, TriggerEntry)>();
        foreach (var t in tdoc.RootElement.GetProperty("triggers").EnumerateArray())
        {
            var entry = new TriggerEntry
            {
                Id = t.GetProperty("id").GetString()!,
                Class = t.TryGetProperty("class", out var cls) ? cls.GetString()! : t.GetProperty("id").GetString()!,
                EventType = t.GetProperty("event_type").GetString()!,
                SubEventType = t.GetProperty("sub_event_type").GetString()!,
                Tags = Strings(t, "tags"),
                Confidence = t.TryGetProperty("confidence", out var c) ? c.GetDouble() : 0.6,
                Weak = Bool(t, "weak"),
                Movement = Bool(t, "movement"),
                DescriptiveInRelative = Bool(t, "descriptive_in_relative"),
                Territory = Bool(t, "territory"),
                Absorbs = Strings(t, "absorbs"),
                WithNationality = t.TryGetProperty("with_nationality", out var wn) ? wn.GetString() : null,
                NeedsAny = [.. Strings(t, "needs_any").Select(PhraseIndex<TriggerEntry>.Split)],
                Upgrades = t.TryGetProperty("upgrades", out var ups)
                    ? [.. ups.EnumerateArray().Select(u => new TriggerUpgrade(
                        Strings(u, "when_any"),
                        u.TryGetProperty("sub_event_type", out var s) ? s.GetString() : null,
                        Strings(u, "tags")))]
                    : [],
            };
            if (!AcledTaxonomy.IsValid(entry.EventType, entry.SubEventType))
            {
                throw new InvalidDataException($"trigger '{entry.Id}': '{entry.EventType}' / '{entry.SubEventType}' is not in ACLED's taxonomy");
            }

            foreach (var u in entry.Upgrades)
            {
                if (u.SubEventType is not null && !AcledTaxonomy.IsValid(entry.EventType, u.SubEventType))
                {
                    throw new InvalidDataException($"trigger '{entry.Id}': upgrade to '{u.SubEventType}' is not a sub-event of '{entry.EventType}'");
                }
            }

            triggers.Add(entry);
            foreach (var f in Strings(t, "forms"))
            {
                triggerForms.Add((f, entry));
            }
        }

        var root = cdoc.RootElement;
        var windows = new Dictionary<CueScope, int>();
        var cueForms = new List<(string, CueScope)>();
        foreach (var scope in root.GetProperty("scopes").EnumerateObject())
        {
            var kind = ScopeOf(scope.Name);
            windows[kind] = scope.Value.GetProperty("window").GetInt32();
            cueForms.AddRange(Strings(scope.Value, "forms").Select(f => (f, kind)));
        }

        var attr = root.GetProperty("attribution");
        var attributionForms = new List<(string, AttributionCue)>();
        void AddAttr(string name, AttributionCue cue) => attributionForms.AddRange(Strings(attr, name).Select(f => (f, cue)));
        AddAttr("correspondent", AttributionCue.Correspondent);
        AddAttr("other_outlet", AttributionCue.OtherOutlet);
        AddAttr("official_statement", AttributionCue.OfficialStatement);
        AddAttr("anonymous_source", AttributionCue.AnonymousSource);
        AddAttr("unattributed", AttributionCue.Unattributed);
        AddAttr("reporting_verbs", AttributionCue.ReportingVerb);
        AddAttr("complementizers", AttributionCue.Complementizer);

        var args = root.GetProperty("arguments");
        var argumentForms = new List<(string, ArgumentCue)>();
        void AddArg(string name, ArgumentCue cue) => argumentForms.AddRange(Strings(args, name).Select(f => (f, cue)));
        AddArg("between", ArgumentCue.Between);
        AddArg("second_party", ArgumentCue.SecondParty);
        AddArg("agent", ArgumentCue.Agent);
        AddArg("target", ArgumentCue.Target);
        AddArg("origin", ArgumentCue.Origin);
        AddArg("near", ArgumentCue.Near);
        AddArg("destination", ArgumentCue.Destination);
        AddArg("facility", ArgumentCue.Facility);
        AddArg("place_descriptor", ArgumentCue.PlaceDescriptor);
        AddArg("container", ArgumentCue.Container);
        AddArg("year_words", ArgumentCue.YearWord);
        AddArg("victim", ArgumentCue.Victim);
        AddArg("victim_agency", ArgumentCue.VictimAgency);
        AddArg("means", ArgumentCue.Means);
        AddArg("air_means", ArgumentCue.AirMeans);
        AddArg("ground_means", ArgumentCue.GroundMeans);
        AddArg("member", ArgumentCue.Member);
        AddArg("coordinator", ArgumentCue.Coordinator);
        AddArg("list_descriptor", ArgumentCue.ListDescriptor);
        AddArg("since", ArgumentCue.Since);
        AddArg("position", ArgumentCue.Position);
        AddArg("civilian_object", ArgumentCue.CivilianObject);

        var fat = root.GetProperty("fatalities");
        var fatalityForms = new List<(string, FatalityCue)>();
        void AddFat(string name, FatalityCue cue) => fatalityForms.AddRange(Strings(fat, name).Select(f => (f, cue)));
        AddFat("death_nouns", FatalityCue.DeathNoun);
        AddFat("dual_deaths", FatalityCue.DualDeaths);
        AddFat("single_deaths", FatalityCue.SingleDeath);
        AddFat("injury_nouns", FatalityCue.InjuryNoun);
        var countWords = new List<(string, int)>();
        if (fat.TryGetProperty("count_words", out var cw))
        {
            foreach (var p in cw.EnumerateObject())
            {
                var value = int.Parse(p.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
                countWords.AddRange(p.Value.EnumerateArray().Select(f => (f.GetString() ?? string.Empty, value)));
            }
        }

        var nationality = new List<(string, EventActor)>();
        if (root.TryGetProperty("means_nationality", out var mn))
        {
            foreach (var a in mn.GetProperty("actors").EnumerateArray())
            {
                var actor = new EventActor(a.GetProperty("id").GetString()!, a.GetProperty("name").GetString()!, a.GetProperty("inter").GetInt32());
                nationality.AddRange(Strings(a, "forms").Select(f => (f, actor)));
            }
        }

        return new EventLexicon(
            triggers.ToImmutable(),
            windows.ToFrozenDictionary(),
            new PhraseIndex<TriggerEntry>(triggerForms),
            new PhraseIndex<CueScope>(cueForms),
            new PhraseIndex<AttributionCue>(attributionForms),
            new PhraseIndex<ArgumentCue>(argumentForms),
            new PhraseIndex<FatalityCue>(fatalityForms),
            new PhraseIndex<int>(countWords),
            new PhraseIndex<EventActor>(nationality));
    }

    public int WindowOf(CueScope scope) => Windows.TryGetValue(scope, out var w) ? w : 0;

    private static CueScope ScopeOf(string name) => name switch
    {
        "negation" => CueScope.Negation,
        "denial" => CueScope.Denial,
        "threat" => CueScope.Threat,
        "hedge" => CueScope.Hedge,
        "purpose" => CueScope.Purpose,
        "accusation" => CueScope.Accusation,
        "aggregate" => CueScope.Aggregate,
        "aggregate_count" => CueScope.AggregateCount,
        "aggregate_after" => CueScope.AggregateAfter,
        "background" => CueScope.Background,
        "background_sentence" => CueScope.BackgroundSentence,
        "aggregate_sentence" => CueScope.AggregateSentence,
        "pluperfect" => CueScope.Pluperfect,
        "pluperfect_qad" => CueScope.PluperfectQad,
        "relative" => CueScope.Relative,
        "descriptive_head" => CueScope.DescriptiveHead,
        "aggregate_span" => CueScope.AggregateSpan,
        "grievance" => CueScope.Grievance,
        "outcome" => CueScope.Outcome,
        "cause" => CueScope.Cause,
        "breach" => CueScope.Breach,
        _ => throw new InvalidDataException($"unknown cue scope '{name}'"),
    };

    private static ImmutableArray<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : [];

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var b) && b.ValueKind == JsonValueKind.True;
}
