namespace Marsad.Pipeline;

/// <summary>
/// One pipeline component. It declares the layers it needs and the layers it adds; the pipeline checks
/// the order once, when it is assembled. Implementations hold only loaded, immutable knowledge, so one
/// instance serves every document (and every thread).
/// </summary>
public interface IAnnotator
{
    string Name { get; }

    Layers Requires { get; }

    Layers Provides { get; }

    AnnotatedDocument Annotate(AnnotatedDocument document);
}
