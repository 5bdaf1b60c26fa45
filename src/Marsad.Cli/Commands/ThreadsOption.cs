using System.CommandLine;

namespace Marsad.Cli.Commands;

/// <summary><c>--threads N</c> of the commands that extract: worker threads, by default one per core.</summary>
internal static class ThreadsOption
{
    public static Option<int> Create() => new("--threads")
    {
        Description = "Documents extracted at once, on as many threads (default: the machine's cores). Output order and bytes do not depend on it.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>The value, or false after telling the user why it is not one.</summary>
    public static bool TryGet(ParseResult parse, Option<int> option, CliIo io, string command, out int threads)
    {
        threads = parse.GetValue(option);
        if (threads >= 1)
        {
            return true;
        }

        io.Stderr.WriteLine($"marsad {command}: --threads must be at least 1");
        return false;
    }
}
