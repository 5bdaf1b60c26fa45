using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Events;

/// <summary>
/// Builds an <see cref="AnnotatedDocument"/> over our own Arabic text with hand-made mentions, standing in
/// for the taggers: each call marks every occurrence of a string (or the n-th) as a mention.
/// </summary>
internal sealed class EventDocBuilder(string text, DateOnly? published = null, string? outlet = null)
{
    private static readonly Lazy<EventExtractor> SharedExtractor = new(() =>
        EventExtractor.Load(Path.Combine(SharedMaterial.RepositoryRoot, "data")));

    private readonly List<Mention> _mentions = [];

    public static EventExtractor Extractor => SharedExtractor.Value;

    public string Text => text;

    public EventDocBuilder Actor(string form, string id, int inter) =>
        Mark(form, EntityType.Actor, new ActorRef(id, id, inter));

    public EventDocBuilder Person(string form, string id, string? actorId = null) =>
        Mark(form, EntityType.Person, new PersonRef(id, id, null, actorId));

    public EventDocBuilder Place(string form, string id, double lat = 35.0, double lon = 38.0, string kind = "town", int precision = 1, string country = "SY", string? admin1 = null) =>
        Mark(form, EntityType.Place, new PlaceRef(id, id, form, lat, lon, country, admin1 ?? "Admin " + id, null, null, kind, precision));

    public EventDocBuilder Date(string form, DateOnly? value, int precision = 1, string kind = "relative") =>
        Mark(form, EntityType.Date, new DateRef(value, precision, kind));

    public EventDocBuilder Quantity(string form, long value, string qualifier, string noun) =>
        Mark(form, EntityType.Quantity, new QuantityRef(value, qualifier, noun, noun));

    public AnnotatedDocument Build()
    {
        var doc = AnnotatedDocument.Start(new Document(text, new DocumentSource("test.txt", null, outlet, null, published)));
        return doc.WithMentions(_mentions, Layers.Places | Layers.Actors | Layers.Persons | Layers.Dates | Layers.Quantities);
    }

    public AnnotatedDocument Run() => Extractor.Annotate(Build());

    private EventDocBuilder Mark(string form, EntityType type, EntityRef r)
    {
        var found = false;
        for (var i = text.IndexOf(form, StringComparison.Ordinal); i >= 0; i = text.IndexOf(form, i + form.Length, StringComparison.Ordinal))
        {
            _mentions.Add(new Mention(type, new TextSpan(i, i + form.Length), form, r, "test"));
            found = true;
        }

        if (!found)
        {
            throw new ArgumentException($"'{form}' is not in the test text");
        }

        return this;
    }
}
