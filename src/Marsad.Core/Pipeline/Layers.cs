namespace Marsad.Pipeline;

/// <summary>What an annotator needs from, and adds to, a document (spaCy's requires/assigns).</summary>
[Flags]
public enum Layers
{
    None = 0,
    Tokens = 1 << 0,
    Sentences = 1 << 1,
    Dates = 1 << 2,
    Quantities = 1 << 3,
    Places = 1 << 4,
    Actors = 1 << 5,
    Persons = 1 << 6,
    /// <summary>Statistical NER spans merged into places/actors/persons.</summary>
    NamedEntities = 1 << 7,
    Events = 1 << 8,
}
