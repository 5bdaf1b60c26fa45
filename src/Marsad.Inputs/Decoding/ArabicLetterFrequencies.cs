namespace Marsad.Inputs.Decoding;

/// <summary>
/// How often each Arabic letter occurs in Arabic news text, per thousand letters, measured on the
/// project's own sample reports (samples/, 4,312 letters). The encoding score weighs a letter by
/// ln(frequency × 36): the common letters (ا ل ي م) count for a text, the rare ones (ظ ؤ آ) against,
/// so that bytes decoded into the wrong code page (whose letters land on other letters) score low.
/// </summary>
internal static class ArabicLetterFrequencies
{
    /// <summary>Weight of an Arabic letter (U+0621–U+064A) absent from the table.</summary>
    private const double Unlisted = -4;

    private const int First = 0x0621;

    private static readonly double[] Weights = Build();

    public static bool TryWeight(char c, out double weight)
    {
        var i = c - First;
        if (i < 0 || i >= Weights.Length || c == '\u0640')
        {
            weight = 0;
            return false;
        }

        weight = Weights[i];
        return true;
    }

    private static double[] Build()
    {
        (char Letter, double PerMille)[] measured =
        [
            ('\u0627', 140.1), ('\u0644', 102.5), ('\u064A', 78.4), ('\u0645', 71.2), ('\u0631', 61.7), ('\u0646', 48.2),
            ('\u0648', 43.1), ('\u062A', 43.1), ('\u0629', 42.4), ('\u0628', 40.1), ('\u0639', 33.9), ('\u062F', 33.9),
            ('\u0641', 27.6), ('\u0642', 27.6), ('\u0633', 24.8), ('\u0623', 19.7), ('\u062C', 16.0), ('\u0635', 15.8),
            ('\u0634', 15.8), ('\u0647', 14.4), ('\u062D', 13.9), ('\u0643', 11.8), ('\u0632', 10.0), ('\u0637', 9.7),
            ('\u0649', 9.7), ('\u0625', 9.5), ('\u062E', 7.4), ('\u062B', 6.5), ('\u0636', 5.3), ('\u0621', 4.4),
            ('\u0630', 2.8), ('\u063A', 2.6), ('\u0626', 2.3), ('\u0638', 1.6), ('\u0622', 1.6), ('\u0624', 0.5),
        ];
        var weights = new double[0x064A - First + 1];
        Array.Fill(weights, Unlisted);
        foreach (var (letter, perMille) in measured)
        {
            weights[letter - First] = Math.Log(perMille / 1000 * 36);
        }

        return weights;
    }
}
