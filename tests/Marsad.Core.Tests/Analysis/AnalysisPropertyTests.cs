using System.Text;
using Marsad.Analysis;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Tests.Temporal;

namespace Marsad.Tests.Analysis;

/// <summary>
/// Property tests over random text (Arabic words, diacritics, digits of three scripts, punctuation, quotes, line
/// breaks, RTL controls, joiners, combining marks, valid and lone surrogates, arbitrary BMP chars): every span the
/// analysis chain and the taggers report slices the original exactly, and normalized spans map back.
/// </summary>
public class AnalysisPropertyTests
{
    private static readonly string[] Words =
    [
        "قبل", "يومين", "الأحد", "الماضي", "مطلع", "الشهر", "الجاري", "نحو", "عنصر", "حافلات", "كانون", "الأول",
        "عشرات", "الآلاف", "من", "خمسة", "وعشرون", "مقاتلاً", "الفرقة", "أمس", "صباح", "اليوم", "عام", "أواخر",
        "عددٌ", "سيّاراتٍ", "مـــدينة", "ٱلله", "قرابة", "تجاوزت", "الخامس", "نوفمبر", "الفائت",
        "مليار", "آلاف", "مليون", "99999999999999999999999999", "عنصرين", "الأحد", "يوم", "شهر", "رمضان",
    ];

    private static readonly string[] Pieces =
    [
        " ", " ", " ", "\n", "\r\n", "\u2028", ".", "!", "?", "؟", "،", "«", "»", "“", "”", "\"", "\\", "/", "-",
        "\u064E", "\u0650", "\u0651", "\u0640", "\u0301", "\u200C", "\u200D", "\u200F", "\u202B", "\u202C", "\u2066",
        "\uFEFF", "😀", "\uD83D", "\uDE00", "١٢", "۳", "2021", "1,700", "2.5", "5", "17", "٫", "ـ", "%",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_RandomText_TokenAndSentenceSpansSliceOriginal(int seed)
    {
        for (var round = 0; round < 25; round++)
        {
            var text = RandomText(new Random(seed * 1000 + round));
            var a = AnalysisChain.Analyze(text);
            var prevEnd = 0;
            foreach (var t in a.Tokens)
            {
                t.Start.ShouldBeGreaterThanOrEqualTo(prevEnd);
                t.End.ShouldBeGreaterThan(t.Start);
                t.End.ShouldBeLessThanOrEqualTo(text.Length);
                t.Norm.ShouldBe(ArabicNormalizer.Normalize(t.Span.Slice(text)));
                // A token never cuts a surrogate pair in two.
                (t.End < text.Length && char.IsHighSurrogate(text[t.End - 1]) && char.IsLowSurrogate(text[t.End])).ShouldBeFalse();
                prevEnd = t.End;
            }

            var tokenStarts = a.Tokens.Select(t => t.Start).ToHashSet();
            var tokenEnds = a.Tokens.Select(t => t.End).ToHashSet();
            prevEnd = 0;
            foreach (var s in a.Sentences)
            {
                s.Start.ShouldBeGreaterThanOrEqualTo(prevEnd);
                s.End.ShouldBeLessThanOrEqualTo(text.Length);
                tokenStarts.ShouldContain(s.Start);
                tokenEnds.ShouldContain(s.End);
                prevEnd = s.End;
            }

            // Every token lies inside exactly one sentence.
            foreach (var t in a.Tokens)
            {
                a.Sentences.Count(s => s.Contains(t.Span)).ShouldBe(1);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NormalizeWithMap_RandomText_SpansMapBack(int seed)
    {
        var rng = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            var text = RandomText(rng);
            var n = ArabicNormalizer.NormalizeWithMap(text);
            for (var k = 0; k < n.Value.Length; k++)
            {
                ArabicNormalizer.NormalizeChar(text[n.OriginalOffset(k)]).ShouldBe(n.Value[k]);
            }

            if (n.Value.Length == 0)
            {
                continue;
            }

            var a = rng.Next(n.Value.Length);
            var b = rng.Next(a, n.Value.Length + 1);
            var span = n.ToOriginal(a, b);
            span.Start.ShouldBeGreaterThanOrEqualTo(0);
            span.End.ShouldBeLessThanOrEqualTo(text.Length);
            // Normalizing the original slice char by char gives back exactly the normalized range.
            var back = new StringBuilder();
            foreach (var c in span.Slice(text))
            {
                var m = ArabicNormalizer.NormalizeChar(c);
                if (m != '\0')
                {
                    back.Append(m);
                }
            }

            back.ToString().ShouldBe(n.Value[a..b]);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Taggers_RandomText_MentionsSliceOriginal(int seed)
    {
        var pipeline = new ExtractionPipeline([TestLexicons.Dates, TestLexicons.Quantities]);
        for (var round = 0; round < 10; round++)
        {
            var text = RandomText(new Random(seed * 7919 + round));
            var doc = pipeline.Run(new Document(text, new DocumentSource("fuzz", Published: new DateOnly(2021, 12, 6))));
            foreach (var m in doc.Mentions)
            {
                m.Start.ShouldBeGreaterThanOrEqualTo(0);
                m.End.ShouldBeLessThanOrEqualTo(text.Length);
                m.End.ShouldBeGreaterThan(m.Start);
                m.Span.Slice(text).ShouldBe(m.Text);
            }
        }
    }

    private static string RandomText(Random rng)
    {
        var sb = new StringBuilder();
        var n = rng.Next(0, 60);
        for (var i = 0; i < n; i++)
        {
            var r = rng.Next(10);
            if (r < 5)
            {
                sb.Append(Words[rng.Next(Words.Length)]);
            }
            else if (r < 9)
            {
                sb.Append(Pieces[rng.Next(Pieces.Length)]);
            }
            else
            {
                // Any BMP code unit, surrogates included.
                sb.Append((char)rng.Next(0, 0x10000));
            }

            if (rng.Next(3) == 0)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}
