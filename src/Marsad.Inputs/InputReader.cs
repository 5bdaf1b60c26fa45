using System.Text;
using System.Text.Json;
using Marsad.Documents;
using Marsad.Inputs.Decoding;

namespace Marsad.Inputs;

/// <summary>What applies to inputs that do not carry their own outlet or publication date.</summary>
public sealed record InputDefaults(string? Outlet = null, DateOnly? Published = null);

/// <summary>An input that could not be read, with the one-line reason given to the user.</summary>
public sealed record InputRejection(string Input, string Reason)
{
    public override string ToString() => $"{Input}: {Reason}";
}

/// <summary>One result of reading inputs: a document, or a rejection.</summary>
public readonly record struct InputResult(Document? Document, InputRejection? Rejection)
{
    public static InputResult Ok(Document d) => new(d, null);

    public static InputResult Rejected(string input, string reason) => new(null, new InputRejection(input, reason.ReplaceLineEndings(" ")));
}

/// <summary>
/// Reads paths (files, folders recursively in ordinal order, "-" for stdin) into documents, lazily: one
/// document is read, yielded and can be written before the next is read. The kind of each input (plain
/// text, HTML, RSS/Atom feed, JSON Lines) and its encoding are told from its content.
/// In folders, hidden entries (names starting with '.') and Markdown files (<c>*.md</c>, documentation)
/// are skipped; a file named explicitly is always read.
/// </summary>
public sealed class InputReader(InputLimits? limits = null)
{
    private readonly InputLimits _limits = limits ?? InputLimits.Default;

    /// <param name="stdin">What "-" reads. A <see cref="StreamReader"/> is read as raw bytes (its encoding is detected).</param>
    public IEnumerable<InputResult> Read(IEnumerable<string> paths, InputDefaults defaults, TextReader? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(defaults);
        foreach (var path in paths)
        {
            IEnumerable<InputResult> results;
            if (path == "-")
            {
                results = stdin is null
                    ? [InputResult.Rejected("-", "standard input is not available")]
                    : stdin is StreamReader { CurrentEncoding: not null } sr && sr.BaseStream.CanRead
                        ? ReadStream("-", sr.BaseStream, defaults)
                        : ReadText("-", stdin, defaults);
            }
            else if (Directory.Exists(path))
            {
                results = ReadFolder(path, defaults);
            }
            else if (File.Exists(path))
            {
                results = ReadFile(path, defaults);
            }
            else
            {
                results = [InputResult.Rejected(path, "no such file or folder")];
            }

            foreach (var r in results)
            {
                yield return r;
            }
        }
    }

    /// <summary>Reads one file (any kind, any supported encoding). The file is opened when the results are enumerated.</summary>
    public IEnumerable<InputResult> ReadFile(string path, InputDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(defaults);
        return ReadFileLazily(path, defaults);
    }

    /// <summary>Reads raw bytes (the encoding is detected); <paramref name="name"/> names the input in sources and rejections.</summary>
    public IEnumerable<InputResult> ReadStream(string name, Stream stream, InputDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(defaults);
        return ReadBytes(name, stream, defaults);
    }

    /// <summary>Reads already-decoded text (any kind but the encoding step).</summary>
    public IEnumerable<InputResult> ReadText(string name, TextReader text, InputDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(defaults);
        return ReadDecoded(name, text, defaults);
    }

    private IEnumerable<InputResult> ReadFolder(string folder, InputDefaults defaults)
    {
        List<string> files;
        try
        {
            files = [.. EnumerateVisible(folder).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [InputResult.Rejected(folder, "cannot be listed: " + e.Message)];
        }

        return files.SelectMany(f => ReadFileLazily(f, defaults));
    }

    /// <summary>
    /// The visible files under <paramref name="root"/>. Each real folder is visited once, however many
    /// symbolic links lead to it: a link back to an ancestor (a loop) or a second link to the same folder
    /// adds nothing. Folders are told apart by their real path (every link on the way resolved).
    /// </summary>
    private static IEnumerable<string> EnumerateVisible(string root)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((root, RealPath.Of(root)));
        while (pending.Count > 0)
        {
            var (folder, real) = pending.Pop();
            if (!visited.Add(real))
            {
                continue;
            }

            foreach (var f in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(f);
                if (!name.StartsWith('.') && !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    yield return f;
                }
            }

            // Pushed in reverse so that folders are read in the order they are listed.
            foreach (var d in Directory.EnumerateDirectories(folder).Reverse())
            {
                var name = Path.GetFileName(d);
                if (!name.StartsWith('.'))
                {
                    var isLink = new DirectoryInfo(d).LinkTarget is not null;
                    pending.Push((d, isLink ? RealPath.Of(d) : Path.Join(real, name)));
                }
            }
        }
    }

    private IEnumerable<InputResult> ReadFileLazily(string path, InputDefaults defaults)
    {
        FileStream? stream = null;
        string? error = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
        }

        if (stream is null)
        {
            yield return InputResult.Rejected(path, "cannot be read: " + error);
            yield break;
        }

        using (stream)
        {
            foreach (var r in ReadBytes(path, stream, defaults))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<InputResult> ReadBytes(string name, Stream stream, InputDefaults defaults)
    {
        var sample = new byte[EncodingDetector.SampleSize];
        int filled;
        string? ioError = null;
        try
        {
            filled = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            filled = 0;
            ioError = e.Message;
        }

        if (ioError is not null)
        {
            return [InputResult.Rejected(name, "cannot be read: " + ioError)];
        }

        var complete = filled < sample.Length;
        var head = sample.AsSpan(0, filled);
        var guess = EncodingDetector.Detect(head, complete);
        if (guess.IsText)
        {
            guess = EncodingDetector.Honour(guess, EncodingDetector.FindDeclaredCharset(head), head, complete);
        }

        if (!guess.IsText)
        {
            return [InputResult.Rejected(name, guess.Rejection!)];
        }

        var body = new PrefixedStream(sample.AsMemory(guess.BomLength, filled - guess.BomLength), stream);
        var log = new DecodingLog();
        var reader = new EvidenceDecodingReader(body, guess.IsUtf16 ? guess.Encoding!.CodePage == EncodingDetector.Utf16BE.CodePage : null, guess.SingleByte ?? EncodingDetector.Windows1256, log);
        return ReadDecoded(name, reader, defaults, log);
    }

    private IEnumerable<InputResult> ReadDecoded(string name, TextReader reader, InputDefaults defaults, DecodingLog? log = null)
    {
        var headBuffer = new char[4096];
        var n = reader.ReadBlock(headBuffer, 0, headBuffer.Length);
        var head = headBuffer.AsMemory(0, n);
        var kind = InputKindDetector.Detect(head.Span, name == "-" ? null : Path.GetExtension(name));
        var all = new PrefixedTextReader(head, reader);
        var decoding = new DecodingNotes(log);
        return kind switch
        {
            InputKind.JsonLines => ReadJsonLines(name, all, defaults, decoding),
            InputKind.Feed => ReadFeed(name, all, defaults, decoding),
            InputKind.Html => [ReadHtml(name, all, defaults, decoding)],
            _ => [ReadPlain(name, all, defaults, decoding)],
        };
    }

    private InputResult ReadPlain(string name, TextReader reader, InputDefaults defaults, DecodingNotes decoding)
    {
        var text = Bounded(reader, _limits.MaxDocumentChars, out var error);
        if (text is null)
        {
            return InputResult.Rejected(name, error ?? $"document longer than the limit of {_limits.MaxDocumentChars:N0} characters");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return InputResult.Rejected(name, "empty file (whitespace only)");
        }

        return InputResult.Ok(new Document(text, new DocumentSource(name, Outlet: defaults.Outlet, Published: defaults.Published)) { InputWarnings = decoding.All() });
    }

    private InputResult ReadHtml(string name, TextReader reader, InputDefaults defaults, DecodingNotes decoding)
    {
        var html = Bounded(reader, _limits.MaxMarkupChars, out var error);
        if (html is null)
        {
            return InputResult.Rejected(name, error ?? $"HTML page larger than the limit of {_limits.MaxMarkupChars:N0} characters");
        }

        var article = HtmlArticleExtractor.Extract(html);
        if (string.IsNullOrWhiteSpace(article.Text))
        {
            return InputResult.Rejected(name, "HTML page has no article text");
        }

        if (article.Text.Length > _limits.MaxDocumentChars)
        {
            return InputResult.Rejected(name, $"document longer than the limit of {_limits.MaxDocumentChars:N0} characters");
        }

        var source = new DocumentSource(
            name,
            Url: article.Url,
            Outlet: article.Outlet ?? defaults.Outlet,
            Title: article.Title,
            Published: article.Published ?? defaults.Published);
        return InputResult.Ok(new Document(article.Text, source) { InputWarnings = decoding.All() });
    }

    private IEnumerable<InputResult> ReadFeed(string name, TextReader reader, InputDefaults defaults, DecodingNotes decoding)
    {
        var xml = Bounded(reader, _limits.MaxMarkupChars, out var error);
        if (xml is null)
        {
            yield return InputResult.Rejected(name, error ?? $"feed larger than the limit of {_limits.MaxMarkupChars:N0} characters");
            yield break;
        }

        var feed = FeedReader.Read(new StringReader(xml));
        if (feed.Error is not null)
        {
            yield return InputResult.Rejected(name, feed.Error);
            yield break;
        }

        if (feed.Items.Count == 0)
        {
            yield return InputResult.Rejected(name, "feed has no items");
            yield break;
        }

        foreach (var item in feed.Items)
        {
            var itemName = $"{name}:item {item.Number}";
            if (string.IsNullOrWhiteSpace(item.Text))
            {
                yield return InputResult.Rejected(itemName, "feed item has no text");
                continue;
            }

            if (item.Text.Length > _limits.MaxDocumentChars)
            {
                yield return InputResult.Rejected(itemName, $"document longer than the limit of {_limits.MaxDocumentChars:N0} characters");
                continue;
            }

            // The contract: a feed item's source.path is its link.
            var source = new DocumentSource(
                item.Link ?? itemName,
                Url: item.Link,
                Outlet: feed.FeedTitle ?? defaults.Outlet,
                Title: item.Title,
                Published: item.Published ?? defaults.Published);
            yield return InputResult.Ok(new Document(item.Text, source) { InputWarnings = decoding.All() });
        }
    }

    private IEnumerable<InputResult> ReadJsonLines(string name, TextReader reader, InputDefaults defaults, DecodingNotes decoding)
    {
        var scratch = new StringBuilder();
        var lineNo = 0;
        long position = 0;
        while (true)
        {
            bool more;
            string? line;
            string? ioError = null;
            long lineStart = position;
            try
            {
                more = BoundedText.TryReadLine(reader, _limits.MaxMarkupChars, scratch, out line, out var consumed);
                lineStart = position;
                position += consumed;
            }
            catch (IOException e)
            {
                more = false;
                line = null;
                ioError = e.Message;
            }

            if (ioError is not null)
            {
                yield return InputResult.Rejected(name, "cannot be read: " + ioError);
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            lineNo++;
            var lineName = $"{name}:{lineNo}";
            if (line is null)
            {
                yield return InputResult.Rejected(lineName, $"JSON line longer than the limit of {_limits.MaxMarkupChars:N0} characters");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = ParseJsonLine(name, lineName, line, defaults);
            yield return parsed.Document is { } doc ? InputResult.Ok(new Document(doc.Text, doc.Source) { InputWarnings = decoding.For(lineStart, position) }) : parsed;
        }
    }

    private InputResult ParseJsonLine(string name, string lineName, string line, InputDefaults defaults)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return InputResult.Rejected(lineName, "not valid JSON: " + e.Message);
        }

        using (json)
        {
            try
            {
                return FromJsonObject(name, lineName, json.RootElement, defaults);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json parses "\ud83d" (a lone surrogate escape) but cannot turn it into a string.
                return InputResult.Rejected(lineName, "a string holds a lone UTF-16 surrogate escape (\\uD800–\\uDFFF without its pair), not text");
            }
        }
    }

    private InputResult FromJsonObject(string name, string lineName, JsonElement root, InputDefaults defaults)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return InputResult.Rejected(lineName, "not a JSON object");
        }

        if (!root.TryGetProperty("text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
        {
            return InputResult.Rejected(lineName, "no \"text\" string");
        }

        var text = textEl.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return InputResult.Rejected(lineName, "\"text\" is empty");
        }

        if (text.Length > _limits.MaxDocumentChars)
        {
            return InputResult.Rejected(lineName, $"document longer than the limit of {_limits.MaxDocumentChars:N0} characters");
        }

        DateOnly? published = defaults.Published;
        var pubText = OptionalString(root, "published");
        if (pubText is not null)
        {
            if (!DateText.TryParse(pubText, out var d))
            {
                return InputResult.Rejected(lineName, $"\"published\" is not a date: '{pubText}'");
            }

            published = d;
        }

        var source = new DocumentSource(
            name,
            Url: OptionalString(root, "url"),
            Outlet: OptionalString(root, "outlet") ?? defaults.Outlet,
            Title: OptionalString(root, "title"),
            Published: published);
        return InputResult.Ok(new Document(text, source));
    }

    private static string? OptionalString(JsonElement root, string property) =>
        root.TryGetProperty(property, out var e) && e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())
            ? e.GetString()!.Trim()
            : null;

    private static string? Bounded(TextReader reader, int max, out string? error)
    {
        error = null;
        try
        {
            return BoundedText.ReadToEnd(reader, max);
        }
        catch (IOException e)
        {
            error = "cannot be read: " + e.Message;
            return null;
        }
    }
}

/// <summary>The decoding warnings of an input, as strings for documents (none for already-decoded text).</summary>
internal sealed class DecodingNotes(DecodingLog? log)
{
    public System.Collections.Immutable.ImmutableArray<string> All() => For(0, long.MaxValue);

    public System.Collections.Immutable.ImmutableArray<string> For(long from, long to) =>
        log is null ? [] : [.. log.WarningsFor(from, to).Select(w => w.ToString())];
}

/// <summary>A reader that first returns characters already read (the sniffed head), then the rest.</summary>
internal sealed class PrefixedTextReader(ReadOnlyMemory<char> prefix, TextReader inner) : TextReader
{
    private ReadOnlyMemory<char> _prefix = prefix;

    public override int Peek() => _prefix.IsEmpty ? inner.Peek() : _prefix.Span[0];

    public override int Read()
    {
        if (_prefix.IsEmpty)
        {
            return inner.Read();
        }

        var c = _prefix.Span[0];
        _prefix = _prefix[1..];
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (!_prefix.IsEmpty)
        {
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
