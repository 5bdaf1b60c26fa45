using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Store;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad search [--db DB] [--limit N] [--outlet NAME] [--format table|jsonl] "QUERY"</c>: full-text search
/// over stored articles. Arabic normalization and clitic stripping apply to the query as to the index;
/// snippets come from the original text with the matching words highlighted.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(CliIo io)
    {
        var db = StoreCli.DbOption();
        var limit = new Option<int>("--limit") { Description = "Results to show.", DefaultValueFactory = _ => 10 };
        var outlet = new Option<string?>("--outlet") { Description = "Only documents of this outlet." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var query = new Argument<string>("QUERY") { Description = "Words to find (all must match)." };
        var cmd = new Command("search", "Full-text search over stored articles.") { db, limit, outlet, format, query };
        cmd.SetAction(async (parse, ct) =>
        {
            await using var store = await StoreCli.OpenAsync(parse.GetValue(db), ct, create: false).ConfigureAwait(false);
            var results = await store.SearchAsync(new SearchQuery(parse.GetValue(query) ?? string.Empty) { Limit = parse.GetValue(limit), Outlet = parse.GetValue(outlet) }, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var h in results.Hits)
                {
                    io.Stdout.WriteLine(JsonSerializer.Serialize(new
                    {
                        document_id = h.DocumentId,
                        title = h.Title,
                        outlet = h.Outlet,
                        published = h.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        score = h.Score,
                        snippets = h.Snippets.Select(s => new { start = s.Start, end = s.End, text = s.Text, highlights = s.Highlights.Select(x => new[] { x.Start, x.End }) }),
                    }, JsonOptions));
                }
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("document", "outlet", "published", "title", "snippet");
                foreach (var h in results.Hits)
                {
                    var snippet = string.Join(" … ", h.Snippets.Select(s => Highlight(s)));
                    table.AddRow(
                        Markup.Escape(h.DocumentId),
                        Markup.Escape(h.Outlet ?? ""),
                        h.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        Markup.Escape(h.Title ?? ""),
                        snippet);
                }

                table.Caption($"{results.Hits.Count} of {results.Total}{(results.TotalIsLowerBound ? "+" : string.Empty)} documents");
                StoreCli.Console(io.Stdout).Write(table);
            }

            io.Stdout.Flush();
            return MarsadCommandLine.ExitOk;
        });
        return cmd;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Spectre markup: matching words in bold yellow, everything else escaped.</summary>
    private static string Highlight(Snippet s)
    {
        const string Open = "\u0001";
        const string Close = "\u0002";
        var marked = Markup.Escape(s.Mark(Open, Close).ReplaceLineEndings(" "));
        return marked.Replace(Open, "[bold yellow]", StringComparison.Ordinal).Replace(Close, "[/]", StringComparison.Ordinal);
    }
}
