using System.Collections.Immutable;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Temporal;

/// <summary>
/// Finds date expressions and resolves them against the publication date (<see cref="DocumentSource.Published"/>).
/// Emits <see cref="Mention"/>s of <see cref="EntityType.Date"/> with a <see cref="DateRef"/>:
/// <list type="bullet">
/// <item>absolute: 5 كانون الأول 2021, 2\1\2022 (day first), 2021-12-05 (ISO) — precision 1.</item>
/// <item>relative: اليوم، أمس، أول أمس، صباح اليوم، قبل يومين / ثلاثة أيام / أسبوع، الخامس من الشهر الجاري — precision 1
/// (2 for weeks, 3 for months and years).</item>
/// <item>weekday: الأحد الماضي = the latest Sunday strictly before publication; المقبل = the next one after;
/// a bare weekday after يوم / في / a day part = the latest on or before publication — precision 1.</item>
/// <item>period: مطلع / منتصف / أواخر of a month (days 1–7 / 11–20 / the last 7; precision 2) or of a year
/// (Jan–Mar / May–Aug / Oct–Dec; precision 3). Value is the window's first day; RangeEnd its last.</item>
/// <item>month: نوفمبر الفائت، في شهر تشرين الثاني من العام الجاري، الشهر الماضي — value the 1st, RangeEnd the last day, precision 3.
/// A month or day without a year takes the year that puts it nearest the publication date.</item>
/// <item>year: عام 2017، العام الماضي — Jan 1 .. Dec 31, precision 3.</item>
/// <item>vague: خلال الأيام القليلة الماضية → [published − 7, published − 1] (precision 2); مؤخراً، الأشهر الماضية → value null.</item>
/// </list>
/// Without a publication date, anything relative keeps a null value: nothing is invented.
/// </summary>
public sealed class DateTagger : IAnnotator
{
    public const string AnnotatorName = "dates";

    private readonly DateLexicon _lex;

    public DateTagger(DateLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lex = lexicon;
    }

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens | Layers.Sentences;

    public Layers Provides => Layers.Dates;

    public static DateTagger Load(string lexiconPath) => new(DateLexicon.Load(lexiconPath));

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.WithMentions(Find(document.Text, document.Analysis.Tokens, document.Document.Source.Published), Layers.Dates);
    }

    /// <summary>All date mentions in a tokenized text, in order, not overlapping.</summary>
    public IReadOnlyList<Mention> Find(string text, ImmutableArray<Token> tokens, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scan = new Scan(_lex, tokens, published);
        var result = new List<Mention>();
        var i = 0;
        while (i < tokens.Length)
        {
            var t = tokens[i];
            if ((t.Kind == TokenKind.Number || _lex.Starters.Contains(t.Norm)) && scan.TryAt(i, out var hit))
            {
                var start = hit.Clitic > 0 ? ArabicNormalizer.OriginalOffsetAfter(text, t.Start, t.End, hit.Clitic) : t.Start;
                var end = tokens[hit.End - 1].End;
                var span = new TextSpan(start, end);
                result.Add(new Mention(EntityType.Date, span, span.Slice(text), hit.Ref, AnnotatorName, hit.Confidence));
                i = hit.End;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private readonly record struct Hit(int End, int Clitic, DateRef Ref, double Confidence = 1.0);

    /// <summary>A year given or implied after a month: explicit, or relative to publication (of the year or the month itself).</summary>
    private readonly record struct YearSpec(int End, int? Year, Relation? YearRelation, Relation? MonthRelation)
    {
        public bool Present => Year is not null || YearRelation is not null || MonthRelation is not null;
    }

    private readonly struct Scan(DateLexicon lex, ImmutableArray<Token> tokens, DateOnly? pub)
    {
        private string NormAt(int i) => i < tokens.Length ? tokens[i].Norm : string.Empty;

        public bool TryAt(int i, out Hit hit)
        {
            hit = default;
            return TryVague(i, out hit) || TryAgo(i, out hit) || TryPeriod(i, out hit) || TryDayPrefixed(i, out hit)
                || TryRelativeDay(i, i, 0, out hit) || TryWeekday(i, i, 0, out hit) || TryDayMonth(i, out hit)
                || TryNumeric(i, out hit) || TryMonth(i, out hit) || TryUnitRelation(i, out hit) || TryYear(i, out hit);
        }

        private bool TryVague(int i, out Hit hit)
        {
            hit = default;
            if (!lex.Vague.TryMatch(tokens, i, out var m))
            {
                return false;
            }

            var window = m.Value;
            DateRef r = window > 0 && pub is { } p
                ? new DateRef(p.AddDays(-window), 2, "vague", p.AddDays(-1))
                : new DateRef(null, 3, "vague");
            hit = new Hit(i + m.TokenCount, m.ProcliticLength, r, 0.6);
            return true;
        }

        // قبل / منذ + (يومين | أسبوع | ثلاثة أيام | 3 أيام)
        private bool TryAgo(int i, out Hit hit)
        {
            hit = default;
            var clitic = 0;
            if (!lex.AgoWords.Contains(NormAt(i)))
            {
                clitic = StripConjunction(NormAt(i), out var bare) && lex.AgoWords.Contains(bare) ? 1 : -1;
                if (clitic < 0)
                {
                    return false;
                }
            }

            var j = i + 1;
            int n;
            if (lex.Units.TryGetValue(NormAt(j), out var u) && u.Form is UnitForm.Singular or UnitForm.Dual)
            {
                // قبل عام 2011 / منذ شهر أيار / قبل شهر رمضان: "before/since" a named time, not "a year/month ago".
                if (u.Form == UnitForm.Singular && (TryYearNumber(j + 1, out _) || lex.Months.TryMatch(tokens, j + 1, out _) || lex.HijriMonths.TryMatch(tokens, j + 1, out _)))
                {
                    return false;
                }

                n = u.Form == UnitForm.Dual ? 2 : 1;
                j++;
            }
            else if (TryCount(j, out n) && lex.Units.TryGetValue(NormAt(j + 1), out u) && u.Form is UnitForm.Plural or UnitForm.Singular)
            {
                j += 2;
            }
            else if (lex.Units.TryGetValue(NormAt(j), out u) && u.Form == UnitForm.Plural)
            {
                // منذ أيام / منذ سنوات: some days, some years — vague.
                hit = new Hit(j + 1, clitic, new DateRef(null, 3, "vague"), 0.6);
                return true;
            }
            else
            {
                return false;
            }

            DateRef r = pub is not { } p
                ? new DateRef(null, UnitPrecision(u.Unit), "relative")
                : u.Unit switch
                {
                    DateUnit.Day => new DateRef(p.AddDays(-n), 1, "relative"),
                    DateUnit.Week => new DateRef(p.AddDays(-7 * n), 2, "relative"),
                    DateUnit.Month => new DateRef(p.AddMonths(-n), 3, "relative"),
                    _ => new DateRef(p.AddYears(-n), 3, "relative"),
                };
            hit = new Hit(j, clitic, r, 0.9);
            return true;
        }

        private bool TryCount(int j, out int n)
        {
            n = 0;
            if (j < tokens.Length && tokens[j].Kind == TokenKind.Number && int.TryParse(tokens[j].Norm, NumberStyles.None, CultureInfo.InvariantCulture, out n))
            {
                return n is > 0 and < 1000;
            }

            return lex.CountWords.TryGetValue(NormAt(j), out n);
        }

        // مطلع / منتصف / أواخر + (month [year] | الشهر الجاري | عام 2017 | العام الماضي | 2017)
        private bool TryPeriod(int i, out Hit hit)
        {
            hit = default;
            if (!lex.PeriodParts.TryMatch(tokens, i, out var pm))
            {
                return false;
            }

            var part = pm.Value;
            var j = i + pm.TokenCount;
            if (lex.Units.TryGetValue(NormAt(j), out var mw) && mw is { Unit: DateUnit.Month, Form: UnitForm.Singular } && lex.Months.TryMatch(tokens, j + 1, out _))
            {
                j++;
            }

            // A month.
            if (lex.Months.TryMatch(tokens, j, out var mm) && mm.ProcliticLength == 0)
            {
                var spec = ParseYearSpec(j + mm.TokenCount);
                var ym = ResolveMonth(mm.Value, spec, day: null);
                hit = new Hit(spec.End, pm.ProcliticLength, MonthWindow(ym, part), ym is null ? 1.0 : 0.9);
                return true;
            }

            if (lex.Units.TryGetValue(NormAt(j), out var unit))
            {
                // الشهر الجاري / العام الماضي / الأسبوع الماضي
                if (unit.Form == UnitForm.Definite && unit.Unit != DateUnit.Day && lex.Relations.TryGetValue(NormAt(j + 1), out var rel))
                {
                    DateRef r = unit.Unit switch
                    {
                        DateUnit.Month => MonthWindow(pub is { } p ? Shift(new DateOnly(p.Year, p.Month, 1), rel, DateUnit.Month) : null, part),
                        DateUnit.Year => YearWindow(pub is { } p2 ? p2.Year + Offset(rel) : null, part),
                        _ => WeekRef(rel, "period"),
                    };
                    hit = new Hit(j + 2, pm.ProcliticLength, r);
                    return true;
                }

                // عام 2017
                if (unit is { Unit: DateUnit.Year, Form: UnitForm.Singular or UnitForm.Definite } && TryYearNumber(j + 1, out var y))
                {
                    hit = new Hit(j + 2, pm.ProcliticLength, YearWindow(y, part));
                    return true;
                }
            }

            if (TryYearNumber(j, out var y2))
            {
                hit = new Hit(j + 1, pm.ProcliticLength, YearWindow(y2, part));
                return true;
            }

            return false;
        }

        // يوم / صباح / مساء ... + (أمس | اليوم | weekday | day-month)
        private bool TryDayPrefixed(int i, out Hit hit)
        {
            hit = default;
            var isDayWord = lex.Units.TryGetValue(NormAt(i), out var u) && u is { Unit: DateUnit.Day, Form: UnitForm.Singular };
            var clitic = 0;
            int j;
            if (isDayWord)
            {
                j = i + 1;
            }
            else if (lex.DayParts.TryMatch(tokens, i, out var dp))
            {
                j = i + dp.TokenCount;
                clitic = dp.ProcliticLength;
            }
            else
            {
                return false;
            }

            if (TryRelativeDay(j, i, clitic, out hit) || TryWeekday(j, i, clitic, out hit))
            {
                return true;
            }

            if (TryDayMonth(j, out var inner))
            {
                hit = inner with { Clitic = clitic };
                return true;
            }

            return false;
        }

        private bool TryRelativeDay(int j, int start, int clitic, out Hit hit)
        {
            hit = default;
            if (!lex.RelativeDays.TryMatch(tokens, j, out var m))
            {
                return false;
            }

            // "اليوم الثالث", "لليوم 5": the day as an ordinal count, not today.
            var next = j + m.TokenCount;
            if (m.Value == 0 && (lex.OrdinalDays.TryMatch(tokens, next, out _) || lex.TodayBlockers.Contains(NormAt(next))
                || (next < tokens.Length && tokens[next].Kind == TokenKind.Number)))
            {
                return false;
            }

            // "لليوم" (ل + اليوم) is "for the day", never a date.
            if (m.Value == 0 && m.Merged)
            {
                return false;
            }

            var r = pub is { } p ? new DateRef(p.AddDays(m.Value), 1, "relative") : new DateRef(null, 1, "relative");
            hit = new Hit(next, start == j ? m.ProcliticLength : clitic, r);
            return true;
        }

        private bool TryWeekday(int j, int start, int clitic, out Hit hit)
        {
            hit = default;
            if (!lex.Weekdays.TryMatch(tokens, j, out var m))
            {
                return false;
            }

            var next = j + m.TokenCount;
            Relation? rel = lex.Relations.TryGetValue(NormAt(next), out var r) && r != Relation.Current ? r : null;
            var prefixed = start != j;
            var led = j > 0 && lex.WeekdayLeads.Contains(tokens[j - 1].Norm);

            // أحبطت القوات، السبت، هجوماً: a weekday set off by commas is the day of the clause around it.
            var framed = j > 0 && tokens[j - 1].Norm == "," && next < tokens.Length && tokens[next].Norm == ",";
            if (rel is null && !prefixed && !led && !framed && m.ProcliticLength == 0)
            {
                return false;
            }

            // الأحد 5 كانون الأول: the explicit date wins, the weekday joins its span.
            if (rel is null && TryDayMonth(next, out var dated))
            {
                hit = dated with { Clitic = start == j ? m.ProcliticLength : clitic };
                return true;
            }

            var end = rel is null ? next : next + 1;
            DateOnly? value = null;
            if (pub is { } p)
            {
                var diff = ((int)p.DayOfWeek - (int)m.Value + 7) % 7;
                value = rel switch
                {
                    Relation.Past => p.AddDays(-(diff == 0 ? 7 : diff)),
                    Relation.Next => p.AddDays(((int)m.Value - (int)p.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)m.Value - (int)p.DayOfWeek + 7) % 7),
                    _ => p.AddDays(-diff),
                };
            }

            hit = new Hit(end, start == j ? m.ProcliticLength : clitic, new DateRef(value, 1, "weekday"), rel is null ? 0.8 : 1.0);
            return true;
        }

        // 5 كانون الأول 2021 | الخامس من الشهر الجاري | الخامس من كانون الأول
        private bool TryDayMonth(int i, out Hit hit)
        {
            hit = default;
            int day;
            int j;
            var clitic = 0;
            if (i < tokens.Length && tokens[i].Kind == TokenKind.Number && tokens[i].Norm.Length <= 2
                && int.TryParse(tokens[i].Norm, NumberStyles.None, CultureInfo.InvariantCulture, out day))
            {
                j = i + 1;
            }
            else if (lex.OrdinalDays.TryMatch(tokens, i, out var om))
            {
                day = om.Value;
                j = i + om.TokenCount;
                clitic = om.ProcliticLength;
            }
            else
            {
                return false;
            }

            if (day is < 1 or > 31)
            {
                return false;
            }

            if (lex.OfWords.Contains(NormAt(j)))
            {
                j++;
            }

            // 15 ربيع الأول 1443 هـ: a Hijri day, converted (only with its Hijri year: never guessed from publication).
            if (lex.HijriMonths.TryMatch(tokens, j, out var hdm) && TryHijriYear(j + hdm.TokenCount, out var hijriYear, out var hijriEnd))
            {
                if (!HijriCalendar.TryDay(hijriYear, hdm.Value, day, out var hd))
                {
                    return false;
                }

                hit = new Hit(hijriEnd, clitic, new DateRef(hd, 1, "absolute"));
                return true;
            }

            if (lex.Months.TryMatch(tokens, j, out var mm) && mm.ProcliticLength == 0)
            {
                var afterMonth = SkipAlternateMonth(j + mm.TokenCount, mm.Value);
                var spec = ParseYearSpec(afterMonth);
                var ym = ResolveMonth(mm.Value, spec, day);
                DateRef r;
                if (ym is { } first && TryDate(first.Year, first.Month, day, out var d))
                {
                    r = new DateRef(d, 1, spec.Year is not null ? "absolute" : "relative");
                }
                else if (spec.Year is null)
                {
                    r = new DateRef(null, 1, "relative");
                }
                else
                {
                    return false;
                }

                hit = new Hit(spec.End, clitic, r, spec.Present ? 1.0 : 0.9);
                return true;
            }

            // الخامس من الشهر الجاري
            if (lex.Units.TryGetValue(NormAt(j), out var u) && u is { Unit: DateUnit.Month, Form: UnitForm.Definite }
                && lex.Relations.TryGetValue(NormAt(j + 1), out var rel))
            {
                DateRef r = new(null, 1, "relative");
                if (pub is { } p)
                {
                    var month = Shift(new DateOnly(p.Year, p.Month, 1), rel, DateUnit.Month);
                    if (!TryDate(month.Year, month.Month, day, out var d))
                    {
                        return false;
                    }

                    r = new DateRef(d, 1, "relative");
                }

                hit = new Hit(j + 2, clitic, r);
                return true;
            }

            return false;
        }

        // 2\1\2022, 2/1/2022, 2-1-2022, 2.1.2022 (day first), 2022-01-02 (ISO)
        private bool TryNumeric(int i, out Hit hit)
        {
            hit = default;
            var t = tokens[i];
            if (t.Kind != TokenKind.Number)
            {
                return false;
            }

            int a, b, c, end;
            if (t.Norm.Contains('.', StringComparison.Ordinal))
            {
                var parts = t.Norm.Split('.');
                if (parts.Length != 3 || !Int(parts[0], out a) || !Int(parts[1], out b) || !Int(parts[2], out c))
                {
                    return false;
                }

                end = i + 1;
                if (parts[2].Length is not (2 or 4))
                {
                    return false;
                }

                return Make(a, b, c, parts[0].Length, parts[2].Length, end, out hit);
            }

            if (i + 4 >= tokens.Length)
            {
                return false;
            }

            var s1 = tokens[i + 1];
            var n2 = tokens[i + 2];
            var s2 = tokens[i + 3];
            var n3 = tokens[i + 4];
            if (s1.Kind != TokenKind.Punctuation || s1.Norm is not ("/" or "\\" or "-") || s2.Norm != s1.Norm
                || n2.Kind != TokenKind.Number || n3.Kind != TokenKind.Number
                || s1.Start != t.End || n2.Start != s1.End || s2.Start != n2.End || n3.Start != s2.End
                || !Int(t.Norm, out a) || !Int(n2.Norm, out b) || !Int(n3.Norm, out c))
            {
                return false;
            }

            return Make(a, b, c, t.Norm.Length, n3.Norm.Length, i + 5, out hit);
        }

        private static bool Make(int a, int b, int c, int firstLength, int lastLength, int end, out Hit hit)
        {
            hit = default;
            int y, m, d;
            if (firstLength == 4)
            {
                (y, m, d) = (a, b, c);
            }
            else if (lastLength is 4 or 2 && firstLength <= 2)
            {
                (d, m, y) = (a, b, lastLength == 2 ? 2000 + c : c);
            }
            else
            {
                return false;
            }

            if (y is < 1900 or > 2100 || !TryDate(y, m, d, out var date))
            {
                return false;
            }

            hit = new Hit(end, 0, new DateRef(date, 1, "absolute"));
            return true;
        }

        // [شهر] month [year] — month level.
        private bool TryMonth(int i, out Hit hit)
        {
            hit = default;
            var j = i;
            var clitic = 0;
            var monthWord = false;
            if (lex.Units.TryGetValue(NormAt(i), out var u) && u is { Unit: DateUnit.Month, Form: UnitForm.Singular })
            {
                j = i + 1;
                monthWord = true;
            }

            if (!lex.Months.TryMatch(tokens, j, out var mm))
            {
                if (lex.HijriMonths.TryMatch(tokens, j, out var hm))
                {
                    // رمضان 1442 هـ: the Hijri month's days in the Umm al-Qura calendar.
                    if (TryHijriYear(j + hm.TokenCount, out var hy, out var hend))
                    {
                        if (!HijriCalendar.TryMonth(hy, hm.Value, out var hijriFirst, out var hijriLast))
                        {
                            return false;
                        }

                        hit = new Hit(hend, 0, new DateRef(hijriFirst, 3, "month", hijriLast));
                        return true;
                    }

                    // شهر رمضان without a year: kept as a mention without a value (which year is not said).
                    if (monthWord)
                    {
                        hit = new Hit(j + hm.TokenCount, 0, new DateRef(null, 3, "month"), 0.8);
                        return true;
                    }
                }

                return false;
            }

            if (!monthWord)
            {
                clitic = mm.ProcliticLength;
            }
            else if (mm.ProcliticLength > 0)
            {
                return false;
            }

            var afterMonth = SkipAlternateMonth(j + mm.TokenCount, mm.Value);
            var spec = ParseYearSpec(afterMonth);
            var ambiguous = mm.TokenCount == 1 && IsAmbiguousMonth(tokens[j].Norm, mm.ProcliticLength);
            var led = j > 0 && lex.WeekdayLeads.Contains(tokens[j - 1].Norm);
            if (ambiguous && !monthWord && !spec.Present && !led)
            {
                return false;
            }

            var ym = ResolveMonth(mm.Value, spec, day: null);
            DateRef r = ym is { } first
                ? new DateRef(first, 3, "month", first.AddMonths(1).AddDays(-1))
                : new DateRef(null, 3, "month");
            hit = new Hit(spec.End, clitic, r, spec.Present || monthWord ? 1.0 : 0.8);
            return true;
        }

        // الشهر الماضي، العام الجاري، الأسبوع الماضي، هذا العام
        private bool TryUnitRelation(int i, out Hit hit)
        {
            hit = default;
            int j = i, end;
            Relation rel;
            if (lex.Demonstratives.Contains(NormAt(i)) && lex.Units.TryGetValue(NormAt(i + 1), out var du) && du.Form == UnitForm.Definite)
            {
                j = i + 1;
                rel = Relation.Current;
                end = i + 2;
            }
            else if (lex.Units.TryGetValue(NormAt(i), out var u) && u.Form == UnitForm.Definite && lex.Relations.TryGetValue(NormAt(i + 1), out rel))
            {
                end = i + 2;
            }
            else
            {
                return false;
            }

            var unit = lex.Units[NormAt(j)].Unit;
            DateRef r;
            switch (unit)
            {
                case DateUnit.Week:
                    r = WeekRef(rel, "relative");
                    break;
                case DateUnit.Month:
                    if (pub is { } p)
                    {
                        var first = Shift(new DateOnly(p.Year, p.Month, 1), rel, DateUnit.Month);
                        r = new DateRef(first, 3, "month", first.AddMonths(1).AddDays(-1));
                    }
                    else
                    {
                        r = new DateRef(null, 3, "month");
                    }

                    break;
                case DateUnit.Year:
                    r = pub is { } p2 ? YearWindow(p2.Year + Offset(rel), null) : new DateRef(null, 3, "year");
                    break;
                default:
                    return false;
            }

            hit = new Hit(end, 0, r);
            return true;
        }

        // عام 2017 / العام 2017 / سنة 2017
        private bool TryYear(int i, out Hit hit)
        {
            hit = default;
            if (lex.Units.TryGetValue(NormAt(i), out var u) && u is { Unit: DateUnit.Year, Form: UnitForm.Singular or UnitForm.Definite }
                && TryYearNumber(i + 1, out var y))
            {
                hit = new Hit(i + 2, 0, YearWindow(y, null));
                return true;
            }

            return false;
        }

        private DateRef WeekRef(Relation rel, string kind)
        {
            if (pub is not { } p)
            {
                return new DateRef(null, 2, kind);
            }

            return rel switch
            {
                Relation.Past => new DateRef(p.AddDays(-7), 2, kind, p.AddDays(-1)),
                Relation.Next => new DateRef(p.AddDays(1), 2, kind, p.AddDays(7)),
                _ => new DateRef(p.AddDays(-6), 2, kind, p),
            };
        }

        private int SkipAlternateMonth(int j, int month)
        {
            // أيار/مايو، كانون الأول (ديسمبر): a second name of the same month joins the span.
            if (j < tokens.Length && tokens[j].Norm is "/" or "(" or "-" && lex.Months.TryMatch(tokens, j + 1, out var alt) && alt.Value == month)
            {
                var end = j + 1 + alt.TokenCount;
                return end < tokens.Length && tokens[j].Norm == "(" && tokens[end].Norm == ")" ? end + 1 : end;
            }

            return j;
        }

        private YearSpec ParseYearSpec(int j)
        {
            if (TryYearNumber(j, out var y))
            {
                return new YearSpec(j + 1, y, null, null);
            }

            var k = j;
            if (lex.OfWords.Contains(NormAt(k)))
            {
                k++;
            }

            if (lex.Units.TryGetValue(NormAt(k), out var u) && u.Unit == DateUnit.Year)
            {
                if (TryYearNumber(k + 1, out y))
                {
                    return new YearSpec(k + 2, y, null, null);
                }

                if (u.Form == UnitForm.Definite && lex.Relations.TryGetValue(NormAt(k + 1), out var yr))
                {
                    return new YearSpec(k + 2, null, yr, null);
                }
            }

            if (lex.Demonstratives.Contains(NormAt(k)) && lex.Units.TryGetValue(NormAt(k + 1), out var du) && du is { Unit: DateUnit.Year, Form: UnitForm.Definite })
            {
                return new YearSpec(k + 2, null, Relation.Current, null);
            }

            if (lex.Relations.TryGetValue(NormAt(j), out var mr))
            {
                return new YearSpec(j + 1, null, null, mr);
            }

            return new YearSpec(j, null, null, null);
        }

        /// <summary>The first day of the month meant, or null when it needs an anchor that is missing.</summary>
        private DateOnly? ResolveMonth(int month, YearSpec spec, int? day)
        {
            if (spec.Year is { } y)
            {
                return new DateOnly(y, month, 1);
            }

            if (pub is not { } p)
            {
                return null;
            }

            if (spec.YearRelation is { } yr)
            {
                return new DateOnly(p.Year + Offset(yr), month, 1);
            }

            if (spec.MonthRelation is { } mr)
            {
                return mr switch
                {
                    Relation.Past => new DateOnly(month < p.Month ? p.Year : p.Year - 1, month, 1),
                    Relation.Next => new DateOnly(month > p.Month ? p.Year : p.Year + 1, month, 1),
                    _ => new DateOnly(p.Year, month, 1),
                };
            }

            // No year: the one that puts the date nearest the publication date, a future date counting double
            // (reports mostly look back: in December, "May" is last May, "3 January" is next month).
            var best = new DateOnly(p.Year, month, 1);
            var bestDistance = int.MaxValue;
            for (var yy = p.Year - 1; yy <= p.Year + 1; yy++)
            {
                var probe = TryDate(yy, month, Math.Min(day ?? 15, DateTime.DaysInMonth(yy, month)), out var d) ? d : new DateOnly(yy, month, 1);
                var distance = probe > p ? (probe.DayNumber - p.DayNumber) * 2 : p.DayNumber - probe.DayNumber;
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = new DateOnly(yy, month, 1);
                }
            }

            return best;
        }

        /// <summary>[عام|سنة] YYYY [هـ|للهجرة ...] after a Hijri month: a year the Umm al-Qura calendar can hold, with or without its marker.</summary>
        private bool TryHijriYear(int j, out int year, out int end)
        {
            year = 0;
            end = j;
            if (lex.Units.TryGetValue(NormAt(j), out var u) && u is { Unit: DateUnit.Year, Form: UnitForm.Singular })
            {
                j++;
            }

            if (j >= tokens.Length || tokens[j].Kind != TokenKind.Number || tokens[j].Norm.Length != 4 || !Int(tokens[j].Norm, out year))
            {
                return false;
            }

            end = j + 1;
            var marked = lex.HijriYearMarkers.Contains(NormAt(end));
            if (marked)
            {
                end++;
                if (NormAt(end) == "ـ")
                {
                    end++;
                }
            }

            // A four-digit year after a Hijri month is Hijri; a marker also allows years outside the calendar (then no date).
            return marked || year is >= HijriCalendar.FirstYear and <= HijriCalendar.LastYear;
        }

        private bool TryYearNumber(int j, out int year)
        {
            year = 0;
            return j < tokens.Length && tokens[j].Kind == TokenKind.Number && tokens[j].Norm.Length == 4
                && Int(tokens[j].Norm, out year) && year is >= 1900 and <= 2100;
        }

        private bool IsAmbiguousMonth(string norm, int clitic) => lex.AmbiguousMonths.Contains(clitic > 0 ? norm[clitic..] : norm);

        private static DateRef MonthWindow(DateOnly? first, PeriodPart part)
        {
            if (first is not { } f)
            {
                return new DateRef(null, 2, "period");
            }

            var days = DateTime.DaysInMonth(f.Year, f.Month);
            return part switch
            {
                PeriodPart.Early => new DateRef(f, 2, "period", f.AddDays(6)),
                PeriodPart.Mid => new DateRef(f.AddDays(10), 2, "period", f.AddDays(19)),
                _ => new DateRef(f.AddDays(days - 7), 2, "period", f.AddDays(days - 1)),
            };
        }

        private static DateRef YearWindow(int? year, PeriodPart? part)
        {
            if (year is not { } y)
            {
                return new DateRef(null, 3, part is null ? "year" : "period");
            }

            return part switch
            {
                PeriodPart.Early => new DateRef(new DateOnly(y, 1, 1), 3, "period", new DateOnly(y, 3, 31)),
                PeriodPart.Mid => new DateRef(new DateOnly(y, 5, 1), 3, "period", new DateOnly(y, 8, 31)),
                PeriodPart.Late => new DateRef(new DateOnly(y, 10, 1), 3, "period", new DateOnly(y, 12, 31)),
                _ => new DateRef(new DateOnly(y, 1, 1), 3, "year", new DateOnly(y, 12, 31)),
            };
        }

        private static DateOnly Shift(DateOnly firstOfMonth, Relation rel, DateUnit unit) => (rel, unit) switch
        {
            (Relation.Past, DateUnit.Month) => firstOfMonth.AddMonths(-1),
            (Relation.Next, DateUnit.Month) => firstOfMonth.AddMonths(1),
            _ => firstOfMonth,
        };

        private static int Offset(Relation rel) => rel switch
        {
            Relation.Past => -1,
            Relation.Next => 1,
            _ => 0,
        };

        private static int UnitPrecision(DateUnit unit) => unit switch
        {
            DateUnit.Day => 1,
            DateUnit.Week => 2,
            _ => 3,
        };

        private static bool StripConjunction(string norm, out string bare)
        {
            if (norm.Length > 2 && norm[0] is ArabicLetters.Waw or ArabicLetters.Feh)
            {
                bare = norm[1..];
                return true;
            }

            bare = norm;
            return false;
        }

        private static bool Int(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

        private static bool TryDate(int y, int m, int d, out DateOnly date)
        {
            date = default;
            if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                return false;
            }

            date = new DateOnly(y, m, d);
            return true;
        }
    }
}
