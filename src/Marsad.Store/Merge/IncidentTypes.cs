using System.Collections.Frozen;
using Marsad.Events;

namespace Marsad.Store.Merge;

/// <summary>
/// Which ACLED sub-event types can describe one real incident when different outlets tell it, and how specific
/// each is. Outlets see one incident through different words: a car bomb is an "explosion" to one, a "suicide
/// attack" to another and an "attack on civilians" to a third; missiles are "shelling" to one and "air strikes" to
/// another. Two sub-types merge only when they are the same or listed here as a pair (the relation is symmetric,
/// not transitive: <see cref="Compatible"/> is checked between every two members of a merged event). A protest is
/// never an air strike, an arrest never a battle.
/// </summary>
public static class IncidentTypes
{
    private const string ArmedClash = "Armed clash";
    private const string GovernmentRegains = "Government regains territory";
    private const string NonStateOvertakes = "Non-state actor overtakes territory";
    private const string AirStrike = "Air/drone strike";
    private const string SuicideBomb = "Suicide bomb";
    private const string Shelling = "Shelling/artillery/missile attack";
    private const string RemoteExplosive = "Remote explosive/landmine/IED";
    private const string Grenade = "Grenade";
    private const string ChemicalWeapon = "Chemical weapon";
    private const string Attack = "Attack";
    private const string Abduction = "Abduction/forced disappearance";
    private const string PeacefulProtest = "Peaceful protest";
    private const string ProtestWithIntervention = "Protest with intervention";
    private const string ExcessiveForce = "Excessive force against protesters";
    private const string ViolentDemonstration = "Violent demonstration";
    private const string MobViolence = "Mob violence";
    private const string Arrests = "Arrests";
    private const string Looting = "Looting/property destruction";

    /// <summary>
    /// The pairs of different sub-event types that may be one incident told twice, each with why.
    /// </summary>
    public static IReadOnlyList<(string A, string B, string Why)> CompatiblePairs { get; } =
    [
        // Bombings: the same blast told as a suicide attack, a planted or car bomb, a grenade, or an attack on the people hit.
        (SuicideBomb, RemoteExplosive, "a car or vest bomb: detonated remotely or by its carrier, outlets differ"),
        (SuicideBomb, Attack, "a bombing of civilians told as an attack on them"),
        (RemoteExplosive, Attack, "a planted bomb among civilians told as an attack on them"),
        (Grenade, RemoteExplosive, "a thrown or planted small charge"),
        (Grenade, Attack, "a grenade thrown at civilians"),
        (SuicideBomb, ArmedClash, "an assault by gunmen that ends with a suicide blast"),
        (Attack, ArmedClash, "gunmen attacking a place told as clashes with its guards"),
        (Shelling, ArmedClash, "shelling in a battle: ACLED codes it as the clash"),

        // Strikes from afar: missiles, rockets and drones are shelling to one outlet and an air strike to another.
        (AirStrike, Shelling, "missiles, rockets and drones: air strike or shelling"),
        (AirStrike, Attack, "a strike on civilians told as an attack on them"),
        (Shelling, Attack, "shelling of civilians told as an attack on them"),
        (Shelling, RemoteExplosive, "an explosion whose cause (missile or planted charge) outlets do not agree on"),
        (AirStrike, RemoteExplosive, "an explosion told as a strike by one outlet, a blast by another"),
        (ChemicalWeapon, Shelling, "chemical munitions delivered by shelling"),
        (ChemicalWeapon, AirStrike, "chemical munitions dropped from the air"),

        // Fighting over ground: the same battle told as a clash or by who won it.
        (ArmedClash, GovernmentRegains, "a battle told by its outcome"),
        (ArmedClash, NonStateOvertakes, "a battle told by its outcome"),

        // Abductions by armed men that an outlet calls arrests.
        (Abduction, Arrests, "a detention told as an abduction"),

        // Demonstrations: the same protest with or without the force used against it, or turning violent.
        (PeacefulProtest, ProtestWithIntervention, "a protest dispersed"),
        (PeacefulProtest, ExcessiveForce, "a protest fired on"),
        (ProtestWithIntervention, ExcessiveForce, "the force used against a protest"),
        (PeacefulProtest, ViolentDemonstration, "a protest that turned violent"),
        (ProtestWithIntervention, ViolentDemonstration, "a protest that turned violent"),
        (ViolentDemonstration, MobViolence, "a crowd's violence"),
        (Looting, MobViolence, "a crowd's destruction"),
    ];

    /// <summary>
    /// How much a sub-event type says about the incident: 0 generic (an attack, a clash, "other"), 1 the means,
    /// 2 a means that names how it was delivered (suicide bomb, chemical weapon). The merged event keeps the most
    /// specific sub-type its sources give, the most sources among equally specific ones.
    /// </summary>
    public static int Specificity(string subEventType) => subEventType switch
    {
        Attack or ArmedClash or "Other" => 0,
        SuicideBomb or ChemicalWeapon => 2,
        _ => 1,
    };

    private static readonly FrozenSet<(string, string)> Pairs = CompatiblePairs
        .SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) })
        .ToFrozenSet();

    /// <summary>Whether events of these sub-event types may be one incident (the same sub-type always may).</summary>
    public static bool Compatible(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a, b, StringComparison.Ordinal) || Pairs.Contains((a, b));
    }

    /// <summary>The ACLED event type of a sub-event type (the given type when the sub-type is not ACLED's).</summary>
    public static string EventTypeOf(string subEventType, string fallback) => AcledTaxonomy.EventTypeOf(subEventType) ?? fallback;
}
