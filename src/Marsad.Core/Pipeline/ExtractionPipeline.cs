using Marsad.Documents;

namespace Marsad.Pipeline;

/// <summary>
/// An ordered chain of annotators over the analysis chain's output. Assembly fails fast when a component
/// needs a layer no earlier component provides.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly IAnnotator[] _annotators;

    public ExtractionPipeline(IEnumerable<IAnnotator> annotators)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        _annotators = [.. annotators];
        var present = Layers.Tokens | Layers.Sentences;
        foreach (var a in _annotators)
        {
            var missing = a.Requires & ~present;
            if (missing != Layers.None)
            {
                throw new InvalidOperationException($"Pipeline component '{a.Name}' needs {missing}, which no earlier component provides.");
            }

            present |= a.Provides;
        }

        Provides = present;
    }

    public IReadOnlyList<IAnnotator> Annotators => _annotators;

    public Layers Provides { get; }

    public AnnotatedDocument Run(Document document)
    {
        var doc = AnnotatedDocument.Start(document);
        foreach (var a in _annotators)
        {
            doc = a.Annotate(doc);
        }

        return doc;
    }
}
