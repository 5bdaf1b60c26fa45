using System.Globalization;

namespace Marsad.Temporal;

/// <summary>
/// Hijri dates in the Umm al-Qura calendar (Saudi Arabia's official calendar, which .NET implements as
/// <see cref="UmAlQuraCalendar"/>, 1318–1500 AH). A date outside it, or a day the month does not have,
/// is not converted.
/// </summary>
internal static class HijriCalendar
{
    public const int FirstYear = 1318;

    public const int LastYear = 1500;

    private static readonly UmAlQuraCalendar Calendar = new();

    public static bool TryDay(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < FirstYear or > LastYear || month is < 1 or > 12 || day < 1 || day > Calendar.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
        return true;
    }

    public static bool TryMonth(int year, int month, out DateOnly first, out DateOnly last)
    {
        last = default;
        if (!TryDay(year, month, 1, out first))
        {
            return false;
        }

        return TryDay(year, month, Calendar.GetDaysInMonth(year, month), out last);
    }
}
