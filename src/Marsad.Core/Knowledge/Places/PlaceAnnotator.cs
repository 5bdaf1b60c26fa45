using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Knowledge.Places;

/// <summary>
/// Finds place mentions and geocodes them: mention → candidates (gazetteer names, article optional, glued or
/// spaced, proclitics stripped) → choice, using the cue word before the mention (مدينة، محافظة، ريف، بلدة، حي،
/// بادية، شرقي ...), prominence (feature rank, population), and the document's other places (country,
/// governorate, distance). Places the gazetteer lacks but the text places (بلدة X بريف Y، حي X في المدينة) are
/// coded to their anchor with geo_precision 2; regions to a governorate with 3. Countries count as places only
/// after a locative preposition (في، إلى، داخل ...): elsewhere a country is an agent, not a location.
/// Mentions inside actor or person mentions are left alone.
/// </summary>
public sealed class PlaceAnnotator(Gazetteer gazetteer) : IAnnotator
{
    public const string AnnotatorName = "gazetteer";

    private const double NearKm = 150;

    /// <summary>How near a small place named without a cue must be to a place the document surely names.</summary>
    public const double SmallPlaceAnchorKm = 100;

    /// <summary>The preposition "from", locative only after some words (see <c>not_locative_before_min</c> in cues.tsv).</summary>
    private static readonly string FromWord = ArabicNormalizer.Normalize("\u0645\u0646");
    private const int AnchorLookahead = 6;

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Actors | Layers.Persons;

    public Layers Provides => Layers.Places;

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var taken = Spans.Normalize(document.Mentions.Where(m => m.Type is EntityType.Actor or EntityType.Person).Select(m => m.Span));
        return document.WithMentions(Find(document.Analysis, taken), Layers.Places);
    }

    private enum Cue
    {
        None,
        City,
        Town,
        Village,
        Neighbourhood,
        Governorate,
        Countryside,
        District,
        Desert,
        Camp,
        Crossing,
        Direction,
    }

    private sealed class Raw
    {
        public int First;
        public int Last;
        public int Stripped;
        public Cue Cue;
        public bool Locative;
        public bool Coordinated;
        public string? NamedCountry;
        public IReadOnlyList<Place> Candidates = [];
        public bool Unknown;
        public bool Facility;
        public string? UnknownName;
        public string? FacilityName;
        public Place? Chosen;
        public int Precision = 1;
        public PlaceRef? Ref;
    }

    public IReadOnlyList<Mention> Find(AnalyzedText analysis, IReadOnlyList<TextSpan> taken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(taken);
        var words = WordSequence.Of(analysis);
        var raws = Collect(words, Spans.Normalize(taken));
        Resolve(words, raws);
        var result = new List<Mention>();
        foreach (var r in raws)
        {
            if (r.Ref is null)
            {
                continue;
            }

            var span = Spans.Of(words, r.First, r.Last, r.Stripped);
            result.Add(new Mention(EntityType.Place, span, span.Slice(analysis.Text), r.Ref, AnnotatorName, r.Unknown ? 0.6 : 0.9));
        }

        return result;
    }

    private List<Raw> Collect(WordSequence words, IReadOnlyList<TextSpan> taken)
    {
        var raws = new List<Raw>();
        for (var i = 0; i < words.Count;)
        {
            if (Spans.OverlapsAny(words[i].Span, taken))
            {
                i++;
                continue;
            }

            var cueHere = CueOf(words, i);
            var whole = gazetteer.Names.MatchAt(words, i);
            if (cueHere is Cue.Town or Cue.Village or Cue.Neighbourhood or Cue.Camp or Cue.Crossing && i + 1 < words.Count && words.Linked(i + 1)
                && !(whole is not null && whole.Last > i))
            {
                var known = gazetteer.Names.MatchAt(words, i + 1);
                if (known is not null && cueHere is Cue.Camp or Cue.Crossing && !known.Entries.Any(p => KindFits(cueHere, p))
                    && known.Entries.Any(p => p.IsPopulated) && !Spans.OverlapsAny(words.SpanOf(i, known.Last), taken))
                {
                    // A facility named after a town (مطار حلب، معبر البوكمال): near that town, geo_precision 2.
                    raws.Add(new Raw
                    {
                        First = i, Last = known.Last, Stripped = words.Readings(i).First(r => CueOfCategory(gazetteer.Cues.CategoryOf(r.Form)) == cueHere).Stripped,
                        Cue = cueHere, Facility = true, Candidates = [.. known.Entries.Where(p => p.IsPopulated)],
                    });
                    i = known.Last + 1;
                    continue;
                }

                if (known is not null && known.First == known.Last && cueHere is Cue.Town or Cue.Village && known.Entries.Any(p => KindFits(cueHere, p))
                    && NameContinues(words, known.Last + 1) && !Spans.OverlapsAny(words.SpanOf(i + 1, known.Last + 1), taken))
                {
                    // بلدة جديد بكارة: a one-word village name the gazetteer knows (جديد), continued by a name word,
                    // is a longer name it lacks.
                    var last = known.Last + 1;
                    raws.Add(new Raw { First = i + 1, Last = last, Cue = cueHere, Unknown = true, UnknownName = Spans.Clean(words.SpanOf(i + 1, last).Slice(words.Analysis.Text)) });
                    i = last + 1;
                    continue;
                }

                if (known is null || !known.Entries.Any(p => KindFits(cueHere, p)))
                {
                    var unknown = UnknownName(words, i + 1, known, cueHere);
                    if (unknown is { } u && !Spans.OverlapsAny(words.SpanOf(i + 1, u), taken))
                    {
                        raws.Add(new Raw { First = i + 1, Last = u, Cue = cueHere, Unknown = true, UnknownName = Spans.Clean(words.SpanOf(i + 1, u).Slice(words.Analysis.Text)) });
                        i = u + 1;
                        continue;
                    }
                }
            }

            if (QuotedNameEnd(words, i) is { } quotedEnd && whole?.Last != quotedEnd)
            {
                // A quoted name is one name: حي "أبوشوك الحلة"، منطقة ”زاوية الدهماني“ are quarters the gazetteer lacks,
                // not the towns الحلة or الزاوية that a word of them also names. After a cue word it is a place the
                // text names; without one, nothing.
                var quotedCue = i > 0 && words.Linked(i) ? CueOf(words, i - 1) : Cue.None;
                if (quotedCue is not (Cue.None or Cue.Direction or Cue.Countryside) && !Spans.OverlapsAny(words.SpanOf(i, quotedEnd), taken))
                {
                    raws.Add(new Raw { First = i, Last = quotedEnd, Cue = quotedCue, Unknown = true, UnknownName = Spans.Clean(words.SpanOf(i, quotedEnd).Slice(words.Analysis.Text)) });
                }

                i = quotedEnd + 1;
                continue;
            }

            var m = whole;
            if (m is null && !Spans.OverlapsAny(words[i].Span, taken) && CoordinatedUnknown(words, i, raws) is { } listed)
            {
                raws.Add(listed);
                i++;
                continue;
            }

            if (m is null || Spans.OverlapsAny(words.SpanOf(m.First, m.Last), taken))
            {
                i++;
                continue;
            }

            var raw = new Raw { First = m.First, Last = m.Last, Stripped = m.Stripped };
            raw.Cue = m.First > 0 && words.Linked(m.First) ? CueOf(words, m.First - 1) : Cue.None;
            if (raw.Cue == Cue.None && raws.Count > 0 && words.AllLinked(raws[^1].Last, m.First)
                && (m.Stripped > 0 && words.Norm(m.First)[0] == ArabicLetters.Waw && raws[^1].Last >= m.First - 2
                    || SpacedConjunctionBefore(words, m.First) && raws[^1].Last == m.First - 2))
            {
                // Coordinated names share the cue: محافظات حلب وحمص وحماه; قرى #عياش و #الخريطة.
                raw.Cue = raws[^1].Cue;
                raw.Coordinated = true;
            }

            raw.Locative = IsLocative(words, m.First, m.Stripped);
            var key = KeyOf(words, m);
            raw.NamedCountry = m.Entries.FirstOrDefault(p => p.Kind == "country")?.Country;
            var candidates = m.Entries.Where(p => p.Kind != "country" || raw.Locative).ToList();
            if (raw.Cue == Cue.Direction && candidates.Any(p => p.Kind == "country"))
            {
                // North-west Syria and the like span several governorates: no point to code them to.
                candidates.Clear();
            }

            if (raw.Cue is Cue.None or Cue.Direction && (gazetteer.Ambiguous.Contains(key) || (m.First == m.Last && CueOf(words, m.First) != Cue.None)))
            {
                // A name that is also a common word (or a cue word itself: مدينة) needs a cue word before it.
                candidates.Clear();
            }
            else if (raw.Cue is Cue.None or Cue.Direction && gazetteer.Common.Contains(key))
            {
                // A word of ordinary text that some village is also called (القرى، الذين، الخميس): without a cue only
                // a major place whose own name it is counts (العمارة the city; not إطار, an alias of Tyre).
                candidates.RemoveAll(p => !p.IsMajor || p.NameAr is null || !SameName(TextKeys.Key(p.NameAr), key));
            }

            if (raw.Cue == Cue.None && !raw.Locative && !TextKeys.HasArticle(key))
            {
                // بجروح حرجة: the name read without its article (الحرجة, a village) is no place unless a cue or a
                // preposition says so, or the place is major (reports keep a small place's article).
                candidates.RemoveAll(p => !p.IsMajor && ReadWithoutArticle(p, key));
            }

            if (raw.Cue == Cue.None && InPersonName(words, m.First))
            {
                // يدعى محمد شدود، المدعو X: a family name that is also some village's name.
                candidates.RemoveAll(p => !p.IsMajor);
            }

            raw.Candidates = candidates;
            if (candidates.Count > 0 || raw.NamedCountry is not null)
            {
                // A country named as an agent (أعلن السودان) is no place, but it says what the document is about.
                raws.Add(raw);
            }

            i = m.Last + 1;
        }

        return raws;
    }

    /// <summary>A locating phrase follows word <paramref name="last"/>: بريف X، شرقي X، في X، قرب X.</summary>
    private bool LocatedAfter(WordSequence words, int last)
    {
        var next = last + 1;
        if (next >= words.Count || !words.Linked(next))
        {
            return false;
        }

        return CueOf(words, next) is Cue.Countryside or Cue.Direction or Cue.City or Cue.Governorate or Cue.District
            || gazetteer.Cues.HasWord("locative", words.Norm(next)) && next + 1 < words.Count && gazetteer.Names.MatchAt(words, next + 1) is not null;
    }

    /// <summary>The text's key <paramref name="text"/> is the place's own name <paramref name="name"/>, or it with the
    /// article (عمارة → العمارة); not the name stripped of its article (البيضاء is a city, بيضاء a colour).</summary>
    private static bool SameName(string name, string text) => text == name || text == TextKeys.WithArticle(name);

    /// <summary>Word <paramref name="i"/> continues a person's name: after a given name or a word that introduces one.</summary>
    private bool InPersonName(WordSequence words, int i)
    {
        if (i == 0 || !words.Linked(i))
        {
            return false;
        }

        var prev = words.Norm(i - 1);
        if (gazetteer.Cues.HasWord("name_intro", prev) || gazetteer.GivenNames.Contains(prev))
        {
            return true;
        }

        return i > 1 && words.Linked(i - 1) && gazetteer.Cues.HasWord("name_intro", words.Norm(i - 2));
    }

    private static string KeyOf(WordSequence words, PhraseMatch<Place> m)
    {
        var first = words.Readings(m.First).First(p => p.Stripped == m.Stripped).Form;
        var key = first;
        for (var k = m.First + 1; k <= m.Last; k++)
        {
            key += words.Norm(k);
        }

        return key;
    }

    /// <summary>The name of a place the gazetteer lacks, after a cue word: a quoted phrase, else one word.</summary>
    private int? UnknownName(WordSequence words, int at, PhraseMatch<Place>? known, Cue cue)
    {
        var t = words[at];
        if (t.Kind != TokenKind.Arabic || gazetteer.Cues.HasWord("not_name", t.Norm) || CueOf(t.Norm) != Cue.None)
        {
            return null;
        }

        if (words.QuoteBefore(at))
        {
            var last = at;
            while (!words.QuoteAfter(last) && last + 1 < words.Count && words.Linked(last + 1) && last - at < 3)
            {
                last++;
            }

            return words.QuoteAfter(last) ? last : null;
        }

        if (known is null && cue is not Cue.Neighbourhood && gazetteer.Common.Contains(TextKeys.Key(t.Norm)) && !words.HashtagBefore(at))
        {
            // منفذ عملية، بلدة جديد: a word of ordinary text after a cue is no unknown village (a quarter may be
            // called الشهداء or النصر; a quoted or hashtagged name is taken as written).
            return null;
        }

        return known?.Last ?? at;
    }

    /// <summary>The most words of a quoted phrase read as one name.</summary>
    public const int MaxQuotedNameWords = 4;

    /// <summary>
    /// The last word of a short quoted phrase opening at word <paramref name="at"/> (a quote mark before it, one after a
    /// word at most <see cref="MaxQuotedNameWords"/> on, none between, one phrase), when the phrase holds a place name
    /// of the gazetteer, does not open with a cue word («مدينة حلب» is the city) and is not a list; else null.
    /// </summary>
    private int? QuotedNameEnd(WordSequence words, int at)
    {
        if (!words.OpeningQuoteBefore(at) || CueOf(words, at) != Cue.None)
        {
            return null;
        }

        for (var last = at; last < words.Count && last - at < MaxQuotedNameWords; last++)
        {
            if (last > at && (!words.Linked(last) || words.QuoteBefore(last) || words.Norm(last) is [ArabicLetters.Waw, ..]))
            {
                // Not one name: a second quote, a break, or a list (قريتي “جبالا وأرينبة”).
                return null;
            }

            if (words.ClosingQuoteAfter(last))
            {
                for (var k = at; k <= last; k++)
                {
                    if (gazetteer.Names.MatchAt(words, k) is { } inner && inner.Last <= last)
                    {
                        return last;
                    }
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// An unknown name coordinated into a list of places with a town or village cue (بلدات ذيبان والطيانة وأبو
    /// حمام): one word glued to و right after the previous place, not a word of ordinary text, not a cue.
    /// </summary>
    private Raw? CoordinatedUnknown(WordSequence words, int i, List<Raw> raws)
    {
        if (raws.Count == 0 || raws[^1] is not { Cue: Cue.Town or Cue.Village } prev || !words.Linked(i))
        {
            return null;
        }

        var t = words[i];
        var norm = t.Norm;
        var spaced = SpacedConjunctionBefore(words, i) && prev.Last == i - 2;
        if (!spaced && prev.Last != i - 1)
        {
            return null;
        }

        var glued = spaced ? 0 : 1;
        if (t.Kind != TokenKind.Arabic || norm.Length < glued + MinCoordinatedUnknown || glued == 1 && norm[0] != ArabicLetters.Waw)
        {
            return null;
        }

        var bare = TextKeys.Key(norm[glued..]);
        if (gazetteer.Common.Contains(bare) || gazetteer.Common.Contains(TextKeys.Key(norm)) || gazetteer.Cues.HasWord("not_name", bare)
            || CueOf(bare) != Cue.None)
        {
            return null;
        }

        var span = words.SpanOf(i, i);
        var name = Spans.Clean(new TextSpan(span.Start + glued, span.End).Slice(words.Analysis.Text));
        return new Raw { First = i, Last = i, Stripped = glued, Cue = prev.Cue, Coordinated = true, Unknown = true, UnknownName = name };
    }

    /// <summary>The word before <paramref name="i"/> is the conjunction standing alone (#عياش و #الخريطة), linked on both sides.</summary>
    private static bool SpacedConjunctionBefore(WordSequence words, int i) =>
        i >= 2 && words.Linked(i) && words.Linked(i - 1) && words.Norm(i - 1) is [ArabicLetters.Waw];

    /// <summary>
    /// Word <paramref name="at"/> goes on with the name before it: linked, Arabic, not glued to و, not a word of
    /// ordinary text, a cue or a word that is no name, and not the start of a place the gazetteer knows (قرية حوايج ذيبان).
    /// </summary>
    private bool NameContinues(WordSequence words, int at)
    {
        if (at >= words.Count || !words.Linked(at) || words.QuoteBefore(at))
        {
            return false;
        }

        // A word glued to و starts the next item of a list (بلدات ذيبان والطيانة), not the second word of a name.
        var t = words[at];
        return t.Kind == TokenKind.Arabic && t.Norm[0] != ArabicLetters.Waw && !gazetteer.Common.Contains(TextKeys.Key(t.Norm)) && CueOf(words, at) == Cue.None
            && !gazetteer.Cues.HasWord("not_name", t.Norm) && !gazetteer.Cues.HasWord("locative", t.Norm)
            && (gazetteer.Names.MatchAt(words, at) is not { } m || m.Entries.All(p => ReadWithoutArticle(p, TextKeys.Key(t.Norm))));
    }

    /// <summary>The text's key is the place's name read without its article (حرجة for الحرجة).</summary>
    private static bool ReadWithoutArticle(Place p, string key) =>
        !TextKeys.HasArticle(key) && p.NameAr is not null && TextKeys.WithoutArticle(TextKeys.Key(p.NameAr)) == key;

    /// <summary>The shortest unknown name taken from a list (letters after و).</summary>
    public const int MinCoordinatedUnknown = 3;

    private static bool KindFits(Cue cue, Place p) => cue switch
    {
        Cue.Town or Cue.Village => p.IsPopulated,
        Cue.Neighbourhood => p.Kind == "neighbourhood",
        Cue.Camp => p.Kind == "camp",
        Cue.Crossing => p.Kind == "crossing",
        _ => true,
    };

    private Cue CueOf(string norm)
    {
        var c = gazetteer.Cues;
        foreach (var (form, _) in TextKeys.Proclitics(norm))
        {
            var cue = CueOfCategory(c.CategoryOf(form));
            if (cue != Cue.None)
            {
                return cue;
            }
        }

        return ShortCueOf(norm);
    }

    private Cue CueOf(WordSequence words, int i)
    {
        var c = gazetteer.Cues;
        foreach (var (form, _) in words.Readings(i))
        {
            var cue = CueOfCategory(c.CategoryOf(form));
            if (cue != Cue.None)
            {
                return cue;
            }
        }

        return ShortCueOf(words.Norm(i));
    }

    /// <summary>
    /// A two-letter cue word behind a one-letter proclitic (بحي، وحي): too short for the proclitic stripping of names,
    /// which keeps three letters at least, but cue words are a closed list.
    /// </summary>
    private Cue ShortCueOf(string norm) =>
        norm.Length == 3 && norm[0] is ArabicLetters.Beh or ArabicLetters.Waw or ArabicLetters.Feh or ArabicLetters.Lam
            ? CueOfCategory(gazetteer.Cues.CategoryOf(norm[1..])) : Cue.None;

    private static Cue CueOfCategory(string? category) => category switch
    {
        "city" => Cue.City,
        "town" => Cue.Town,
        "village" => Cue.Village,
        "neighbourhood" => Cue.Neighbourhood,
        "governorate" => Cue.Governorate,
        "countryside" => Cue.Countryside,
        "district" => Cue.District,
        "desert" => Cue.Desert,
        "camp" => Cue.Camp,
        "crossing" => Cue.Crossing,
        "direction" => Cue.Direction,
        _ => Cue.None,
    };

    private bool IsLocative(WordSequence words, int first, int stripped)
    {
        if (stripped > 0)
        {
            var n = words.Norm(first);
            var letter = n[stripped - 1];
            if (gazetteer.Cues.Has("locative_clitic", letter.ToString()))
            {
                return true;
            }
        }

        if (first == 0 || !words.Linked(first) || !gazetteer.Cues.HasWord("locative", words.Norm(first - 1)))
        {
            return false;
        }

        // "من" is locative after a verb of movement, not after "backed by" / "asked of" (المدعوم من إيران).
        var isMin = words.Norm(first - 1) == FromWord;
        return !(isMin && first > 1 && words.Linked(first - 1) && gazetteer.Cues.HasWord("not_locative_before_min", words.Norm(first - 2)));
    }

    private void Resolve(WordSequence words, List<Raw> raws)
    {
        // Pass 1: mentions the cue or a single candidate settles; they give the document's context.
        foreach (var r in raws.Where(r => !r.Unknown))
        {
            var filtered = FilterByCue(r);
            r.Candidates = filtered;
            if (filtered.Select(p => p.Id).Distinct().Count() == 1)
            {
                r.Chosen = filtered[0];
            }
        }

        var votes = CountryVotes(raws);
        var country = DocumentCountry(votes);
        foreach (var r in raws.Where(r => !r.Unknown && r.Cue is not (Cue.Town or Cue.Village or Cue.Neighbourhood)))
        {
            // A small place abroad of the same name is rarely what a report about its own country means: abroad
            // only a capital or a metropolis counts, or a major town after a locative word (في الموصل), or a town
            // the text calls a city in a country the document also tells of (مدينة جنين in a report of the West
            // Bank that names تل أبيب too).
            var before = r.Candidates.Count;
            r.Candidates = [.. r.Candidates.Where(p => p.Country is null || p.Country == country || p.IsProminentAbroad
                || (r.Locative || r.Cue != Cue.None) && p.IsMajor
                || r.Cue == Cue.City && p.IsPopulated && votes.GetValueOrDefault(p.Country) >= 1)];
            if (r.Candidates.Count != before)
            {
                r.Chosen = r.Candidates.Select(p => p.Id).Distinct().Count() == 1 ? r.Candidates[0] : null;
            }
        }

        var context = raws.Where(r => r.Chosen is { HasPoint: true }).Select(r => r.Chosen!).ToList();

        // Pass 2: the rest, by prominence, country, nearness to the settled places.
        foreach (var r in raws.Where(r => !r.Unknown && r.Chosen is null && r.Candidates.Count > 0))
        {
            r.Chosen = r.Candidates.OrderByDescending(p => Score(p, country, context)).First();
            if (r.Chosen.HasPoint)
            {
                context.Add(r.Chosen);
            }
        }

        ApplyLocatingPhrases(words, raws, country, context);

        // A small place named without a cue word counts only near a place the document surely names (a cue word,
        // an admin unit, a town of some size): of a hundred thousand village names, many are ordinary words.
        var anchors = raws.Where(r => !r.Unknown && r.Chosen is { HasPoint: true } && (r.Cue != Cue.None || r.Chosen.IsProminent)).Select(r => r.Chosen!).ToList();
        foreach (var r in raws.Where(r => !r.Unknown && r.Cue == Cue.None && r.Chosen is { IsSmall: true }))
        {
            // Nothing in the text may say it is a place: not a preposition, a list of places, a quote or hashtag,
            // a locating phrase after it, nor a word that takes a place (بين، طريق، أهالي): فإن شدود، بتوزيع الجملة.
            var supported = r.Locative || r.Coordinated || words.QuoteBefore(r.First) || words.HashtagBefore(r.First) || LocatedAfter(words, r.Last)
                || r.First > 0 && words.Linked(r.First) && gazetteer.Cues.HasWord("place_before", words.Norm(r.First - 1));
            var keep = r.Candidates.Where(p => p.HasPoint && (!p.IsSmall
                || supported && (anchors.Count == 0 || anchors.Any(a => a.Id != p.Id && p.KmTo(a) < SmallPlaceAnchorKm)))).ToList();
            r.Chosen = keep.Count == 0 ? null : keep.OrderByDescending(p => Score(p, country, context)).First();
        }

        // A village or neighbourhood the text names, which the gazetteer knows only abroad, is a local place the
        // gazetteer lacks (بلدة X where X is also a town in another country).
        foreach (var r in raws.Where(r => !r.Unknown && r.Cue is Cue.Town or Cue.Village or Cue.Neighbourhood && r.Chosen is { Kind: not "country" }
            && r.Chosen.Country != country))
        {
            MarkUnknown(words, r);
        }

        var admin1 = context.Where(p => p.Admin1 is not null && p.Kind != "country").GroupBy(p => p.Admin1).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        foreach (var r in raws.Where(r => !r.Unknown && r.Chosen is not null))
        {
            if (r.Facility)
            {
                r.FacilityName = Spans.Clean(Spans.Of(words, r.First, r.Last, r.Stripped).Slice(words.Analysis.Text));
            }

            r.Ref = RefOf(r, admin1);
        }

        var unknownAnchors = UnknownAnchors(words, raws);
        for (var k = 0; k < raws.Count; k++)
        {
            var r = raws[k];
            if (!r.Unknown)
            {
                continue;
            }

            var anchor = unknownAnchors.GetValueOrDefault(k);
            if (anchor is null)
            {
                continue;
            }

            var kind = r.Cue switch
            {
                Cue.Neighbourhood => "neighbourhood",
                // منطقة X placed in a city (وسط العاصمة، في مدينة Y) is a part of it; elsewhere an area like a village.
                Cue.District when anchor.Kind == "city" => "neighbourhood",
                Cue.Camp => "camp",
                Cue.Crossing => "crossing",
                _ => "village",
            };
            r.Ref = new PlaceRef(anchor.Id + PlaceRef.AnchorMark + TextKeys.Slug(r.UnknownName!), r.UnknownName!, r.UnknownName, anchor.Latitude, anchor.Longitude,
                anchor.Country, anchor.Admin1, anchor.Admin2, null, kind, 2, null);
        }
    }

    /// <summary>
    /// The anchor of each unknown raw (by index). One name the gazetteer lacks is one place throughout the text:
    /// every mention takes the finest anchor any of them has (بلدتي ذيبان والطيانة ... بلدة الطيانة: at ذيبان, not
    /// at the governorate the second mention alone would give), when that anchor lies inside the coarser one.
    /// </summary>
    private Dictionary<int, Place> UnknownAnchors(WordSequence words, List<Raw> raws)
    {
        var anchors = new Dictionary<int, Place>();
        for (var k = 0; k < raws.Count; k++)
        {
            if (raws[k].Unknown && AnchorOf(words, raws, k) is { } a)
            {
                anchors[k] = a;
            }
        }

        foreach (var group in anchors.Keys.GroupBy(k => TextKeys.Key(raws[k].UnknownName!)))
        {
            var finest = group.Select(k => anchors[k]).Where(a => a.IsPopulated).OrderByDescending(a => a.Kind == "village" || a.Kind == "town").FirstOrDefault();
            if (finest is null)
            {
                continue;
            }

            foreach (var k in group)
            {
                var a = anchors[k];
                if (!a.IsPopulated && (a.Kind == "country" ? a.Country == finest.Country : a.Admin1 is null || a.Admin1 == finest.Admin1))
                {
                    anchors[k] = finest;
                }
            }
        }

        return anchors;
    }

    /// <summary>
    /// The country the document is about: each mention votes for the country its candidates share (a mention
    /// whose candidates lie in several countries votes for none), a country the text names gives half a vote; Syria when nothing votes (the corpus the project started from).
    /// </summary>
    private static string DocumentCountry(Dictionary<string, double> votes) =>
        votes.Count == 0 ? DefaultCountry : votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Each country's votes (see <see cref="DocumentCountry"/>).</summary>
    private static Dictionary<string, double> CountryVotes(IEnumerable<Raw> raws)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in raws.Select(r => r.NamedCountry).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // Naming a country tips the balance without outweighing the document's own places (Syrian reports
            // name Turkey and Russia as agents all the time).
            votes[c] = NamedCountryVote;
        }

        foreach (var r in raws.Where(r => !r.Unknown && r.Candidates.Count > 0))
        {
            var countries = r.Candidates.Select(p => p.Country).Distinct().ToList();
            if (countries is [{ } c])
            {
                votes[c] = votes.GetValueOrDefault(c) + (r.Candidates.Any(p => p.IsProminent) ? 2 : 1);
            }
        }

        return votes;
    }

    /// <summary>The vote of a country the document names (once, however often named).</summary>
    private const double NamedCountryVote = 0.5;

    /// <summary>The document's country when none of its places says it.</summary>
    public const string DefaultCountry = "SY";

    private List<Place> FilterByCue(Raw r)
    {
        var c = r.Candidates;
        List<Place> Keep(Func<Place, bool> f)
        {
            var l = c.Where(f).ToList();
            return l.Count > 0 ? l : [.. c];
        }

        switch (r.Cue)
        {
            case Cue.Governorate:
            case Cue.Countryside:
            case Cue.Direction:
                {
                    var govs = c.Where(p => p.Kind == "governorate").ToList();
                    if (govs.Count > 0)
                    {
                        r.Precision = 3;
                        return govs;
                    }

                    if (r.Cue != Cue.Governorate)
                    {
                        // The countryside or a side of a town: near the town.
                        r.Precision = 2;
                    }

                    return Keep(p => p.IsPopulated);
                }

            case Cue.Camp or Cue.Crossing when r.Facility:
                r.Precision = 2;
                return [.. c];
            case Cue.District:
                return Keep(p => p.Kind is "district" or "subdistrict");
            case Cue.Desert:
                r.Precision = 2;
                return Keep(p => p.IsPopulated);
            case Cue.City:
            case Cue.Town:
            case Cue.Village:
                return Keep(p => p.IsPopulated);
            default:
                // No cue: a town before the unit of the same name (the Syrian units are coded at their seat town),
                // but a governorate before a village of its name (أبين the governorate, not a hamlet called so).
                return Keep(p => p.IsAdmin
                    ? p.Kind == "governorate" && !c.Any(q => q.IsPopulated && q.Country == p.Country && (q.Country == "SY" || q.IsProminent))
                    : p.IsProminent || !c.Any(q => q.Kind == "governorate" && q.Country == p.Country));
        }
    }

    private static double Score(Place p, string country, List<Place> context)
    {
        var s = p.Rank;
        if (p.Country == country)
        {
            s += 3;
        }

        if (p.HasPoint && context.Any(q => q.Kind != "country" && q.Id != p.Id && p.KmTo(q) < NearKm))
        {
            s += 2;
        }

        if (p.IsPopulated)
        {
            s += 1;
        }

        return s;
    }

    private PlaceRef? RefOf(Raw r, string? docAdmin1)
    {
        var p = r.Chosen!;
        if (!p.HasPoint)
        {
            // A region: coded to its governorate the document is about, else its first.
            var gov = p.Governorates.Select(gazetteer.ByPcode).Where(g => g is not null).ToList();
            var g = gov.FirstOrDefault(x => x!.Name == docAdmin1 || x.Admin1 == docAdmin1) ?? gov.FirstOrDefault();
            if (g is null)
            {
                return null;
            }

            return new PlaceRef(p.Id, p.Name, p.NameAr, g.Latitude, g.Longitude, p.Country ?? g.Country, g.Admin1 ?? g.Name, null, null, p.Kind, 3, null);
        }

        var precision = p.Kind is "governorate" or "country" or "region" ? 3 : p.Kind == "district" ? Math.Max(2, r.Precision) : r.Precision;
        if (r.Facility)
        {
            var kind = r.Cue == Cue.Crossing ? "crossing" : "camp";
            return new PlaceRef(p.Id + PlaceRef.AnchorMark + TextKeys.Slug(r.FacilityName!), r.FacilityName!, r.FacilityName, p.Latitude, p.Longitude, p.Country, p.Admin1, p.Admin2, null, kind, 2, null);
        }

        if (r.Cue == Cue.Desert)
        {
            return new PlaceRef(p.Id + "~badia", p.Name, p.NameAr, p.Latitude, p.Longitude, p.Country, p.Admin1, p.Admin2, null, "region", 2, p.Pcode);
        }

        return p.ToRef(precision);
    }

    /// <summary>
    /// Where the text places a place the gazetteer lacks: a place named just after it with a locating word
    /// (بريف Y، في Y، شرقي Y), else the town «المدينة» refers back to, else the last town named before it,
    /// else the document's most named place.
    /// </summary>
    /// <summary>The most words between two items of a list of places (و، #).</summary>
    private const int ListItemGap = 2;

    /// <summary>
    /// The known village or town next to unknown raw <paramref name="k"/> in a list of places: the item before
    /// it, else the item after it, joined by the conjunction within <see cref="ListItemGap"/> words.
    /// </summary>
    private static Place? ListNeighbour(WordSequence words, List<Raw> raws, int k)
    {
        static Place? Small(Raw x) => !x.Unknown && x.Chosen is { HasPoint: true, Kind: "village" or "town" } p ? p : null;
        var r = raws[k];
        if (r.Coordinated && k > 0 && r.First - raws[k - 1].Last <= ListItemGap && words.AllLinked(raws[k - 1].Last, r.First) && Small(raws[k - 1]) is { } before)
        {
            return before;
        }

        return k + 1 < raws.Count && raws[k + 1].Coordinated && raws[k + 1].First - r.Last <= ListItemGap && words.AllLinked(r.Last, raws[k + 1].First)
            ? Small(raws[k + 1]) : null;
    }

    /// <summary>
    /// A locating phrase after a place rules out its namesakes elsewhere: بريف X (the countryside of X) keeps
    /// those in X's governorate, a heading (بريف X الغربي، شرقي X) those on that side of X. A village or town left
    /// with none is one the gazetteer lacks; a place named without a cue word is then no place.
    /// </summary>
    private void ApplyLocatingPhrases(WordSequence words, List<Raw> raws, string country, List<Place> context)
    {
        for (var k = 0; k < raws.Count; k++)
        {
            var r = raws[k];
            if (r.Unknown || r.Candidates.Count == 0 || LocatingPhraseAfter(words, raws, k) is not var (reference, countryside, heading))
            {
                continue;
            }

            var kept = r.Candidates.Where(p => !p.HasPoint || !p.IsPopulated || p.Id == reference.Id
                || (!countryside || InCountrysideOf(reference, p)) && (heading is not { } h || h.Admits(reference, p))).ToList();
            if (kept.Count == r.Candidates.Count)
            {
                continue;
            }

            r.Candidates = kept;
            r.Chosen = kept.Count == 0 ? null : kept.OrderByDescending(p => Score(p, country, context)).First();
            if (r.Chosen is null && r.Cue is Cue.Town or Cue.Village or Cue.Neighbourhood)
            {
                MarkUnknown(words, r);
            }
        }
    }

    /// <summary>A village, town or quarter the text names that no candidate fits: a place the gazetteer lacks, named as written.</summary>
    private static void MarkUnknown(WordSequence words, Raw r)
    {
        r.Unknown = true;
        r.UnknownName = Spans.Clean(Spans.Of(words, r.First, r.Last, r.Stripped).Slice(words.Analysis.Text));
        r.Chosen = null;
    }

    /// <summary>Nearer than this a place counts as the countryside of a town across an admin boundary (suburbs).</summary>
    public const double CountrysideAcrossBoundaryKm = 25;

    /// <summary>The countryside of X lies in X's governorate (or just by X).</summary>
    private static bool InCountrysideOf(Place reference, Place p)
    {
        if (reference.Country is not null && p.Country != reference.Country)
        {
            return false;
        }

        return reference.Admin1 is null || p.Admin1 is null || p.Admin1 == reference.Admin1 || p.KmTo(reference) < CountrysideAcrossBoundaryKm;
    }

    /// <summary>
    /// The locating phrase that follows raw <paramref name="k"/> within its phrase: its reference place, whether
    /// it is a countryside (بريف X) and its heading (ريف X الغربي after the name, شرقي X before it), or null.
    /// </summary>
    private (Place Reference, bool Countryside, Compass? Heading)? LocatingPhraseAfter(WordSequence words, List<Raw> raws, int k)
    {
        var r = raws[k];
        for (var j = k + 1; j < raws.Count; j++)
        {
            var o = raws[j];
            if (o.First - r.Last > AnchorLookahead || !words.AllLinked(r.Last, o.First))
            {
                return null;
            }

            if (o.Unknown || o.Chosen is not { HasPoint: true } reference || o.Cue is not (Cue.Countryside or Cue.Direction))
            {
                continue;
            }

            var heading = o.Cue == Cue.Direction ? HeadingOf(words, o.First - 1, o.First - 2)
                : o.Last + 1 < words.Count && words.Linked(o.Last + 1) ? HeadingOf(words, o.Last + 1, o.Last + 2) : null;
            return o.Cue == Cue.Countryside || heading is not null ? (reference, o.Cue == Cue.Countryside, heading) : null;
        }

        return null;
    }

    /// <summary>
    /// The heading word <paramref name="near"/> (next to the reference's name) gives, turned by a heading word
    /// at <paramref name="far"/> in the same phrase (شمال شرق، الشمالي الشرقي), or null.
    /// </summary>
    private Compass? HeadingOf(WordSequence words, int near, int far)
    {
        if (near < 0 || near >= words.Count || Compass.Of(gazetteer.Cues, words.Norm(near)) is not { } heading)
        {
            return null;
        }

        var linked = far >= 0 && far < words.Count && words.Linked(Math.Max(near, far));
        return linked && Compass.Of(gazetteer.Cues, words.Norm(far)) is { } turn ? heading.Then(turn) : heading;
    }

    /// <summary>The last known place with a point named before raw <paramref name="k"/> that <paramref name="fits"/>.</summary>
    private static Place? LastBefore(List<Raw> raws, int k, Func<Place, bool> fits)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            if (!raws[j].Unknown && raws[j].Chosen is { HasPoint: true } c && fits(c))
            {
                return c;
            }
        }

        return null;
    }

    private Place? AnchorOf(WordSequence words, List<Raw> raws, int k)
    {
        var r = raws[k];
        if (ListNeighbour(words, raws, k) is { } neighbour)
        {
            // A village the gazetteer lacks, listed with one it knows (قرى عياش والخريطة والمسرب), lies near
            // it: nearer than the governorate the list is placed in.
            return neighbour;
        }

        for (var j = k + 1; j < raws.Count; j++)
        {
            var o = raws[j];
            if (o.First - r.Last > AnchorLookahead || !words.AllLinked(r.Last, o.First))
            {
                break;
            }

            if (!o.Unknown && o.Chosen is { HasPoint: true } && (o.Cue is Cue.Countryside or Cue.Direction or Cue.City or Cue.Governorate or Cue.District || o.Locative || o.Stripped > 0))
            {
                return o.Chosen;
            }
        }

        // A quarter lies in a town: حي X after مدينة نيالا عاصمة ولاية جنوب دارفور is in Nyala, not at the
        // governorate's point. Other places take the last place named before them.
        Place? last = r.Cue == Cue.Neighbourhood ? LastBefore(raws, k, c => c.IsPopulated) : null;
        last ??= LastBefore(raws, k, c => c.Kind is not "country" and not "region");

        if (last is not null)
        {
            return last;
        }

        return raws.Where(x => !x.Unknown && x.Chosen is { HasPoint: true } && x.Chosen.Kind != "country").GroupBy(x => x.Chosen!.Id)
            .OrderByDescending(g => g.Count()).Select(g => g.First().Chosen).FirstOrDefault();
    }
}
