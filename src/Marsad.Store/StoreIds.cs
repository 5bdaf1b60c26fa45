using System.Globalization;

namespace Marsad.Store;

/// <summary>Ids the store gives, for components that name stored things before reading them back (alerts).</summary>
public static class StoreIds
{
    /// <summary>A machine event's id: its document's id and its ordinal in the document.</summary>
    public static string EventId(string documentId, int ordinal) => documentId + "-" + ordinal.ToString(CultureInfo.InvariantCulture);
}
