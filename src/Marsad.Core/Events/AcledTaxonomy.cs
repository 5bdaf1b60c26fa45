using System.Collections.Frozen;

namespace Marsad.Events;

/// <summary>ACLED's event types and sub-event types, exactly as the contract spells them.</summary>
public static class AcledTaxonomy
{
    public const string Battles = "Battles";
    public const string ExplosionsRemoteViolence = "Explosions/Remote violence";
    public const string ViolenceAgainstCivilians = "Violence against civilians";
    public const string Protests = "Protests";
    public const string Riots = "Riots";
    public const string StrategicDevelopments = "Strategic developments";

    /// <summary>Violence against civilians / Attack: the sub-type a killing is coded as when no other fits.</summary>
    public const string Attack = "Attack";

    public const string AirDroneStrike = "Air/drone strike";

    public const string Shelling = "Shelling/artillery/missile attack";

    public const string Agreement = "Agreement";

    public static readonly FrozenDictionary<string, string[]> SubTypes = new Dictionary<string, string[]>
    {
        [Battles] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        [ExplosionsRemoteViolence] =
        [
            "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED", "Grenade",
        ],
        [ViolenceAgainstCivilians] = ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        [Protests] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        [Riots] = ["Violent demonstration", "Mob violence"],
        [StrategicDevelopments] =
        [
            "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
            "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
        ],
    }.ToFrozenDictionary();

    /// <summary>The event type a sub-event type belongs to, or null for an unknown sub-event type.</summary>
    public static string? EventTypeOf(string subEventType)
    {
        foreach (var (type, subs) in SubTypes)
        {
            if (Array.IndexOf(subs, subEventType) >= 0)
            {
                return type;
            }
        }

        return null;
    }

    public static bool IsValid(string eventType, string subEventType) =>
        SubTypes.TryGetValue(eventType, out var subs) && Array.IndexOf(subs, subEventType) >= 0;

    /// <summary>ACLED disorder_type for an event type.</summary>
    public static string DisorderType(string eventType) => eventType switch
    {
        Protests or Riots => "Demonstrations",
        StrategicDevelopments => "Strategic developments",
        _ => "Political violence",
    };

    /// <summary>ACLED's text label for an inter code (1–8); empty for 0/unknown.</summary>
    public static string InterLabel(int inter) => inter switch
    {
        1 => "State forces",
        2 => "Rebel group",
        3 => "Political militia",
        4 => "Identity militia",
        5 => "Rioters",
        6 => "Protesters",
        7 => "Civilians",
        8 => "External/Other forces",
        _ => "",
    };
}
