using System.Collections.Immutable;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Events.Stages;

/// <summary>A mention with the token range it covers.</summary>
public readonly record struct MentionAt(Mention Mention, int StartTok, int EndTok);

/// <summary>A cue found in a sentence: token range and what it is.</summary>
public readonly record struct CueHit<T>(int Start, int End, T Value);

/// <summary>One sentence of the document with the cues found in it, computed once.</summary>
public sealed record SentenceFrame(
    int Index,
    TextSpan Span,
    int First,
    int End,
    ImmutableArray<CueHit<CueScope>> Cues,
    ImmutableArray<CueHit<ArgumentCue>> Args,
    ImmutableArray<CueHit<AttributionCue>> Attr)
{
    public bool IsEmpty => End <= First;
}

/// <summary>A trigger found in a sentence: the lexicon entry and its token range.</summary>
public sealed record Candidate(TriggerEntry Entry, int Start, int End);

/// <summary>
/// The read-only view of one document that every event stage works on: tokens with their lexicon keys, word
/// ordinals (distances in words, punctuation not counted), the earlier taggers' mentions by kind, and the
/// sentences with their cues. Built once per document by <see cref="Create"/>; stages never change it.
/// </summary>
public sealed class EventText
{
    private readonly int[] _wordOrd;
    private readonly SentenceFrame?[] _frames;

    private EventText(EventLexicon lexicon, AnnotatedDocument doc)
    {
        Lexicon = lexicon;
        Document = doc;
        Tokens = doc.Analysis.Tokens;
        Keys = new TokenKeys(Tokens);
        _wordOrd = new int[Tokens.Length + 1];
        var ord = 0;
        for (var i = 0; i < Tokens.Length; i++)
        {
            _wordOrd[i] = ord;
            if (Tokens[i].Kind != TokenKind.Punctuation)
            {
                ord++;
            }
        }

        _wordOrd[Tokens.Length] = ord;
        var places = ImmutableArray.CreateBuilder<MentionAt>();
        var actors = ImmutableArray.CreateBuilder<MentionAt>();
        var persons = ImmutableArray.CreateBuilder<MentionAt>();
        var dates = ImmutableArray.CreateBuilder<MentionAt>();
        var quantities = ImmutableArray.CreateBuilder<MentionAt>();
        foreach (var m in doc.Mentions)
        {
            var start = TokenAt(m.Start);
            var at = new MentionAt(m, start, Math.Max(start + 1, doc.Analysis.TokenIndexAtOrAfter(m.End)));
            var list = m.Ref switch
            {
                PlaceRef => places,
                ActorRef => actors,
                PersonRef => persons,
                DateRef => dates,
                QuantityRef => quantities,
                _ => null,
            };
            list?.Add(at);
        }

        Places = places.ToImmutable();
        Actors = actors.ToImmutable();
        Persons = persons.ToImmutable();
        Dates = dates.ToImmutable();
        Quantities = quantities.ToImmutable();
        EventPlaces = [.. Places.Where(m => !IsDateline(m) && !IsCorrespondentBase(m))];
        _frames = new SentenceFrame?[doc.Analysis.Sentences.Length];
        CurrentYear = doc.Document.Source.Published?.Year ?? MaxYearMentioned();
    }

    public EventLexicon Lexicon { get; }

    public AnnotatedDocument Document { get; }

    public string Text => Document.Text;

    public ImmutableArray<Token> Tokens { get; }

    public TokenKeys Keys { get; }

    public ImmutableArray<MentionAt> Places { get; }

    /// <summary>
    /// The places an event may be at: all but a dateline's city (أربيل (وكالة) -, where the outlet writes from)
    /// and a correspondent's base (مراسلنا في درعا).
    /// </summary>
    public ImmutableArray<MentionAt> EventPlaces { get; }

    public ImmutableArray<MentionAt> Actors { get; }

    public ImmutableArray<MentionAt> Persons { get; }

    public ImmutableArray<MentionAt> Dates { get; }

    public ImmutableArray<MentionAt> Quantities { get; }

    /// <summary>The year the report is written in: the publication's, else the latest year it names.</summary>
    public int CurrentYear { get; }

    public DateOnly? Published => Document.Document.Source.Published;

    public string? Outlet => Document.Document.Source.Outlet;

    public int SentenceCount => _frames.Length;

    public static EventText Create(EventLexicon lexicon, AnnotatedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(doc);
        return new EventText(lexicon, doc);
    }

    /// <summary>The word ordinal of token <paramref name="tok"/> (punctuation does not count).</summary>
    public int Ord(int tok) => _wordOrd[tok];

    /// <summary>Words between the end of one range and the start of the next.</summary>
    public int WordsBetween(int fromEnd, int toStart) => _wordOrd[toStart] - _wordOrd[fromEnd];

    public SentenceFrame Sentence(int s) => _frames[s] ??= Frame(s);

    public IEnumerable<MentionAt> InSentence(ImmutableArray<MentionAt> mentions, SentenceFrame s) =>
        mentions.Where(m => m.StartTok >= s.First && m.EndTok <= s.End);

    public bool IsClauseBreak(int i) => Tokens[i].Kind == TokenKind.Punctuation && Tokens[i].Norm is "," or ";" or ":" or "." or "!" or "?";

    public bool ClauseBreakBetween(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsClauseBreak(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first clause break at or after <paramref name="from"/>, else <paramref name="limit"/>.</summary>
    public int ClauseEnd(int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (IsClauseBreak(i))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>The token after the last clause break before <paramref name="from"/>, else <paramref name="limit"/>.</summary>
    public int ClauseStart(int from, int limit)
    {
        for (var i = from - 1; i >= limit; i--)
        {
            if (IsClauseBreak(i))
            {
                return i + 1;
            }
        }

        return limit;
    }

    public bool SameClause(int a, int b, SentenceFrame s) => ClauseStart(a, s.First) == ClauseStart(b, s.First);

    public bool ContainsPhrase(SentenceFrame s, string[] words)
    {
        for (var i = s.First; i + words.Length <= s.End; i++)
        {
            var ok = true;
            for (var j = 0; j < words.Length && ok; j++)
            {
                ok = Keys.Has(i + j, words[j]);
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasArg(SentenceFrame s, int tok, ArgumentCue cue) =>
        s.Args.Any(a => a.Start == tok && a.End == tok + 1 && a.Value == cue);

    /// <summary>The token index <paramref name="words"/> words on from <paramref name="from"/>.</summary>
    public int AdvanceWords(int from, int words)
    {
        var i = from;
        var n = 0;
        while (i < Tokens.Length && n < words)
        {
            if (Tokens[i].Kind != TokenKind.Punctuation)
            {
                n++;
            }

            i++;
        }

        return i;
    }

    /// <summary>The token holding character <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        var i = Document.Analysis.TokenIndexAtOrAfter(offset + 1) - 1;
        return Math.Clamp(i, 0, Math.Max(0, Tokens.Length - 1));
    }

    public TextSpan SpanOf(int startTok, int endTok) => new(Tokens[startTok].Start, Tokens[endTok - 1].End);

    /// <summary>A token with the article, alone or after a proclitic (الاجتماع، والقصف، بالهجوم، للقوات).</summary>
    public bool IsDefiniteToken(int tok)
    {
        var norm = Tokens[tok].Norm;
        return norm.StartsWith(ArabicLetters.Article, StringComparison.Ordinal) || norm.StartsWith(ArabicLetters.Waw + ArabicLetters.Article, StringComparison.Ordinal)
            || norm.StartsWith(ArabicLetters.Beh + ArabicLetters.Article, StringComparison.Ordinal) || norm.StartsWith(ArabicLetters.Feh + ArabicLetters.Article, StringComparison.Ordinal)
            || (norm.StartsWith(ArabicLetters.LamLam, StringComparison.Ordinal) && norm.Length > 4);
    }

    /// <summary>The warning line a stage leaves for a candidate it did not code.</summary>
    public string Warning(string what, Candidate c)
    {
        var span = SpanOf(c.Start, c.End);
        return $"events: {what}: '{span.Slice(Text)}' at {span.Start.ToString(CultureInfo.InvariantCulture)}";
    }

    public static bool TryYear(string norm, out int year) =>
        int.TryParse(norm, NumberStyles.None, CultureInfo.InvariantCulture, out year) && norm.Length == 4 && year is >= 1950 and <= 2100;

    public static bool TryInt(string norm, out int value) =>
        int.TryParse(norm.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Characters that, after a place opening a line (and its date, if any), make the place a dateline.</summary>
    public const string DatelineMarks = "(-–—ـ/";

    /// <summary>Words a correspondent cue may stand before في + the place it is based in.</summary>
    public const int CorrespondentReach = 6;

    /// <summary>A place that opens its line and is followed, past any date, by a dateline mark (دمشق - ، أربيل (…)).</summary>
    private bool IsDateline(MentionAt m)
    {
        var text = Text;
        for (var k = m.Mention.Start - 1; k >= 0 && text[k] != '\n'; k--)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                return false;
            }
        }

        var i = m.Mention.End;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '،' or ',')
            {
                i++;
            }

            // A date right after the city (دمشق، 3 آذار -) belongs to the dateline too.
            var date = Dates.FirstOrDefault(d => d.Mention.Start == i);
            if (date.Mention is null)
            {
                break;
            }

            i = date.Mention.End;
        }

        return i < text.Length && DatelineMarks.Contains(text[i], StringComparison.Ordinal);
    }

    /// <summary>A place right after في that follows a correspondent cue in its clause (مراسل الوكالة في إدلب).</summary>
    private bool IsCorrespondentBase(MentionAt m)
    {
        var fi = m.StartTok - 1;
        if (fi < 0 || m.Mention.Start > Tokens[m.StartTok].Start || Tokens[fi].Norm != FiWord)
        {
            return false;
        }

        for (var i = fi - 1; i >= 0 && _wordOrd[fi] - _wordOrd[i] <= CorrespondentReach && !IsClauseBreak(i); i--)
        {
            if (Lexicon.AttributionIndex.Longest(Keys, i, fi) is { Value: AttributionCue.Correspondent })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The preposition في, normalized.</summary>
    private const string FiWord = "\u0641\u064a";

    private SentenceFrame Frame(int s)
    {
        var span = Document.Analysis.Sentences[s];
        var first = Document.Analysis.TokenIndexAtOrAfter(span.Start);
        var end = Document.Analysis.TokenIndexAtOrAfter(span.End);
        var cues = ImmutableArray.CreateBuilder<CueHit<CueScope>>();
        var args = ImmutableArray.CreateBuilder<CueHit<ArgumentCue>>();
        var attr = ImmutableArray.CreateBuilder<CueHit<AttributionCue>>();
        var buf1 = new List<PhraseIndex<CueScope>.Phrase>();
        var buf2 = new List<PhraseIndex<ArgumentCue>.Phrase>();
        for (var i = first; i < end; i++)
        {
            if (Tokens[i].Kind == TokenKind.Punctuation)
            {
                continue;
            }

            buf1.Clear();
            Lexicon.CueIndex.All(Keys, i, end, buf1);
            foreach (var p in buf1)
            {
                cues.Add(new CueHit<CueScope>(i, i + p.Words.Length, p.Value));
            }

            buf2.Clear();
            Lexicon.ArgumentIndex.All(Keys, i, end, buf2);
            foreach (var p in buf2)
            {
                args.Add(new CueHit<ArgumentCue>(i, i + p.Words.Length, p.Value));
            }

            if (Lexicon.AttributionIndex.Longest(Keys, i, end) is { } a)
            {
                attr.Add(new CueHit<AttributionCue>(i, i + a.Words.Length, a.Value));
            }
        }

        return new SentenceFrame(s, span, first, end, cues.ToImmutable(), args.ToImmutable(), attr.ToImmutable());
    }

    private int MaxYearMentioned()
    {
        var max = 0;
        foreach (var t in Tokens)
        {
            if (t.Kind == TokenKind.Number && TryYear(t.Norm, out var y))
            {
                max = Math.Max(max, y);
            }
        }

        return max == 0 ? int.MaxValue : max;
    }
}
