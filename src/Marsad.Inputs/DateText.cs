using System.Globalization;
using System.Text.RegularExpressions;

namespace Marsad.Inputs;

/// <summary>
/// Reads publication dates as inputs write them: ISO 8601 (the date part as written, so a local
/// 00:30+03:00 stays on its day), RFC 822 (RSS pubDate) and other invariant forms.
/// </summary>
public static partial class DateText
{
    public static bool TryParse(string? s, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return false;
        }

        var t = s.Trim();
        var iso = IsoDate().Match(t);
        if (iso.Success)
        {
            return DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        // RFC 822: "Sun, 05 Dec 2021 10:00:00 +0300" (the day name is optional and sometimes wrong).
        var rfc = Rfc822Date().Match(t);
        if (rfc.Success && DateTime.TryParseExact(
                $"{rfc.Groups["d"].Value} {rfc.Groups["m"].Value} {rfc.Groups["y"].Value}",
                ["d MMM yyyy", "d MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<d>\d{1,2})\s+(?<m>[A-Za-z]{3,9})\.?\s+(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Date();
}
