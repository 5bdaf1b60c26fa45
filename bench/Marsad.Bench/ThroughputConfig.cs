using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Marsad.Bench;

/// <summary>Adds documents/s and MB/s columns computed from the mean time of one operation over the corpus.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    private static readonly Dictionary<int, long> CorpusBytes = [];

    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn("Docs/s", (docs, _, seconds) => docs / seconds));
        AddColumn(new ThroughputColumn("MB/s", (_, bytes, seconds) => bytes / 1e6 / seconds));
    }

    /// <summary>Called in the benchmark process's setup; the column reads the corpus size back from the file name convention.</summary>
    public static void Record(int documents, long bytes) => CorpusBytes[documents] = bytes;

    internal static long BytesOf(int documents)
    {
        if (CorpusBytes.TryGetValue(documents, out var b))
        {
            return b;
        }

        // The column runs in the host process, not the benchmark's: regenerate the corpus size.
        using var counter = new CountingWriter();
        SyntheticCorpus.WriteJsonLines(counter, new SyntheticCorpus().Generate(documents));
        CorpusBytes[documents] = counter.Bytes;
        return counter.Bytes;
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Bytes { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Bytes += System.Text.Encoding.UTF8.GetByteCount([value]);

        public override void Write(string? value) => Bytes += value is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(value);
    }

    private sealed class ThroughputColumn(string name, Func<double, double, double, double> compute) : IColumn
    {
        public string Id => "Throughput." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{name} over the whole corpus (mean time of one operation)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || benchmarkCase.Parameters["Documents"] is not int docs)
            {
                return "NA";
            }

            var seconds = stats.Mean / 1e9;
            return compute(docs, BytesOf(docs), seconds).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
