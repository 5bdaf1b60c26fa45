using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Pipeline;

namespace Marsad.Knowledge.Actors;

/// <summary>
/// Finds actor mentions: catalogue aliases (spelling variants folded), taken with a generic head before them
/// (ميليشيا، قوات، عناصر) and nationality adjectives after them, across quotes (لميليشيا “الحرس الثوري” الإيراني is
/// one mention); a nationality adjective after a military noun (غارة إسرائيلية: the adjective names Israel's forces);
/// and unlisted groups from the text's own patterns (a unit word + a number, an ordinal or a quoted name: الفرقة 25،
/// لواء “X”; قوات/لواء/كتائب/فصيل/تجمع + a name: لواء أحرار الجبل), which get the stable id
/// <c>actor:auto:&lt;slug&gt;</c>, an inter guessed from the head word, and <see cref="ActorRef.Provisional"/> set.
/// Each name is resolved in the document's <see cref="ActorContext"/> (date and country) by <see cref="ActorResolver"/>.
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
    public const string NamedUnitCue = "named_unit";
    public const string NotGroupCue = "not_group";
    public const string ArmedNounCue = "armed_noun";
    public const string ArmedModifierCue = "armed_modifier";
    public const string FacilityCue = "facility";
    public const string AnaphorCue = "anaphor";

    /// <summary>Cue categories giving the inter code guessed for an unlisted group from its head word.</summary>
    public static readonly IReadOnlyList<(string Category, int Inter)> InterCues = [("inter_1", 1), ("inter_2", 2), ("inter_3", 3), ("inter_4", 4)];

    private const int DefaultProvisionalInter = 3;
    private const int MaxQuotedWords = 4;
    private const int MaxArmedModifiers = 2;

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens;

    public Layers Provides => Layers.Actors;

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var date = ActorContext.DocumentDate(document.Document.Source.Published, document.MentionsOf(EntityType.Date));
        return document.WithMentions(Find(document.Analysis, date), Layers.Actors);
    }

    /// <summary>The actor mentions of a text whose date is unknown.</summary>
    public IEnumerable<Mention> Find(AnalyzedText analysis) => Find(analysis, null);

    /// <summary>The actor mentions of a text of <paramref name="date"/> (null: unknown); the country comes from the text.</summary>
    public IReadOnlyList<Mention> Find(AnalyzedText analysis, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var words = WordSequence.Of(analysis);
        var found = new List<Found>();
        for (var i = 0; i < words.Count;)
        {
            var m = catalogue.Names.MatchAt(words, i);
            if (m is not null)
            {
                var first = m.First;
                var stripped = m.Stripped;
                if (first > 0 && words.Linked(first) && HeadStrip(words, first - 1) is { } hs && !Taken(found, words, first - 1))
                {
                    first--;
                    stripped = hs;
                }

                var last = ExtendAdjectives(words, m.Last);
                IReadOnlyList<Actor> entries = m.Entries;
                if (first == m.First && NamesAFacility(words, first, entries))
                {
                    i = last + 1;
                    continue;
                }

                if (entries.All(e => e.Kind == ActorResolver.NationalKind) && last + 1 < words.Count && words.Linked(last + 1)
                    && catalogue.Nationalities.TryGetValue(words.Norm(last + 1), out var foreign))
                {
                    // طائرات حربية روسية: a generic state side with a nationality is that state's forces.
                    entries = [foreign];
                    last++;
                }

                found.Add(new Found(first, last, stripped, entries, null));
                i = last + 1;
                continue;
            }

            if (NationalityAfterArmedNoun(words, i) is { } n)
            {
                found.Add(n);
                i = n.Last + 1;
                continue;
            }

            if (MatchPattern(words, i) is { } a)
            {
                found.Add(a);
                i = a.Last + 1;
                continue;
            }

            i++;
        }

        found = WithAnaphors(words, found);
        var context = new ActorContext(date, catalogue.Countries.MostNamed(words, DomesticCountries(found)));
        return [.. found.Select(f => Make(words, f, context))];

        static bool Taken(List<Found> found, WordSequence w, int word) => found.Count > 0 && w[found[^1].Last].End > w[word].Start;
    }

    /// <summary>
    /// A definite head noun standing alone (خلية تابعة للتنظيم، أعلنت الحركة) names the group of that kind told
    /// last before it (تنظيم الدولة الإسلامية ... التنظيم): the anaphor gets that group. With none told before it,
    /// it stays untagged (التنظيم of a ceremony is no armed group).
    /// </summary>
    private List<Found> WithAnaphors(WordSequence words, List<Found> found)
    {
        var result = new List<Found>(found.Count);
        var next = 0;
        for (var i = 0; i < words.Count; i++)
        {
            while (next < found.Count && found[next].Last < i)
            {
                result.Add(found[next++]);
            }

            if (next < found.Count && found[next].First <= i)
            {
                continue;
            }

            if (CueReading(words, i, AnaphorCue) is not var (form, stripped) || TextKeys.WithoutArticle(form) is not { } head)
            {
                continue;
            }

            var antecedent = result.LastOrDefault(f => f.Entries is [var only] && (FirstWord(words, f) == head
                || only.NameAr is { } ar && catalogue.Fold(ArabicNormalizer.Normalize(ar)).StartsWith(head + " ", StringComparison.Ordinal)));
            if (antecedent is not null)
            {
                result.Add(new Found(i, i, stripped, antecedent.Entries, null));
            }
        }

        result.AddRange(found.Skip(next));
        return result;
    }

    private string FirstWord(WordSequence words, Found f) => catalogue.Fold(words.Norm(f.First)[f.Stripped..]);

    /// <summary>
    /// مركز الأمن العام، مخفر الشرطة: an ambiguous or generic name right after a facility noun names a building (a
    /// police station, a security centre), not a side we can resolve; a single named actor (مقر الفرقة الرابعة) is kept.
    /// </summary>
    private bool NamesAFacility(WordSequence words, int first, IReadOnlyList<Actor> entries) =>
        first > 0 && words.Linked(first) && CueReading(words, first - 1, FacilityCue) is not null
        && (entries.Count > 1 || entries[0].Kind is ActorResolver.NationalKind or ActorResolver.GenericKind);

    /// <summary>Countries of the unambiguous local actors found (a Sudanese army or an Iraqi militia tells the country).</summary>
    private static IEnumerable<string> DomesticCountries(List<Found> found) =>
        found.Where(f => f.Entries is [{ Country: { } c, Inter: >= 1 and <= 4, Kind: not ActorResolver.GenericKind }] && c.Length > 0)
            .Select(f => f.Entries![0].Country!);

    private Mention Make(WordSequence words, Found f, ActorContext context)
    {
        var span = Spans.Of(words, f.First, f.Last, f.Stripped);
        var text = span.Slice(words.Analysis.Text);
        if (f.Provisional is { } p)
        {
            return new Mention(EntityType.Actor, span, text, p, AnnotatorName, 0.6);
        }

        var actor = catalogue.Resolver.Choose(f.Entries!, context);
        return new Mention(EntityType.Actor, span, text, catalogue.Resolver.RefOf(actor, context), AnnotatorName, 0.9);
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

    /// <summary>The reading of word <paramref name="i"/> that is in <paramref name="category"/>: (folded form, letters stripped), or null.</summary>
    private (string Form, int Stripped)? CueReading(WordSequence words, int i, string category)
    {
        foreach (var (form, s) in words.Readings(i))
        {
            var folded = catalogue.Fold(form);
            if (catalogue.Cues.Has(category, folded))
            {
                return (folded, s);
            }
        }

        return null;
    }

    /// <summary>غارة إسرائيلية، طائرات حربية روسية: the nationality adjective after a military noun names that state's forces.</summary>
    private Found? NationalityAfterArmedNoun(WordSequence words, int i)
    {
        if (CueReading(words, i, ArmedNounCue) is null)
        {
            return null;
        }

        var k = i + 1;
        for (var skipped = 0; k < words.Count && words.Linked(k) && skipped < MaxArmedModifiers && catalogue.Cues.Has(ArmedModifierCue, words.Norm(k)); skipped++)
        {
            k++;
        }

        if (k >= words.Count || !words.Linked(k) || !catalogue.Nationalities.TryGetValue(words.Norm(k), out var actor))
        {
            return null;
        }

        return new Found(k, k, 0, [actor], null);
    }

    private Found? MatchPattern(WordSequence words, int i)
    {
        var cues = catalogue.Cues;
        var stripped = -1;
        var numberOnly = false;
        var named = false;
        foreach (var (form, s) in words.Readings(i))
        {
            var folded = catalogue.Fold(form);
            if (cues.Has(UnitCue, folded) || cues.Has(UnitNumberCue, folded))
            {
                stripped = s;
                numberOnly = !cues.Has(UnitCue, folded);
                named = cues.Has(NamedUnitCue, folded);
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
        else if (named && UnquotedName(words, i + 1) is { } nameLast)
        {
            last = nameLast;
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
        var text = Spans.Clean(span.Slice(words.Analysis.Text));
        var inter = InterCues.FirstOrDefault(c => cues.Has(c.Category, headForm)).Inter;
        var r = new ActorRef("actor:auto:" + slug, text, inter == 0 ? DefaultProvisionalInter : inter, text, Provisional: true);
        return new Found(i, last, stripped, null, r);
    }

    /// <summary>
    /// The last word of an unquoted group name starting at <paramref name="i"/>: a definite word (لواء الفتح) or an
    /// indefinite word in construct with a definite one (لواء أحرار الجبل), neither a generic word (قوات الأمنية، قوات
    /// كبيرة، تجمع الأهالي) nor the start of a catalogue name; null when the words are no name.
    /// </summary>
    private int? UnquotedName(WordSequence words, int i)
    {
        if (catalogue.Names.MatchAt(words, i) is not null || !IsNameWord(words, i))
        {
            return null;
        }

        if (TextKeys.HasArticle(words.Norm(i)))
        {
            return i;
        }

        return i + 1 < words.Count && words.Linked(i + 1) && TextKeys.HasArticle(words.Norm(i + 1)) && IsNameWord(words, i + 1) ? i + 1 : null;
    }

    private bool IsNameWord(WordSequence words, int i) =>
        words[i].Kind == TokenKind.Arabic && words.Norm(i).Length >= 3 && !catalogue.Cues.Has(NotGroupCue, catalogue.Fold(words.Norm(i)))
        && !catalogue.Cues.Has(NotNameCue, words.Norm(i)) && !catalogue.Cues.Has(AdjectiveCue, words.Norm(i));

    /// <summary>A mention found: words [First, Last], the catalogue entries of its name, or the provisional actor it makes.</summary>
    private sealed record Found(int First, int Last, int Stripped, IReadOnlyList<Actor>? Entries, ActorRef? Provisional);
}
