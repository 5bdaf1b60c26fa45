using System.Globalization;
using Marsad.Store;

namespace Marsad.Web.Features.Events;

/// <summary>The timeline's bucket size: chosen by span (<see cref="Auto"/>) or asked for.</summary>
internal enum TimelineBucket
{
    Auto,
    Day,
    Week,
    Month,
}

/// <summary>
/// Events counted per bucket and event type, empty buckets filled so the axis is even, plus the count of events
/// without a date (they cannot be placed on a time axis but must not vanish silently).
/// </summary>
internal static class TimelineBuckets
{
    /// <summary>Spans up to this many days are drawn per day.</summary>
    public const int DailyUpToDays = 120;

    /// <summary>Spans up to this many days are drawn per week; longer ones per month.</summary>
    public const int WeeklyUpToDays = 730;

    /// <summary>At most this many buckets are returned (the latest ones).</summary>
    public const int MaxBuckets = 1200;

    public static bool TryParse(string? text, out TimelineBucket bucket)
    {
        bucket = text switch
        {
            null or "" or "auto" => TimelineBucket.Auto,
            "day" => TimelineBucket.Day,
            "week" => TimelineBucket.Week,
            "month" => TimelineBucket.Month,
            _ => (TimelineBucket)(-1),
        };
        return Enum.IsDefined(bucket);
    }

    /// <summary>Day up to <see cref="DailyUpToDays"/>, week up to <see cref="WeeklyUpToDays"/>, month beyond.</summary>
    public static TimelineBucket ForSpan(int days) =>
        days <= DailyUpToDays ? TimelineBucket.Day : days <= WeeklyUpToDays ? TimelineBucket.Week : TimelineBucket.Month;

    /// <summary>The first day of the bucket holding <paramref name="d"/> (weeks start on Monday).</summary>
    public static DateOnly Start(DateOnly d, TimelineBucket b) => b switch
    {
        TimelineBucket.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        TimelineBucket.Month => new DateOnly(d.Year, d.Month, 1),
        _ => d,
    };

    public static DateOnly Next(DateOnly d, TimelineBucket b) => b switch
    {
        TimelineBucket.Week => d.AddDays(7),
        TimelineBucket.Month => d.AddMonths(1),
        _ => d.AddDays(1),
    };

    public static object View(IEnumerable<StoredEvent> events, TimelineBucket asked)
    {
        var dated = new List<(DateOnly Date, string Type)>();
        var undated = 0;
        foreach (var e in events)
        {
            if (e.Date is { } d)
            {
                dated.Add((d, e.EventType));
            }
            else
            {
                undated++;
            }
        }

        if (dated.Count == 0)
        {
            return new { bucket = Name(asked == TimelineBucket.Auto ? TimelineBucket.Day : asked), buckets = Array.Empty<object>(), undated, from = (string?)null, to = (string?)null };
        }

        var first = dated.Min(x => x.Date);
        var last = dated.Max(x => x.Date);
        var bucket = asked == TimelineBucket.Auto ? ForSpan(last.DayNumber - first.DayNumber + 1) : asked;
        var counts = new SortedDictionary<DateOnly, Dictionary<string, int>>();
        foreach (var (d, type) in dated)
        {
            var key = Start(d, bucket);
            if (!counts.TryGetValue(key, out var c))
            {
                counts[key] = c = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            c[type] = c.GetValueOrDefault(type) + 1;
        }

        // Fill empty buckets so the axis is even; keep the latest MaxBuckets.
        var keys = new List<DateOnly>();
        for (var k = Start(first, bucket); k <= last; k = Next(k, bucket))
        {
            keys.Add(k);
        }

        var shown = keys.Skip(Math.Max(0, keys.Count - MaxBuckets));
        return new
        {
            bucket = Name(bucket),
            buckets = shown.Select(k => new { start = Iso(k), end = Iso(Next(k, bucket).AddDays(-1)), counts = counts.GetValueOrDefault(k) ?? [] }).ToList(),
            undated,
            from = Iso(first),
            to = Iso(last),
        };
    }

    public static string Name(TimelineBucket b) => b.ToString().ToLowerInvariant();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
