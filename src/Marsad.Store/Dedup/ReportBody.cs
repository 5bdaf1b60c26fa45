using System.Runtime.InteropServices;
using Marsad.Store.Search;

namespace Marsad.Store.Dedup;

/// <summary>
/// The body of a report for near-duplicate signatures: the text's lines without the boilerplate a copy carries
/// and its original may not (or the other way round). Left out: "read also" / related-stories lines and, when such
/// a line comes in the second half of the text, everything after it (a related-stories block); publication-date,
/// last-update and "source:" label lines; follow-us and share lines. Lines are compared by their search terms
/// (<see cref="SearchText"/>), so hamza, tanween and clitic spellings of the labels all match.
/// </summary>
public static class ReportBody
{
    /// <summary>Labels that open a line of page furniture, not of the report (Arabic and English).</summary>
    public static IReadOnlyList<string> LabelPrefixes { get; } =
    [
        "تاريخ النشر", "نشر في", "آخر تحديث", "المصدر", "مصدر الخبر", "حقوق النشر", "جميع الحقوق محفوظة",
        "تابعونا", "شارك الخبر", "شارك المقال", "للاشتراك", "Published", "Last updated", "Source", "Follow us",
    ];

    /// <summary>Headings of links to other stories (as the HTML article extractor drops them; spelling variants match through the terms).</summary>
    public static IReadOnlyList<string> ReadAlsoPrefixes { get; } =
    [
        "اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "اقرأ المزيد", "شاهد أيضاً", "مواضيع ذات صلة", "أخبار ذات صلة",
        "مقالات ذات صلة", "ذات صلة", "Read also", "Read more", "Related", "See also",
    ];

    private static readonly string[][] LabelTerms = [.. LabelPrefixes.Select(TermsOf)];

    private static readonly string[][] ReadAlsoTerms = [.. ReadAlsoPrefixes.Select(TermsOf)];

    /// <summary>The search terms of the whole text and of its body (boilerplate lines left out), in order.</summary>
    public static (List<string> All, List<string> Body) Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = new List<string>();
        var body = new List<string>();
        var lines = text.Split('\n');
        var half = text.Length / 2;
        var at = 0;
        var dropRest = false;
        foreach (var line in lines)
        {
            var terms = SearchText.Terms(line).Select(t => t.Term).ToList();
            all.AddRange(terms);
            var readAlso = StartsWith(terms, ReadAlsoTerms);
            dropRest |= readAlso && at >= half;
            if (!dropRest && !readAlso && !StartsWith(terms, LabelTerms))
            {
                body.AddRange(terms);
            }

            at += line.Length + 1;
        }

        return (all, body);
    }

    private static string[] TermsOf(string phrase) => [.. SearchText.Terms(phrase).Select(t => t.Term)];

    private static bool StartsWith(List<string> terms, string[][] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (p.Length > 0 && p.Length <= terms.Count && CollectionsMarshal.AsSpan(terms)[..p.Length].SequenceEqual(p))
            {
                return true;
            }
        }

        return false;
    }
}
