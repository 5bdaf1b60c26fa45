using System.Globalization;
using System.Text;
using Marsad.Analysis;

namespace Marsad.Knowledge.Places;

/// <summary>
/// Display names for gazetteer rows: a plain Latin form of GeoNames' romanized name and the Arabic form to
/// show among a place's Arabic alternate names (GeoNames lists Persian and Urdu spellings beside Arabic ones).
/// </summary>
public static class PlaceNames
{
    /// <summary>First and last letter of the basic Arabic alphabet (hamza … yeh); letters beyond it (Persian
    /// ی ک گ پ چ, Urdu ہ ے, Sindhi ڪ, Uyghur ۇ, alef wasla ٱ) mark a spelling of another language.</summary>
    private const char FirstArabicLetter = '\u0621';
    private const char LastArabicLetter = '\u064A';

    /// <summary>The word "مدينة" (city) that some alternate names begin with ("مدينة رأس الخيمة").</summary>
    private const string CityWord = "مدينة";

    /// <summary>The definite article.</summary>
    private const string Article = "ال";

    /// <summary>
    /// GeoNames' name in plain Latin letters with ayn/hamza marks (‘ ’ ʿ ʾ `) written as an apostrophe, the
    /// form analysts type and ACLED-style tables hold: "Ālbū Kamāl" → "Albu Kamal", "Dar‘ā" → "Dar'a".
    /// The letters come from GeoNames' <c>asciiname</c> (its own transliteration, "Ā" → "A"), the spacing from
    /// the name, since asciinames sometimes lose their spaces ("BordjBouArreridj"). When the two do not line
    /// up letter for letter the name is kept as it is.
    /// </summary>
    public static string Romanized(string name, string asciiName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(asciiName);
        var letters = name.Where(c => c != ' ' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToList();
        var ascii = asciiName.Where(c => c != ' ').ToList();
        var sb = new StringBuilder(name.Length);
        if (ascii.Count == letters.Count && ascii.Count > 0)
        {
            var k = 0;
            foreach (var c in name)
            {
                if (c == ' ')
                {
                    sb.Append(' ');
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    sb.Append(ascii[k++]);
                }
            }
        }
        else
        {
            sb.Append(name);
        }

        for (var i = 0; i < sb.Length; i++)
        {
            if (sb[i] is '\u2018' or '\u2019' or '\u02BF' or '\u02BE' or '`')
            {
                sb[i] = '\'';
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The Arabic name to display, without harakat, from a place's Arabic alternate names: among names in basic
    /// Arabic letters (not Persian, Urdu, Kurdish spellings) that do not begin with "مدينة", the spelling listed
    /// most often once harakat are removed (القدس، القُدس، القُدْس → القدس); on a tie the one with the article
    /// (البصرة over بصرة: news writes the article), then the shortest.
    /// </summary>
    public static string PrimaryArabic(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var city = ArabicNormalizer.Normalize(CityWord);
        var arabic = names.Select(WithoutMarks).Where(IsBasicArabic).ToList();
        var preferred = arabic.Where(n => !ArabicNormalizer.Normalize(n).StartsWith(city, StringComparison.Ordinal)).ToList();
        var pool = preferred.Count > 0 ? preferred : arabic;
        return pool.GroupBy(n => n, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Key.StartsWith(Article, StringComparison.Ordinal))
                .ThenBy(g => g.Key.Length)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault()
            ?? names.Select(WithoutMarks).FirstOrDefault()
            ?? string.Empty;
    }

    /// <summary>True when every letter of <paramref name="name"/> is in the basic Arabic alphabet.</summary>
    public static bool IsBasicArabic(string name) =>
        name.All(c => !ArabicLetters.IsArabicLetter(c) || c is >= FirstArabicLetter and <= LastArabicLetter);

    private static string WithoutMarks(string name) =>
        name.Any(ArabicLetters.IsIgnorableMark) ? string.Concat(name.Where(c => !ArabicLetters.IsIgnorableMark(c))) : name;
}
