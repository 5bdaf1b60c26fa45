using System.Text;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Output;
using Marsad.Pipeline;

namespace Marsad.Tests.Output;

public class JsonLinesWriterTests
{
    private static AnnotatedDocument Sample(int n)
    {
        // Written for this test: Arabic, a quote and a backslash in the title (escaped), a mention with a reference.
        var text = $"قال الشاهد سالم العلي إن {n} أشخاص وصلوا إلى القرية.";
        var doc = AnnotatedDocument.Start(new Document(text, new DocumentSource($"in-{n}.txt", Title: "عنوان \"مقتبس\" \\ " + n, Published: new DateOnly(2024, 2, n))));
        var start = text.IndexOf("سالم", StringComparison.Ordinal);
        var mention = new Mention(EntityType.Person, new TextSpan(start, start + 9), text.Substring(start, 9), new PersonRef("person:auto:salem", "سالم العلي"), "test", 0.5);
        return doc.WithMentions([mention], Layers.Persons);
    }

    [Fact]
    public void Write_ToUtf8StreamWriter_SameBytesAsEachDocumentsJsonLine()
    {
        using var bytes = new MemoryStream();
        using (var output = new StreamWriter(bytes, new UTF8Encoding(false), leaveOpen: true))
        {
            var w = new JsonLinesWriter();
            w.Begin(output);
            for (var n = 1; n <= 3; n++)
            {
                w.Write(output, Sample(n));
            }

            w.End(output);
        }

        var expected = string.Concat(Enumerable.Range(1, 3).Select(n => ContractJsonWriter.ToJson(Sample(n)) + "\n"));
        Encoding.UTF8.GetString(bytes.ToArray()).ShouldBe(expected);
        expected.ShouldContain("\\\"مقتبس\\\""); // escaped quote, Arabic unescaped
    }

    /// <summary>Text written through the StreamWriter before a document (still in its buffer) comes out first.</summary>
    [Fact]
    public void Write_AfterBufferedText_KeepsOrder()
    {
        using var bytes = new MemoryStream();
        using (var output = new StreamWriter(bytes, new UTF8Encoding(false), leaveOpen: true))
        {
            output.Write("before\n");
            new JsonLinesWriter().Write(output, Sample(1));
            output.Write("after\n");
        }

        Encoding.UTF8.GetString(bytes.ToArray()).ShouldBe("before\n" + ContractJsonWriter.ToJson(Sample(1)) + "\nafter\n");
    }

    [Fact]
    public void Write_ToStringWriter_SameTextAsStreamPath()
    {
        using var text = new StringWriter();
        var w = new JsonLinesWriter();
        w.Write(text, Sample(1));
        w.Write(text, Sample(2));

        text.ToString().ShouldBe(ContractJsonWriter.ToJson(Sample(1)) + Environment.NewLine + ContractJsonWriter.ToJson(Sample(2)) + Environment.NewLine);
    }

    /// <summary>A writer whose encoding emits a byte-order mark is written as text, so the mark is not lost.</summary>
    [Fact]
    public void Write_ToStreamWriterWithBom_BomKept()
    {
        using var bytes = new MemoryStream();
        using (var output = new StreamWriter(bytes, new UTF8Encoding(true), leaveOpen: true))
        {
            new JsonLinesWriter().Write(output, Sample(1));
        }

        bytes.ToArray()[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
    }
}
