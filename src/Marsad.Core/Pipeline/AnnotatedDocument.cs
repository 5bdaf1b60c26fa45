using System.Collections.Immutable;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;

namespace Marsad.Pipeline;

/// <summary>
/// A document with everything found in it so far. Immutable: each annotator returns a new one with its
/// additions, so a stage can be tested alone by building its input by hand.
/// </summary>
public sealed record AnnotatedDocument(
    Document Document,
    AnalyzedText Analysis,
    ImmutableArray<Mention> Mentions,
    ImmutableArray<ExtractedEvent> Events,
    ImmutableArray<string> Warnings,
    Layers Present)
{
    public string Text => Document.Text;

    public static AnnotatedDocument Start(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document, AnalysisChain.Analyze(document.Text), [], [], document.InputWarnings, Layers.Tokens | Layers.Sentences);
    }

    public IEnumerable<Mention> MentionsOf(EntityType type) => Mentions.Where(m => m.Type == type);

    /// <summary>Adds mentions (kept sorted by position) and marks <paramref name="layers"/> present.</summary>
    public AnnotatedDocument WithMentions(IEnumerable<Mention> added, Layers layers)
    {
        var all = Mentions.AddRange(added).Sort(static (a, b) => a.Span.CompareTo(b.Span));
        return this with { Mentions = all, Present = Present | layers };
    }

    /// <summary>Replaces all mentions of the given types (for components that merge or re-resolve them).</summary>
    public AnnotatedDocument ReplaceMentions(IReadOnlySet<EntityType> types, IEnumerable<Mention> replacement, Layers layers)
    {
        var kept = Mentions.Where(m => !types.Contains(m.Type)).Concat(replacement);
        return this with { Mentions = [.. kept.OrderBy(m => m.Span)], Present = Present | layers };
    }

    public AnnotatedDocument WithEvents(IEnumerable<ExtractedEvent> events) =>
        this with { Events = Events.AddRange(events), Present = Present | Layers.Events };

    public AnnotatedDocument WithWarning(string warning) => this with { Warnings = Warnings.Add(warning) };
}
