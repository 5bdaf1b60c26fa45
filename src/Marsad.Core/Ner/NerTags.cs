namespace Marsad.Ner;

/// <summary>
/// The BIO tag set over ANERcorp's four types (PER, LOC, ORG, MISC) and which tag may follow which.
/// Tag ids are fixed: they index the model's weight rows, so changing the order breaks saved models.
/// </summary>
public static class NerTags
{
    public const int O = 0;

    /// <summary>Tag names by id: O, then B-/I- for PER, LOC, ORG, MISC.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    /// <summary>Entity type names by type index (tag id = 1 + 2·type for B, 2 + 2·type for I).</summary>
    public static IReadOnlyList<string> Types { get; } = ["PER", "LOC", "ORG", "MISC"];

    public static int Count => 9;

    /// <summary>Parses a tag as ANERcorp or CoNLL writes it (PERS and PER are the same type); unknown → false.</summary>
    public static bool TryParse(string tag, out int id)
    {
        ArgumentNullException.ThrowIfNull(tag);
        id = O;
        var t = tag.Trim();
        if (t == "O")
        {
            return true;
        }

        if (t.Length < 3 || t[1] != '-' || (t[0] != 'B' && t[0] != 'I'))
        {
            return false;
        }

        var type = t[2..] switch
        {
            "PER" or "PERS" => 0,
            "LOC" => 1,
            "ORG" => 2,
            "MISC" or "MIS" => 3,
            _ => -1,
        };
        if (type < 0)
        {
            return false;
        }

        id = 1 + (2 * type) + (t[0] == 'I' ? 1 : 0);
        return true;
    }

    public static bool IsBegin(int tag) => tag != O && (tag & 1) == 1;

    public static bool IsInside(int tag) => tag != O && (tag & 1) == 0;

    /// <summary>Entity type index of a B-/I- tag (0 PER, 1 LOC, 2 ORG, 3 MISC); -1 for O.</summary>
    public static int TypeOf(int tag) => tag == O ? -1 : (tag - 1) / 2;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start) in valid BIO.</summary>
    public static bool IsValidTransition(int previous, int next) =>
        !IsInside(next) || (previous >= 0 && previous != O && TypeOf(previous) == TypeOf(next));

    /// <summary>Entity spans [start, end) with their type index, read BIO-leniently (an orphan I- starts a span).</summary>
    public static IReadOnlyList<NerSpan> Spans(ReadOnlySpan<int> tags)
    {
        var spans = new List<NerSpan>();
        var start = -1;
        var type = -1;
        for (var i = 0; i <= tags.Length; i++)
        {
            var t = i < tags.Length ? tags[i] : O;
            if (t == O)
            {
                if (start >= 0)
                {
                    spans.Add(new NerSpan(start, i, type));
                    start = -1;
                }

                continue;
            }

            var ty = TypeOf(t);
            if (IsBegin(t) || start < 0 || ty != type)
            {
                if (start >= 0)
                {
                    spans.Add(new NerSpan(start, i, type));
                }

                start = i;
                type = ty;
            }
        }

        return spans;
    }
}

/// <summary>An entity span over token indices [Start, End) of a sentence; <paramref name="Type"/> indexes <see cref="NerTags.Types"/>.</summary>
public readonly record struct NerSpan(int Start, int End, int Type)
{
    public string TypeName => NerTags.Types[Type];
}
