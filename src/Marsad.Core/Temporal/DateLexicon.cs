using System.Text.Json;
using Marsad.Analysis;

namespace Marsad.Temporal;

/// <summary>Which part of a month or year a period word names (مطلع / منتصف / أواخر).</summary>
public enum PeriodPart
{
    Early,
    Mid,
    Late,
}

/// <summary>Where a relative marker points from the publication date (الماضي / الجاري / المقبل).</summary>
public enum Relation
{
    Past,
    Current,
    Next,
}

/// <summary>A calendar unit named by a word (يوم، أسبوع، شهر، عام).</summary>
public enum DateUnit
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>How a unit word is inflected: singular (شهر), definite (الشهر), dual (شهرين) or plural (أشهر).</summary>
public enum UnitForm
{
    Singular,
    Definite,
    Dual,
    Plural,
}

/// <summary>
/// The Arabic date vocabulary (<c>data/lexicons/dates-ar.json</c>): month names (Gregorian, Levantine, Maghrebi),
/// weekdays, ordinal day words, relative days, markers, units, period parts and vague expressions. Immutable;
/// loaded once with <see cref="Load"/>.
/// </summary>
public sealed class DateLexicon
{
    private DateLexicon()
    {
    }

    internal PhraseMatcher<int> Months { get; private init; } = null!;

    internal HashSet<string> AmbiguousMonths { get; private init; } = null!;

    internal PhraseMatcher<DayOfWeek> Weekdays { get; private init; } = null!;

    internal HashSet<string> WeekdayLeads { get; private init; } = null!;

    internal HashSet<string> TodayBlockers { get; private init; } = null!;

    internal PhraseMatcher<int> HijriMonths { get; private init; } = null!;

    internal HashSet<string> HijriYearMarkers { get; private init; } = null!;

    internal PhraseMatcher<int> OrdinalDays { get; private init; } = null!;

    internal PhraseMatcher<int> RelativeDays { get; private init; } = null!;

    internal PhraseMatcher<bool> DayParts { get; private init; } = null!;

    internal Dictionary<string, Relation> Relations { get; private init; } = null!;

    internal HashSet<string> Demonstratives { get; private init; } = null!;

    internal Dictionary<string, (DateUnit Unit, UnitForm Form)> Units { get; private init; } = null!;

    internal HashSet<string> AgoWords { get; private init; } = null!;

    internal HashSet<string> OfWords { get; private init; } = null!;

    internal Dictionary<string, int> CountWords { get; private init; } = null!;

    internal PhraseMatcher<PeriodPart> PeriodParts { get; private init; } = null!;

    internal PhraseMatcher<int> Vague { get; private init; } = null!;

    /// <summary>Every normalized token that can begin a date expression (numbers aside).</summary>
    internal HashSet<string> Starters { get; private init; } = null!;

    public static DateLexicon Load(string path) => Parse(File.ReadAllText(path));

    public static DateLexicon Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;

        var months = Pairs(root, "months", "month", static e => e.GetInt32());
        var weekdays = Pairs(root, "weekdays", "day", static e => (DayOfWeek)e.GetInt32());
        var ordinals = Pairs(root, "ordinal_days", "day", static e => e.GetInt32());
        var relDays = Pairs(root, "relative_days", "offset", static e => e.GetInt32());
        var vague = Pairs(root, "vague", "window_days", static e => e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0);
        var parts = Pairs(root, "period_parts", "part", static e => Enum.Parse<PeriodPart>(e.GetString()!, ignoreCase: true));

        var relations = new Dictionary<string, Relation>(FastStringComparer.Instance);
        AddAll(relations, Strings(root, "past_markers"), Relation.Past);
        AddAll(relations, Strings(root, "current_markers"), Relation.Current);
        AddAll(relations, Strings(root, "next_markers"), Relation.Next);

        var units = new Dictionary<string, (DateUnit, UnitForm)>(FastStringComparer.Instance);
        foreach (var u in root.GetProperty("units").EnumerateArray())
        {
            var unit = Enum.Parse<DateUnit>(u.GetProperty("unit").GetString()!, ignoreCase: true);
            foreach (var (name, form) in new[] { ("singular", UnitForm.Singular), ("definite", UnitForm.Definite), ("dual", UnitForm.Dual), ("plural", UnitForm.Plural) })
            {
                foreach (var f in u.GetProperty(name).EnumerateArray())
                {
                    units.TryAdd(ArabicNormalizer.Normalize(f.GetString()!), (unit, form));
                }
            }
        }

        var counts = new Dictionary<string, int>(FastStringComparer.Instance);
        foreach (var (form, value) in Pairs(root, "count_words", "value", static e => e.GetInt32()))
        {
            counts.TryAdd(ArabicNormalizer.Normalize(form), value);
        }

        var lex = new DateLexicon
        {
            Months = PhraseMatcher<int>.Build(months, allowProclitics: true),
            AmbiguousMonths = Set(Strings(root, "ambiguous_month_forms")),
            Weekdays = PhraseMatcher<DayOfWeek>.Build(weekdays, allowProclitics: true),
            WeekdayLeads = Set(Strings(root, "weekday_lead_words")),
            TodayBlockers = Set(Strings(root, "today_blockers")),
            HijriMonths = PhraseMatcher<int>.Build(Pairs(root, "hijri_months", "month", static e => e.GetInt32()), allowProclitics: false),
            HijriYearMarkers = Set(Strings(root, "hijri_year_markers")),
            OrdinalDays = PhraseMatcher<int>.Build(ordinals, allowProclitics: true),
            RelativeDays = PhraseMatcher<int>.Build(relDays, allowProclitics: true),
            DayParts = PhraseMatcher<bool>.Build(Strings(root, "day_parts").Select(static s => KeyValuePair.Create(s, true)), allowProclitics: true),
            Relations = relations,
            Demonstratives = Set(Strings(root, "demonstratives")),
            Units = units,
            AgoWords = Set(Strings(root, "ago_words")),
            OfWords = Set(Strings(root, "of_words")),
            CountWords = counts,
            PeriodParts = PhraseMatcher<PeriodPart>.Build(parts, allowProclitics: true),
            Vague = PhraseMatcher<int>.Build(vague, allowProclitics: true),
            Starters = new HashSet<string>(FastStringComparer.Instance),
        };

        foreach (var f in lex.Months.FirstForms.Concat(lex.HijriMonths.FirstForms).Concat(lex.Weekdays.FirstForms).Concat(lex.OrdinalDays.FirstForms)
                     .Concat(lex.RelativeDays.FirstForms).Concat(lex.DayParts.FirstForms).Concat(lex.PeriodParts.FirstForms)
                     .Concat(lex.Vague.FirstForms).Concat(lex.AgoWords).Concat(lex.Demonstratives).Concat(lex.Units.Keys))
        {
            lex.Starters.Add(f);
        }

        foreach (var w in lex.AgoWords.ToList())
        {
            foreach (var p in CliticSegmenter.ProcliticPrefixes)
            {
                lex.Starters.Add(p + w);
            }
        }

        return lex;
    }

    private static List<KeyValuePair<string, T>> Pairs<T>(JsonElement root, string name, string valueName, Func<JsonElement, T> read)
    {
        var list = new List<KeyValuePair<string, T>>();
        foreach (var item in root.GetProperty(name).EnumerateArray())
        {
            var value = read(item.TryGetProperty(valueName, out var v) ? v : default);
            foreach (var f in item.GetProperty("forms").EnumerateArray())
            {
                list.Add(KeyValuePair.Create(f.GetString()!, value));
            }
        }

        return list;
    }

    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(static e => e.GetString()!);

    private static HashSet<string> Set(IEnumerable<string> forms) =>
        new(forms.Select(static f => ArabicNormalizer.Normalize(f)), FastStringComparer.Instance);

    private static void AddAll(Dictionary<string, Relation> map, IEnumerable<string> forms, Relation r)
    {
        foreach (var f in forms)
        {
            map.TryAdd(ArabicNormalizer.Normalize(f), r);
        }
    }
}
