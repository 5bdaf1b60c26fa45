using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Marsad.Cli.Composition;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Bench;

/// <summary>
/// Event extraction throughput on the generated corpus (<see cref="SyntheticCorpus"/>, 2,000 documents):
/// <list type="bullet">
/// <item><c>FullPipeline</c>: the whole extraction pipeline as <c>marsad extract</c> assembles it
/// (<see cref="PipelineFactory.CreateExtraction"/>: analysis, dates, quantities, actors, persons, places, events).</item>
/// <item><c>EventsStage</c>: the event extractor alone over documents the earlier stages already annotated.</item>
/// </list>
/// MB/s = corpus UTF-8 bytes (printed in setup) / mean. Runs in process (one core is what it uses).
/// Run: dotnet run -c Release --project bench/Marsad.Bench -- --filter *EventExtraction*
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class EventExtractionBenchmark
{
    private ExtractionPipeline _pipeline = null!;
    private EventExtractor _events = null!;
    private Document[] _docs = [];
    private AnnotatedDocument[] _annotated = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = MarsadData.Locate();
        _pipeline = PipelineFactory.CreateExtraction(data);
        _events = EventExtractor.Load(data.Root);
        _docs = [.. new SyntheticCorpus().Generate(2000).Select(d => new Document(d.Text, new DocumentSource("bench-" + d.Number, d.Url, d.Outlet, d.Title, d.Published)))];
        var withoutEvents = new ExtractionPipeline(_pipeline.Annotators.Where(a => a is not EventExtractor));
        _annotated = [.. _docs.Select(withoutEvents.Run)];
        var bytes = _docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        Console.WriteLine($"// corpus: {_docs.Length} documents, {bytes} UTF-8 bytes of text");
    }

    [Benchmark(Description = "full pipeline (2,000 docs)")]
    public int FullPipeline()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            n += _pipeline.Run(d).Events.Length;
        }

        return n;
    }

    [Benchmark(Description = "events stage only (2,000 docs)")]
    public int EventsStage()
    {
        var n = 0;
        foreach (var d in _annotated)
        {
            n += _events.Annotate(d).Events.Length;
        }

        return n;
    }

    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));
    }
}
