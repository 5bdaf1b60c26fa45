using System.Collections.Frozen;

namespace Marsad.Output;

/// <summary>A country as ACLED's export names it: ISO 3166-1 alpha-3 and numeric codes, name, ACLED region.</summary>
public sealed record AcledCountry(string Alpha3, int Numeric, string Name, string Region);

/// <summary>The countries Marsad's reports cover, by ISO 3166-1 alpha-2 code.</summary>
public static class AcledCountries
{
    private static readonly FrozenDictionary<string, AcledCountry> ByAlpha2 = new Dictionary<string, AcledCountry>(StringComparer.OrdinalIgnoreCase)
    {
        ["SY"] = new("SYR", 760, "Syria", "Middle East"),
        ["IQ"] = new("IRQ", 368, "Iraq", "Middle East"),
        ["LB"] = new("LBN", 422, "Lebanon", "Middle East"),
        ["JO"] = new("JOR", 400, "Jordan", "Middle East"),
        ["TR"] = new("TUR", 792, "Turkey", "Middle East"),
        ["IR"] = new("IRN", 364, "Iran", "Middle East"),
        ["IL"] = new("ISR", 376, "Israel", "Middle East"),
        ["PS"] = new("PSE", 275, "Palestine", "Middle East"),
        ["YE"] = new("YEM", 887, "Yemen", "Middle East"),
        ["SA"] = new("SAU", 682, "Saudi Arabia", "Middle East"),
        ["KW"] = new("KWT", 414, "Kuwait", "Middle East"),
        ["BH"] = new("BHR", 48, "Bahrain", "Middle East"),
        ["QA"] = new("QAT", 634, "Qatar", "Middle East"),
        ["AE"] = new("ARE", 784, "United Arab Emirates", "Middle East"),
        ["OM"] = new("OMN", 512, "Oman", "Middle East"),
        ["EG"] = new("EGY", 818, "Egypt", "Northern Africa"),
        ["LY"] = new("LBY", 434, "Libya", "Northern Africa"),
        ["SD"] = new("SDN", 729, "Sudan", "Northern Africa"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static AcledCountry? Find(string? alpha2) =>
        alpha2 is not null && ByAlpha2.TryGetValue(alpha2, out var c) ? c : null;
}
