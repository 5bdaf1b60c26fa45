using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Composition;
using Marsad.Inputs;
using Marsad.Pipeline;
using Marsad.Store;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad ingest [--db DB] [--published D] [--outlet N] [--batch-size N] [--no-merge] [--threads N] PATH...</c>: reads,
/// extracts and stores documents (streamed; each batch one transaction), records rejected inputs with their
/// reason, recomputes cross-outlet merges, and prints a summary. Re-running is idempotent.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliIo io)
    {
        var db = StoreCli.DbOption();
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for inputs that carry none." };
        var outlet = new Option<string?>("--outlet") { Description = "Outlet name for inputs that carry none." };
        var batchSize = new Option<int>("--batch-size") { Description = "Documents per transaction.", DefaultValueFactory = _ => 200 };
        var noMerge = new Option<bool>("--no-merge") { Description = "Do not recompute cross-outlet merges at the end." };
        var threads = ThreadsOption.Create();
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (read recursively); '-' reads stdin.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("ingest", "Extract and store documents in the database (SQLite by default, or PostgreSQL).")
        {
            db, published, outlet, batchSize, noMerge, threads, paths,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            DateOnly? pub = null;
            if (parse.GetValue(published) is { } pubText)
            {
                if (!DateOnly.TryParseExact(pubText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    io.Stderr.WriteLine($"marsad ingest: --published must be YYYY-MM-DD, got '{pubText}'");
                    return MarsadCommandLine.ExitUsage;
                }

                pub = d;
            }

            var size = parse.GetValue(batchSize);
            if (size < 1)
            {
                io.Stderr.WriteLine("marsad ingest: --batch-size must be at least 1");
                return MarsadCommandLine.ExitUsage;
            }

            if (!ThreadsOption.TryGet(parse, threads, io, "ingest", out var threadCount))
            {
                return MarsadCommandLine.ExitUsage;
            }

            await using var store = await StoreCli.OpenAsync(parse.GetValue(db), ct).ConfigureAwait(false);
            var run = new IngestRun(io, store, PipelineFactory.CreateExtraction(MarsadData.Locate()), size, threadCount);
            var defaults = new InputDefaults(parse.GetValue(outlet), pub);
            var console = StoreCli.Console(io.Stderr, interactive: true);
            if (console.Profile.Capabilities.Interactive && ReferenceEquals(io.Stderr, Console.Error))
            {
                await console.Progress()
                    .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("ingest").IsIndeterminate();
                        await run.RunAsync(parse.GetValue(paths) ?? [], defaults, s => task.Description = s, ct).ConfigureAwait(false);
                        task.StopTask();
                    }).ConfigureAwait(false);
            }
            else
            {
                await run.RunAsync(parse.GetValue(paths) ?? [], defaults, null, ct).ConfigureAwait(false);
            }

            var merged = 0;
            if (!parse.GetValue(noMerge))
            {
                merged = (await store.RecomputeMergesAsync(null, ct).ConfigureAwait(false)).MergedEvents;
            }

            run.PrintSummary(merged, store.Kind);
            return run.Rejected > 0 ? MarsadCommandLine.ExitRejected : MarsadCommandLine.ExitOk;
        });
        return cmd;
    }

    private sealed class IngestRun(CliIo io, IMarsadStore store, ExtractionPipeline pipeline, int batchSize, int threads)
    {
        private readonly List<AnnotatedDocument> _batch = new(batchSize);

        public int Read { get; private set; }

        public int Stored { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public int Rejected { get; private set; }

        public int Events { get; private set; }

        public int NearDuplicates { get; private set; }

        public async Task RunAsync(IEnumerable<string> paths, InputDefaults defaults, Action<string>? progress, CancellationToken ct)
        {
            // Extracted on `threads` workers, back here in input order: what is stored does not depend on the thread count.
            var inputs = new InputReader().Read(paths, defaults, io.Stdin);
            foreach (var extracted in OrderedParallel.Map(inputs, r => r.Document is { } d ? pipeline.Run(d) : null, threads, ct))
            {
                ct.ThrowIfCancellationRequested();
                var result = extracted.Input;
                Read++;
                if (result.Rejection is { } r)
                {
                    await RejectAsync(r.Input, r.Reason, ct).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    // A worker's exception is rethrown here, so it is handled as if the pipeline had run in this loop.
                    _batch.Add(extracted.GetResult()!);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException)
                {
                    await RejectAsync(result.Document!.Source.Path, "extraction failed: " + e.Message, ct).ConfigureAwait(false);
                    continue;
                }

                if (_batch.Count >= batchSize)
                {
                    await FlushAsync(ct).ConfigureAwait(false);
                    progress?.Invoke($"read {Read}, stored {Stored}, updated {Updated}, unchanged {Unchanged}, rejected {Rejected}");
                }
            }

            await FlushAsync(ct).ConfigureAwait(false);
        }

        private readonly SortedDictionary<string, int> _reasons = new(StringComparer.Ordinal);

        private async Task RejectAsync(string input, string reason, CancellationToken ct)
        {
            Rejected++;
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            io.Stderr.WriteLine($"marsad: rejected {input}: {reason}");
            await store.RecordRejectionAsync(input, reason, ct).ConfigureAwait(false);
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            if (_batch.Count == 0)
            {
                return;
            }

            var result = await store.IngestBatchAsync(_batch, ct).ConfigureAwait(false);
            _batch.Clear();
            foreach (var item in result.Items)
            {
                switch (item.Outcome)
                {
                    case IngestOutcome.Stored:
                        Stored++;
                        Events += item.Events;
                        break;
                    case IngestOutcome.Updated:
                        Updated++;
                        Events += item.Events;
                        break;
                    case IngestOutcome.Unchanged:
                        Unchanged++;
                        break;
                }

                if (item.DuplicateOf is not null && item.Outcome == IngestOutcome.Stored)
                {
                    NearDuplicates++;
                }
            }
        }

        public void PrintSummary(int merged, string kind)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("read", "stored", "updated", "unchanged", "rejected", "events", "near-duplicates", "merged events");
            table.AddRow(
                Read.ToString(CultureInfo.InvariantCulture),
                Stored.ToString(CultureInfo.InvariantCulture),
                Updated.ToString(CultureInfo.InvariantCulture),
                Unchanged.ToString(CultureInfo.InvariantCulture),
                Rejected.ToString(CultureInfo.InvariantCulture),
                Events.ToString(CultureInfo.InvariantCulture),
                NearDuplicates.ToString(CultureInfo.InvariantCulture),
                merged.ToString(CultureInfo.InvariantCulture));
            table.Caption($"marsad ingest ({kind})");
            var console = StoreCli.Console(io.Stdout);
            console.Write(table);
            if (_reasons.Count > 0)
            {
                var reasons = new Table().Border(TableBorder.Rounded).AddColumns("rejected because", "inputs");
                foreach (var (reason, n) in _reasons)
                {
                    reasons.AddRow(Markup.Escape(reason), n.ToString(CultureInfo.InvariantCulture));
                }

                console.Write(reasons);
            }

            io.Stdout.Flush();
        }
    }
}
