using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Composition;
using Marsad.Inputs;
using Marsad.Output;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad extract [--published D] [--outlet N] [--format jsonl|acled-csv|geojson] PATH...</c></summary>
internal static class ExtractCommand
{
    public static Command Create(CliIo io)
    {
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for inputs that carry none." };
        var outlet = new Option<string?>("--outlet") { Description = "Outlet name for inputs that carry none." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "acled-csv", "geojson");
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (read recursively); '-' reads stdin.", Arity = ArgumentArity.OneOrMore };

        var cmd = new Command("extract", "Extract entities and events from Arabic reports; prints one JSON object per document.")
        {
            published, outlet, format, paths,
        };
        cmd.SetAction(parse =>
        {
            DateOnly? pub = null;
            var pubText = parse.GetValue(published);
            if (pubText is not null)
            {
                if (!DateOnly.TryParseExact(pubText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    io.Stderr.WriteLine($"marsad extract: --published must be YYYY-MM-DD, got '{pubText}'");
                    return MarsadCommandLine.ExitUsage;
                }

                pub = d;
            }

            var defaults = new InputDefaults(parse.GetValue(outlet), pub);
            return Run(io, parse.GetValue(paths) ?? [], defaults, parse.GetValue(format) ?? "jsonl");
        });
        return cmd;
    }

    private static int Run(CliIo io, string[] paths, InputDefaults defaults, string format)
    {
        var pipeline = PipelineFactory.CreateExtraction(MarsadData.Locate());
        var reader = new InputReader();
        var rejected = 0;
        io.Stdout.Flush();
        foreach (var result in reader.Read(paths, defaults))
        {
            if (result.Rejection is { } r)
            {
                rejected++;
                io.Stderr.WriteLine($"marsad: rejected {r.Input}: {r.Reason}");
                continue;
            }

            var doc = pipeline.Run(result.Document!);
            io.Stdout.WriteLine(ContractJsonWriter.ToJson(doc));
        }

        io.Stdout.Flush();
        _ = format;
        return rejected > 0 ? MarsadCommandLine.ExitRejected : MarsadCommandLine.ExitOk;
    }
}
