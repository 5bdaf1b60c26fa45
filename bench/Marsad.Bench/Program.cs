using System.Text;
using BenchmarkDotNet.Running;
using Marsad.Bench;

// `corpus N FILE` writes a synthetic JSON Lines corpus of N documents (for load tests and the store);
// anything else goes to BenchmarkDotNet. Every benchmark class in this assembly; pick with --filter.
if (args.Length == 3 && args[0] == "corpus" && int.TryParse(args[1], out var count))
{
    using var w = new StreamWriter(args[2], append: false, new UTF8Encoding(false));
    Console.Error.WriteLine($"wrote {SyntheticCorpus.WriteJsonLines(w, new SyntheticCorpus().Generate(count))} documents to {args[2]}");
    return;
}

if (args.Length > 0 && args[0] == "store-bench") { Environment.Exit(StoreBenchmark.RunFromCommandLine(args[1..])); } // store benchmarks (StoreBenchmark.cs)
if (args.Length > 0 && args[0] == "merge-bench") { Environment.Exit(MergeBenchmark.RunFromCommandLine(args[1..])); } // merge recomputation (MergeBenchmark.cs)

if (args.Length > 0 && args[0] is "real-corpus" or "stages") { Environment.Exit(RealTextBench.RunFromCommandLine(args)); } // real-text benchmark (RealTextBench.cs)

if (args.Length > 0 && args[0] == "watch-bench") { Environment.Exit(WatchBenchmark.RunFromCommandLine(args[1..])); } // marsad watch over a compressed hour (WatchBenchmark.cs)

if (args.Length > 0 && args[0] == "watch-bench-server") { Environment.Exit(WatchBenchmark.ServeFromCommandLine(args[1..])); } // its local outlets (another process)

BenchmarkSwitcher.FromAssembly(typeof(SyntheticCorpus).Assembly).Run(args);
