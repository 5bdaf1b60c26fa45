using Marsad.Inputs;

namespace Marsad.Tests;

public class HtmlArticleExtractorTests
{
    private const string Page = """
        <!DOCTYPE html><html><head>
        <title>عنوان الصفحة | موقع تجريبي</title>
        <meta property="og:site_name" content="موقع تجريبي">
        <meta property="og:url" content="https://example.org/a/1">
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-05-06T23:30:00+03:00"}]}</script>
        </head><body>
        <nav><a href="/">الرئيسية</a><a href="/x">أخبار</a></nav>
        <div class="content">
          <p>الفقرة الأولى من التقرير عن قصف قرب بلدة تجريبية.</p>
          <p>الفقرة   الثانية
             من التقرير.</p>
          <h3>اقرأ أيضاً</h3>
          <ul><li><a>خبر آخر لا يخص التقرير</a></li></ul>
          <p>الفقرة الثالثة.</p>
          <div class="social-share"><a>فيسبوك</a></div>
        </div>
        <footer>حقوق النشر</footer>
        <script>var x = "نص في سكريبت";</script>
        </body></html>
        """;

    [Fact]
    public void Extract_DensestBlock_KeepsParagraphsAsLines()
    {
        var a = HtmlArticleExtractor.Extract(Page);
        a.Text.ShouldBe("الفقرة الأولى من التقرير عن قصف قرب بلدة تجريبية.\nالفقرة الثانية من التقرير.\nالفقرة الثالثة.");
    }

    [Fact]
    public void Extract_Metadata_FromTitleJsonLdAndOg()
    {
        var a = HtmlArticleExtractor.Extract(Page);
        a.Title.ShouldBe("عنوان الصفحة | موقع تجريبي");
        a.Outlet.ShouldBe("موقع تجريبي");
        a.Url.ShouldBe("https://example.org/a/1");
        // The date part as written: 23:30 local time stays on the 6th, not moved to UTC.
        a.Published.ShouldBe(new DateOnly(2024, 5, 6));
    }

    [Fact]
    public void Extract_ArticleBodyItemprop_PreferredOverLargerBlock()
    {
        const string html = """
            <html><body>
            <div><p>نص جانبي طويل جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا.</p><p>ونص جانبي آخر طويل طويل طويل طويل طويل طويل طويل طويل طويل.</p></div>
            <div itemprop="articleBody"><p>نص التقرير.</p></div>
            </body></html>
            """;
        HtmlArticleExtractor.Extract(html).Text.ShouldBe("نص التقرير.");
    }

    [Fact]
    public void Extract_InlineReadAlsoParagraph_Removed()
    {
        const string html = "<article><p>أول.</p><p><strong>اقرأ أيضا:</strong> <a>رابط</a></p><p>ثان.</p></article>";
        HtmlArticleExtractor.Extract(html).Text.ShouldBe("أول.\nثان.");
    }

    [Fact]
    public void Extract_PublishedFromTimeElement_WhenNoMeta()
    {
        const string html = "<html><body><article><time datetime=\"2023-11-02\">٢ تشرين الثاني</time><p>نص.</p></article></body></html>";
        HtmlArticleExtractor.Extract(html).Published.ShouldBe(new DateOnly(2023, 11, 2));
    }

    [Fact]
    public void Extract_TitleFallsBackToH1_AndH1LeftOutOfText()
    {
        const string html = "<html><body><article><h1>العنوان</h1><p>النص.</p></article></body></html>";
        var a = HtmlArticleExtractor.Extract(html);
        a.Title.ShouldBe("العنوان");
        a.Text.ShouldBe("النص.");
    }

    [Fact]
    public void Extract_BrInsideParagraph_BecomesNewline()
    {
        HtmlArticleExtractor.Extract("<article><p>سطر أول<br>سطر ثان</p></article>").Text.ShouldBe("سطر أول\nسطر ثان");
    }

    [Fact]
    public void Extract_ArticleInsideWrapperWithBoilerplateClass_Kept()
    {
        // "has-sidebar" carries a boilerplate token, but the wrapper holds the report itself.
        const string html = "<html><body><div class=\"page has-sidebar\"><div class=\"story\"><p>نص التقرير القصير.</p></div><div class=\"sidebar\"><p>جانبي</p></div></div></body></html>";
        HtmlArticleExtractor.Extract(html).Text.ShouldBe("نص التقرير القصير.");
    }

    [Fact]
    public void Extract_CaptionsEmbedsAndTags_LeftOut()
    {
        const string html = """
            <article><div class="entry-content">
            <figure><img src="a.jpg"><figcaption>صورة أرشيفية لعناصر مسلحة</figcaption></figure>
            <p>نص التقرير.</p>
            <blockquote class="twitter-tweet"><p>تغريدة مضمنة</p></blockquote>
            <div class="post-tags"><a>وسم</a></div>
            </div></article>
            """;
        HtmlArticleExtractor.Extract(html).Text.ShouldBe("نص التقرير.");
    }
}
