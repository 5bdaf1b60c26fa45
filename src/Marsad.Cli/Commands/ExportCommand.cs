using System.CommandLine;
using System.Text;
using Marsad.Store.Export;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad export [--db DB] [filters] [--format jsonl|acled-csv|geojson] [--all-sources] [--output FILE]</c>:
/// the whole (filtered) dataset, streamed. By default each real-world event appears once: merged events are
/// collapsed (lowest fatality figure, every corroborating outlet in <c>source</c>) and rejected events left out.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new EventFilterOptions();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong([.. EventFormats.Names]);
        var allSources = new Option<bool>("--all-sources") { Description = "One row per reported event (do not collapse merged events)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of stdout." };
        var cmd = new Command("export", "Export stored events (whole dataset or filtered).");
        filters.AddTo(cmd);
        cmd.Options.Add(format);
        cmd.Options.Add(allSources);
        cmd.Options.Add(output);
        cmd.SetAction(async (parse, ct) =>
        {
            if (!filters.TryRead(parse, io, "export", out var query))
            {
                return MarsadCommandLine.ExitUsage;
            }

            var path = parse.GetValue(output);
            if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
            {
                io.Stderr.WriteLine($"marsad export: cannot write --output '{path}': the folder '{folder}' does not exist");
                return MarsadCommandLine.ExitUsage;
            }

            await using var store = await StoreCli.OpenAsync(parse.GetValue(filters.Db), ct, create: false).ConfigureAwait(false);
            var writer = EventFormats.Create(parse.GetValue(format) ?? "jsonl");
            int rows;
            if (path is null)
            {
                rows = await EventExporter.WriteAsync(store, query with { Limit = null }, writer, io.Stdout, !parse.GetValue(allSources), ct).ConfigureAwait(false);
                io.Stdout.Flush();
            }
            else
            {
                await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
                rows = await EventExporter.WriteAsync(store, query with { Limit = null }, writer, file, !parse.GetValue(allSources), ct).ConfigureAwait(false);
            }

            io.Stderr.WriteLine($"marsad export: {rows} events");
            return MarsadCommandLine.ExitOk;
        });
        return cmd;
    }
}
