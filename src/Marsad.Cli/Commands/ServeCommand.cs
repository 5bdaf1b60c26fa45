using System.CommandLine;
using Marsad.Cli.Composition;
using Marsad.Store;
using Marsad.Web;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad serve [--db DB] [--urls URLS] [--tiles URL] [--read-requires-sign-in]</c>: the analysts' web app.</summary>
internal static class ServeCommand
{
    public static Command Create(CliIo io)
    {
        var db = new Option<string?>("--db") { Description = "Database: SQLite file path or PostgreSQL connection string (default: MARSAD_DB, else the user data folder)." };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var tiles = new Option<string?>("--tiles") { Description = "XYZ tile server URL template for online use, e.g. https://tile.example.org/{z}/{x}/{y}.png (default: offline basemap)." };
        var tileAttribution = new Option<string?>("--tile-attribution") { Description = "Attribution text for the tile server." };
        var readSignIn = new Option<bool>("--read-requires-sign-in") { Description = "Require sign-in for reading too (default: reading is open, reviewing needs sign-in)." };
        var watch = new Option<string?>("--watch") { Description = "Also follow the outlets of this sources file (as `marsad watch` does), while serving." };
        var cmd = new Command("serve", "Serve the JSON API and the browser UI (map, timeline, actor graph, evidence, review).")
        {
            db, urls, tiles, tileAttribution, readSignIn, watch,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var options = new WebOptions
            {
                Database = MarsadStore.Resolve(parse.GetValue(db)),
                Urls = parse.GetValue(urls) ?? "http://127.0.0.1:5080",
                TileUrl = parse.GetValue(tiles),
                TileAttribution = parse.GetValue(tileAttribution),
                ReadRequiresSignIn = parse.GetValue(readSignIn),
            };
            if (options.TileUrl is { } t && !WebOptions.IsValidTileUrl(t))
            {
                io.Stderr.WriteLine($"marsad serve: --tiles must be an http(s) URL template, got '{t}'");
                return MarsadCommandLine.ExitUsage;
            }

            if (!MarsadStore.IsPostgres(options.Database) && Path.GetDirectoryName(Path.GetFullPath(options.Database)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            Marsad.Watch.Config.WatchConfig? watchConfig = null;
            if (parse.GetValue(watch) is { } sourcesFile)
            {
                var read = Marsad.Watch.Config.WatchConfigReader.Read(sourcesFile);
                foreach (var e in read.Errors)
                {
                    io.Stderr.WriteLine($"marsad serve: --watch {sourcesFile}: {e}");
                }

                if (read.Config is null)
                {
                    return MarsadCommandLine.ExitUsage;
                }

                watchConfig = read.Config;
            }

            using var store = MarsadStore.Open(options.Database);
            await store.MigrateAsync(ct).ConfigureAwait(false);
            var data = MarsadData.Locate();
            var pipeline = PipelineFactory.CreateExtraction(data);
            // Arabic actor names and the review's actor and place pickers.
            var catalogues = Marsad.Web.Features.Catalogues.WebCatalogues.From(Marsad.Knowledge.KnowledgeBase.LoadWithUserPlaces(data.Root));
            await using var app = MarsadWebApp.Build(options, store, pipeline.Run, catalogues: catalogues);
            await app.StartAsync(ct).ConfigureAwait(false);
            foreach (var url in MarsadWebApp.Addresses(app))
            {
                io.Stderr.WriteLine($"marsad serve: listening on {url}");
            }

            if (watchConfig is null)
            {
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
                return MarsadCommandLine.ExitOk;
            }

            // The watcher runs beside the server and stops with it.
            var time = TimeProvider.System;
            using var logs = new Marsad.Watch.Logging.JsonLinesLoggerProvider(io.Stderr, time);
            using var http = new Marsad.Watch.Http.PoliteHttpClient(watchConfig.Http, watchConfig.UserAgent, time);
            using var watcher = new Marsad.Watch.Watcher(watchConfig, store, pipeline.Run, http, time, logs.CreateLogger("marsad.watch"));
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, app.Lifetime.ApplicationStopping);
            var watching = watcher.RunAsync(stopping.Token);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            await stopping.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(false);
            return MarsadCommandLine.ExitOk;
        });
        return cmd;
    }
}
