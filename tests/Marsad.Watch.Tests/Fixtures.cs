using System.Globalization;
using System.Net;
using System.Text;

namespace Marsad.Tests.Watch;

/// <summary>Feeds and pages written for these tests: fictional outlets, places and reports.</summary>
public static class Fixtures
{
    /// <summary>Fictional report sentences (the places and the outlet do not exist).</summary>
    public static readonly string[] Sentences =
    [
        "قصفت قوات مجهولة فجر اليوم أطراف بلدة تل الورد، ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.",
        "أفاد مراسل الشبكة بأن اشتباكات اندلعت بين مجموعتين مسلحتين قرب جسر السنديان واستمرت ساعتين.",
        "نظم عشرات الأهالي وقفة احتجاجية أمام مبنى البلدية في قرية عين الصفصاف للمطالبة بإعادة الكهرباء.",
        "انفجرت عبوة ناسفة بسيارة مدنية على الطريق الواصل بين قريتي الرمانة والخزامى دون وقوع إصابات.",
        "أعلنت لجنة محلية في حي البساتين عن توزيع مساعدات غذائية على مئتي عائلة نازحة.",
        "سقطت قذيفتان على سوق شعبي في بلدة المرجة مساء أمس، وفق ما ذكره شهود عيان للشبكة.",
    ];

    /// <summary>The <paramref name="i"/>-th fictional report: a sentence and a numbered closing line, so each text is distinct.</summary>
    public static string Report(int i) =>
        Sentences[i % Sentences.Length] + "\n" + string.Create(CultureInfo.InvariantCulture, $"وأكدت مصادر محلية للشبكة تفاصيل الخبر رقم {i} في وقت لاحق من اليوم.");

    public sealed record Item(string Title, string? Link, string Summary, DateOnly Published);

    public static string Rss(string title, IEnumerable<Item> items)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        foreach (var it in items)
        {
            sb.Append("<item><title>").Append(WebUtility.HtmlEncode(it.Title)).Append("</title>");
            if (it.Link is not null)
            {
                sb.Append("<link>").Append(WebUtility.HtmlEncode(it.Link)).Append("</link>");
            }

            sb.Append("<pubDate>").Append(it.Published.ToDateTime(new TimeOnly(9, 0)).ToString("R", CultureInfo.InvariantCulture)).Append("</pubDate>");
            sb.Append("<description>").Append(WebUtility.HtmlEncode(it.Summary)).Append("</description></item>\n");
        }

        return sb.Append("</channel></rss>\n").ToString();
    }

    /// <summary>A news page: menu, article paragraphs, a "read also" aside and a footer.</summary>
    public static string Page(string title, string body) =>
        $"""
        <!doctype html>
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title>
        <meta property="og:site_name" content="شبكة الوادي"></head>
        <body><nav><a href="/">الرئيسية</a> <a href="/news/">أخبار</a></nav>
        <article><h1>{WebUtility.HtmlEncode(title)}</h1>
        {string.Join("\n", body.Split('\n').Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"))}
        </article>
        <aside>اقرأ أيضاً: أخبار أخرى من الشبكة</aside>
        <footer>جميع الحقوق محفوظة لشبكة الوادي</footer></body></html>
        """;

    public const string RssType = "application/rss+xml; charset=utf-8";

    public const string HtmlType = "text/html; charset=utf-8";
}
