using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Ner;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Ner;

public class NerAnnotatorTests
{
    private static readonly DocumentSource Src = new("test.txt");

    private static readonly Lazy<NerTagger> Tagger = new(() =>
        PerceptronTrainer.TrainTagger(NerTestData.Corpus, [], NerTestData.FastOptions, "annotator test"));

    private static NerAnnotator Annotator(NerAnnotatorOptions? o = null) =>
        new(Tagger.Value, (o ?? new NerAnnotatorOptions()) with
        {
            ActorHeads = System.Collections.Immutable.ImmutableDictionary.CreateRange<string, int>(
                StringComparer.Ordinal, [new("جبهه", 2)]),
        });

    [Fact]
    public void Annotate_Person_EmitsAutoPersonWithSlugId()
    {
        var doc = AnnotatedDocument.Start(new Document("قالت رنا يوسف إن كفرنجوم هادئة.", Src));
        var result = Annotator().Annotate(doc);
        var person = result.MentionsOf(EntityType.Person).ShouldHaveSingleItem();
        person.Text.ShouldBe("رنا يوسف");
        person.Ref.ShouldBe(new PersonRef("person:auto:رنا-يوسف", "رنا يوسف"));
        result.Text[person.Start..person.End].ShouldBe(person.Text);
        result.Present.HasFlag(Layers.NamedEntities).ShouldBeTrue();
    }

    [Fact]
    public void Annotate_UnresolvedPlace_NotEmittedByDefault()
    {
        var doc = AnnotatedDocument.Start(new Document("قالت رنا يوسف إن كفرنجوم هادئة.", Src));
        Annotator().Annotate(doc).MentionsOf(EntityType.Place).ShouldBeEmpty();
        // Opt-in: the place comes without a reference (no coordinates).
        var place = Annotator(new NerAnnotatorOptions(EmitUnresolvedPlaces: true)).Annotate(doc).MentionsOf(EntityType.Place).ShouldHaveSingleItem();
        place.Text.ShouldBe("كفرنجوم");
        place.Ref.ShouldBeNull();
    }

    [Fact]
    public void Annotate_OrgWithArmedGroupHead_EmitsActor()
    {
        var doc = AnnotatedDocument.Start(new Document("أعلنت جبهة النهر الأخضر أن مقاتليها في تل الورد.", Src));
        var actor = Annotator().Annotate(doc).MentionsOf(EntityType.Actor).ShouldHaveSingleItem();
        actor.Text.ShouldBe("جبهة النهر الأخضر");
        actor.Ref.ShouldBeOfType<ActorRef>().Inter.ShouldBe(2);
    }

    [Fact]
    public void Annotate_SpanOverlapsCatalogueMention_CatalogueWins()
    {
        var text = "قالت رنا يوسف إن كفرنجوم هادئة.";
        var start = text.IndexOf("رنا", StringComparison.Ordinal);
        var catalogue = new Mention(EntityType.Person, new TextSpan(start, start + 3), "رنا", new PersonRef("person:rana", "Rana"), "persons");
        var doc = AnnotatedDocument.Start(new Document(text, Src)).WithMentions([catalogue], Layers.Persons);
        var persons = Annotator().Annotate(doc).MentionsOf(EntityType.Person).ToList();
        persons.ShouldHaveSingleItem().Annotator.ShouldBe("persons");
    }

    [Fact]
    public void Slug_ArabicWithPunctuation_JoinsNormalizedWords() =>
        NerAnnotator.Slug("أبو  عمر (الشامي)").ShouldBe("ابو-عمر-الشامي");

    [SharedFact]
    public void ShippedModel_LoadsAndTagsValidBio()
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "data", "models", "ner-anercorp.bin");
        var tagger = NerTagger.Load(path);
        IReadOnlyList<string>[] doc = [["قال", "الرئيس", "سامر", "حداد", "في", "دمشق", "."]];
        var tags = tagger.TagDocument(doc)[0];
        tags.Length.ShouldBe(7);
        for (var i = 0; i < tags.Length; i++)
        {
            NerTags.IsValidTransition(i == 0 ? -1 : tags[i - 1], tags[i]).ShouldBeTrue();
        }

        NerTags.Names[tags[5]].ShouldBe("B-LOC");
    }

    [SharedFact]
    public void ReadTagged_AnercorpTrain_NoEmptyTokensAndPeriodSentences()
    {
        var sentences = NerCorpus.ReadTagged(SharedMaterial.PathOf("data/anercorp/train.txt"));
        sentences.Count.ShouldBeGreaterThan(3900);
        sentences.ShouldAllBe(s => s.Tokens.All(t => t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal)));
        foreach (var s in sentences.Take(sentences.Count - 1))
        {
            s.Tokens[s.Tokens.Count - 1].ShouldBe(".");
        }
    }
}
