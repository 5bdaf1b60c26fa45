using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Cli.Composition;
using Marsad.Ner;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad train ner --train FILE --out MODEL [--dev-fraction F] [--epochs N] [--seed S] [--cues TSV] [--dev-conll FILE] [--trainer perceptron|crf]</c>:
/// trains the NER tagger (averaged structured perceptron by default, or a linear-chain CRF). With a dev fraction &gt; 0 the last sentences are held out and
/// scored after every epoch; with 0 the model is trained on the whole file (how the shipped model is built).
/// </summary>
internal static class TrainCommand
{
    public const string CuesFile = "models/ner-cues.tsv";
    public const string NamesFile = "models/ner-names.tsv";

    public static Command Create(CliIo io)
    {
        var train = new Option<string>("--train") { Description = "Training corpus (ANERcorp 'token TAG' lines, or CoNLL).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var devFraction = new Option<double>("--dev-fraction") { Description = "Share of sentences (the last ones) held out and scored; 0 trains on everything.", DefaultValueFactory = _ => 0.1 };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => NerTrainingDefaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed.", DefaultValueFactory = _ => 1 };
        var cues = new Option<string?>("--cues") { Description = "Cue-word lexicon (LABEL<TAB>phrase); default data/models/ner-cues.tsv." };
        var features = new Option<string>("--features") { Description = "Feature groups (comma-separated NerFeatureSet names), for ablations.", DefaultValueFactory = _ => nameof(NerFeatureSet.All) };
        var twoPass = new Option<bool>("--two-pass") { Description = "Train the second, document-memory pass (default on).", DefaultValueFactory = _ => true };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training.", DefaultValueFactory = _ => NerTrainingDefaults.MinCount };
        var window = new Option<int>("--window") { Description = "Document-memory window (sentences before and after).", DefaultValueFactory = _ => NerTrainingDefaults.Window };
        var useCatalogues = new Option<bool>("--catalogues") { Description = "Also embed the place/actor/person catalogues (data/places, actors, persons) as a lexicon. Off: measured no gain on ANERcorp (5-fold CV 70.2 vs 70.1) and it would tie the model to the catalogues' versions." };
        var folds = new Option<int>("--folds") { Description = "Cross-validate over K contiguous blocks of the corpus instead (prints micro F1 over all folds, and with --two-pass false after every epoch; writes no model).", DefaultValueFactory = _ => 0 };
        var trainer = new Option<string>("--trainer") { Description = "Learner: perceptron (averaged structured perceptron) or crf (linear-chain CRF, L2, AdaGrad).", DefaultValueFactory = _ => "perceptron" };
        var l2 = new Option<double>("--l2") { Description = "CRF only: L2 regularisation strength λ (objective −Σ log p + λ/2·‖w‖²).", DefaultValueFactory = _ => NerTrainingDefaults.CrfL2 };
        var learningRate = new Option<double>("--learning-rate") { Description = "CRF only: AdaGrad base step size.", DefaultValueFactory = _ => NerTrainingDefaults.CrfLearningRate };
        var crfAverage = new Option<bool>("--crf-average") { Description = "CRF only: ship the average of the SGD iterates (averaged SGD) rather than the last ones.", DefaultValueFactory = _ => true };
        var dropout = new Option<double>("--dropout") { Description = "Share of features left out at each training update (dropout training); 0 turns it off.", DefaultValueFactory = _ => NerTrainingDefaults.FeatureDropout };
        var seen = new Option<bool>("--seen") { Description = "Add the corpus's own entities as a lexicon (jackknifed over contiguous blocks in training; shipped whole in the model).", DefaultValueFactory = _ => true };
        var devConll = new Option<string?>("--dev-conll") { Description = "Also write the dev split as CoNLL ('token TAG', blank line between sentences), e.g. for ner_score.py." };
        var ner = new Command("ner", "Train the named-entity tagger (averaged structured perceptron, or a linear-chain CRF).")
        {
            train, output, devFraction, epochs, seed, cues, devConll, features, folds, twoPass, minCount, window, useCatalogues, trainer, l2, learningRate, crfAverage, dropout, seen,
        };
        ner.SetAction(parse => !Enum.TryParse<NerTrainer>(parse.GetValue(trainer), ignoreCase: true, out var learner) || !Enum.IsDefined(learner)
            ? Usage(io, "--trainer must be perceptron or crf")
            : Run(
            io,
            new NerLearner(learner, parse.GetValue(l2), parse.GetValue(learningRate), parse.GetValue(crfAverage)),
            parse.GetValue(train)!,
            parse.GetValue(output)!,
            parse.GetValue(devFraction),
            parse.GetValue(epochs),
            parse.GetValue(seed),
            parse.GetValue(cues),
            parse.GetValue(devConll),
            Enum.Parse<NerFeatureSet>(parse.GetValue(features) ?? nameof(NerFeatureSet.All), ignoreCase: true),
            parse.GetValue(folds),
            parse.GetValue(twoPass),
            parse.GetValue(minCount),
            parse.GetValue(window),
            parse.GetValue(useCatalogues),
            parse.GetValue(dropout),
            parse.GetValue(seen)));
        return new Command("train", "Train a statistical model from a corpus.") { ner };
    }

    private static int Usage(CliIo io, string message)
    {
        io.Stderr.WriteLine("marsad train ner: " + message);
        return MarsadCommandLine.ExitUsage;
    }

    private static int Run(CliIo io, NerLearner learner, string trainPath, string outPath, double devFraction, int epochs, int seed, string? cuesPath, string? devConll, NerFeatureSet featureSet, int folds, bool twoPass, int minCount, int window, bool catalogues, double dropout, bool seen)
    {
        if (devFraction is < 0 or >= 1 || epochs < 1 || dropout is < 0 or >= 1)
        {
            return Usage(io, "--dev-fraction and --dropout must be in [0, 1) and --epochs ≥ 1");
        }

        if (learner.L2 < 0 || !(learner.LearningRate > 0))
        {
            return Usage(io, "--l2 must be ≥ 0 and --learning-rate > 0");
        }

        var clock = Stopwatch.StartNew();
        var sentences = NerCorpus.ReadTagged(trainPath);
        if (folds > 1)
        {
            return CrossValidate(io, sentences, folds, Options(learner, epochs, seed, featureSet, minCount, twoPass, window, dropout, seen), cuesPath, catalogues);
        }

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

        var lexicons = LoadLexicons(cuesPath, catalogues);
        var options = Options(learner, epochs, seed, featureSet, minCount, twoPass, window, dropout, seen);
        var method = learner.Trainer == NerTrainer.Crf
            ? string.Create(CultureInfo.InvariantCulture, $"linear-chain CRF (L2 {learner.L2}, AdaGrad {learner.LearningRate}{(learner.Average ? ", averaged" : string.Empty)})")
            : "averaged structured perceptron";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Marsad NER, {method}; {epochs} epochs, seed {seed}{(learner.Trainer == NerTrainer.Perceptron ? $", feature dropout {dropout}" : string.Empty)}, two-pass {twoPass}, corpus-entity lexicon {seen}, {trainSet.Count} sentences of {Path.GetFileName(trainPath)}. ")
            + "Trained on ANERcorp (Benajiba, Rosso & Benedí Ruiz, CICLing 2007; CAMeL Lab split, Obeid et al., LREC 2020), CC BY-SA 4.0.";
        var tagger = PerceptronTrainer.TrainTagger(trainSet, lexicons, options, description,
            msg => io.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{msg} ({clock.Elapsed.TotalSeconds:F1} s)")));
        var trained = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        tagger.Save(outPath);
        if (devSet.Count > 0)
        {
            io.Stdout.Write(Score(tagger, devSet).Report());
        }

        io.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {outPath}: {tagger.First.FeatureCount}+{tagger.Second?.FeatureCount ?? 0} features, {new FileInfo(outPath).Length / 1e6:F1} MB; training took {trained.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s CPU in all)"));
        return MarsadCommandLine.ExitOk;
    }

    private static NerTrainingOptions Options(NerLearner learner, int epochs, int seed, NerFeatureSet featureSet, int minCount, bool twoPass, int window, double dropout, bool seen) =>
        new(epochs, seed, featureSet, minCount, TwoPass: twoPass, Window: window, Trainer: learner.Trainer, L2: learner.L2, LearningRate: learner.LearningRate, CrfAverage: learner.Average, FeatureDropout: dropout, SeenEntities: seen);

    private static int CrossValidate(CliIo io, IReadOnlyList<NerSentence> sentences, int folds, NerTrainingOptions options, string? cuesPath, bool catalogues)
    {
        var lexicons = LoadLexicons(cuesPath, catalogues);
        var clock = Stopwatch.StartNew();
        var total = new NerEvaluation();
        // One pass only: also score every epoch's model (one training run per fold gives the whole epoch curve).
        var perEpoch = options.TwoPass ? [] : Enumerable.Range(0, options.Epochs).Select(_ => new NerEvaluation()).ToArray();
        for (var k = 0; k < folds; k++)
        {
            var lo = sentences.Count * k / folds;
            var hi = sentences.Count * (k + 1) / folds;
            var train = sentences.Take(lo).Concat(sentences.Skip(hi)).ToList();
            var dev = sentences.Skip(lo).Take(hi - lo).ToList();
            var model = options.TwoPass
                ? PerceptronTrainer.TrainTagger(train, lexicons, options, "cv")
                : new NerTagger(PerceptronTrainer.TrainModel(train, lexicons, options, "cv", (epoch, m) => perEpoch[epoch - 1].Add(Score(new NerTagger(m, null, options.Window), dev))), null, options.Window);
            var eval = Score(model, dev);
            total.Add(eval);
            io.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {k + 1}: F1 {eval.All.F1 * 100:F2}"));
        }

        for (var e = 0; e < perEpoch.Length; e++)
        {
            io.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {e + 1,3}: P {perEpoch[e].All.Precision * 100:F1} R {perEpoch[e].All.Recall * 100:F1} F1 {perEpoch[e].All.F1 * 100:F2}"));
        }

        io.Stdout.Write(total.Report());
        io.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-validation took {clock.Elapsed.TotalSeconds:F1} s ({Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s CPU)"));
        return MarsadCommandLine.ExitOk;
    }

    internal static NerEvaluation Score(NerTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        var eval = new NerEvaluation();
        var tags = tagger.TagDocument([.. sentences.Select(s => s.Tokens)]);
        for (var i = 0; i < sentences.Count; i++)
        {
            eval.Add([.. sentences[i].Tags], tags[i]);
        }

        return eval;
    }

    /// <summary>The lexicons the tagger is trained with: the cue words and the name lists (each a file in data/models).</summary>
    private static List<INerLexicon> LoadLexicons(string? cuesPath, bool catalogues)
    {
        var data = MarsadData.Locate();
        return
        [
            WordListLexicon.Load("cue", cuesPath ?? data.PathOf(CuesFile)),
            WordListLexicon.Load("names", cuesPath is null ? data.PathOf(NamesFile) : Path.Combine(Path.GetDirectoryName(cuesPath)!, Path.GetFileName(NamesFile))),
            .. catalogues ? [CatalogueLexicon.Load(data.Root)] : Array.Empty<INerLexicon>(),
        ];
    }
}

/// <summary>The hyper-parameters the shipped model was trained with (selected on the dev split).</summary>
internal static class NerTrainingDefaults
{
    public const int Epochs = 12;
    public const int MinCount = 2;
    public const int Window = 40;
    public const double FeatureDropout = 0.3;

    // CRF (--trainer crf, not shipped): chosen by 5-fold CV on train.txt, one pass, averaged SGD — L2 0.1 of
    // {0.01, 0.03, 0.1, 0.3, 1, 10}, AdaGrad rate 0.1 of {0.03, 0.1, 0.3}; 12 epochs (F1 flat from 10 to 13).
    public const double CrfL2 = 0.1;
    public const double CrfLearningRate = 0.1;
}

/// <summary>The learner chosen on the command line and its CRF hyper-parameters.</summary>
internal readonly record struct NerLearner(NerTrainer Trainer, double L2, double LearningRate, bool Average);
