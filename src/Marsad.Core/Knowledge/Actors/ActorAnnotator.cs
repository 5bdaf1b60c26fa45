using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Pipeline;

namespace Marsad.Knowledge.Actors;

/// <summary>
/// Finds actor mentions: catalogue aliases (spelling variants folded), taken with a generic head before them
/// (ميليشيا، قوات، عناصر) and nationality adjectives after them, across quotes (لميليشيا “الحرس الثوري” الإيراني is
/// one mention); and unlisted groups from the text's own patterns (a unit word + a number, an ordinal or a
/// quoted name: الفرقة 25، لواء “X”), which get the stable id <c>actor:auto:&lt;slug&gt;</c>.
/// </summary>
public sealed class ActorAnnotator(ActorCatalogue catalogue) : IAnnotator
{
    public const string AnnotatorName = "actors";

    /// <summary>Cue categories in <c>data/actors/cues.tsv</c>.</summary>
    public const string HeadCue = "head";
    public const string AdjectiveCue = "adjective";
    public const string UnitCue = "unit";
    public const string UnitNumberCue = "unit_number";
    public const string OrdinalCue = "ordinal";
    public const string NotNameCue = "not_name";

    private const int MaxQuotedWords = 4;

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens;

    public Layers Provides => Layers.Actors;

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.WithMentions(Find(document.Analysis), Layers.Actors);
    }

    public IEnumerable<Mention> Find(AnalyzedText analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var words = WordSequence.Of(analysis);
        var cues = catalogue.Cues;
        var result = new List<Mention>();
        for (var i = 0; i < words.Count;)
        {
            var m = catalogue.Names.MatchAt(words, i);
            if (m is not null)
            {
                var first = m.First;
                var stripped = m.Stripped;
                if (first > 0 && words.Linked(first) && HeadStrip(words, first - 1) is { } hs && !Taken(result, words, first - 1))
                {
                    first--;
                    stripped = hs;
                }

                var last = ExtendAdjectives(words, m.Last);
                result.Add(Make(words, first, last, stripped, m.Entries[0].ToRef()));
                i = last + 1;
                continue;
            }

            var auto = MatchPattern(words, i);
            if (auto is { } a)
            {
                result.Add(a.Mention);
                i = a.Last + 1;
                continue;
            }

            i++;
        }

        return result;

        bool Taken(List<Mention> found, WordSequence w, int word) => found.Count > 0 && found[^1].End > w[word].Start;
    }

    private int? HeadStrip(WordSequence words, int i)
    {
        foreach (var (form, stripped) in words.Readings(i))
        {
            if (catalogue.Cues.Has(HeadCue, catalogue.Fold(form)))
            {
                return stripped;
            }
        }

        return null;
    }

    private int ExtendAdjectives(WordSequence words, int last)
    {
        var end = last;
        for (var k = 0; k < 2 && end + 1 < words.Count && words.Linked(end + 1) && catalogue.Cues.Has(AdjectiveCue, words.Norm(end + 1)); k++)
        {
            end++;
        }

        return end;
    }

    private (Mention Mention, int Last)? MatchPattern(WordSequence words, int i)
    {
        var cues = catalogue.Cues;
        var stripped = -1;
        var numberOnly = false;
        foreach (var (form, s) in words.Readings(i))
        {
            var folded = catalogue.Fold(form);
            if (cues.Has(UnitCue, folded) || cues.Has(UnitNumberCue, folded))
            {
                stripped = s;
                numberOnly = !cues.Has(UnitCue, folded);
                break;
            }
        }

        if (stripped < 0 || i + 1 >= words.Count || !words.Linked(i + 1))
        {
            return null;
        }

        var next = words[i + 1];
        int last;
        if (next.Kind == TokenKind.Number || cues.Has(OrdinalCue, next.Norm))
        {
            last = i + 1;
        }
        else if (!numberOnly && words.QuoteBefore(i + 1))
        {
            if (catalogue.Names.MatchAt(words, i + 1) is not null)
            {
                return null;
            }

            last = i + 1;
            while (!words.QuoteAfter(last) && last + 1 < words.Count && words.Linked(last + 1) && last - i < MaxQuotedWords)
            {
                last++;
            }

            if (!words.QuoteAfter(last) || cues.Has(NotNameCue, words.Norm(i + 1)))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        last = ExtendAdjectives(words, last);
        var headForm = catalogue.Fold(words.Readings(i).First(p => p.Stripped == stripped).Form);
        var nameWords = new List<string> { headForm };
        for (var k = i + 1; k <= last; k++)
        {
            nameWords.Add(catalogue.Fold(words.Norm(k)));
        }

        var slug = TextKeys.Slug(string.Join(' ', nameWords));
        var span = Spans.Of(words, i, last, stripped);
        var text = span.Slice(words.Analysis.Text);
        var r = new ActorRef("actor:auto:" + slug, Spans.Clean(text), 3, Spans.Clean(text));
        return (new Mention(EntityType.Actor, span, text, r, AnnotatorName, 0.6), last);
    }

    private static Mention Make(WordSequence words, int first, int last, int stripped, ActorRef r)
    {
        var span = Spans.Of(words, first, last, stripped);
        return new Mention(EntityType.Actor, span, span.Slice(words.Analysis.Text), r, AnnotatorName, 0.9);
    }
}
