using System.Xml;
using System.Xml.Linq;

namespace Marsad.Inputs;

/// <summary>One item of a feed, its text already stripped of HTML.</summary>
public sealed record FeedItem(int Number, string? Title, string? Link, DateOnly? Published, string Text);

/// <summary>A parsed feed: its title (the outlet) and items; or why it is malformed.</summary>
public sealed record FeedReadResult(string? FeedTitle, IReadOnlyList<FeedItem> Items, string? Error);

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, one item at a time: title, link, pubDate / published /
/// updated / dc:date, and content:encoded, content, description or summary (HTML stripped). DTDs are
/// ignored and nothing is fetched. Namespaces are matched by local name.
/// </summary>
public static class FeedReader
{
    public static FeedReadResult Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        var items = new List<FeedItem>();
        string? feedTitle = null;
        try
        {
            using var xr = XmlReader.Create(input, settings);
            xr.MoveToContent();
            var rootName = xr.LocalName;
            if (rootName is not ("rss" or "feed" or "RDF"))
            {
                return new FeedReadResult(null, [], $"malformed feed: root element <{xr.Name}> is not rss, feed or rdf:RDF");
            }

            var n = 0;
            xr.Read();
            while (!xr.EOF)
            {
                if (xr.NodeType == XmlNodeType.Element && xr.LocalName is "item" or "entry")
                {
                    // ReadFrom leaves the reader on the node after the item.
                    items.Add(ToItem(++n, (XElement)XNode.ReadFrom(xr)));
                }
                else if (xr.NodeType == XmlNodeType.Element && feedTitle is null && xr.LocalName == "title" && xr.Depth <= 2)
                {
                    feedTitle = Clean(xr.ReadElementContentAsString());
                }
                else
                {
                    xr.Read();
                }
            }
        }

        catch (XmlException e)
        {
            return new FeedReadResult(feedTitle, [], $"malformed feed: {e.Message}");
        }

        return new FeedReadResult(feedTitle, items, null);
    }

    private static FeedItem ToItem(int number, XElement item)
    {
        string? Child(params string[] names)
        {
            foreach (var name in names)
            {
                var e = item.Elements().FirstOrDefault(x => x.Name.LocalName == name && !string.IsNullOrWhiteSpace(x.Value));
                if (e is not null)
                {
                    return e.Value;
                }
            }

            return null;
        }

        var title = Clean(Child("title"));
        string? link = null;
        foreach (var l in item.Elements().Where(x => x.Name.LocalName == "link"))
        {
            var href = l.Attribute("href")?.Value;
            var rel = l.Attribute("rel")?.Value;
            if (href is not null && (rel is null or "alternate"))
            {
                link = href.Trim();
                break;
            }

            if (href is null && !string.IsNullOrWhiteSpace(l.Value))
            {
                link = l.Value.Trim();
                break;
            }
        }

        link ??= Clean(Child("guid", "id")) is { } g && Uri.IsWellFormedUriString(g, UriKind.Absolute) ? g : null;
        DateText.TryParse(Child("pubDate", "published", "date", "issued", "updated", "modified"), out var published);
        var body = Child("encoded", "content", "description", "summary") ?? string.Empty;
        var text = HtmlArticleExtractor.TextOfFragment(body);
        return new FeedItem(number, title, link, published == default ? null : published, text);
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        // Titles are sometimes HTML-escaped HTML.
        var text = s.Contains('<', StringComparison.Ordinal) ? HtmlArticleExtractor.TextOfFragment(s) : s;
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
