using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Composition;
using Marsad.Store;
using Marsad.Watch;
using Marsad.Watch.Config;
using Marsad.Watch.Http;
using Marsad.Watch.Logging;
using Microsoft.Extensions.Logging;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad watch SOURCES.json [--db DB] [--once]</c>: follows outlets (feeds or section pages), storing what they publish,
/// until SIGTERM/Ctrl+C; <c>--once</c> polls the sources that are due and exits (for cron). Logs are JSON Lines on stderr.
/// Exit: 0 ok, 1 some source failed (<c>--once</c>), 2 bad usage or an invalid sources file.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliIo io)
    {
        var db = StoreCli.DbOption();
        var once = new Option<bool>("--once") { Description = "Poll every source that is due once, then exit (for cron)." };
        var sources = new Argument<string>("SOURCES") { Description = "The sources file (JSON): contact, sources, alerts." };
        var cmd = new Command("watch", "Follow outlets' feeds continuously and store what they publish.") { db, once, sources };
        cmd.SetAction(async (parse, ct) =>
        {
            var read = WatchConfigReader.Read(parse.GetValue(sources)!);
            if (read.Config is not { } config)
            {
                foreach (var e in read.Errors)
                {
                    io.Stderr.WriteLine($"marsad watch: {e}");
                }

                return MarsadCommandLine.ExitUsage;
            }

            await using var store = await StoreCli.OpenAsync(parse.GetValue(db), ct).ConfigureAwait(false);
            var pipeline = PipelineFactory.CreateExtraction(MarsadData.Locate());
            var time = TimeProvider.System;
            using var logs = new JsonLinesLoggerProvider(io.Stderr, time);
            using var http = new PoliteHttpClient(config.Http, config.UserAgent, time);
            using var watcher = new Watcher(config, store, pipeline.Run, http, time, logs.CreateLogger("marsad.watch"));
            if (!parse.GetValue(once))
            {
                await watcher.RunAsync(ct).ConfigureAwait(false);
                return MarsadCommandLine.ExitOk;
            }

            var round = await watcher.PollDueAsync(ct).ConfigureAwait(false);
            io.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"polled {round.Polls.Count} of {config.Sources.Count} sources: {round.Stored} documents stored, {round.Failed} failed; next due {round.NextDue:O}"));
            io.Stdout.Flush();
            return round.Failed > 0 ? MarsadCommandLine.ExitRejected : MarsadCommandLine.ExitOk;
        });
        return cmd;
    }
}
