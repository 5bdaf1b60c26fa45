using System.Globalization;
using Marsad.Store.Dedup;
using Marsad.Store.Merge;

namespace Marsad.Tests.Store;

/// <summary>
/// Generated multi-outlet incidents for the merge tests: events as the store hands them to the merger, and our own
/// report texts (written for these tests) for the near-duplicate rules.
/// </summary>
internal static class MergeFixtures
{
    public const double IdlibLat = 35.93;
    public const double IdlibLon = 36.63;

    /// <summary>An event of report <paramref name="doc"/> by <paramref name="outlet"/> at Idlib city on <paramref name="date"/>, day-precise.</summary>
    public static MergeCandidate Event(
        string id,
        string doc,
        string outlet,
        string sub,
        string date = "2024-05-06",
        long? fatalities = null,
        bool inferred = false,
        string? actor1 = null,
        int? inter1 = 1,
        string? actor2 = null,
        double lat = IdlibLat,
        double lon = IdlibLon,
        int geoPrecision = 1,
        int timePrecision = 1,
        string? admin1 = "Idlib",
        string? country = "SY") => new()
    {
        Id = id,
        DocumentId = doc,
        Outlet = outlet,
        EventType = IncidentTypes.EventTypeOf(sub, "Explosions/Remote violence"),
        SubEventType = sub,
        Date = date,
        TimePrecision = timePrecision,
        Latitude = lat,
        Longitude = lon,
        GeoPrecision = geoPrecision,
        PlaceId = geoPrecision == 1 ? string.Create(CultureInfo.InvariantCulture, $"place:{lat},{lon}") : null,
        Admin1 = admin1,
        Country = country,
        Actor1Id = actor1,
        Actor1Inter = actor1 is null ? null : inter1,
        Actor2Id = actor2,
        Fatalities = fatalities,
        FatalitiesInferred = inferred,
        Confidence = 0.7,
        Published = date,
    };

    /// <summary>A report's body signature, as the store computes it at ingest.</summary>
    public static (uint[] Signature, int Shingles) BodySignature(string text)
    {
        var (all, body) = ReportBody.Terms(text);
        return MinHash.Summarize(body.Count > 0 ? body : all);
    }

    /// <summary>An original report (about 110 words, ours): rockets on a village market.</summary>
    public const string Original =
        "أفاد ناشطون محليون بأن قصفاً صاروخياً استهدف سوق الخضار في بلدة كفرنبل صباح اليوم، ما أدى إلى احتراق عدد من المحال التجارية وتضرر سيارات مدنية كانت متوقفة قرب المدخل الشمالي للسوق.\n" +
        "وقال أحد أصحاب المحال إن الصواريخ سقطت تباعاً خلال دقائق، وإن الأهالي هرعوا لإخماد الحرائق قبل وصول فرق الإطفاء من المدينة المجاورة.\n" +
        "وأضاف أن السوق كان مزدحماً بالمتسوقين بسبب اقتراب موسم الحصاد، وأن كثيراً من الباعة جاؤوا من القرى القريبة لعرض محاصيلهم على البسطات.\n" +
        "وتتعرض البلدة منذ مطلع الشهر لهجمات متكررة دفعت مئات العائلات إلى النزوح نحو المخيمات الحدودية بحثاً عن الأمان، بينما تعجز المنظمات الإنسانية عن تلبية حاجات الوافدين الجدد.\n" +
        "وطالب وجهاء البلدة الجهات الدولية بالتدخل لوقف استهداف الأسواق والمرافق العامة، محذرين من كارثة إنسانية إذا استمر التصعيد على هذا النحو.";

    /// <summary>
    /// <see cref="Original"/> republished by another site: its own title, date line and two-sentence lead, two words
    /// edited, "read also" and source lines and an unrelated story after them.
    /// </summary>
    public const string Republished =
        "كفرنبل: صواريخ على سوق الخضار\n" +
        "تاريخ النشر: الثلاثاء 7 أيار\n" +
        "نقلت مواقع محلية اليوم تفاصيل جديدة عن الهجوم الذي طال البلدة الواقعة في ريف إدلب الجنوبي، في ظل غياب أي تعليق رسمي على ما جرى. وتداول ناشطون صوراً تظهر أعمدة الدخان فوق السوق وسط حالة من الذعر بين السكان والباعة.\n" +
        "أفاد ناشطون محليون بأن قصفاً صاروخياً استهدف سوق الخضار في بلدة كفرنبل صباح الثلاثاء، ما أدى إلى احتراق عدد من المحال التجارية وتضرر سيارات مدنية كانت متوقفة قرب المدخل الشمالي للسوق.\n" +
        "وقال أحد أصحاب المحال إن الصواريخ سقطت تباعاً خلال دقائق، وإن الأهالي سارعوا لإخماد الحرائق قبل وصول فرق الإطفاء من المدينة المجاورة.\n" +
        "وأضاف أن السوق كان مزدحماً بالمتسوقين بسبب اقتراب موسم الحصاد، وأن كثيراً من الباعة جاؤوا من القرى القريبة لعرض محاصيلهم على البسطات.\n" +
        "وتتعرض البلدة منذ مطلع الشهر لهجمات متكررة دفعت مئات العائلات إلى النزوح نحو المخيمات الحدودية بحثاً عن الأمان، بينما تعجز المنظمات الإنسانية عن تلبية حاجات الوافدين الجدد.\n" +
        "اقرأ أيضاً: افتتاح معرض للكتاب في المدينة بمشاركة عشرات دور النشر\n" +
        "المصدر: وكالة أنباء محلية\n" +
        "اقرأ أيضاً:\n" +
        "أعلنت البلدية عن خطة لتأهيل الحدائق العامة وزراعة مئات الأشجار على جانبي الطرق الرئيسية خلال فصل الربيع المقبل، بتمويل من منظمة محلية.\n" +
        "وقال رئيس البلدية إن المشروع سيوفر فرص عمل لعشرات الشبان من أبناء المنطقة، وإن المرحلة الأولى ستنتهي قبل حلول الصيف.";

    /// <summary>An independent report of the same strike (ours): other words, one quote of the same shop owner shared.</summary>
    public const string Independent =
        "استهدفت صواريخ أطلقت من مواقع قوات النظام سوقاً شعبياً في كفرنبل جنوب إدلب، وفق ما أكده مراسلنا في المنطقة، واندلعت النيران في محال الخضار والفواكه.\n" +
        "ونقل المراسل عن شهود أن الصواريخ سقطت تباعاً خلال دقائق، فيما عملت فرق الدفاع المدني ساعات على إطفاء الحرائق ونقل المصابين إلى المشافي الميدانية.\n" +
        "ويأتي الهجوم بعد أيام من قصف مماثل طال مدرسة في قرية مجاورة، وسط تحذيرات من موجة نزوح جديدة مع استمرار العمليات العسكرية في ريف إدلب الجنوبي.\n" +
        "ولم تصدر أي جهة رسمية تعليقاً على الهجوم حتى ساعة إعداد هذا التقرير، بينما دعت منظمات محلية إلى حماية الأسواق والمرافق المدنية من الاستهداف.";
}
