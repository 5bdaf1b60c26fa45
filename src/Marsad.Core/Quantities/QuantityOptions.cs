using System.Globalization;
using Marsad.Annotations;

namespace Marsad.Quantities;

/// <summary>
/// How vague counts are reported. By default they stay without a count (the contract: never a guess).
/// <see cref="AcledVagueCounts"/> applies ACLED's coding convention for vague fatality reports instead —
/// "several" and "tens/dozens" as 10, "hundreds" as 100, "thousands" as 1,000 (times a following scale:
/// عشرات الآلاف → 10,000) — and says so in <see cref="QuantityRef.ConventionNote"/>.
/// </summary>
public sealed record QuantityOptions(bool AcledVagueCounts = false)
{
    public static QuantityOptions Default { get; } = new();

    /// <summary>The convention's figure for a vague qualifier, or null when the convention is off.</summary>
    public (long Count, string Note)? Convention(string qualifier, long scale)
    {
        ArgumentNullException.ThrowIfNull(qualifier);
        if (!AcledVagueCounts)
        {
            return null;
        }

        long? figure = qualifier switch
        {
            QuantityQualifiers.Several or QuantityQualifiers.Tens => 10,
            QuantityQualifiers.Hundreds => 100,
            QuantityQualifiers.Thousands => 1000,
            _ => null,
        };
        if (figure is not { } f)
        {
            return null;
        }

        var count = f * scale;
        return (count, string.Create(CultureInfo.InvariantCulture, $"ACLED convention: '{qualifier}' coded as {count}"));
    }
}
