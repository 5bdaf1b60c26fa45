using System.Globalization;
using System.Text;
using Marsad.Analysis;

namespace Marsad.Knowledge.Places;

/// <summary>
/// Derives <c>data/places/common-words.tsv</c>: words of ordinary Arabic news text that are also the names of
/// some village or quarter (the gazetteer has a hundred thousand names: القرى، الذين، السلام, ...). Counted in the
/// ANERcorp training part (never its test part): a word form (and each of its proclitic readings) read at least
/// <see cref="MinOtherCount"/> times outside location names, and as a location at most <see cref="MaxLocationShare"/>
/// of the time, is common. The geocoder counts a place name whose key is common only after a feature cue word
/// (بلدة، قرية، حي ...) or a locative preposition, like the hand-made <c>ambiguous.txt</c>.
/// </summary>
public static class CommonWordsBuilder
{
    public const string Attribution =
        "Counts from ANERcorp (Benajiba, Rosso & Benedí Ruiz, CICLing 2007; training part of the CAMeL Lab split), CC BY-SA 4.0";

    /// <summary>How often a form must be read outside a location name to be common.</summary>
    public const int MinOtherCount = 1;

    /// <summary>The largest share of location readings a common word may have (حلب is read as a location: not common).</summary>
    public const double MaxLocationShare = 0.25;

    /// <summary>Shorter keys are never indexed as names anyway.</summary>
    public const int MinKeyLength = 2;

    public sealed record Result(int Words, int Tokens);

    public static Result Build(string anercorpTrain, string placesDir)
    {
        var other = new Dictionary<string, int>(StringComparer.Ordinal);
        var location = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = 0;
        foreach (var line in File.ReadLines(anercorpTrain))
        {
            var cut = line.LastIndexOf(' ');
            if (cut <= 0)
            {
                continue;
            }

            var word = line[..cut];
            var tag = line[(cut + 1)..];
            if (word.Contains(' ', StringComparison.Ordinal))
            {
                // A merged line of the corpus copy (two tokens on one line): not one word.
                continue;
            }

            var key = TextKeys.Key(word);
            if (key.Length < MinKeyLength || !key.All(ArabicLetters.IsArabicLetter))
            {
                continue;
            }

            tokens++;
            var counts = tag.EndsWith("LOC", StringComparison.Ordinal) ? location : other;
            foreach (var form in TextKeys.Proclitics(key).Select(r => r.Form).Distinct(StringComparer.Ordinal))
            {
                counts[form] = counts.GetValueOrDefault(form) + 1;
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine("# Common words that are also place names: they count as places only after a cue word. Derived by `marsad data build`.");
        sb.AppendLine("# " + Attribution);
        sb.AppendLine("key\tother\tlocation");
        var n = 0;
        foreach (var (form, count) in other.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var loc = location.GetValueOrDefault(form);
            if (IsCommon(count, loc))
            {
                sb.Append(form).Append('\t').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(loc.ToString(CultureInfo.InvariantCulture)).Append('\n');
                n++;
            }
        }

        File.WriteAllText(Path.Combine(placesDir, "common-words.tsv"), sb.ToString());
        return new Result(n, tokens);
    }

    /// <summary>The rule: read often outside location names, rarely as one.</summary>
    public static bool IsCommon(int otherCount, int locationCount) =>
        otherCount >= MinOtherCount && locationCount <= MaxLocationShare * (otherCount + locationCount);
}
