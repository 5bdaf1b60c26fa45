using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Cli.Composition;
using Marsad.Ner;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad train ner --train FILE --out MODEL [--dev-fraction F] [--epochs N] [--seed S] [--cues TSV] [--dev-conll FILE]</c>:
/// trains the averaged-perceptron NER tagger. With a dev fraction &gt; 0 the last sentences are held out and
/// scored after every epoch; with 0 the model is trained on the whole file (how the shipped model is built).
/// </summary>
internal static class TrainCommand
{
    public const string CuesFile = "models/ner-cues.tsv";

    public static Command Create(CliIo io)
    {
        var train = new Option<string>("--train") { Description = "Training corpus (ANERcorp 'token TAG' lines, or CoNLL).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var devFraction = new Option<double>("--dev-fraction") { Description = "Share of sentences (the last ones) held out and scored; 0 trains on everything.", DefaultValueFactory = _ => 0.1 };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => NerTrainingDefaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed.", DefaultValueFactory = _ => 1 };
        var cues = new Option<string?>("--cues") { Description = "Cue-word lexicon (LABEL<TAB>phrase); default data/models/ner-cues.tsv." };
        var devConll = new Option<string?>("--dev-conll") { Description = "Also write the dev split as CoNLL ('token TAG', blank line between sentences), e.g. for ner_score.py." };
        var ner = new Command("ner", "Train the named-entity tagger (averaged structured perceptron).")
        {
            train, output, devFraction, epochs, seed, cues, devConll,
        };
        ner.SetAction(parse => Run(
            io,
            parse.GetValue(train)!,
            parse.GetValue(output)!,
            parse.GetValue(devFraction),
            parse.GetValue(epochs),
            parse.GetValue(seed),
            parse.GetValue(cues),
            parse.GetValue(devConll)));
        return new Command("train", "Train a statistical model from a corpus.") { ner };
    }

    private static int Run(CliIo io, string trainPath, string outPath, double devFraction, int epochs, int seed, string? cuesPath, string? devConll)
    {
        if (devFraction is < 0 or >= 1 || epochs < 1)
        {
            io.Stderr.WriteLine("marsad train ner: --dev-fraction must be in [0, 1) and --epochs ≥ 1");
            return MarsadCommandLine.ExitUsage;
        }

        var clock = Stopwatch.StartNew();
        var sentences = NerCorpus.ReadTagged(trainPath);
        var devCount = (int)Math.Round(sentences.Count * devFraction);
        var trainSet = sentences.Take(sentences.Count - devCount).ToList();
        var devSet = sentences.Skip(sentences.Count - devCount).ToList();
        io.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"marsad train ner: {trainSet.Count} training sentences ({trainSet.Sum(s => s.Tokens.Count)} tokens), {devSet.Count} dev sentences ({devSet.Sum(s => s.Tokens.Count)} tokens)"));
        if (devConll is not null)
        {
            using var w = new StreamWriter(devConll);
            foreach (var s in devSet)
            {
                for (var i = 0; i < s.Tokens.Count; i++)
                {
                    w.Write(s.Tokens[i]);
                    w.Write(' ');
                    w.WriteLine(NerTags.Names[s.Tags[i]]);
                }

                w.WriteLine();
            }
        }

        var lexicon = WordListLexicon.Load("cue", cuesPath ?? MarsadData.Locate().PathOf(CuesFile));
        var options = new NerTrainingOptions(epochs, seed);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Marsad NER, averaged structured perceptron; {epochs} epochs, seed {seed}, {trainSet.Count} sentences of {Path.GetFileName(trainPath)}. ")
            + "Trained on ANERcorp (Benajiba, Rosso & Benedí Ruiz, CICLing 2007; CAMeL Lab split, Obeid et al., LREC 2020), CC BY-SA 4.0.";
        var model = PerceptronTrainer.Train(trainSet, [lexicon], options, description, (epoch, m) =>
        {
            if (devSet.Count == 0)
            {
                io.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch} ({clock.Elapsed.TotalSeconds:F1} s)"));
                return;
            }

            var eval = Score(m, devSet);
            io.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: dev F1 {eval.All.F1 * 100:F2} ({clock.Elapsed.TotalSeconds:F1} s)"));
            if (epoch == epochs)
            {
                io.Stdout.Write(eval.Report());
            }
        });
        model.Save(outPath);
        io.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {outPath}: {model.FeatureCount} features, {new FileInfo(outPath).Length / 1e6:F1} MB; training took {clock.Elapsed.TotalSeconds:F1} s"));
        return MarsadCommandLine.ExitOk;
    }

    internal static NerEvaluation Score(NerModel model, IEnumerable<NerSentence> sentences)
    {
        var eval = new NerEvaluation();
        foreach (var s in sentences)
        {
            eval.Add([.. s.Tags], model.Tag(s.Tokens));
        }

        return eval;
    }
}

/// <summary>The hyper-parameters the shipped model was trained with (selected on the dev split).</summary>
internal static class NerTrainingDefaults
{
    public const int Epochs = 10;
}
