using System.Globalization;
using Marsad.Analysis;

namespace Marsad.Events.Stages;

/// <summary>Why a whole sentence tells no news.</summary>
public enum NotNews
{
    /// <summary>A headline or subheading: its events are told again in the body.</summary>
    Headline,

    /// <summary>A background marker opens the sentence (يذكر أن، وكانت ... سابقاً).</summary>
    Background,

    /// <summary>The sentence frames a period (تشهد المنطقة منذ مطلع الشهر): a trend, not one event.</summary>
    AggregatePeriod,

    /// <summary>وكان ... قد + verb opening the sentence: what happened before the reported events.</summary>
    PluperfectBackground,

    /// <summary>A year before the report's own (في عام 2019).</summary>
    PastYear,

    /// <summary>A photo caption: a line ending in a credit in parentheses (... 13 آب 2024 (رويترز)); the body tells its event.</summary>
    Caption,
}

/// <summary>A sentence that tells no news, and why.</summary>
public sealed record SentenceStatus(NotNews Reason, int? Year = null)
{
    /// <summary>The label used in warnings.</summary>
    public string Label => Reason switch
    {
        NotNews.Headline => "headline",
        NotNews.Caption => "caption",
        NotNews.Background => "background",
        NotNews.AggregatePeriod => "aggregate (period)",
        NotNews.PluperfectBackground => "background (pluperfect)",
        NotNews.PastYear => "background (year " + Year?.ToString(CultureInfo.InvariantCulture) + ")",
        _ => Reason.ToString(),
    };
}

/// <summary>What a trigger asserts: that the event happened, or something else.</summary>
public enum Factuality
{
    Asserted,
    Negated,
    Denied,
    Threatened,
    Hedged,
    /// <summary>A purpose or plan (بهدف، لشن): describes, does not report.</summary>
    Purpose,
    Accusation,
    Aggregate,
    Background,
    /// <summary>Inside a relative clause that describes people (الذين تمت تسوية أوضاعهم).</summary>
    Descriptive,
    /// <summary>What a protest or appeal is about (احتجاجاً على حالات الخطف): a grievance, not an event.</summary>
    Grievance,
    /// <summary>Right after a consequence marker (ما أدى إلى مقتل): the outcome of an event the sentence told first.</summary>
    Outcome,
}

/// <summary>
/// Stage 2, factuality: whether a sentence tells news at all (headline, background, period, pluperfect,
/// past year) and whether each trigger in it is asserted or negated, denied, threatened, hedged, a purpose,
/// an accusation, an aggregate or background — from cue words within each cue's reach before the trigger
/// and in the same clause (the cue lists and reaches live in <c>data/events/cues.json</c>).
/// </summary>
public sealed class FactualityJudge
{
    /// <summary>A line of at most this many words without final punctuation, ended by a line break, is a heading.</summary>
    public const int HeadingMaxWords = 12;

    /// <summary>A document needs at least this many sentences for its first short lines to be headings.</summary>
    public const int HeadingMinSentences = 3;

    public static bool IsWarned(Factuality f) => f is Factuality.Threatened or Factuality.Aggregate or Factuality.Denied;

    /// <summary>Purposes and descriptive clauses lend their tags to the asserted events of the sentence.</summary>
    public static bool LendsTags(Factuality f) => f is Factuality.Purpose or Factuality.Descriptive;

    public static string Label(Factuality f) => f switch
    {
        Factuality.Negated => "negation",
        Factuality.Denied => "denial",
        Factuality.Threatened => "threat",
        Factuality.Hedged => "hedge",
        Factuality.Purpose => "purpose",
        Factuality.Accusation => "accusation",
        Factuality.Aggregate => "aggregate",
        Factuality.Background => "background",
        Factuality.Descriptive => "relative clause",
        Factuality.Grievance => "grievance",
        Factuality.Outcome => "outcome",
        _ => "asserted",
    };

    /// <summary>Why the sentence tells no new event, or null when it may.</summary>
    public SentenceStatus? JudgeSentence(EventText t, SentenceFrame s)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        if (t.SentenceCount >= HeadingMinSentences && IsHeading(t, s))
        {
            return new SentenceStatus(NotNews.Headline);
        }

        if (t.SentenceCount >= HeadingMinSentences && IsCaption(t, s))
        {
            return new SentenceStatus(NotNews.Caption);
        }

        var lex = t.Lexicon;
        var firstOrd = t.Ord(s.First);
        foreach (var h in s.Cues)
        {
            var fromStart = t.Ord(h.Start) - firstOrd;
            if (h.Value == CueScope.BackgroundSentence && fromStart < lex.WindowOf(CueScope.BackgroundSentence))
            {
                return new SentenceStatus(NotNews.Background);
            }

            if (h.Value == CueScope.AggregateSentence && fromStart < lex.WindowOf(CueScope.AggregateSentence))
            {
                return new SentenceStatus(NotNews.AggregatePeriod);
            }

            if (h.Value == CueScope.Pluperfect && fromStart == 0 && s.Cues.Any(q =>
                    q.Value == CueScope.PluperfectQad && q.Start > h.Start && t.Ord(q.Start) - t.Ord(h.Start) <= lex.WindowOf(CueScope.PluperfectQad)))
            {
                return new SentenceStatus(NotNews.PluperfectBackground);
            }
        }

        foreach (var a in s.Args.Where(a => a.Value == ArgumentCue.YearWord))
        {
            if (a.End < s.End && t.Tokens[a.End].Kind == TokenKind.Number && EventText.TryYear(t.Tokens[a.End].Norm, out var y) && y < t.CurrentYear)
            {
                return new SentenceStatus(NotNews.PastYear, y);
            }
        }

        return null;
    }

    /// <summary>What the trigger asserts, from the cues before it in its clause (and aggregate cues right after it).</summary>
    public Factuality Judge(EventText t, SentenceFrame s, Candidate c)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        var lex = t.Lexicon;
        var trigOrd = t.Ord(c.Start);
        Factuality? weaker = null;
        if (CountsOverPeriod(t, s, c))
        {
            return Factuality.Aggregate;
        }

        foreach (var h in s.Cues)
        {
            if (h.Value == CueScope.AggregateAfter)
            {
                if (h.Start >= c.End && t.WordsBetween(c.End, h.Start) < lex.WindowOf(CueScope.AggregateAfter))
                {
                    return Factuality.Aggregate;
                }

                continue;
            }

            if (h.End > c.Start)
            {
                continue;
            }

            var distance = trigOrd - t.Ord(h.End);
            if (h.Value == CueScope.Grievance)
            {
                // احتجاجاً على ممارسات الميليشيا، وحالات الخطف والقتل: a list of grievances runs across commas.
                if (distance < lex.WindowOf(CueScope.Grievance))
                {
                    weaker ??= Factuality.Grievance;
                }

                continue;
            }

            if (h.Value == CueScope.Outcome)
            {
                if (distance < lex.WindowOf(CueScope.Outcome))
                {
                    weaker ??= Factuality.Outcome;
                }

                continue;
            }

            if (h.Value == CueScope.Breach)
            {
                if (c.Entry.SubEventType == AcledTaxonomy.Agreement && distance < lex.WindowOf(CueScope.Breach) && !t.ClauseBreakBetween(h.End, c.Start))
                {
                    weaker ??= Factuality.Background;
                }

                continue;
            }

            if (h.Value == CueScope.Cause)
            {
                if (distance < lex.WindowOf(CueScope.Cause) && !t.ClauseBreakBetween(h.End, c.Start) && !CasualtiesBefore(t, s, h.Start))
                {
                    weaker ??= Factuality.Background;
                }

                continue;
            }

            if (h.Value == CueScope.AggregateCount)
            {
                // عشرات الغارات: the count is of events. العشرات من الأهالي في مظاهرة: of people.
                if (distance < lex.WindowOf(CueScope.AggregateCount) && !t.ClauseBreakBetween(h.End, c.Start))
                {
                    return Factuality.Aggregate;
                }

                continue;
            }

            if (distance >= lex.WindowOf(h.Value) || t.ClauseBreakBetween(h.End, c.Start))
            {
                continue;
            }

            Factuality? f = h.Value switch
            {
                CueScope.Negation => Factuality.Negated,
                CueScope.Denial => Factuality.Denied,
                CueScope.Threat => Factuality.Threatened,
                CueScope.Hedge => Factuality.Hedged,
                CueScope.Purpose => Factuality.Purpose,
                CueScope.Accusation => Factuality.Accusation,
                CueScope.Aggregate => Factuality.Aggregate,
                CueScope.Background => Factuality.Background,
                CueScope.Relative when c.Entry.DescriptiveInRelative => Factuality.Descriptive,
                CueScope.DescriptiveHead when c.Entry.DescriptiveInRelative => Factuality.Descriptive,
                _ => null,
            };

            // The strongest reason wins: threats, denials and aggregates are reported as warnings.
            if (f is { } strong && IsWarned(strong))
            {
                return strong;
            }

            weaker ??= f;
        }

        return weaker ?? Factuality.Asserted;
    }

    /// <summary>Deaths or injuries are told in sentence <paramref name="s"/> before token <paramref name="end"/> (باستشهاد 3 مواطنين وإصابة آخرين إثر ...).</summary>
    private static bool CasualtiesBefore(EventText t, SentenceFrame s, int end)
    {
        for (var i = s.First; i < end; i++)
        {
            if (t.Lexicon.FatalityIndex.Longest(t.Keys, i, end) is { Value: FatalityCue.DeathNoun or FatalityCue.SingleDeath or FatalityCue.DualDeaths or FatalityCue.InjuryNoun })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Days before the publication after which an event dated in its own sentence, or in the sentence before
    /// that set its time (وفي 6 مارس الفائت، شهدت ... وإثر ذلك، اشتباكات), is history, not news: reports tell
    /// news of the last days, and a story older than two weeks is the background of today's.
    /// </summary>
    public const int StaleAfterDays = 14;

    /// <summary>
    /// An event its own sentence dates more than <see cref="StaleAfterDays"/> before the publication (سيطرت
    /// القوات على المدينة في تشرين الأول 2023, in a 2024 report) is background.
    /// </summary>
    public static bool IsStale(DateChoice date, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(date);
        return published is { } pub && date.Date is { } d && date.Decision.Reason is DecisionReason.DateInSentence or DecisionReason.DateCarriedFromEarlierSentence
            && d.AddDays(StaleAfterDays) < pub;
    }

    /// <summary>
    /// A period named near the trigger (… منذ بداية العام، منذ أكتوبر الماضي): the sentence counts over a period.
    /// A date after منذ counts only after the trigger (وقعت الاشتباكات منذ الصباح is one event).
    /// </summary>
    private static bool CountsOverPeriod(EventText t, SentenceFrame s, Candidate c)
    {
        var window = t.Lexicon.WindowOf(CueScope.AggregateSpan);
        foreach (var h in s.Cues.Where(h => h.Value == CueScope.AggregateSpan))
        {
            var near = h.Start >= c.End
                ? t.WordsBetween(c.End, h.Start) < window && !t.ClauseBreakBetween(c.End, h.Start)
                : t.WordsBetween(h.End, c.Start) < window && !t.ClauseBreakBetween(h.End, c.Start);
            if (near)
            {
                return true;
            }
        }

        foreach (var since in s.Args.Where(a => a.Value == ArgumentCue.Since && a.Start >= c.End && t.WordsBetween(c.End, a.Start) < window && !t.ClauseBreakBetween(c.End, a.Start)))
        {
            if (t.InSentence(t.Dates, s).Any(d => d.StartTok >= since.End && t.WordsBetween(since.End, d.StartTok) <= 1
                    && ((Annotations.DateRef)d.Mention.Ref!).Value is { } v && (t.Published is not { } pub || v < pub)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short line without final punctuation, ended by a line break: a headline or subheading.</summary>
    /// <summary>The most words of a caption's credit in parentheses (منصة إكس، وكالة الأنباء الفرنسية).</summary>
    public const int CaptionCreditMaxWords = 4;

    /// <summary>A line of its own that ends in a short parenthesized credit, with no full stop before it.</summary>
    private static bool IsCaption(EventText t, SentenceFrame s)
    {
        var close = s.End - 1;
        if (t.Tokens[close].Norm != ")" || !EndsLine(t.Text, t.Tokens[close].End))
        {
            return false;
        }

        var open = close - 1;
        while (open > s.First && t.Tokens[open].Norm != "(")
        {
            open--;
        }

        if (t.Tokens[open].Norm != "(" || open == s.First || t.WordsBetween(open, close) > CaptionCreditMaxWords)
        {
            return false;
        }

        var before = t.Tokens[open - 1];
        return !(before.Kind == TokenKind.Punctuation && before.Norm is "." or "!" or "?");
    }

    private static bool EndsLine(string text, int from)
    {
        for (var k = from; k < text.Length; k++)
        {
            if (text[k] is '\n' or '\r')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHeading(EventText t, SentenceFrame s)
    {
        var last = t.Tokens[s.End - 1];
        if (last.Kind == TokenKind.Punctuation && last.Norm is "." or "!" or "?" or "…")
        {
            return false;
        }

        if (t.WordsBetween(s.First, s.End) > HeadingMaxWords)
        {
            return false;
        }

        var text = t.Text;
        for (var k = s.Span.End; k < text.Length; k++)
        {
            if (text[k] is '\n' or '\r')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return false;
    }
}
