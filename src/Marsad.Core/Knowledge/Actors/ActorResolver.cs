using Marsad.Annotations;

namespace Marsad.Knowledge.Actors;

/// <summary>
/// Chooses the actor a matched name stands for in a document and builds its reference:
/// <list type="bullet">
/// <item>among same-named actors, those valid on the document's date (النظام is the state before 8 December 2024
/// and the ex-regime remnants after), else the nearest in time; then those of the document's country; then
/// catalogue order;</item>
/// <item>a national placeholder (<c>kind</c> national: الجيش، قوات الأمن، الشرطة، السلطات) becomes the document
/// country's actor from <c>national.tsv</c>;</item>
/// <item>a generic side (<c>kind</c> generic: unidentified armed group, civilians, protesters, rioters) takes the
/// document's country, as ACLED names it: "Civilians (Sudan)".</item>
/// </list>
/// </summary>
public sealed class ActorResolver
{
    public const string NationalKind = "national";
    public const string GenericKind = "generic";

    private readonly IReadOnlyDictionary<string, Actor> _byId;
    private readonly IReadOnlyDictionary<(string Placeholder, string Country), IReadOnlyList<string>> _national;

    public ActorResolver(IReadOnlyDictionary<string, Actor> byId, IReadOnlyDictionary<(string Placeholder, string Country), IReadOnlyList<string>> national)
    {
        _byId = byId;
        _national = national;
    }

    /// <summary>The actor among <paramref name="entries"/> (same name, catalogue order) meant in <paramref name="context"/>.</summary>
    public Actor Choose(IReadOnlyList<Actor> entries, ActorContext context)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 1)
        {
            return entries[0];
        }

        IEnumerable<Actor> candidates = entries;
        if (context.Date is { } date)
        {
            var nearest = entries.Min(a => a.DaysOutside(date));
            candidates = entries.Where(a => a.DaysOutside(date) == nearest);
        }

        if (context.Country is { } country)
        {
            var list = candidates.ToList();
            var local = list.Where(a => CountryOf(a, country) == country).ToList();
            candidates = local.Count > 0 ? local : list;
        }

        return candidates.First();
    }

    /// <summary>The reference for <paramref name="actor"/> in <paramref name="context"/> (national and generic sides resolved).</summary>
    public ActorRef RefOf(Actor actor, ActorContext context)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind == NationalKind && context.Country is { } country && _national.TryGetValue((actor.Id, country), out var ids))
        {
            var options = ids.Select(id => _byId[id]).ToList();
            return Choose(options, context with { Country = null }).ToRef();
        }

        if (actor.Kind == GenericKind && actor.Country is null && context.Country is { } c)
        {
            var name = Marsad.Output.AcledCountries.Find(c)?.Name ?? c;
            return actor.ToRef() with { Country = c, Name = $"{actor.Name} ({name})" };
        }

        return actor.ToRef();
    }

    /// <summary>The country an actor stands for in a document about <paramref name="documentCountry"/>.</summary>
    private string? CountryOf(Actor a, string documentCountry) =>
        a.Kind == NationalKind && _national.ContainsKey((a.Id, documentCountry)) ? documentCountry : a.Country;
}
