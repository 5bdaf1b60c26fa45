using Marsad.Annotations;
using Marsad.Events;

namespace Marsad.Output;

/// <summary>What every writer prints as an event's time_precision.</summary>
public static class EventPrecision
{
    /// <summary>ACLED's time_precision, and 3 when the date is unknown: "date null, precision 1 (day known)" is never written.</summary>
    public static int Of(ExtractedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Date is null ? DateRef.UnknownDatePrecision : e.TimePrecision;
    }
}
