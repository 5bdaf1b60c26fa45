using System.CommandLine;
using Marsad.Cli.Commands;
using Marsad.Store;

namespace Marsad.Cli;

/// <summary>
/// The command tree. Exit codes: 0 ok, 1 some inputs rejected, 2 bad usage (the contract's), and 3 the
/// store cannot be used (one stderr line naming the database and the cause).
/// </summary>
public static class MarsadCommandLine
{
    public const int ExitOk = 0;
    public const int ExitRejected = 1;
    public const int ExitUsage = 2;
    public const int ExitStore = 3;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var io = new CliIo(stdin, stdout, stderr);
        var root = new RootCommand("Marsad: structured, verifiable conflict-event data from Arabic news reports.");
        // Subcommands: one registration line each.
        root.Subcommands.Add(ExtractCommand.Create(io));
        root.Subcommands.Add(ServeCommand.Create(io));
        root.Subcommands.Add(UserCommand.Create(io));
        root.Subcommands.Add(DataBuildCommand.Create(io));
        root.Subcommands.Add(GazetteerImportCommand.Create(io));
        root.Subcommands.Add(TagCommand.Create(io));
        root.Subcommands.Add(TrainCommand.Create(io));
        root.Subcommands.Add(IngestCommand.Create(io));
        root.Subcommands.Add(SearchCommand.Create(io));
        root.Subcommands.Add(EventsCommand.Create(io));
        root.Subcommands.Add(ExportCommand.Create(io));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"marsad: {e.Message}");
            }

            stderr.WriteLine("Try 'marsad --help'.");
            return ExitUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (StoreErrors.TryDescribe(e, out var cause))
        {
            // A database error anywhere in a command (opening, or a write refused later) is one line, not a stack trace.
            var database = e is StoreUnavailableException s ? s.Database : DatabaseOf(parse);
            stderr.WriteLine($"marsad {parse.CommandResult.Command.Name}: database '{database}' cannot be used: {cause}");
            return ExitStore;
        }
    }

    /// <summary>The database the command was told to use (its --db, else $MARSAD_DB, else the default).</summary>
    private static string DatabaseOf(ParseResult parse)
    {
        var option = parse.CommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--db");
        return MarsadStore.Resolve(option is null ? null : parse.GetValue(option));
    }
}

/// <summary>The process's standard streams, injected so commands are testable in-process.</summary>
public sealed record CliIo(TextReader Stdin, TextWriter Stdout, TextWriter Stderr);
