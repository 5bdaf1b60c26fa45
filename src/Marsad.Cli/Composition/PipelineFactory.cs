using Marsad.Pipeline;
using Ner = Marsad.Ner;

namespace Marsad.Cli.Composition;

/// <summary>
/// The one place the extraction pipeline is assembled. Order matters and is checked by
/// <see cref="ExtractionPipeline"/>: analysis → dates, quantities → places, actors, persons → NER → events.
/// </summary>
public static class PipelineFactory
{
    private const string NerModelFile = "models/ner-anercorp.bin";

    public static ExtractionPipeline CreateExtraction(MarsadData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var annotators = new List<IAnnotator>
        {
            Marsad.Temporal.DateTagger.Load(data.PathOf("lexicons/dates-ar.json")),
            Marsad.Quantities.QuantityTagger.Load(data.PathOf("lexicons/numbers-ar.json"), data.PathOf("lexicons/counted-nouns-ar.json")),
        };
        if (File.Exists(data.PathOf(NerModelFile)))
        {
            annotators.Add(Ner.NerAnnotator.Load(data.PathOf(NerModelFile), data.PathOf("models/ner-actor-heads.tsv")));
        }

        return new ExtractionPipeline(annotators);
    }
}
