using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Marsad.Cli.Composition;
using Marsad.Inputs;
using Marsad.Output;
using Marsad.Pipeline;

namespace Marsad.Bench;

/// <summary>
/// The whole of <c>marsad extract</c> over a generated JSON Lines corpus: reading and decoding, the
/// extraction pipeline (<see cref="PipelineFactory.CreateExtraction"/>) and contract JSON writing.
/// Reported per operation (the whole corpus), plus documents/s and MB/s of input.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractBenchmark
{
    private string _corpusPath = string.Empty;
    private ExtractionPipeline _pipeline = null!;

    [Params(10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpusPath = Path.Combine(Path.GetTempPath(), $"marsad-bench-{Documents}.jsonl");
        using (var w = new StreamWriter(_corpusPath, append: false, new UTF8Encoding(false)))
        {
            SyntheticCorpus.WriteJsonLines(w, new SyntheticCorpus().Generate(Documents));
        }

        ThroughputConfig.Record(Documents, new FileInfo(_corpusPath).Length);
        _pipeline = PipelineFactory.CreateExtraction(MarsadData.Locate());
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_corpusPath);

    [Benchmark]
    public int Extract()
    {
        var n = 0;
        var writer = new JsonLinesWriter();
        using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false));
        foreach (var r in new InputReader().Read([_corpusPath], new InputDefaults()))
        {
            if (r.Document is { } d)
            {
                writer.Write(output, _pipeline.Run(d));
                n++;
            }
        }

        return n == Documents ? n : throw new InvalidOperationException($"read {n} of {Documents} documents");
    }
}
