namespace Marsad.Inputs;

/// <summary>What an input is, told from its content (the extension only breaks ties).</summary>
public enum InputKind
{
    PlainText,
    Html,
    Feed,
    JsonLines,
}

/// <summary>Tells the kind of an input from its first characters.</summary>
public static class InputKindDetector
{
    public static InputKind Detect(ReadOnlySpan<char> head, string? extension)
    {
        var t = head.TrimStart("\uFEFF \t\r\n\f");
        if (t.IsEmpty)
        {
            return InputKind.PlainText;
        }

        if (t[0] == '{')
        {
            return InputKind.JsonLines;
        }

        if (t[0] != '<')
        {
            return InputKind.PlainText;
        }

        var h = t.ToString();
        var cmp = StringComparison.OrdinalIgnoreCase;
        var htmlAt = MinIndex(h.IndexOf("<html", cmp), h.IndexOf("<!doctype html", cmp), h.IndexOf("<body", cmp), h.IndexOf("<head", cmp));
        var feedAt = MinIndex(h.IndexOf("<rss", cmp), h.IndexOf("<feed", cmp), h.IndexOf("<rdf:rdf", cmp));
        if (feedAt >= 0 && (htmlAt < 0 || feedAt < htmlAt))
        {
            return InputKind.Feed;
        }

        if (htmlAt >= 0)
        {
            return InputKind.Html;
        }

        var ext = extension?.ToUpperInvariant();
        if (ext is ".XML" or ".RSS" or ".ATOM")
        {
            return InputKind.Feed;
        }

        // Markup without <html>: a fragment of a page (<p>, <div>, <article>...).
        return InputKind.Html;
    }

    private static int MinIndex(params ReadOnlySpan<int> values)
    {
        var best = -1;
        foreach (var v in values)
        {
            if (v >= 0 && (best < 0 || v < best))
            {
                best = v;
            }
        }

        return best;
    }
}
