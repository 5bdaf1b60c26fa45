using System.CommandLine;
using System.Globalization;
using Marsad.Store;
using Marsad.Store.Export;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad events [--db DB] [filters] [--limit N] [--offset N] [--format table|jsonl|acled-csv|geojson]</c>:
/// stored events matching the filters, newest first.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new EventFilterOptions();
        var limit = new Option<int>("--limit") { Description = "Rows to show.", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Rows to skip.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(["table", .. EventFormats.Names]);
        var cmd = new Command("events", "List stored events matching filters.");
        filters.AddTo(cmd);
        cmd.Options.Add(limit);
        cmd.Options.Add(offset);
        cmd.Options.Add(format);
        cmd.SetAction(async (parse, ct) =>
        {
            if (!filters.TryRead(parse, io, "events", out var query))
            {
                return MarsadCommandLine.ExitUsage;
            }

            query = query with { Limit = parse.GetValue(limit), Offset = parse.GetValue(offset) };
            await using var store = await StoreCli.OpenAsync(parse.GetValue(filters.Db), ct, create: false).ConfigureAwait(false);
            var fmt = parse.GetValue(format) ?? "table";
            var page = await store.QueryEventsAsync(query, ct).ConfigureAwait(false);
            if (fmt == "table")
            {
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumns("id", "date", "type / sub-type", "actor1", "actor2", "place", "admin1", "fatal.", "outlet", "status", "merged");
                foreach (var e in page.Items)
                {
                    table.AddRow(
                        Markup.Escape(e.Id),
                        e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        Markup.Escape(e.EventType + " / " + e.SubEventType),
                        Markup.Escape(e.Actor1Name ?? ""),
                        Markup.Escape(e.Actor2Name ?? ""),
                        Markup.Escape(e.PlaceName ?? ""),
                        Markup.Escape(e.Admin1 ?? ""),
                        e.Fatalities?.ToString(CultureInfo.InvariantCulture) ?? "",
                        Markup.Escape(e.Outlet ?? ""),
                        e.Status.ToString().ToLowerInvariant(),
                        Markup.Escape(e.MergedEventId ?? ""));
                }

                table.Caption($"{page.Items.Count} of {page.Total} events");
                StoreCli.Console(io.Stdout).Write(table);
            }
            else
            {
                var writer = EventFormats.Create(fmt);
                writer.Begin(io.Stdout);
                foreach (var e in page.Items)
                {
                    var merged = e.MergedEventId is { } m ? await store.GetMergedEventAsync(m, ct).ConfigureAwait(false) : null;
                    writer.Write(io.Stdout, e, merged);
                }

                writer.End(io.Stdout);
            }

            io.Stdout.Flush();
            return MarsadCommandLine.ExitOk;
        });
        return cmd;
    }
}

/// <summary>The event filters shared by <c>events</c> and <c>export</c>, and <c>--db</c>.</summary>
internal sealed class EventFilterOptions
{
    public Option<string?> Db { get; } = StoreCli.DbOption();

    public Option<string?> Type { get; } = new("--type") { Description = "ACLED event_type, e.g. Battles." };

    public Option<string?> SubType { get; } = new("--sub-type") { Description = "ACLED sub_event_type, e.g. 'Armed clash'." };

    public Option<string?> Actor { get; } = new("--actor") { Description = "Actor id or name (actor1 or actor2)." };

    public Option<string?> Place { get; } = new("--place") { Description = "Place id or name, admin1 or admin2." };

    public Option<string?> Admin1 { get; } = new("--admin1") { Description = "Governorate / first-level region." };

    public Option<string?> From { get; } = new("--from") { Description = "Events on or after YYYY-MM-DD." };

    public Option<string?> To { get; } = new("--to") { Description = "Events on or before YYYY-MM-DD." };

    public Option<string?> Outlet { get; } = new("--outlet") { Description = "Outlet of the reporting document." };

    public Option<string?> Status { get; } = new("--status") { Description = "Review status: unreviewed, accepted, edited, rejected, merged." };

    public Option<string?> Text { get; } = new("--text") { Description = "Only events of documents matching this full-text query." };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Db, Type, SubType, Actor, Place, Admin1, From, To, Outlet, Status, Text })
        {
            cmd.Options.Add(o);
        }
    }

    public bool TryRead(ParseResult parse, CliIo io, string command, out EventQuery query)
    {
        query = new EventQuery();
        if (!TryDate(parse.GetValue(From), "--from", out var from) || !TryDate(parse.GetValue(To), "--to", out var to))
        {
            return false;
        }

        ReviewStatus? status = null;
        if (parse.GetValue(Status) is { } s)
        {
            if (!Enum.TryParse<ReviewStatus>(s, ignoreCase: true, out var st) || int.TryParse(s, CultureInfo.InvariantCulture, out _))
            {
                io.Stderr.WriteLine($"marsad {command}: --status must be one of unreviewed, accepted, edited, rejected, merged; got '{s}'");
                return false;
            }

            status = st;
        }

        query = new EventQuery
        {
            EventType = parse.GetValue(Type),
            SubEventType = parse.GetValue(SubType),
            Actor = parse.GetValue(Actor),
            Place = parse.GetValue(Place),
            Admin1 = parse.GetValue(Admin1),
            DateFrom = from,
            DateTo = to,
            Outlet = parse.GetValue(Outlet),
            Status = status,
            Text = parse.GetValue(Text),
        };
        return true;

        bool TryDate(string? text, string name, out DateOnly? value)
        {
            value = null;
            if (text is null)
            {
                return true;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                value = d;
                return true;
            }

            io.Stderr.WriteLine($"marsad {command}: {name} must be YYYY-MM-DD, got '{text}'");
            return false;
        }
    }
}

/// <summary>Opening the store for a command, and the terminal console.</summary>
internal static class StoreCli
{
    public static Option<string?> DbOption() => new("--db")
    {
        Description = $"SQLite file or PostgreSQL connection string (default: ${MarsadStore.EnvironmentVariable}, else {MarsadStore.DefaultSqlitePath()}).",
    };

    /// <summary>
    /// Opens (and migrates) the store, creating a SQLite database that does not exist yet when
    /// <paramref name="create"/> (ingest); read commands pass false and a missing database is refused
    /// rather than silently created empty. A failure is a <see cref="StoreUnavailableException"/> naming the database.
    /// </summary>
    public static async Task<IMarsadStore> OpenAsync(string? db, CancellationToken ct, bool create = true)
    {
        var target = MarsadStore.Resolve(db);
        if (!MarsadStore.IsPostgres(target))
        {
            if (Directory.Exists(target))
            {
                throw new StoreUnavailableException(target, "it is a folder, not a database file");
            }

            if (!create && !File.Exists(target))
            {
                throw new StoreUnavailableException(target, "no such database (ingest creates one; check --db or $" + MarsadStore.EnvironmentVariable + ")");
            }
        }

        var store = MarsadStore.Open(target);
        try
        {
            await store.MigrateAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (StoreErrors.TryDescribe(e, out var cause))
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException(target, cause, e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A Spectre console writing to <paramref name="writer"/> (colour only on a terminal).</summary>
    public static IAnsiConsole Console(TextWriter writer, bool interactive = false)
    {
        var terminal = (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected)
            || (ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = interactive && terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected: no terminal width to fit; wide enough that tables stay readable in files and pipes.
            console.Profile.Width = 160;
        }

        return console;
    }
}
