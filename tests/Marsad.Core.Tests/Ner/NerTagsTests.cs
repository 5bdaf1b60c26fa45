using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class NerTagsTests
{
    [Theory]
    [InlineData("B-PERS", "B-PER")] // ANERcorp writes PERS; we write PER
    [InlineData("I-PER", "I-PER")]
    [InlineData("B-MISC", "B-MISC")]
    [InlineData("O", "O")]
    public void TryParse_KnownTag_MapsToCanonicalName(string tag, string expected)
    {
        NerTags.TryParse(tag, out var id).ShouldBeTrue();
        NerTags.Names[id].ShouldBe(expected);
    }

    [Theory]
    [InlineData("B-XYZ")]
    [InlineData("PER")]
    [InlineData("")]
    public void TryParse_UnknownTag_ReturnsFalse(string tag) => NerTags.TryParse(tag, out _).ShouldBeFalse();

    [Fact]
    public void IsValidTransition_InsideAfterOtherType_IsInvalid()
    {
        NerTags.TryParse("B-PER", out var bPer);
        NerTags.TryParse("I-PER", out var iPer);
        NerTags.TryParse("I-LOC", out var iLoc);
        NerTags.IsValidTransition(bPer, iPer).ShouldBeTrue();
        NerTags.IsValidTransition(iPer, iPer).ShouldBeTrue();
        NerTags.IsValidTransition(bPer, iLoc).ShouldBeFalse();
        NerTags.IsValidTransition(NerTags.O, iPer).ShouldBeFalse();
        NerTags.IsValidTransition(-1, iPer).ShouldBeFalse(); // sentence start
    }

    [Fact]
    public void Spans_OrphanInside_StartsSpanLikeConlleval()
    {
        // O I-LOC I-LOC B-PER: conlleval reads the orphan I- as the start of an entity.
        int[] tags = [NerTags.O, 4, 4, 1];
        var spans = NerTags.Spans(tags);
        spans.ShouldBe([new NerSpan(1, 3, 1), new NerSpan(3, 4, 0)]);
    }
}
