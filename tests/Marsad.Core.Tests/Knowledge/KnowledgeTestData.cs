using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Knowledge;
using Marsad.Knowledge.Actors;
using Marsad.Knowledge.Persons;
using Marsad.Knowledge.Places;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Knowledge;

/// <summary>The repository's own data/ (not third-party material), loaded once for all knowledge tests.</summary>
internal static class KnowledgeTestData
{
    public static string DataRoot { get; } = Path.Combine(SharedMaterial.RepositoryRoot, "data");

    private static readonly Lazy<KnowledgeBase> Loaded = new(() => KnowledgeBase.Load(DataRoot));

    // The repository's data only: a developer's imported places must not change test results.
    public static KnowledgeBase Knowledge => Loaded.Value;

    /// <summary>Runs actors → persons → places over a text, as the extraction pipeline does.</summary>
    public static AnnotatedDocument Annotate(string text)
    {
        var pipeline = new ExtractionPipeline([
            new ActorAnnotator(Knowledge.Actors), new PersonAnnotator(Knowledge.Persons), new PlaceAnnotator(Knowledge.Places)]);
        return pipeline.Run(new Document(text, new DocumentSource("test")));
    }

    public static List<Mention> Of(this AnnotatedDocument doc, EntityType type) => [.. doc.MentionsOf(type)];

    public static PlaceRef Place(this Mention m) => (PlaceRef)m.Ref!;

    public static ActorRef Actor(this Mention m) => (ActorRef)m.Ref!;

    public static PersonRef Person(this Mention m) => (PersonRef)m.Ref!;
}
