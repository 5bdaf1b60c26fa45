using System.Globalization;
using Marsad.Store;

namespace Marsad.Web.Features.Events;

/// <summary>The UI's filters (query string, kept in the page URL) → the store's <see cref="EventQuery"/>.</summary>
internal static class EventFilters
{
    public const int MaxPage = 500;

    /// <summary>The filters of a request already checked by <see cref="Validate"/> (throws <see cref="FormatException"/> otherwise).</summary>
    public static EventQuery Parse(IQueryCollection q, int? defaultLimit = 100) =>
        TryParse(q, defaultLimit, out var query, out var error) ? query : throw new FormatException(error);

    /// <summary>Reads the filters; false with a message naming the bad parameter (bad date, unknown status).</summary>
    public static bool TryParse(IQueryCollection q, int? defaultLimit, out EventQuery query, out string error)
    {
        query = new EventQuery();
        error = string.Empty;
        var limit = defaultLimit;
        if (int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            limit = Math.Clamp(l, 1, MaxPage);
        }

        _ = int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset);
        if (!TryDate(q, "from", out var from, ref error) | !TryDate(q, "to", out var to, ref error))
        {
            return false;
        }

        var statusText = Str(q, "status");
        var status = statusText is null ? null : TryStatus(statusText);
        if (statusText is not null && status is null)
        {
            error = $"Unknown review status '{statusText}'.";
            return false;
        }

        query = new EventQuery
        {
            EventType = Str(q, "type"),
            SubEventType = Str(q, "subtype"),
            Actor = Str(q, "actor"),
            Place = Str(q, "place"),
            Admin1 = Str(q, "admin1"),
            DateFrom = from,
            DateTo = to,
            Outlet = Str(q, "outlet"),
            Status = status,
            Text = Str(q, "q"),
            DocumentId = Str(q, "document"),
            Limit = limit,
            Offset = Math.Max(0, offset),
        };
        return true;
    }

    /// <summary>
    /// Endpoint filter: a request whose filters do not parse is answered 400 with the reason, before the handler
    /// runs, so bad input never reaches the exception handler (nothing logged).
    /// </summary>
    public static ValueTask<object?> Validate(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next) =>
        TryParse(ctx.HttpContext.Request.Query, null, out _, out var error)
            ? next(ctx)
            : ValueTask.FromResult<object?>(Infrastructure.ApiErrors.Error(StatusCodes.Status400BadRequest, Infrastructure.ApiErrorCode.BadFilter, error));

    private static ReviewStatus? TryStatus(string s) => s switch
    {
        "machine" or "unreviewed" => ReviewStatus.Unreviewed,
        "accepted" => ReviewStatus.Accepted,
        "edited" => ReviewStatus.Edited,
        "rejected" => ReviewStatus.Rejected,
        "merged" => ReviewStatus.Merged,
        _ => null,
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

    private static bool TryDate(IQueryCollection q, string key, out DateOnly? date, ref string error)
    {
        date = null;
        var v = Str(q, key);
        if (v is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        error = $"'{key}' must be YYYY-MM-DD.";
        return false;
    }
}
