namespace Marsad.Inputs;

/// <summary>
/// The words that mark a page's boilerplate: "read also" blocks in Arabic (and English) and class or id
/// tokens of menus, share buttons, related-post lists and newsletter sign-ups.
/// </summary>
internal static class BoilerplateMarkers
{
    /// <summary>Headings that introduce links to other stories, not part of the report.</summary>
    public static readonly string[] ReadAlsoPrefixes =
    [
        "اقرأ أيضاً", "اقرأ أيضا", "اقرأ ايضا", "اقرأ أيضًا", "إقرأ أيضاً", "إقرأ أيضا", "اقرا ايضا",
        "شاهد أيضاً", "شاهد أيضا", "شاهد ايضا", "اقرأ المزيد", "إقرأ المزيد", "للمزيد",
        "مواضيع ذات صلة", "أخبار ذات صلة", "اخبار ذات صلة", "مقالات ذات صلة", "ذات صلة",
        "اشترك في النشرة", "اشترك في نشرتنا", "شارك هذا", "شارك الخبر", "تابعونا",
        "Read also", "Read more", "Related", "See also", "Share this", "Subscribe",
    ];

    /// <summary>Class/id tokens (split on '-', '_', ' ') of elements that are not the report.</summary>
    public static readonly HashSet<string> ClassTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "header", "footer", "sidebar",
        "aside", "widget", "share", "sharing", "social", "related", "newsletter", "subscribe", "subscription",
        "signup", "comments", "comment", "advert", "advertisement", "ads", "ad", "banner", "cookie", "popup",
        "modal", "tags", "readmore", "also", "promo", "sponsored", "print", "more", "relatedposts", "sharedaddy",
        "addtoany", "yarpp", "twitter", "tweet", "instagram", "embed", "caption", "byline", "author",
    };

    /// <summary>Elements never part of an article's text.</summary>
    public static readonly string[] RemovedSelectors =
    [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "button", "select", "input", "textarea", "canvas", "video", "audio", "object", "embed", "link", "meta",
        "figure", "figcaption", "picture", "img",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[hidden]",
        "[aria-hidden=true]",
    ];
}
