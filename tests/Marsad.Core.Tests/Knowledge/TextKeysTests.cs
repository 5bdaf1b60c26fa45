using Marsad.Knowledge;

namespace Marsad.Tests.Knowledge;

public class TextKeysTests
{
    [Fact]
    public void Key_GluedAndSpaced_AreEqual() =>
        TextKeys.Key("دير الزور").ShouldBe(TextKeys.Key("ديرالزور"));

    [Fact]
    public void Key_TehMarbutaAndHeh_AreEqual() =>
        TextKeys.Key("حماة").ShouldBe(TextKeys.Key("حماه"));

    [Fact]
    public void Key_HamzaFormsAndDiacritics_AreFolded() =>
        TextKeys.Key("إِدْلِب").ShouldBe(TextKeys.Key("ادلب"));

    [Fact]
    public void Proclitics_ConjunctionAndPreposition_AreStripped() =>
        TextKeys.Proclitics("وبالرقه").Select(p => p.Form).ShouldBe(["وبالرقه", "بالرقه", "الرقه"]);

    [Fact]
    public void Proclitics_LamLam_RestoresTheArticle()
    {
        // للرقة: the preposition ل ate the article's alef; the reading restores it.
        TextKeys.Proclitics("للرقه").ShouldContain(("الرقه", 1));
    }

    [Fact]
    public void Slug_SameName_IsDeterministicAscii()
    {
        TextKeys.Slug("لواء أسود الفرات").ShouldBe(TextKeys.Slug("لواء اسود الفرات"));
        TextKeys.Slug("الفرقة 25").ShouldMatch("^[a-z0-9-]+$");
    }

    [Fact]
    public void OriginalOffsetOf_Diacritics_AreSkipped()
    {
        const string text = "بِالرَّقة";
        // The third letter (ا of the article) sits after the kasra on ب.
        TextKeys.OriginalOffsetOf(text, 0, text.Length, 1).ShouldBe(2);
    }
}
