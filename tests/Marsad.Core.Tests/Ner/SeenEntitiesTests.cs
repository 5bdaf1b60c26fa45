using Marsad.Analysis;
using Marsad.Ner;
using static Marsad.Tests.Ner.NerTestData;

namespace Marsad.Tests.Ner;

public class SeenEntitiesTests
{
    private static string[] MarksOf(WordListLexicon lexicon, params string[] tokens) =>
        [.. lexicon.Mark([.. tokens.Select(t => ArabicNormalizer.Normalize(t))]).Distinct().OrderBy(m => m.Token).Select(m => $"{m.Token}:{m.Label}")];

    [Fact]
    public void Build_GoldSpans_MarkTheNameWithItsType()
    {
        var lexicon = SeenEntities.Build(Corpus);

        MarksOf(lexicon, "زار", "سامر", "حداد").ShouldBe(["1:B-PER", "2:I-PER"]);
        MarksOf(lexicon, "غادر", "كفرنجوم").ShouldBe(["1:B-LOC"]);
        lexicon.Name.ShouldBe(SeenEntities.LexiconName);
    }

    [Fact]
    public void Build_NameWithProclitic_MatchesOtherInflections()
    {
        // The corpus has the place only with a preposition glued on; the entry is its stem, so the bare
        // form and another clitic both match.
        var lexicon = SeenEntities.Build([S("وصلوا/O بكفرنجوم/B-LOC ./O")]);

        MarksOf(lexicon, "كفرنجوم").ShouldBe(["0:B-LOC"]);
        MarksOf(lexicon, "وكفرنجوم").ShouldBe(["0:B-LOC"]);
    }

    [Fact]
    public void Build_NameWithTwoTypes_OneEntryWithBoth()
    {
        // A name that is a place in one story and a club in another: one mark naming both types, a
        // feature of its own (the model learns what such names usually are).
        var lexicon = SeenEntities.Build([S("في/O الوادي/B-LOC ./O"), S("فاز/O الوادي/B-ORG ./O")]);

        MarksOf(lexicon, "الوادي").ShouldBe(["0:B-LOC+ORG"]);
    }

    [Fact]
    public void Build_SameSentencesInAnotherOrder_SameEntries()
    {
        var a = SeenEntities.Build(Corpus).Entries;
        var b = SeenEntities.Build(Corpus.Reverse()).Entries;

        b.ShouldBe(a);
    }

    [Fact]
    public void Plan_SentenceBlock_LexiconWithoutItsOwnNames()
    {
        // Two blocks of three sentences: "جبهة النهر الأخضر" occurs in both, "سامر حداد" only in the
        // first, so the first block's sentences are trained without a mark on him.
        var plan = SeenEntities.Plan(Corpus, folds: 2);

        plan.BlockOf.ShouldBe([0, 0, 0, 1, 1, 1]);
        MarksOf(plan.Folds[0], "سامر", "حداد").ShouldBeEmpty();
        MarksOf(plan.Folds[1], "سامر", "حداد").ShouldBe(["0:B-PER", "1:I-PER"]);
        MarksOf(plan.Full, "سامر", "حداد").ShouldBe(["0:B-PER", "1:I-PER"]);
        MarksOf(plan.Folds[0], "جبهة", "النهر", "الأخضر").ShouldBe(["0:B-ORG", "1:I-ORG", "2:I-ORG"]);
    }

    [Fact]
    public void Plan_OneFold_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SeenEntities.Plan(Corpus, folds: 1));

    [Fact]
    public void Train_WithSeenEntities_ShipsTheWholeCorpusLexiconAndRoundTrips()
    {
        var model = PerceptronTrainer.Train(Corpus, [], FastOptions, "test");
        var seen = model.Features.Lexicons.OfType<WordListLexicon>().Single(l => l.Name == SeenEntities.LexiconName);
        seen.Entries.ShouldBe(SeenEntities.Build(Corpus).Entries);

        using var stream = new MemoryStream();
        new NerTagger(model, null, 5).Save(stream);
        stream.Position = 0;
        var loaded = NerTagger.Load(stream);
        loaded.First.Features.Lexicons.OfType<WordListLexicon>().Single(l => l.Name == SeenEntities.LexiconName)
            .Entries.ShouldBe(seen.Entries);
    }

    [Fact]
    public void Train_SeenEntitiesOff_NoCorpusLexicon()
    {
        var model = PerceptronTrainer.Train(Corpus, [], FastOptions with { SeenEntities = false }, "test");

        model.Features.Lexicons.ShouldNotContain(l => l.Name == SeenEntities.LexiconName);
    }
}
