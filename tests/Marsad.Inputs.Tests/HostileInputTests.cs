using System.Text;
using Marsad.Inputs;

namespace Marsad.Tests;

/// <summary>Issue 14, failures 4–6: deep HTML, lone surrogate escapes in JSON Lines, folder symlink loops.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Nested(int depth, string inner) =>
        "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + inner + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

    [Fact]
    public void Extract_HundredThousandNestedDivs_CompletesWithTheText()
    {
        // Before: 216 s (quadratic tree building and passes). The depth bound makes it linear; no timing
        // is asserted — a quadratic regression shows as a test run minutes long.
        var paragraphs = TestInputs.Report.Split('\n');
        var a = HtmlArticleExtractor.Extract(Nested(100_000, string.Concat(paragraphs.Select(p => "<p>" + p + "</p>"))));
        a.Text.ShouldBe(TestInputs.Report);
    }

    [Fact]
    public void Extract_TextBetweenDroppedDeepBlocks_KeepsLineBreaks()
    {
        // Past the bound, a run of block tags still ends a line: the two paragraphs stay apart.
        var depth = HtmlDepthLimiter.MaxDepth + 50;
        var html = Nested(depth, "أولى<div><div>ثانية</div></div>");
        HtmlArticleExtractor.Extract(html).Text.ShouldBe("أولى\nثانية");
    }

    [Fact]
    public void Limit_ShallowPage_Unchanged()
    {
        // Negative case: a page within the bound is parsed exactly as written.
        var html = Nested(HtmlDepthLimiter.MaxDepth, "<p>نص</p>");
        HtmlDepthLimiter.Limit(html).ShouldBeSameAs(html);
    }

    [Fact]
    public void Limit_DeepTagsInsideScriptAndComments_NotCounted()
    {
        // Markup-like text in a script or a comment is not nesting.
        var fake = string.Concat(Enumerable.Repeat("<div>", HtmlDepthLimiter.MaxDepth * 2));
        var html = "<html><body><script>var s='" + fake + "';</script><!--" + fake + "--><div><p>نص</p></div></body></html>";
        HtmlDepthLimiter.Limit(html).ShouldBe(html);
    }

    [Fact]
    public void Limit_DeepNesting_BoundedDepthBalanced()
    {
        var limited = HtmlDepthLimiter.Limit(Nested(1000, "x"));
        var opens = limited.Split("<div>").Length - 1;
        var closes = limited.Split("</div>").Length - 1;
        opens.ShouldBe(HtmlDepthLimiter.MaxDepth);
        closes.ShouldBe(HtmlDepthLimiter.MaxDepth);
    }

    [Fact]
    public void Read_JsonLineWithLoneSurrogate_ThatLineRejectedOthersRead()
    {
        // Before: System.Text.Json's InvalidOperationException ended the whole run.
        var jsonl = "{\"text\":\"سطر أول\"}\n{\"text\":\"مكسور \\ud83d\"}\n{\"text\":\"سطر ثالث\"}\n";
        var results = TestInputs.Read(jsonl, "r.jsonl");
        results.Count.ShouldBe(3);
        results[0].Document.ShouldNotBeNull().Text.ShouldBe("سطر أول");
        var rej = results[1].Rejection.ShouldNotBeNull();
        rej.Input.ShouldBe("r.jsonl:2");
        rej.Reason.ShouldContain("surrogate");
        rej.Reason.ShouldNotContain("\n");
        results[2].Document.ShouldNotBeNull().Text.ShouldBe("سطر ثالث");
    }

    [Fact]
    public void Read_JsonLineWithPairedSurrogateEscapes_Read()
    {
        // Negative case: an escaped pair is an emoji, not an error.
        var results = TestInputs.Read("{\"text\":\"نص \\ud83d\\udd25\"}\n", "r.jsonl");
        results.ShouldHaveSingleItem().Document.ShouldNotBeNull().Text.ShouldBe("نص \U0001F525");
    }

    [Fact]
    public void Read_JsonLineWithLoneSurrogateInTitle_Rejected()
    {
        var results = TestInputs.Read("{\"text\":\"نص\",\"title\":\"\\udc00\"}\n", "r.jsonl");
        results.ShouldHaveSingleItem().Rejection.ShouldNotBeNull().Reason.ShouldContain("surrogate");
    }

    [Fact]
    public void Read_FolderWithSymlinkLoops_EachFileOnce()
    {
        // Before: 2 files were read as 82 documents (the loop followed until paths grew too long).
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "sub")).FullName;
        File.WriteAllText(Path.Combine(_dir, "a.txt"), TestInputs.Report, Encoding.UTF8);
        File.WriteAllText(Path.Combine(sub, "b.txt"), TestInputs.Report + " ثانية", Encoding.UTF8);
        Directory.CreateSymbolicLink(Path.Combine(sub, "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "again"), sub);
        var results = new InputReader().Read([_dir], new InputDefaults()).ToList();
        results.Count.ShouldBe(2);
        results.ShouldAllBe(r => r.Document != null);
    }

    [Fact]
    public void Read_FolderReachedOnlyThroughSymlink_Read()
    {
        // Negative case: a link to a folder outside the tree is followed (once).
        var outside = Directory.CreateDirectory(Path.Combine(_dir, "outside")).FullName;
        var tree = Directory.CreateDirectory(Path.Combine(_dir, "tree")).FullName;
        File.WriteAllText(Path.Combine(outside, "c.txt"), TestInputs.Report, Encoding.UTF8);
        Directory.CreateSymbolicLink(Path.Combine(tree, "linked"), outside);
        new InputReader().Read([tree], new InputDefaults()).ShouldHaveSingleItem().Document.ShouldNotBeNull();
    }
}
