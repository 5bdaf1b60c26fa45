using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marsad.Inputs;

/// <summary>What a page says about itself, and its article text (paragraphs on separate lines).</summary>
public sealed record HtmlArticle(string Text, string? Title, string? Url, string? Outlet, DateOnly? Published);

/// <summary>
/// Extracts a news page's article: the body from <c>itemprop=articleBody</c>, <c>&lt;article&gt;</c> or
/// the densest block of paragraphs, with boilerplate (menus, header, footer, asides, scripts, forms,
/// "read also" blocks, share buttons, newsletter sign-ups) left out; title, canonical URL, outlet and
/// publication date from the page's metadata.
/// </summary>
public static class HtmlArticleExtractor
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static HtmlArticle Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        html = HtmlDepthLimiter.Limit(html);
        var article = Extract(html, removeByClass: true);

        // Class names can mislead (a whole page wrapped in "has-sidebar"): without them rather than nothing.
        return article.Text.Length > 0 ? article : Extract(html, removeByClass: false);
    }

    private static HtmlArticle Extract(string html, bool removeByClass)
    {
        using var doc = Parser.ParseDocument(html);
        var title = Meta(doc, "og:title") ?? NonEmpty(doc.Title) ?? NonEmpty(doc.QuerySelector("h1")?.TextContent);
        var url = NonEmpty(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Meta(doc, "og:url");
        var outlet = Meta(doc, "og:site_name");
        var published = FindPublished(doc);

        foreach (var sel in BoilerplateMarkers.RemovedSelectors)
        {
            foreach (var e in doc.QuerySelectorAll(sel).ToArray())
            {
                e.Remove();
            }
        }

        if (removeByClass)
        {
            RemoveByClass(doc);
        }

        RemoveReadAlso(doc);

        var root = ChooseRoot(doc);
        foreach (var h1 in root.QuerySelectorAll("h1").ToArray())
        {
            // The headline is the title, not part of the report's text.
            h1.Remove();
        }

        foreach (var time in root.QuerySelectorAll("time").ToArray())
        {
            if (time.Closest("p") is null)
            {
                // A dateline standing on its own is page furniture; a date inside a sentence is text.
                time.Remove();
            }
        }

        var text = HtmlText.Extract(root);
        return new HtmlArticle(text, Collapse(title), NonEmpty(url), Collapse(outlet), published);
    }

    /// <summary>Text of an HTML fragment (a feed item's description), paragraphs on separate lines.</summary>
    public static string TextOfFragment(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var doc = Parser.ParseDocument("<html><body>" + HtmlDepthLimiter.Limit(html) + "</body></html>");
        foreach (var sel in BoilerplateMarkers.RemovedSelectors)
        {
            foreach (var e in doc.QuerySelectorAll(sel).ToArray())
            {
                e.Remove();
            }
        }

        return doc.Body is { } b ? HtmlText.Extract(b) : string.Empty;
    }

    private static IElement ChooseRoot(IHtmlDocument doc)
    {
        var body = (IElement?)doc.Body ?? doc.DocumentElement;
        var articleBody = doc.QuerySelectorAll("[itemprop=articleBody]").MaxBy(ParagraphText);
        if (articleBody is not null && ParagraphText(articleBody) > 0)
        {
            return articleBody;
        }

        var article = doc.QuerySelectorAll("article").MaxBy(ParagraphText);
        if (article is not null && ParagraphText(article) > 0)
        {
            return article;
        }

        // The densest block: the element whose own <p> children hold the most text.
        var scores = new Dictionary<IElement, int>();
        foreach (var p in body.QuerySelectorAll("p"))
        {
            var len = p.TextContent.Trim().Length;
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + len;
                if (parent.ParentElement is { } grand)
                {
                    scores[grand] = scores.GetValueOrDefault(grand) + (len / 2);
                }
            }
        }

        var best = scores.Count > 0 ? scores.MaxBy(kv => kv.Value).Key : null;
        return best ?? body;
    }

    private static int ParagraphText(IElement e)
    {
        var n = 0;
        foreach (var p in e.QuerySelectorAll("p"))
        {
            n += p.TextContent.Length;
        }

        return n > 0 ? n : e.TextContent.Trim().Length;
    }

    private static int OwnParagraphText(IElement e)
    {
        var n = 0;
        foreach (var p in e.QuerySelectorAll("p"))
        {
            n += p.TextContent.Length;
        }

        return n;
    }

    private static void RemoveByClass(IHtmlDocument doc)
    {
        var keep = new HashSet<IElement>();
        foreach (var e in doc.QuerySelectorAll("[itemprop=articleBody], article"))
        {
            keep.Add(e);
        }

        var totalParagraphs = doc.Body is { } body ? OwnParagraphText(body) : 0;
        foreach (var e in doc.QuerySelectorAll("[class], [id]").ToArray())
        {
            if (keep.Contains(e) || e.LocalName is "body" or "html" or "main" or "article" or "p" || e.Parent is null)
            {
                continue;
            }

            // A wrapper holding the article ("page has-sidebar") is never removed by its class.
            if (keep.Any(k => e.Contains(k)) || (OwnParagraphText(e) * 2 > totalParagraphs && e.QuerySelectorAll("p").Length > 1))
            {
                continue;
            }

            var cls = (e.GetAttribute("class") ?? string.Empty) + " " + (e.GetAttribute("id") ?? string.Empty);
            foreach (var token in cls.Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (BoilerplateMarkers.ClassTokens.Contains(token))
                {
                    e.Remove();
                    break;
                }
            }
        }
    }

    private static void RemoveReadAlso(IHtmlDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("p, div, section, h2, h3, h4, h5, h6, strong, b, span, li, ul, ol").ToArray())
        {
            if (e.Parent is null)
            {
                continue; // already removed with an ancestor
            }

            var text = e.TextContent.Trim();
            if (text.Length > 400 || !StartsWithReadAlso(text))
            {
                continue;
            }

            // The smallest block holding the marker, and a list that follows it.
            var block = e;
            while (block.LocalName is "strong" or "b" or "span" && block.ParentElement is { } parent && parent.TextContent.Trim().Length <= 400)
            {
                block = parent;
            }

            var next = block.NextElementSibling;
            block.Remove();
            if (next is not null && next.LocalName is "ul" or "ol")
            {
                next.Remove();
            }
        }
    }

    private static bool StartsWithReadAlso(string text)
    {
        foreach (var p in BoilerplateMarkers.ReadAlsoPrefixes)
        {
            if (text.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static DateOnly? FindPublished(IHtmlDocument doc)
    {
        foreach (var name in (string[])["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "DC.date.issued", "dc.date"])
        {
            if (DateText.TryParse(Meta(doc, name), out var d))
            {
                return d;
            }
        }

        foreach (var s in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            if (TryJsonLdDate(s.TextContent, out var d))
            {
                return d;
            }
        }

        foreach (var sel in (string[])["[itemprop=datePublished]", "time[pubdate]", "article time[datetime]", "time[datetime]"])
        {
            var e = doc.QuerySelector(sel);
            var value = e?.GetAttribute("datetime") ?? e?.GetAttribute("content") ?? e?.TextContent;
            if (DateText.TryParse(value, out var d))
            {
                return d;
            }
        }

        return null;
    }

    private static bool TryJsonLdDate(string json, out DateOnly date)
    {
        date = default;
        try
        {
            using var j = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FindDatePublished(j.RootElement, 0, out date);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool FindDatePublished(JsonElement e, int depth, out DateOnly date)
    {
        date = default;
        if (depth > 8)
        {
            return false;
        }

        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("datePublished", out var dp) && dp.ValueKind == JsonValueKind.String && DateText.TryParse(dp.GetString(), out date))
            {
                return true;
            }

            foreach (var p in e.EnumerateObject())
            {
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && FindDatePublished(p.Value, depth + 1, out date))
                {
                    return true;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                if (FindDatePublished(item, depth + 1, out date))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? Meta(IHtmlDocument doc, string key)
    {
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var k = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            if (k is not null && string.Equals(k.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                var v = NonEmpty(m.GetAttribute("content"));
                if (v is not null)
                {
                    return v;
                }
            }
        }

        return null;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Collapse(string? s) =>
        s is null ? null : NonEmpty(string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
