using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marsad.Bench;

/// <summary>One generated report, with the metadata a JSON Lines input carries.</summary>
public sealed record SyntheticDocument(int Number, string Title, string Text, string Outlet, string Url, DateOnly Published);

/// <summary>
/// A deterministic generator of short, fictional Arabic conflict reports, for benchmarks and load tests:
/// the same seed and number always give the same document (so any slice of a 100,000-document corpus
/// can be regenerated alone). Vocabulary and templates are written for this project; place and actor
/// names are real, events invented. Styles: strikes with killed/wounded in words and digits, clashes,
/// convoys and reinforcements, arrest campaigns, protests, settlements, denials, IEDs; anonymous
/// sourcing, relative dates, clitics (لميليشيا، بمدينة، والميليشيات) and "ديرالزور" written without a space.
/// </summary>
public sealed class SyntheticCorpus(int seed = 20240601)
{
    private static readonly (string Governorate, string[] Towns)[] Places =
    [
        ("دير الزور", ["البوكمال", "الميادين", "ذيبان", "هجين", "الشحيل", "العشارة", "الصالحية"]),
        ("حلب", ["منبج", "الباب", "مارع", "اعزاز", "جرابلس", "تل رفعت"]),
        ("إدلب", ["سراقب", "أريحا", "معرة النعمان", "كنصفرة", "سرمدا", "جسر الشغور"]),
        ("درعا", ["طفس", "نوى", "جاسم", "الصنمين", "إنخل", "بصرى الشام"]),
        ("الرقة", ["الطبقة", "المنصورة", "عين عيسى", "الكرامة"]),
        ("حمص", ["تدمر", "القريتين", "الرستن", "تلبيسة"]),
    ];

    private static readonly string[] Directions = ["الشرقي", "الغربي", "الشمالي", "الجنوبي"];

    private static readonly string[] Actors =
    [
        "قوات النظام", "ميليشيا الدفاع الوطني", "الميليشيات الإيرانية", "ميليشيا لواء فاطميون",
        "قوات سوريا الديمقراطية", "هيئة تحرير الشام", "الجيش الوطني السوري", "الفرقة الرابعة",
        "فرع الأمن العسكري", "حزب الله اللبناني", "تنظيم داعش", "القوات التركية", "القوات الروسية",
    ];

    private static readonly string[] Times =
    [
        "أمس", "صباح اليوم", "مساء أمس الأحد", "فجر اليوم الثلاثاء", "الأحد الماضي", "مطلع الشهر الجاري",
        "ليلة أمس", "ظهر اليوم الخميس", "يوم الجمعة الماضي", "منتصف الأسبوع الجاري",
    ];

    private static readonly string[] Sources =
    [
        "وقالت مصادر خاصة إن {0}.", "وأفاد مصدر مقرب من {1} بأن {0}.", "وذكر مراسلنا في المنطقة أن {0}.",
        "ونقلت شبكات محلية عن شهود عيان أن {0}.", "وبحسب المعلومات الواردة، فإن {0}.",
    ];

    private static readonly string[] Claims =
    [
        "عدد المصابين مرشح للارتفاع بسبب خطورة بعض الإصابات",
        "الدوريات انتشرت في الأحياء الشرقية وأقامت حواجز مؤقتة",
        "التعزيزات تهدف إلى تأمين الطريق الواصل بين المدن الرئيسية",
        "المعتقلين نُقلوا إلى جهة مجهولة دون توجيه تهم إليهم",
        "الأهالي أغلقوا المحال التجارية خوفاً من تجدد القصف",
        "قادة من الحرس الثوري الإيراني حضروا الاجتماع",
        "الطائرة حلقت فوق المنطقة قرابة ساعة قبل تنفيذ الضربة",
    ];

    private static readonly string[] Closers =
    [
        "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير.",
        "وتشهد المنطقة توتراً أمنياً متصاعداً منذ مطلع الشهر الجاري.",
        "وكانت المنطقة قد شهدت حادثة مماثلة الأسبوع الماضي.",
        "ويأتي ذلك بالتزامن مع تحركات عسكرية مكثفة للميليشيات على الضفة الأخرى لنهر الفرات.",
    ];

    private static readonly string[] CountWords = ["", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"];

    private static readonly string[] Outlets = ["شبكة الشرق المحلية", "موقع الفرات اليوم", "وكالة السهل", "شبكة الشمال الإخبارية"];

    /// <summary>Documents 1..count (each from its own seeded generator).</summary>
    public IEnumerable<SyntheticDocument> Generate(int count, int first = 1)
    {
        for (var n = first; n < first + count; n++)
        {
            yield return Document(n);
        }
    }

    /// <summary>Document number <paramref name="number"/>, the same on every run and machine.</summary>
    public SyntheticDocument Document(int number)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + number));
        string Pick(string[] xs) => xs[rng.Next(xs.Length)];

        var (gov, towns) = Places[rng.Next(Places.Length)];
        var town = towns[rng.Next(towns.Length)];
        var govWritten = gov == "دير الزور" && rng.Next(4) == 0 ? "ديرالزور" : gov;
        var place = rng.Next(3) switch
        {
            0 => $"مدينة {town} بريف {govWritten} {Pick(Directions)}",
            1 => $"بلدة {town} في ريف {govWritten}",
            _ => $"محيط {town} {Pick(Directions)} {govWritten}",
        };
        var actor = Pick(Actors);
        var actor2 = Pick(Actors);
        var time = Pick(Times);
        var killed = rng.Next(1, 15);
        var wounded = rng.Next(2, 40);

        var sb = new StringBuilder();
        string title;
        switch (rng.Next(8))
        {
            case 0:
                title = $"غارة بطائرة مسيرة قرب {town}";
                sb.Append($"استهدفت طائرة مسيرة مجهولة الهوية {time} سيارة تابعة لـ{actor} في {place}، ما أدى إلى مقتل {Count(killed, rng)} وإصابة {Count(wounded, rng)} آخرين.");
                break;
            case 1:
                title = $"اشتباكات في {town}";
                sb.Append($"اندلعت اشتباكات عنيفة بين {actor} و{actor2} {time} في {place}، أسفرت عن إصابة {Count(wounded, rng)} بجروح متفاوتة.");
                break;
            case 2:
                title = $"تعزيزات عسكرية تصل إلى {town}";
                sb.Append($"وصل رتل عسكري تابع لـ{actor} {time} إلى {place}، يضم {rng.Next(5, 60)} آلية بينها سيارات رباعية الدفع مزودة برشاشات ثقيلة.");
                break;
            case 3:
                title = $"حملة اعتقالات في {town}";
                sb.Append($"شنت {actor} حملة اعتقالات واسعة {time} في {place}، طالت أكثر من {rng.Next(5, 80)} شخصاً بينهم نساء.");
                break;
            case 4:
                title = $"وقفة احتجاجية في {town}";
                sb.Append($"تظاهر العشرات من أهالي {town} {time} للمطالبة بالإفراج عن المعتقلين وخروج {actor} من المنطقة، ورفعوا لافتات كتب عليها “لا للظلم”.");
                break;
            case 5:
                title = $"عملية تسوية جديدة في {town}";
                sb.Append($"بدأت عملية “تسوية” جديدة لأوضاع المطلوبين في {place} {time}، بإشراف ضباط من {actor}، وسط إقبال ضعيف من الأهالي.");
                break;
            case 6:
                title = $"نفي رسمي بشأن {town}";
                sb.Append($"نفت {actor} في بيان {time} مسؤوليتها عن القصف الذي استهدف {place}، والذي أدى بحسب ناشطين إلى مقتل {Count(killed, rng)}.");
                break;
            default:
                title = $"انفجار عبوة ناسفة في {town}";
                sb.Append($"انفجرت عبوة ناسفة بسيارة عسكرية لميليشيا تابعة لـ{actor} في {place} {time}، ما أسفر عن مقتل {Count(killed, rng)} وإصابة آخرين.");
                break;
        }

        var extra = rng.Next(2, 5);
        for (var i = 0; i < extra; i++)
        {
            sb.Append('\n');
            sb.Append(string.Format(CultureInfo.InvariantCulture, Pick(Sources), Pick(Claims), Pick(Actors)));
        }

        sb.Append('\n').Append(Pick(Closers));
        var published = new DateOnly(2021, 1, 1).AddDays(rng.Next(0, 1500));
        var outlet = Pick(Outlets);
        return new SyntheticDocument(number, title, sb.ToString(), outlet, $"https://synthetic.example.org/{number}", published);
    }

    /// <summary>Writes documents as the JSON Lines input <c>marsad extract</c> reads. Returns how many.</summary>
    public static int WriteJsonLines(TextWriter output, IEnumerable<SyntheticDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var n = 0;
        foreach (var d in documents)
        {
            var row = new Dictionary<string, string>
            {
                ["title"] = d.Title,
                ["url"] = d.Url,
                ["outlet"] = d.Outlet,
                ["published"] = d.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["text"] = d.Text,
            };
            output.Write(JsonSerializer.Serialize(row, options));
            output.Write('\n');
            n++;
        }

        return n;
    }

    // "ثلاثة عناصر", "عنصرين", "12 عنصراً": counts in words and in digits, as outlets write them.
    private static string Count(int n, Random rng) => n switch
    {
        1 => "عنصر واحد",
        2 => "عنصرين",
        <= 10 when rng.Next(2) == 0 => $"{CountWords[n]} عناصر",
        <= 10 => $"{n} عناصر",
        _ => $"{n} عنصراً",
    };
}
