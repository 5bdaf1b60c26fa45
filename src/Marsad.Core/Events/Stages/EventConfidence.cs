namespace Marsad.Events.Stages;

/// <summary>
/// How sure an event is, from its evidence: the trigger's own strength (the lexicon's), whether its sides and
/// place were found, whether anyone vouches for it, and whether the trigger presupposes an event told before.
/// </summary>
public static class EventConfidence
{
    public const double WithActor1 = 0.1;
    public const double WithPlace = 0.1;
    public const double Unattributed = -0.05;

    /// <summary>A definite noun (الاجتماع، التعزيزات) presupposes an event told before: less sure as a first report.</summary>
    public const double DefiniteTrigger = -0.1;

    public const double Min = 0.05;
    public const double Max = 0.95;

    public static double Of(TriggerEntry entry, Roles roles, PlaceChoice place, Attribution attribution, bool definiteTrigger)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(attribution);
        var c = entry.Confidence
            + (roles.Actor1 is not null ? WithActor1 : 0)
            + (place.Location is not null ? WithPlace : 0)
            + (attribution.Kind == AttributionKind.Unattributed ? Unattributed : 0)
            + (definiteTrigger ? DefiniteTrigger : 0);
        return Math.Clamp(c, Min, Max);
    }
}
