using System.Globalization;
using Marsad.Store;

namespace Marsad.Web.Features.Events;

/// <summary>The UI's filters (query string, kept in the page URL) → the store's <see cref="EventQuery"/>.</summary>
internal static class EventFilters
{
    public const int MaxPage = 500;

    public static EventQuery Parse(IQueryCollection q, int? defaultLimit = 100)
    {
        var limit = defaultLimit;
        if (int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            limit = Math.Clamp(l, 1, MaxPage);
        }

        _ = int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset);
        return new EventQuery
        {
            EventType = Str(q, "type"),
            SubEventType = Str(q, "subtype"),
            Actor = Str(q, "actor"),
            Place = Str(q, "place"),
            Admin1 = Str(q, "admin1"),
            DateFrom = Date(q, "from"),
            DateTo = Date(q, "to"),
            Outlet = Str(q, "outlet"),
            Status = Status(Str(q, "status")),
            Text = Str(q, "q"),
            DocumentId = Str(q, "document"),
            Limit = limit,
            Offset = Math.Max(0, offset),
        };
    }

    public static ReviewStatus? Status(string? s) => s switch
    {
        null => null,
        "machine" or "unreviewed" => ReviewStatus.Unreviewed,
        "accepted" => ReviewStatus.Accepted,
        "edited" => ReviewStatus.Edited,
        "rejected" => ReviewStatus.Rejected,
        "merged" => ReviewStatus.Merged,
        _ => throw new FormatException($"Unknown review status '{s}'."),
    };

    public static string StatusName(ReviewStatus s) => s switch
    {
        ReviewStatus.Unreviewed => "machine",
        ReviewStatus.Accepted => "accepted",
        ReviewStatus.Edited => "edited",
        ReviewStatus.Rejected => "rejected",
        ReviewStatus.Merged => "merged",
        _ => "machine",
    };

    private static string? Str(IQueryCollection q, string key)
    {
        var v = q[key].ToString().Trim();
        return v.Length == 0 ? null : v.Length > 200 ? v[..200] : v;
    }

    private static DateOnly? Date(IQueryCollection q, string key)
    {
        var v = Str(q, key);
        if (v is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"'{key}' must be YYYY-MM-DD.");
    }
}
