using System.Text;

namespace Marsad.Inputs;

/// <summary>
/// Bounds how deeply a page's elements nest before the page is parsed, so that extraction stays linear in
/// the page's size: HTML tree building and the extractor's passes cost about (elements × depth), which
/// for 100,000 nested <c>&lt;div&gt;</c> is quadratic. A lightweight scan tracks the nesting of elements
/// that must be closed explicitly; start and end tags deeper than <see cref="MaxDepth"/> are dropped (a
/// block tag leaves a <c>&lt;br&gt;</c>, so its text still starts a new line). Elements whose end tag
/// is optional (p, li, td, ...) are never counted or dropped, nor is anything inside comments,
/// scripts and styles. No real article nests anywhere near this deep.
/// </summary>
internal static class HtmlDepthLimiter
{
    public const int MaxDepth = 128;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements (no end tag) and elements whose end tag may be left out.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot",
        "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "nav", "ol", "pre", "section", "table", "ul", "center", "details", "summary",
    };

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.AsSpan().Count('<') <= maxDepth)
        {
            // Fewer tags than the bound: nothing can nest deeper.
            return html;
        }

        var sb = new StringBuilder(html.Length);
        var depth = 0;
        var copied = 0;
        var lastBreak = -1;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var tagStart = i;
            if (At(html, i, "<!--"))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!DOCTYPE", "<?xml", or a lone '<' in text.
                i++;
                continue;
            }

            var tagEnd = EndOfTag(html, nameEnd);
            var name = html[nameStart..nameEnd];
            var selfClosing = html[tagEnd - 1] == '>' && tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (!closing && RawText.Contains(name))
            {
                // Skip the element's raw text whole: its content is not markup.
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            i = tagEnd;
            if (Uncounted.Contains(name) || selfClosing)
            {
                continue;
            }

            var drop = closing ? depth > maxDepth : depth >= maxDepth;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (drop)
            {
                var between = html.AsSpan(copied, tagStart - copied);
                sb.Append(between);
                if (Blocks.Contains(name) && !(lastBreak == sb.Length - between.Length && between.IsWhiteSpace()))
                {
                    // One line break for a run of dropped block tags with nothing but whitespace between them.
                    sb.Append("<br>");
                    lastBreak = sb.Length;
                }
                else if (lastBreak == sb.Length - between.Length && between.IsWhiteSpace())
                {
                    lastBreak = sb.Length;
                }

                copied = tagEnd;
            }
        }

        if (copied == 0)
        {
            return html;
        }

        sb.Append(html, copied, html.Length - copied);
        return sb.ToString();
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    /// <summary>The index after the tag's closing '&gt;', skipping quoted attribute values.</summary>
    private static int EndOfTag(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
