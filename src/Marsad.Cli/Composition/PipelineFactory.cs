using Marsad.Events;
using Marsad.Knowledge;
using Marsad.Knowledge.Actors;
using Marsad.Knowledge.Persons;
using Marsad.Knowledge.Places;
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

        // Knowledge (loaded once per process): actors first, so persons and places skip their spans.
        var knowledge = KnowledgeBase.LoadWithUserPlaces(data.Root);
        annotators.AddRange([new ActorAnnotator(knowledge.Actors), new PersonAnnotator(knowledge.Persons), new PlaceAnnotator(knowledge.Places)]);

        // Statistical NER after the catalogues: it adds only what they lack.
        if (File.Exists(data.PathOf(NerModelFile)))
        {
            annotators.Add(Ner.NerAnnotator.Load(data.PathOf(NerModelFile), data.PathOf("models/ner-actor-heads.tsv")));
        }

        // Events last: they read every mention the earlier components found.
        annotators.Add(EventExtractor.Load(data.Root));
        return new ExtractionPipeline(annotators);
    }
}
