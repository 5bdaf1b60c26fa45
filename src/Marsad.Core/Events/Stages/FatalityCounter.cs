using System.Collections.Immutable;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Annotations;

namespace Marsad.Events.Stages;

/// <summary>How an event's fatality figure was reached.</summary>
public enum FatalityBasis
{
    /// <summary>Nothing said about deaths or injuries: unknown.</summary>
    NotReported,

    /// <summary>A figure the text states (the lowest when several).</summary>
    Stated,

    /// <summary>Deaths are told without a figure: unknown.</summary>
    DeathsWithoutFigure,

    /// <summary>Only injuries are told: ACLED codes 0, an inference rather than a statement.</summary>
    InjuriesOnly,
}

/// <summary>An event's fatalities, how the figure was reached, and the notes for the analyst.</summary>
public sealed record FatalityCount(int? Value, FatalityBasis Basis, ImmutableArray<string> Notes, ImmutableArray<EventDecision> Decisions);

/// <summary>
/// Stage 5b, fatalities (ACLED's rules): the lowest figure the sentence reports; injuries are not fatalities
/// (a violent event with injuries only has 0); deaths without a figure stay null with a note; nothing reported
/// stays null. Vague counts (عشرات) are never turned into a number.
/// </summary>
public sealed class FatalityCounter
{
    public FatalityCount Count(EventText t, SentenceFrame s, string eventType)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var lex = t.Lexicon;
        var figures = new List<int>();
        var deathWords = false;
        var injuryWords = false;
        for (var i = s.First; i < s.End; i++)
        {
            if (t.Tokens[i].Kind == TokenKind.Punctuation || lex.FatalityIndex.Longest(t.Keys, i, s.End) is not { } p)
            {
                continue;
            }

            var after = i + p.Words.Length;
            switch (p.Value)
            {
                case FatalityCue.DualDeaths:
                    figures.Add(2);
                    deathWords = true;
                    break;
                case FatalityCue.SingleDeath:
                    figures.Add(1);
                    deathWords = true;
                    break;
                case FatalityCue.DeathNoun:
                    deathWords = true;
                    if (NumberNear(t, i, after, s) is { } n)
                    {
                        figures.Add(n);
                    }
                    else if (t.Quantities.FirstOrDefault(q => q.StartTok >= after && t.WordsBetween(after, q.StartTok) <= 1) is { Mention.Ref: QuantityRef qr } && Exact(qr) is { } counted)
                    {
                        // مقتل ثلاثة عسكريين: the count right after the death word.
                        figures.Add(counted);
                    }
                    else if (t.Quantities.LastOrDefault(q => q.EndTok <= i && q.StartTok >= s.First && t.WordsBetween(q.EndTok, i) == 0) is { Mention.Ref: QuantityRef before } && Exact(before) is { } met)
                    {
                        // لقي 8 مدنيين مصارعهم: the count of the dead right before the word of their death.
                        figures.Add(met);
                    }
                    else if (after < s.End && lex.CountWordIndex.Longest(t.Keys, after, s.End) is { } cw)
                    {
                        // مقتل اثنين منهم: a number word with no counted noun is the count of the dead.
                        figures.Add(cw.Value);
                    }

                    break;
                case FatalityCue.InjuryNoun:
                    injuryWords = true;
                    break;
            }

            i += p.Words.Length - 1;
        }

        foreach (var q in t.InSentence(t.Quantities, s))
        {
            var qr = (QuantityRef)q.Mention.Ref!;
            var noun = qr.NounLemma ?? qr.Noun;
            if (noun is not null && IsDeathNoun(lex, noun) && Exact(qr) is { } n)
            {
                figures.Add(n);
            }
        }

        if (figures.Count > 0)
        {
            var distinct = figures.Distinct().Order().ToList();
            if (distinct.Count > 1)
            {
                var all = string.Join("/", distinct.Select(x => x.ToString(CultureInfo.InvariantCulture)));
                return new FatalityCount(distinct[0], FatalityBasis.Stated, ["conflicting figures " + all + "; lowest kept"], [new EventDecision(EventStage.Fatalities, DecisionReason.FiguresConflict, all)]);
            }

            return new FatalityCount(distinct[0], FatalityBasis.Stated, [], []);
        }

        if (deathWords)
        {
            return new FatalityCount(null, FatalityBasis.DeathsWithoutFigure, ["deaths reported without a figure"], [new EventDecision(EventStage.Fatalities, DecisionReason.DeathsWithoutFigure)]);
        }

        if (injuryWords && eventType is not AcledTaxonomy.StrategicDevelopments)
        {
            return new FatalityCount(0, FatalityBasis.InjuriesOnly, ["injuries only: fatalities 0"], [new EventDecision(EventStage.Fatalities, DecisionReason.InjuriesOnly)]);
        }

        return new FatalityCount(null, FatalityBasis.NotReported, [], []);
    }

    /// <summary>The count a quantity states, or null for a vague one (عشرات، عدة): never a guess.</summary>
    public static int? Exact(QuantityRef q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return q.Count is { } n ? (int)Math.Min(int.MaxValue, n) : null;
    }

    private static bool IsDeathNoun(EventLexicon lex, string noun)
    {
        var keys = new TokenKeys(Tokenizer.Tokenize(noun));
        return keys.Count > 0 && lex.FatalityIndex.Longest(keys, 0, keys.Count) is { Value: FatalityCue.DeathNoun };
    }

    /// <summary>A number right before the noun (5 قتلى) or after a death word (مقتل 5 عناصر).</summary>
    private static int? NumberNear(EventText t, int start, int end, SentenceFrame s)
    {
        if (start - 1 >= s.First && t.Tokens[start - 1].Kind == TokenKind.Number && EventText.TryInt(t.Tokens[start - 1].Norm, out var a))
        {
            return a;
        }

        if (end < s.End && t.Tokens[end].Kind == TokenKind.Number && EventText.TryInt(t.Tokens[end].Norm, out var b))
        {
            return b;
        }

        return null;
    }
}
