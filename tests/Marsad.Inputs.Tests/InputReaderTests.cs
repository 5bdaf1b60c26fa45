using System.Text;
using Marsad.Inputs;

namespace Marsad.Tests;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_PlainText_AppliesDefaults()
    {
        var defaults = new InputDefaults("منفذ", new DateOnly(2024, 1, 2));
        var d = TestInputs.Read(TestInputs.Report, "r.txt", defaults).ShouldHaveSingleItem().Document.ShouldNotBeNull();
        d.Source.ShouldBe(new Marsad.Documents.DocumentSource("r.txt", Outlet: "منفذ", Published: new DateOnly(2024, 1, 2)));
    }

    [Fact]
    public void Read_HtmlWithoutExtension_DetectedByContent()
    {
        var html = "<!doctype html><html><head><meta property=\"article:published_time\" content=\"2024-02-03T10:00:00Z\"></head><body><article><p>" + TestInputs.Report + "</p></article></body></html>";
        var d = TestInputs.Read(html, "download-17").ShouldHaveSingleItem().Document.ShouldNotBeNull();
        d.Text.ShouldBe(TestInputs.Report.Replace('\n', ' '));
        d.Source.Published.ShouldBe(new DateOnly(2024, 2, 3));
    }

    [Fact]
    public void Read_HtmlOwnDate_NotOverriddenByDefault()
    {
        var html = "<html><head><meta name=\"date\" content=\"2020-07-08\"><meta property=\"og:site_name\" content=\"موقع\"></head><body><p>نص</p></body></html>";
        var d = TestInputs.Read(html, "p.html", new InputDefaults("آخر", new DateOnly(2024, 1, 1))).ShouldHaveSingleItem().Document.ShouldNotBeNull();
        d.Source.Published.ShouldBe(new DateOnly(2020, 7, 8));
        d.Source.Outlet.ShouldBe("موقع");
    }

    [Fact]
    public void Read_HtmlWithoutText_Rejected()
    {
        var r = TestInputs.Read("<html><body><nav>قائمة</nav><script>x()</script></body></html>", "p.html").ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("no article text");
    }

    [Fact]
    public void Read_Rss_OneDocumentPerItem_PathIsLink()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>قناة</title>
            <item><title>أ</title><link>https://example.org/1</link><pubDate>Sun, 05 Dec 2021 10:00:00 +0300</pubDate>
              <description>&lt;p&gt;الأول&lt;/p&gt;&lt;p&gt;فقرة&lt;/p&gt;</description></item>
            <item><title>ب</title><link>https://example.org/2</link><description>قصير</description>
              <content:encoded><![CDATA[<p>النص الكامل</p><script>no()</script>]]></content:encoded></item>
            </channel></rss>
            """;
        var docs = TestInputs.Read(rss, "feed.xml", new InputDefaults(null, new DateOnly(2022, 2, 2))).Select(r => r.Document.ShouldNotBeNull()).ToList();
        docs.Count.ShouldBe(2);
        docs[0].Text.ShouldBe("الأول\nفقرة");
        docs[0].Source.ShouldBe(new Marsad.Documents.DocumentSource("https://example.org/1", "https://example.org/1", "قناة", "أ", new DateOnly(2021, 12, 5)));
        // content:encoded wins over description; the item without pubDate takes --published.
        docs[1].Text.ShouldBe("النص الكامل");
        docs[1].Source.Published.ShouldBe(new DateOnly(2022, 2, 2));
    }

    [Fact]
    public void Read_Atom_OneDocumentPerEntry()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>موجز</title>
            <entry><title>عنوان</title><link rel="alternate" href="https://example.org/e1"/><updated>2023-03-04T01:00:00Z</updated>
              <content type="html">&lt;p&gt;نص المدخل&lt;/p&gt;</content></entry>
            </feed>
            """;
        var d = TestInputs.Read(atom, "atom").ShouldHaveSingleItem().Document.ShouldNotBeNull();
        d.Text.ShouldBe("نص المدخل");
        d.Source.Path.ShouldBe("https://example.org/e1");
        d.Source.Published.ShouldBe(new DateOnly(2023, 3, 4));
        d.Source.Title.ShouldBe("عنوان");
    }

    [Fact]
    public void Read_Rss10Rdf_ItemsWithDcDate()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>قناة</title></channel>
            <item><title>أ</title><link>https://example.org/r1</link><dc:date>2022-08-09T10:00:00+03:00</dc:date><description>نص البند</description></item>
            </rdf:RDF>
            """;
        var d = TestInputs.Read(rdf, "r.rdf").ShouldHaveSingleItem().Document.ShouldNotBeNull();
        d.Text.ShouldBe("نص البند");
        d.Source.Published.ShouldBe(new DateOnly(2022, 8, 9));
    }

    [Fact]
    public void Read_FeedWithExternalEntity_NotResolved()
    {
        // A DTD is ignored and nothing is fetched (no XXE): the entity reference is then an error.
        const string rss = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><description>&x;</description></item></channel></rss>
            """;
        var results = TestInputs.Read(rss, "x.xml");
        results.ShouldAllBe(r => r.Document == null || !r.Document.Text.Contains("root:"));
        results.ShouldNotBeEmpty();
    }

    [Fact]
    public void Read_MalformedFeed_RejectedWithReason()
    {
        var r = TestInputs.Read("<rss><channel><item><title>x</title><description>نص</item></channel></rss>", "bad.xml").ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Input.ShouldBe("bad.xml");
        r.Rejection.Reason.ShouldStartWith("malformed feed");
    }

    [Fact]
    public void Read_FeedItemWithoutText_RejectedOthersKept()
    {
        const string rss = "<rss><channel><item><title>فارغ</title></item><item><description>نص</description></item></channel></rss>";
        var results = TestInputs.Read(rss, "f.rss");
        results.Count.ShouldBe(2);
        results[0].Rejection.ShouldNotBeNull().Input.ShouldBe("f.rss:item 1");
        results[1].Document.ShouldNotBeNull().Text.ShouldBe("نص");
    }

    [Fact]
    public void Read_JsonLines_BadLineRejectedOthersRead()
    {
        const string jsonl = """
            {"text":"النص الأول","title":"عنوان","url":"https://example.org/x","outlet":"منفذ","published":"2024-03-01"}
            {"text": broken
            {"title":"بلا نص"}

            {"text":"النص الثاني"}
            """;
        var results = TestInputs.Read(jsonl, "in.jsonl", new InputDefaults("افتراضي", new DateOnly(2020, 1, 1)));
        results.Count.ShouldBe(4);
        results[0].Document.ShouldNotBeNull().Source.ShouldBe(new Marsad.Documents.DocumentSource("in.jsonl", "https://example.org/x", "منفذ", "عنوان", new DateOnly(2024, 3, 1)));
        results[1].Rejection.ShouldNotBeNull().Input.ShouldBe("in.jsonl:2");
        results[2].Rejection.ShouldNotBeNull().Input.ShouldBe("in.jsonl:3");
        // The blank line 4 is skipped; line 5 takes the defaults.
        var last = results[3].Document.ShouldNotBeNull();
        last.Text.ShouldBe("النص الثاني");
        last.Source.Outlet.ShouldBe("افتراضي");
        last.Source.Published.ShouldBe(new DateOnly(2020, 1, 1));
    }

    [Fact]
    public void Read_JsonLinesBadPublished_Rejected()
    {
        var r = TestInputs.Read("{\"text\":\"نص\",\"published\":\"أمس\"}\n").ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("published");
    }

    [Fact]
    public void Read_TextOverLimit_Rejected()
    {
        var limits = new InputLimits(MaxDocumentChars: 100, MaxMarkupChars: 1000);
        var r = TestInputs.Read(new string('ب', 101), limits: limits).ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("limit");
    }

    [Fact]
    public void Read_JsonLineOverLimit_RejectedNextLineRead()
    {
        var limits = new InputLimits(MaxDocumentChars: 100, MaxMarkupChars: 200);
        var jsonl = "{\"text\":\"" + new string('ب', 500) + "\"}\n{\"text\":\"قصير\"}\n";
        var results = TestInputs.Read(jsonl, "big.jsonl", limits: limits);
        results.Count.ShouldBe(2);
        results[0].Rejection.ShouldNotBeNull().Input.ShouldBe("big.jsonl:1");
        results[1].Document.ShouldNotBeNull().Text.ShouldBe("قصير");
    }

    [Fact]
    public void Read_HtmlOverMarkupLimit_Rejected()
    {
        var limits = new InputLimits(MaxDocumentChars: 100, MaxMarkupChars: 1000);
        var r = TestInputs.Read("<html><body>" + new string('ب', 2000) + "</body></html>", limits: limits).ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("limit");
    }

    [Fact]
    public void Read_Folder_RecursiveOrdinalOrder_SkipsHiddenAndMarkdown()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "b"));
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        File.WriteAllText(Path.Combine(_dir, "b", "2.txt"), "ثاني");
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "أول");
        File.WriteAllText(Path.Combine(_dir, "c.txt"), "ثالث");
        File.WriteAllText(Path.Combine(_dir, "README.md"), "# وصف");
        File.WriteAllText(Path.Combine(_dir, ".hidden"), "مخفي");
        File.WriteAllText(Path.Combine(_dir, ".git", "x"), "مخفي");
        var texts = new InputReader().Read([_dir], new InputDefaults()).Select(r => r.Document.ShouldNotBeNull().Text).ToList();
        texts.ShouldBe(["أول", "ثاني", "ثالث"]);
    }

    [Fact]
    public void Read_MissingPath_Rejected()
    {
        var r = new InputReader().Read([Path.Combine(_dir, "nope.txt")], new InputDefaults()).ToList().ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldBe("no such file or folder");
    }

    [Fact]
    public void Read_StdinAsText_DetectsKind()
    {
        using var stdin = new StringReader("{\"text\":\"من المدخل\"}");
        var r = new InputReader().Read(["-"], new InputDefaults(), stdin).ToList().ShouldHaveSingleItem();
        r.Rejection.ShouldBeNull();
        var d = r.Document.ShouldNotBeNull();
        d.Text.ShouldBe("من المدخل");
        d.Source.Path.ShouldBe("-");
    }

    [Fact]
    public void Read_StdinAsBytes_DetectsEncoding()
    {
        // A StreamReader is read as the raw bytes under it, so windows-1256 on stdin is decoded too.
        using var stdin = new StreamReader(new MemoryStream(TestInputs.Windows1256(TestInputs.Report)), Encoding.UTF8);
        var r = new InputReader().Read(["-"], new InputDefaults(), stdin).ToList().ShouldHaveSingleItem();
        r.Rejection.ShouldBeNull();
        var d = r.Document.ShouldNotBeNull();
        d.Text.ShouldBe(TestInputs.Report);
    }

    [Fact]
    public void Read_Lazily_OneFileAtATime()
    {
        // Results are produced as the caller iterates: nothing is read before the first MoveNext.
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "أول");
        var results = new InputReader().Read([_dir], new InputDefaults());
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "ثان");
        results.Count().ShouldBe(2);
    }
}
