using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Marsad.Cli.Composition;
using Marsad.Inputs;
using Marsad.Output;
using Marsad.Pipeline;

namespace Marsad.Bench;

/// <summary>
/// The real-text benchmark (issue 17). <c>real-corpus OUT [--mb 50] [--shared DIR]</c> writes a JSON Lines corpus
/// of the real reports in <c>../shared/seeds</c> and <c>../shared/dev/texts</c> (third-party text: read where it
/// lies, written only to OUT, never committed), repeated until it reaches the size asked.
/// <c>stages FILE [--warmup-mb 2]</c> runs the pipeline in process on one thread over FILE and reports, per stage
/// (reading, analysis, each annotator, contract JSON), the thread's CPU time, its share, MB/s and bytes allocated
/// per input byte; then the whole and the process's peak working set. <c>bench/extract-bench.sh</c> measures the
/// <c>./marsad extract</c> process itself.
/// </summary>
internal static partial class RealTextBench
{
    public static int RunFromCommandLine(string[] args)
    {
        if (args.Length >= 2 && args[0] == "real-corpus")
        {
            return WriteCorpus(args[1], Option(args, "--mb", 50.0), OptionText(args, "--shared") ?? DefaultShared());
        }

        if (args.Length >= 2 && args[0] == "stages")
        {
            return Stages(args[1], Option(args, "--warmup-mb", 2.0));
        }

        Console.Error.WriteLine("usage: real-corpus OUT [--mb 50] [--shared DIR] | stages FILE [--warmup-mb 2]");
        return 2;
    }

    private static string DefaultShared() => Environment.GetEnvironmentVariable("MARSAD_SHARED") is { Length: > 0 } env ? env : Path.Combine("..", "shared");

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Option(string[] args, string name, double fallback) =>
        OptionText(args, name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static int WriteCorpus(string output, double megabytes, string shared)
    {
        var files = new[] { "seeds", Path.Combine("dev", "texts") }
            .Select(d => Path.Combine(shared, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt").Order(StringComparer.Ordinal))
            .ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no reports under {shared}/seeds or {shared}/dev/texts (give --shared DIR or MARSAD_SHARED)");
            return 1;
        }

        // Arabic unescaped, as outlets' JSON exports write it (escaped it would triple the bytes per report).
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = files.Select(f => JsonSerializer.Serialize(new { text = File.ReadAllText(f) }, json) + "\n").ToList();
        var target = (long)(megabytes * 1e6);
        long written = 0;
        var documents = 0;
        using (var w = new StreamWriter(output, append: false, new UTF8Encoding(false)))
        {
            while (written < target)
            {
                foreach (var line in lines)
                {
                    w.Write(line);
                    written += Encoding.UTF8.GetByteCount(line);
                    documents++;
                }
            }
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {documents} documents ({files.Count} reports repeated), {written / 1e6:F1} MB, to {output}"));
        return 0;
    }

    private static int Stages(string path, double warmupMegabytes)
    {
        var load = Measure.Start();
        var pipeline = PipelineFactory.CreateExtraction(MarsadData.Locate());
        var loaded = load.Stop();
        var names = new List<string> { "read (InputReader)", "analysis (AnalysisChain)" };
        names.AddRange(pipeline.Annotators.Select(a => a.Name));
        names.Add("contract JSON");

        // Warm-up: the first megabytes, untimed, so tiered compilation has settled before the measured pass.
        var warm = new Totals(names.Count);
        Pass(path, pipeline, warm, (long)(warmupMegabytes * 1e6));
        var totals = new Totals(names.Count);
        var wall = Stopwatch.StartNew();
        Pass(path, pipeline, totals, long.MaxValue);
        wall.Stop();

        var bytes = new FileInfo(path).Length;
        var mb = bytes / 1e6;
        var cpu = totals.Cpu.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {totals.Documents} documents, {mb:F1} MB; pipeline loaded in {loaded.Cpu:F2} s CPU, {loaded.Allocated / 1e6:F0} MB allocated"));
        Console.WriteLine($"{"stage",-28} {"CPU s",8} {"share",7} {"MB/s",9} {"alloc B/B",10}");
        for (var i = 0; i < names.Count; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[i],-28} {totals.Cpu[i],8:F2} {totals.Cpu[i] / cpu,7:P1} {mb / totals.Cpu[i],9:F1} {totals.Allocated[i] / (double)bytes,10:F1}"));
        }

        var allocated = totals.Allocated.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"whole (one thread)",-28} {cpu,8:F2} {1,7:P1} {mb / cpu,9:F2} {allocated / (double)bytes,10:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per core of CPU time: {mb / cpu:F2} MB/s, {totals.Documents / cpu:F0} reports/s; wall {wall.Elapsed.TotalSeconds:F1} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB; GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        return 0;
    }

    /// <summary>One pass over the corpus (up to <paramref name="maxBytes"/> of it), the pipeline run stage by stage as <see cref="ExtractionPipeline.Run"/> does.</summary>
    private static void Pass(string path, ExtractionPipeline pipeline, Totals totals, long maxBytes)
    {
        var writer = new JsonLinesWriter();
        using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false));
        long seen = 0;
        using var inputs = new InputReader().Read([path], new InputDefaults()).GetEnumerator();
        while (seen < maxBytes)
        {
            var m = Measure.Start();
            var more = inputs.MoveNext();
            totals.Add(0, m.Stop());
            if (!more)
            {
                break;
            }

            if (inputs.Current.Document is not { } document)
            {
                continue;
            }

            seen += document.Text.Length * 2; // UTF-8 of Arabic text: about two bytes a character
            m = Measure.Start();
            var doc = AnnotatedDocument.Start(document);
            totals.Add(1, m.Stop());
            var stage = 2;
            foreach (var a in pipeline.Annotators)
            {
                m = Measure.Start();
                doc = a.Annotate(doc);
                totals.Add(stage++, m.Stop());
            }

            m = Measure.Start();
            writer.Write(output, doc);
            totals.Add(stage, m.Stop());
            totals.Documents++;
        }
    }

    private sealed class Totals(int stages)
    {
        public double[] Cpu { get; } = new double[stages];

        public long[] Allocated { get; } = new long[stages];

        public int Documents { get; set; }

        public void Add(int stage, (double Cpu, long Allocated) m)
        {
            Cpu[stage] += m.Cpu;
            Allocated[stage] += m.Allocated;
        }
    }

    /// <summary>The calling thread's CPU time (clock_gettime CLOCK_THREAD_CPUTIME_ID) and its allocated bytes.</summary>
    private readonly partial struct Measure
    {
        private readonly double _cpu;
        private readonly long _allocated;

        private Measure(double cpu, long allocated)
        {
            _cpu = cpu;
            _allocated = allocated;
        }

        public static Measure Start() => new(ThreadCpuSeconds(), GC.GetAllocatedBytesForCurrentThread());

        public (double Cpu, long Allocated) Stop() => (ThreadCpuSeconds() - _cpu, GC.GetAllocatedBytesForCurrentThread() - _allocated);

        private static double ThreadCpuSeconds()
        {
            const int ClockThreadCpuTimeId = 3;
            return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds / 1e9) : throw new InvalidOperationException("clock_gettime failed");
        }

        [LibraryImport("libc", EntryPoint = "clock_gettime")]
        private static partial int ClockGetTime(int clock, out TimeSpec time);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}
