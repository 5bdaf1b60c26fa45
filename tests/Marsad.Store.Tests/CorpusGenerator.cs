using System.Globalization;
using System.Text;

namespace Marsad.Tests.Store;

/// <summary>A small generator of distinct Arabic report texts from our own vocabulary (tests and the kill test).</summary>
internal static class CorpusGenerator
{
    private static readonly string[] Places = ["سراقب", "أريحا", "دوما", "جسر الشغور", "معرة النعمان", "تفتناز", "كفرنبل", "حريتان"];
    private static readonly string[] Actors = ["قوات النظام", "فصائل المعارضة", "الميليشيات المحلية", "وحدات الحماية", "مجموعة مسلحة مجهولة"];
    private static readonly string[] Verbs = ["قصفت", "استهدفت", "هاجمت", "اشتبكت مع", "داهمت"];
    private static readonly string[] Fillers =
    [
        "وأفاد ناشطون بأن الأهالي نزحوا نحو القرى المجاورة",
        "وقال مصدر طبي إن المشفى استقبل عدداً من المصابين",
        "فيما حلّقت طائرات الاستطلاع فوق المنطقة طوال اليوم",
        "وسط حالة من التوتر الأمني وانتشار الحواجز على الطرقات",
        "ولم تصدر أي جهة رسمية بياناً حول الحادثة حتى الآن",
    ];

    /// <summary>Report number <paramref name="i"/>: unique (its number is in the text), about <paramref name="sentences"/> sentences.</summary>
    public static string Report(int i, int sentences = 6)
    {
        var sb = new StringBuilder();
        var r = new Random(i);
        sb.Append(CultureInfo.InvariantCulture, $"تقرير ميداني رقم {i}: ");
        for (var s = 0; s < sentences; s++)
        {
            sb.Append(Actors[r.Next(Actors.Length)]).Append(' ').Append(Verbs[r.Next(Verbs.Length)]).Append(' ')
              .Append("مواقع في ").Append(Places[r.Next(Places.Length)]).Append(' ')
              .Append(Fillers[r.Next(Fillers.Length)])
              .Append(CultureInfo.InvariantCulture, $" ({r.Next(1, 10_000)}). ");
        }

        return sb.ToString();
    }

    public static void WriteFiles(string dir, int count)
    {
        Directory.CreateDirectory(dir);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(dir, i.ToString("D6", CultureInfo.InvariantCulture) + ".txt"), Report(i));
        }
    }
}
