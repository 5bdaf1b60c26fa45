using System.Globalization;

namespace Marsad.Output;

/// <summary>
/// One CSV cell: RFC 4180 quoting, and spreadsheet-safe — a text cell beginning with = + - @ (or a tab
/// or carriage return) would be run as a formula by a spreadsheet (CSV injection), so it is prefixed
/// with a single quote, as OWASP advises. Numbers ("-12.5") are left as they are.
/// </summary>
public static class CsvCells
{
    public static string Cell(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
