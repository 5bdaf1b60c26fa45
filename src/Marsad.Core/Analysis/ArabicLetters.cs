namespace Marsad.Analysis;

/// <summary>Named code points used by the Arabic analysis rules. Arabic forms live here, not in rule code.</summary>
public static class ArabicLetters
{
    public const char Alef = '\u0627';

    /// <summary>The definite article ال.</summary>
    public const string Article = "\u0627\u0644";

    /// <summary>ل + the article's lam once its alef drops (للقوات).</summary>
    public const string LamLam = "\u0644\u0644";

    public const char AlefMadda = '\u0622';
    public const char AlefHamzaAbove = '\u0623';
    public const char AlefHamzaBelow = '\u0625';
    public const char AlefWasla = '\u0671';
    public const char Hamza = '\u0621';
    public const char WawHamza = '\u0624';
    public const char YehHamza = '\u0626';
    public const char TehMarbuta = '\u0629';
    public const char Heh = '\u0647';
    public const char AlefMaksura = '\u0649';
    public const char Yeh = '\u064A';
    public const char FarsiYeh = '\u06CC';
    public const char Kaf = '\u0643';
    public const char Keheh = '\u06A9';
    public const char Waw = '\u0648';
    public const char Feh = '\u0641';
    public const char Beh = '\u0628';
    public const char Lam = '\u0644';
    public const char Meem = '\u0645';
    public const char Noon = '\u0646';
    public const char Teh = '\u062A';
    public const char Tatweel = '\u0640';
    public const char SuperscriptAlef = '\u0670';
    public const char ArabicComma = '\u060C';
    public const char ArabicSemicolon = '\u061B';
    public const char ArabicQuestionMark = '\u061F';
    public const char ArabicFullStop = '\u06D4';
    public const char ArabicPercent = '\u066A';
    public const char ArabicDecimalSeparator = '\u066B';
    public const char ArabicThousandsSeparator = '\u066C';

    /// <summary>Fathatan..Sukun, and the extended harakat up to U+065F.</summary>
    public static bool IsHaraka(char c) => c is >= '\u064B' and <= '\u065F' || c == SuperscriptAlef;

    /// <summary>Quranic annotation marks and small high letters.</summary>
    public static bool IsQuranicMark(char c) => c is >= '\u0610' and <= '\u061A' || c is >= '\u06D6' and <= '\u06ED' && c != '\u06DD' && c != '\u06DE';

    /// <summary>Marks that carry no letter: removed for matching.</summary>
    public static bool IsIgnorableMark(char c) => IsHaraka(c) || IsQuranicMark(c) || c == Tatweel;

    /// <summary>Arabic-script letters (base letters, not marks), including Persian/Urdu extensions.</summary>
    public static bool IsArabicLetter(char c) =>
        c is >= '\u0621' and <= '\u063A' || c is >= '\u0641' and <= '\u064A' || c is >= '\u0671' and <= '\u06D3' || c == '\u06D5'
        || c is >= '\u06EE' and <= '\u06EF' || c is >= '\u06FA' and <= '\u06FC' || c == '\u06FF'
        || c is >= '\u0750' and <= '\u077F' || c is >= '\u08A0' and <= '\u08C9';

    public static bool IsArabicIndicDigit(char c) => c is >= '\u0660' and <= '\u0669';

    public static bool IsPersianDigit(char c) => c is >= '\u06F0' and <= '\u06F9';

    /// <summary>ASCII, Arabic-Indic or Persian digit value, or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };
}
