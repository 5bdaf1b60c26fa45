using Marsad.Cli;
using Marsad.Inputs;
using Marsad.Testing;

namespace Marsad.Tests;

public class StreamingAndSeedsTests
{
    /// <summary>Records what had been written each time the command flushed.</summary>
    private sealed class FlushRecorder : StringWriter
    {
        public List<int> LinesAtFlush { get; } = [];

        public override void Flush()
        {
            LinesAtFlush.Add(ToString().Count(c => c == '\n'));
            base.Flush();
        }
    }

    [Fact]
    public void Extract_SeveralDocuments_FlushedOneByOne()
    {
        using var stdout = new FlushRecorder();
        using var stderr = new StringWriter();
        var exit = MarsadCommandLine.Run(["extract", Path.Combine(CliRun.SamplesFolder, "09_reports.jsonl")], TextReader.Null, stdout, stderr);
        exit.ShouldBe(0);
        // The first document reached stdout (was flushed) before the second was written.
        stdout.LinesAtFlush.ShouldContain(1);
        stdout.LinesAtFlush.ShouldContain(2);
    }

    [SharedFact]
    public void Extract_Seeds_ReadAndEverySpanSlicesText()
    {
        var seeds = Directory.GetFiles(SharedMaterial.PathOf("seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        seeds.ShouldNotBeEmpty();
        var texts = new InputReader().Read(seeds, new InputDefaults())
            .Select(r => r.Document.ShouldNotBeNull())
            .ToDictionary(d => d.Source.Path, d => d.Text);

        var run = CliRun.Of(["extract", "--published", "2021-12-06", .. seeds]);

        run.Exit.ShouldBe(0, run.Stderr);
        run.Documents.Count.ShouldBe(seeds.Length);
        foreach (var doc in run.Documents)
        {
            var text = texts[doc.RootElement.GetProperty("source").GetProperty("path").GetString()!];
            // Decoded as Arabic, not mojibake.
            text.Count(c => c is >= '\u0600' and <= '\u06FF').ShouldBeGreaterThan(text.Length / 3);
            foreach (var e in doc.RootElement.GetProperty("entities").EnumerateArray())
            {
                text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()].ShouldBe(e.GetProperty("text").GetString());
            }
        }
    }
}
