using System.Collections.Immutable;
using Marsad.Analysis;
using Marsad.Temporal;

namespace Marsad.Tests.Temporal;

public class DateLexiconTests
{
    [Theory]
    [InlineData("كانون الثاني", 1)]
    [InlineData("شباط", 2)]
    [InlineData("آذار", 3)]
    [InlineData("نيسان", 4)]
    [InlineData("أيار", 5)]
    [InlineData("حزيران", 6)]
    [InlineData("تموز", 7)]
    [InlineData("آب", 8)]
    [InlineData("أيلول", 9)]
    [InlineData("تشرين الأول", 10)]
    [InlineData("تشرين الثاني", 11)]
    [InlineData("كانون الأول", 12)]
    public void Load_RepositoryLexicon_KnowsEveryLevantineMonth(string name, int month)
    {
        var tagger = new DateTagger(DateLexicon.Load(TestLexicons.PathOf("dates-ar.json")));
        var text = "10 " + name + " 2018";
        var found = tagger.Find(text, ImmutableArray.CreateRange(Tokenizer.Tokenize(text)), null).Single();
        found.Ref.ShouldBe(new Marsad.Annotations.DateRef(new DateOnly(2018, month, 10), 1, "absolute"));
    }

    [Fact]
    public void Parse_LexiconWithoutAMonth_DoesNotKnowIt()
    {
        // The vocabulary comes from data, not code: a lexicon without حزيران does not find it.
        var json = File.ReadAllText(TestLexicons.PathOf("dates-ar.json")).Replace("\"حزيران\", ", string.Empty, StringComparison.Ordinal);
        var tagger = new DateTagger(DateLexicon.Parse(json));
        const string text = "10 حزيران 2018";
        tagger.Find(text, ImmutableArray.CreateRange(Tokenizer.Tokenize(text)), null).ShouldBeEmpty();
    }
}
