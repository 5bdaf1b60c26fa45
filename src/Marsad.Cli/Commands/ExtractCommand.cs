using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Composition;
using Marsad.Inputs;
using Marsad.Output;
using Marsad.Pipeline;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad extract [--published D] [--outlet N] [--format jsonl|acled-csv|geojson] [--threads N] PATH...</c></summary>
internal static class ExtractCommand
{
    public static Command Create(CliIo io)
    {
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for inputs that carry none." };
        var outlet = new Option<string?>("--outlet") { Description = "Outlet name for inputs that carry none." };
        var format = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", OutputFormats.Names)} (default jsonl).",
            DefaultValueFactory = _ => "jsonl",
        };
        var threads = ThreadsOption.Create();
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders (read recursively); '-' reads stdin. A file whose name starts with '-' is given as ./-name.",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                // The argument takes any string, so an unknown option would otherwise be read as a path.
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });

        var cmd = new Command("extract", "Extract entities and events from Arabic reports; prints one JSON object per document.")
        {
            published, outlet, format, threads, paths,
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

            var formatName = parse.GetValue(format) ?? "jsonl";
            if (!OutputFormats.TryCreate(formatName, out var writer) || writer is null)
            {
                io.Stderr.WriteLine($"marsad extract: unknown --format '{formatName}' (known: {string.Join(", ", OutputFormats.Names)})");
                return MarsadCommandLine.ExitUsage;
            }

            if (!ThreadsOption.TryGet(parse, threads, io, "extract", out var threadCount))
            {
                return MarsadCommandLine.ExitUsage;
            }

            var outletName = parse.GetValue(outlet);
            var defaults = new InputDefaults(string.IsNullOrWhiteSpace(outletName) ? null : outletName.Trim(), pub);
            return Run(io, parse.GetValue(paths) ?? [], defaults, writer, threadCount);
        });
        return cmd;
    }

    private static int Run(CliIo io, string[] paths, InputDefaults defaults, IDocumentWriter writer, int threads)
    {
        var pipeline = PipelineFactory.CreateExtraction(MarsadData.Locate());
        var reader = new InputReader();
        var rejected = 0;
        writer.Begin(io.Stdout);
        // Documents are extracted on `threads` workers and come back here in input order, so what is written
        // (stdout and stderr alike) does not depend on the thread count.
        foreach (var extracted in OrderedParallel.Map(reader.Read(paths, defaults, io.Stdin), r => r.Document is { } d ? pipeline.Run(d) : null, threads))
        {
            var result = extracted.Input;
            if (result.Rejection is { } r)
            {
                rejected++;
                io.Stderr.WriteLine($"marsad: rejected {r.Input}: {r.Reason}");
                continue;
            }

            AnnotatedDocument annotated;
            try
            {
                // A worker's exception is rethrown here, so it is handled as if the pipeline had run in this loop.
                annotated = extracted.GetResult()!;
            }
#pragma warning disable CA1031 // one document's failure must not stop the others: it is reported like a rejection
            catch (Exception e)
#pragma warning restore CA1031
            {
                rejected++;
                io.Stderr.WriteLine($"marsad: failed {result.Document!.Source.Path}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
                continue;
            }

            writer.Write(io.Stdout, annotated);

            // Streamed: each document reaches stdout as soon as it is done.
            io.Stdout.Flush();
        }

        writer.End(io.Stdout);
        io.Stdout.Flush();
        return rejected > 0 ? MarsadCommandLine.ExitRejected : MarsadCommandLine.ExitOk;
    }
}
