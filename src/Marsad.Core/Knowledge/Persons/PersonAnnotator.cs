using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Knowledge.Persons;

/// <summary>
/// Finds person mentions: catalogue names; names after a title or rank (اللواء، العقيد، القيادي، الحاج، المدعو),
/// quoted or bare; quoted names followed by a role word (“X Y” قيادي في ...). The role the text gives right
/// after the name (ماهر الأسد قائد الفرقة الرابعة) is attached. Never inside an actor mention.
/// </summary>
public sealed class PersonAnnotator(PersonCatalogue catalogue) : IAnnotator
{
    public const string AnnotatorName = "persons";

    /// <summary>Cue categories in <c>data/persons/cues.tsv</c>.</summary>
    public const string TitleCue = "title";
    public const string NameTitleCue = "name_title";
    public const string RoleCue = "role";
    public const string StopCue = "stop";
    public const string RoleEndCue = "role_end";

    private const int MaxNameWords = 4;
    private const int MaxBareNameWords = 3;
    private const int MaxRoleWords = 5;

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens | Layers.Actors;

    public Layers Provides => Layers.Persons;

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var taken = Spans.Normalize(document.MentionsOf(EntityType.Actor).Select(m => m.Span));
        return document.WithMentions(Find(document.Analysis, taken), Layers.Persons);
    }

    public IEnumerable<Mention> Find(AnalyzedText analysis, IReadOnlyList<TextSpan> taken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var words = WordSequence.Of(analysis);
        taken = Spans.Normalize(taken);
        var result = new List<Mention>();
        for (var i = 0; i < words.Count;)
        {
            var m = catalogue.Names.MatchAt(words, i);
            if (m is not null)
            {
                var span = Spans.Of(words, m.First, m.Last, m.Stripped);
                if (!Spans.OverlapsAny(span, taken))
                {
                    var p = m.Entries[0];
                    var role = RoleAfter(words, m.Last, taken) ?? p.Role;
                    result.Add(new Mention(EntityType.Person, span, span.Slice(analysis.Text), new PersonRef(p.Id, p.Name, role, p.ActorId), AnnotatorName, 0.9));
                    i = m.Last + 1;
                    continue;
                }
            }

            var found = TitledName(words, i) ?? QuotedNameWithRole(words, i);
            if (found is { } f)
            {
                var span = Spans.Of(words, f.First, f.Last, f.Stripped);
                if (!Spans.OverlapsAny(span, taken))
                {
                    var text = span.Slice(analysis.Text);
                    var known = catalogue.Names.MatchAt(words, f.NameFirst);
                    PersonRef r;
                    if (known is not null && known.Last == f.Last)
                    {
                        var p = known.Entries[0];
                        r = new PersonRef(p.Id, p.Name, RoleAfter(words, f.Last, taken) ?? p.Role, p.ActorId);
                    }
                    else
                    {
                        var name = Spans.Clean(text);
                        r = new PersonRef("person:" + TextKeys.Slug(name), name, RoleAfter(words, f.Last, taken));
                    }

                    result.Add(new Mention(EntityType.Person, span, text, r, AnnotatorName, 0.7));
                    i = f.Last + 1;
                    continue;
                }
            }

            i++;
        }

        return result;
    }

    private (int First, int Last, int Stripped, int NameFirst)? TitledName(WordSequence words, int i)
    {
        var cues = catalogue.Cues;
        var keepTitle = false;
        var isTitle = false;
        var stripped = 0;
        foreach (var (form, s) in words.Readings(i))
        {
            if (cues.Has(NameTitleCue, form))
            {
                keepTitle = isTitle = true;
                stripped = s;
                break;
            }

            if (cues.Has(TitleCue, form))
            {
                isTitle = true;
                stripped = s;
                break;
            }
        }

        if (!isTitle || i + 1 >= words.Count || !words.Linked(i + 1))
        {
            return null;
        }

        var quoted = words.QuoteBefore(i + 1);
        var last = i;
        for (var k = i + 1; k < words.Count && k - i <= (quoted ? MaxNameWords : MaxBareNameWords); k++)
        {
            if (k > i + 1 && !words.Linked(k))
            {
                break;
            }

            if (!IsNameWord(words, k, k == i + 1 && !quoted))
            {
                break;
            }

            last = k;
            if (quoted && words.QuoteAfter(k))
            {
                break;
            }

            if (!quoted && words.QuoteAfter(k))
            {
                break;
            }
        }

        var count = last - i;
        if (count == 0 || (quoted && !words.QuoteAfter(last)) || (!quoted && !keepTitle && count < 2))
        {
            return null;
        }

        return keepTitle ? (i, last, stripped, i) : (i + 1, last, 0, i + 1);
    }

    private (int First, int Last, int Stripped, int NameFirst)? QuotedNameWithRole(WordSequence words, int i)
    {
        if (!words.QuoteBefore(i) || !IsNameWord(words, i, firstBare: true))
        {
            return null;
        }

        var last = i;
        while (!words.QuoteAfter(last) && last + 1 < words.Count && words.Linked(last + 1) && last - i < MaxNameWords && IsNameWord(words, last + 1, false))
        {
            last++;
        }

        if (!words.QuoteAfter(last) || last == i || last + 1 >= words.Count || !IsRole(words, last + 1))
        {
            return null;
        }

        return (i, last, 0, i);
    }

    private bool IsNameWord(WordSequence words, int k, bool firstBare)
    {
        var t = words[k];
        if (t.Kind != TokenKind.Arabic)
        {
            return false;
        }

        var n = t.Norm;
        var cues = catalogue.Cues;
        if (cues.Has(StopCue, n) || IsRole(words, k) || cues.Has(TitleCue, n))
        {
            return false;
        }

        // A word with a proclitic before the article (بالعناصر، والقوات) is not part of a name.
        if (n.Length > 3 && n[1] == ArabicLetters.Alef && n[2] == ArabicLetters.Lam && n[0] is ArabicLetters.Beh or ArabicLetters.Waw or ArabicLetters.Kaf or ArabicLetters.Feh
            || n.Length > 3 && n[0] == ArabicLetters.Lam && n[1] == ArabicLetters.Lam)
        {
            return false;
        }

        // A bare name starts with a given name, which carries no article (القيادي في ... / اللواء العسكري).
        return !(firstBare && TextKeys.HasArticle(n));
    }

    private bool IsRole(WordSequence words, int k)
    {
        foreach (var (form, _) in words.Readings(k))
        {
            if (catalogue.Cues.Has(RoleCue, form))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when word <paramref name="k"/> is the last word of an actor mention: a role names its unit and stops.</summary>
    private static bool EndsAnActor(WordSequence words, int k, IReadOnlyList<TextSpan> actors)
    {
        var end = words[k].End;
        var s = new TextSpan(words[k].Start, end);
        return Spans.OverlapsAny(s, actors) && actors.Any(a => a.End >= end && a.End <= end + 1);
    }

    /// <summary>The role phrase right after a name: a role word and what it governs, up to a break.</summary>
    private string? RoleAfter(WordSequence words, int last, IReadOnlyList<TextSpan> actors)
    {
        var r = last + 1;
        if (r >= words.Count || !words.Linked(r) || !IsRole(words, r))
        {
            return null;
        }

        var end = r;
        while (end + 1 < words.Count && words.Linked(end + 1) && end + 1 - r < MaxRoleWords && !catalogue.Cues.Has(RoleEndCue, words.Norm(end + 1))
            && !(end > r && catalogue.Cues.Has(StopCue, words.Norm(end + 1))) && !EndsAnActor(words, end, actors))
        {
            // A preposition may follow the role word (قيادي في ...), not end a complete role (قائد الفرقة | في ...).
            end++;
        }

        return Spans.Clean(words.SpanOf(r, end).Slice(words.Analysis.Text));
    }
}
