using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Marsad.Analysis;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;

namespace Marsad.Ner;

/// <summary>
/// How tagger spans become entities. The catalogue annotators come first and win: a span overlapping a
/// place, actor or person mention already in the document is dropped (<see cref="SkipOverlapping"/>).
/// PER → person (<c>person:auto:&lt;slug&gt;</c>); ORG → actor (<c>actor:auto:&lt;slug&gt;</c>) only when its head
/// word is a listed armed/political group head (<see cref="ActorHeads"/>, head → ACLED inter; empty = none);
/// LOC → place only when <see cref="EmitUnresolvedPlaces"/> (the mention then has no reference: no
/// coordinates — off by default, since unresolved places count as errors downstream); MISC is never emitted.
/// <see cref="Confidence"/> is per NER type (by default the type's precision on the dev split);
/// spans below <see cref="MinConfidence"/> are dropped.
/// </summary>
public sealed record NerAnnotatorOptions(
    bool EmitPersons = true,
    bool EmitActors = true,
    bool EmitUnresolvedPlaces = false,
    bool SkipOverlapping = true,
    double MinConfidence = 0.0)
{
    /// <summary>Normalized head word (article and clitics stripped) → ACLED inter code.</summary>
    public ImmutableDictionary<string, int> ActorHeads { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Confidence given to a span of each NER type (PER, LOC, ORG, MISC).</summary>
    public ImmutableDictionary<string, double> Confidence { get; init; } = ImmutableDictionary.CreateRange<string, double>(
        StringComparer.Ordinal,
        [new("PER", 0.7), new("LOC", 0.8), new("ORG", 0.7), new("MISC", 0.8)]);

    /// <summary>Reads actor heads from "HEAD&lt;TAB&gt;inter" lines ('#' comments).</summary>
    public static ImmutableDictionary<string, int> LoadActorHeads(string path)
    {
        var b = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            var parts = t.Split('\t', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var inter))
            {
                throw new InvalidDataException($"{path}: expected HEAD<TAB>inter, got '{t}'");
            }

            b[NerAnnotator.HeadKey(parts[0])] = inter;
        }

        return b.ToImmutable();
    }
}

/// <summary>
/// Statistical NER over a document's tokens, sentence by sentence (the document is the tagger's memory
/// window), merged into person/actor/place mentions under <see cref="NerAnnotatorOptions"/>.
/// </summary>
public sealed class NerAnnotator : IAnnotator
{
    public const string AnnotatorName = "ner";

    private readonly NerTagger _tagger;
    private readonly NerAnnotatorOptions _options;

    public NerAnnotator(NerTagger tagger, NerAnnotatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(options);
        _tagger = tagger;
        _options = options;
    }

    public string Name => AnnotatorName;

    public Layers Requires => Layers.Tokens | Layers.Sentences;

    public Layers Provides => Layers.NamedEntities;

    /// <summary>Loads the model and the actor heads (once per process).</summary>
    public static NerAnnotator Load(string modelPath, string? actorHeadsPath, NerAnnotatorOptions? options = null)
    {
        var o = options ?? new NerAnnotatorOptions();
        if (actorHeadsPath is not null)
        {
            o = o with { ActorHeads = NerAnnotatorOptions.LoadActorHeads(actorHeadsPath) };
        }

        return new NerAnnotator(NerTagger.Load(modelPath), o);
    }

    /// <summary>Entity spans the tagger finds, as (character span, NER type) pairs over the document text.</summary>
    public IReadOnlyList<(TextSpan Span, string Type)> FindSpans(AnalyzedText analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var tokens = analysis.Tokens;
        var sentences = new List<IReadOnlyList<string>>();
        var starts = new List<int>();
        var i = 0;
        while (i < tokens.Length)
        {
            var s = analysis.SentenceOfToken[i];
            var j = i;
            var words = new List<string>();
            while (j < tokens.Length && analysis.SentenceOfToken[j] == s)
            {
                words.Add(analysis.Text[tokens[j].Start..tokens[j].End]);
                j++;
            }

            sentences.Add(words);
            starts.Add(i);
            i = j;
        }

        var tags = _tagger.TagDocument(sentences);
        var result = new List<(TextSpan, string)>();
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in NerTags.Spans(tags[s]))
            {
                var first = tokens[starts[s] + span.Start];
                var last = tokens[starts[s] + span.End - 1];
                result.Add((new TextSpan(first.Start, last.End), span.TypeName));
            }
        }

        return result;
    }

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var existing = document.Mentions
            .Where(m => m.Type is EntityType.Person or EntityType.Place or EntityType.Actor)
            .Select(m => m.Span)
            .ToList();
        var added = new List<Mention>();
        foreach (var (span, type) in FindSpans(document.Analysis))
        {
            if (_options.SkipOverlapping && existing.Any(e => e.Start < span.End && span.Start < e.End))
            {
                continue;
            }

            var confidence = _options.Confidence.GetValueOrDefault(type, 0.5);
            if (confidence < _options.MinConfidence)
            {
                continue;
            }

            var text = document.Text[span.Start..span.End];
            var mention = type switch
            {
                "PER" when _options.EmitPersons =>
                    new Mention(EntityType.Person, span, text, new PersonRef("person:auto:" + Slug(text), text), AnnotatorName, confidence),
                "ORG" when _options.EmitActors && ActorInter(text) is { } inter =>
                    new Mention(EntityType.Actor, span, text, new ActorRef("actor:auto:" + Slug(text), text, inter, NameAr: text), AnnotatorName, confidence),
                "LOC" when _options.EmitUnresolvedPlaces =>
                    new Mention(EntityType.Place, span, text, null, AnnotatorName, confidence),
                _ => null,
            };
            if (mention is not null)
            {
                added.Add(mention);
            }
        }

        return document.WithMentions(added, Layers.NamedEntities);
    }

    /// <summary>A stable id part: the normalized words joined by '-', clitics of the first word kept.</summary>
    public static string Slug(string text)
    {
        var norm = ArabicNormalizer.Normalize(text);
        var sb = new StringBuilder(norm.Length);
        foreach (var c in norm)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>Head key: the normalized words with proclitics and article stripped (pronoun suffixes kept).</summary>
    internal static string HeadKey(string word)
    {
        var norm = ArabicNormalizer.Normalize(word.Trim());
        var words = norm.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", words.Select(w => NerFeatureExtractor.FormsOf(w).Stem));
    }

    private int? ActorInter(string text)
    {
        var words = ArabicNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        if (words.Length > 1 && _options.ActorHeads.TryGetValue(HeadKey(words[0] + " " + words[1]), out var two))
        {
            return two;
        }

        return _options.ActorHeads.TryGetValue(HeadKey(words[0]), out var one) ? one : null;
    }
}
