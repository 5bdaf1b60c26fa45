using System.Collections.Immutable;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Output;
using Marsad.Pipeline;
using Marsad.Quantities;
using Marsad.Tests.Temporal;

namespace Marsad.Tests.Quantities;

/// <summary>Issue 14, failure 8 (numbers): vague quantities carry no count unless ACLED's convention is asked for.</summary>
public class VagueCountTests
{
    private static QuantityRef Single(string text, QuantityOptions? options = null)
    {
        var tagger = options is null
            ? TestLexicons.Quantities
            : QuantityTagger.Load(TestLexicons.PathOf("numbers-ar.json"), TestLexicons.PathOf("counted-nouns-ar.json"), options);
        var mentions = tagger.Find(text, ImmutableArray.CreateRange(Tokenizer.Tokenize(text)), []);
        return (QuantityRef)mentions.ShouldHaveSingleItem().Ref!;
    }

    [Theory]
    [InlineData("قتل عشرات المدنيين في القصف.", "tens")]
    [InlineData("قتل مئات المدنيين في القصف.", "hundreds")]
    [InlineData("قتل عدد من المدنيين في القصف.", "several")]
    [InlineData("قتل عدة مدنيين في القصف.", "several")]
    [InlineData("نزح عشرات الآلاف من المواطنين.", "tens")]
    public void Find_VagueQuantity_CountNull(string text, string qualifier)
    {
        // Before: عشرات → 10, مئات → 100, عدة/عدد من → 3 reached the fatalities as numbers.
        var q = Single(text);
        q.Qualifier.ShouldBe(qualifier);
        q.IsVague.ShouldBeTrue();
        q.Count.ShouldBeNull();
        q.ConventionNote.ShouldBeNull();
    }

    [Theory]
    [InlineData("قتل 3 مدنيين في القصف.", 3)]
    [InlineData("قتل نحو 40 مدنياً في القصف.", 40)]
    [InlineData("قتل خمسة مدنيين في القصف.", 5)]
    public void Find_StatedNumber_CountIsTheNumber(string text, long count)
    {
        // Negative case: a stated number (exact or approximate) is a count.
        var q = Single(text);
        q.IsVague.ShouldBeFalse();
        q.Count.ShouldBe(count);
    }

    [Theory]
    [InlineData("قتل عشرات المدنيين في القصف.", 10)]
    [InlineData("قتل مئات المدنيين في القصف.", 100)]
    [InlineData("قتل عدة مدنيين في القصف.", 10)]
    [InlineData("نزح عشرات الآلاف من المواطنين.", 10_000)]
    public void Find_AcledConventionOn_VagueCountCodedAndNoted(string text, long count)
    {
        var q = Single(text, new QuantityOptions(AcledVagueCounts: true));
        q.Count.ShouldBe(count);
        q.ConventionNote.ShouldNotBeNull().ShouldContain("ACLED convention");
    }

    [Fact]
    public void Find_QuantityWithNoun_NounAndLemmaExposed()
    {
        // What the event stage needs to sum victims per clause: each count with its noun.
        var text = "قتل 3 عناصر و2 مدنيين في القصف.";
        var found = TestLexicons.Quantities.Find(text, ImmutableArray.CreateRange(Tokenizer.Tokenize(text)), []).Select(m => (QuantityRef)m.Ref!).ToList();
        found.Select(q => (q.Count, q.NounLemma)).ShouldBe([(3L, "عنصر"), (2L, "مدني")]);
    }

    [Fact]
    public void Write_VagueQuantity_CountNullInContractJson()
    {
        var text = "قتل عشرات المدنيين في القصف.";
        var doc = new ExtractionPipeline([TestLexicons.Dates, TestLexicons.Quantities]).Run(new Document(text, new DocumentSource("t")));
        ContractJsonWriter.ToJson(doc).ShouldContain("\"count\":null");
    }
}
