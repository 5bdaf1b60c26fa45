using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class CatalogueLexiconTests
{
    [Fact]
    public void Load_CatalogueWithAliases_MarksEveryAlias()
    {
        var root = Path.Combine(Path.GetTempPath(), "marsad-catlex-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "persons"));
        try
        {
            // Our own row: header, comment, one person with two aliases.
            File.WriteAllText(Path.Combine(root, "persons", "persons.tsv"),
                "# test\nid\tname\tname_ar\trole\tactor_id\taliases_ar\nperson:x\tSamer\tسامر حداد\t\t\tسامر حداد|أبو سامر\n");
            var lex = CatalogueLexicon.Load(root);
            lex.Entries.Count.ShouldBe(2); // the duplicate of name_ar in aliases counts once
            lex.Mark([.. new[] { "قال", "أبو", "سامر" }.Select(w => Marsad.Analysis.ArabicNormalizer.Normalize(w))]).ShouldBe([new LexiconMark(1, "B-CAT_PERSON"), new LexiconMark(2, "I-CAT_PERSON")]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
