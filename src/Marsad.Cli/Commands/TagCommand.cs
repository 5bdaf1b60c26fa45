using System.CommandLine;
using System.Text;
using Marsad.Cli.Composition;
using Marsad.Ner;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad tag [--format conll] [--model FILE] [FILE|-]</c>: named-entity tagging of pre-tokenized text.
/// Input: one token per line (first tab-separated column; others ignored), blank line between sentences.
/// Output: the same lines as <c>token&lt;TAB&gt;tag</c> (BIO over PER, LOC, ORG, MISC); blank lines kept.
/// </summary>
internal static class TagCommand
{
    public const string ModelFile = "models/ner-anercorp.bin";

    public static Command Create(CliIo io)
    {
        var format = new Option<string>("--format") { Description = "Input format.", DefaultValueFactory = _ => "conll" };
        format.AcceptOnlyFromAmong("conll");
        var model = new Option<string?>("--model") { Description = "Model file; default data/models/ner-anercorp.bin." };
        var stats = new Option<bool>("--stats") { Description = "Print tokens, wall and CPU time of tagging (model loading excluded) to stderr." };
        var input = new Argument<string>("FILE") { Description = "CoNLL input; '-' or nothing reads stdin.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "-" };
        var cmd = new Command("tag", "Tag named entities (PER, LOC, ORG, MISC) in CoNLL-style tokenized text.") { format, model, stats, input };
        cmd.SetAction(parse => Run(io, parse.GetValue(model), parse.GetValue(input) ?? "-", parse.GetValue(stats)));
        return cmd;
    }

    private static int Run(CliIo io, string? modelPath, string input, bool stats)
    {
        var path = modelPath ?? MarsadData.Locate().PathOf(ModelFile);
        if (!File.Exists(path))
        {
            io.Stderr.WriteLine($"marsad tag: no model at {path} (train one with 'marsad train ner')");
            return MarsadCommandLine.ExitUsage;
        }

        if (input != "-" && !File.Exists(input))
        {
            io.Stderr.WriteLine($"marsad tag: no such file {input}");
            return MarsadCommandLine.ExitUsage;
        }

        var tagger = NerTagger.Load(path);
        using var reader = input == "-" ? null : new StreamReader(input, Encoding.UTF8);
        var source = reader ?? io.Stdin;

        // The whole input is one stream of sentences: the second pass remembers names across sentences.
        var lines = new List<string>();
        var sentences = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        string? line;
        while ((line = source.ReadLine()) is not null)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var token = (tab >= 0 ? line[..tab] : line).Trim();
            lines.Add(token);
            if (token.Length == 0)
            {
                if (current.Count > 0)
                {
                    sentences.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(token);
        }

        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tags = tagger.TagDocument(sentences);
        if (stats)
        {
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var n = sentences.Sum(x => x.Count);
            io.Stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"marsad tag: {n} tokens, {clock.Elapsed.TotalSeconds:F3} s wall ({n / clock.Elapsed.TotalSeconds:F0} tokens/s), {used.TotalSeconds:F3} s CPU ({n / used.TotalSeconds:F0} tokens/s)"));
        }

        var output = new StringBuilder(1 << 16);
        int s = 0, k = 0;
        foreach (var token in lines)
        {
            if (token.Length == 0)
            {
                if (k > 0)
                {
                    s++;
                    k = 0;
                }

                output.Append('\n');
            }
            else
            {
                output.Append(token).Append('\t').Append(NerTags.Names[tags[s][k++]]).Append('\n');
            }

            if (output.Length > 1 << 16)
            {
                io.Stdout.Write(output);
                output.Clear();
            }
        }

        io.Stdout.Write(output);
        io.Stdout.Flush();
        return MarsadCommandLine.ExitOk;
    }
}
