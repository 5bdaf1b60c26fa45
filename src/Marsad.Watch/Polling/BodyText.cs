using AngleSharp.Html.Parser;
using Marsad.Inputs;

namespace Marsad.Watch.Polling;

/// <summary>Response bodies as text, and feeds found on pages.</summary>
internal static class BodyText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+xml", "application/rdf+xml"];

    /// <summary>
    /// Decodes with the existing detector: a BOM, else the charset of the Content-Type header, else the document's own
    /// declaration (meta or XML), each checked against the bytes (a UTF-8 claim for bytes that are not is overruled).
    /// </summary>
    public static bool TryDecode(byte[] body, string? headerCharset, out string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        var n = Math.Min(body.Length, EncodingDetector.SampleSize);
        var sample = body.AsSpan(0, n);
        var complete = n == body.Length;
        var guess = EncodingDetector.Detect(sample, complete);
        if (guess.IsText)
        {
            guess = EncodingDetector.Honour(guess, headerCharset ?? EncodingDetector.FindDeclaredCharset(sample), sample, complete);
        }

        if (!guess.IsText)
        {
            text = string.Empty;
            error = guess.Rejection;
            return false;
        }

        text = guess.Encoding!.GetString(body, guess.BomLength, body.Length - guess.BomLength);
        error = null;
        return true;
    }

    public static InputKind KindOf(string text) => InputKindDetector.Detect(text.AsSpan(0, Math.Min(text.Length, 4096)), null);

    /// <summary>The first RSS/Atom feed a page announces with <c>&lt;link rel="alternate" type="..."&gt;</c>, resolved against the page.</summary>
    public static Uri? DiscoverFeed(string html, Uri pageUrl)
    {
        using var doc = Parser.ParseDocument(html);
        foreach (var link in doc.QuerySelectorAll("link[rel][href][type]"))
        {
            var rel = link.GetAttribute("rel") ?? string.Empty;
            var type = (link.GetAttribute("type") ?? string.Empty).Trim();
            if (rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)
                && FeedTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
                && ResolveHttp(link.GetAttribute("href"), pageUrl) is { } feed)
            {
                return feed;
            }
        }

        return null;
    }

    /// <summary>An http(s) link resolved against <paramref name="baseUrl"/>, without its fragment; null for anything else.</summary>
    public static Uri? ResolveHttp(string? href, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return string.IsNullOrEmpty(u.Fragment) ? u : new Uri(u.GetLeftPart(UriPartial.Query));
    }
}
