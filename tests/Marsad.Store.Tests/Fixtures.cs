using System.Collections.Immutable;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Tests.Store;

/// <summary>Our own fixture reports (written for these tests) and builders for annotated documents.</summary>
internal static class Fixtures
{
    public static readonly PlaceRef Saraqib = new("geonames:saraqib", "Saraqib", "سراقب", 35.8647, 36.8006, "SY", "Idlib", "Idlib", null, "city");
    public static readonly PlaceRef Ariha = new("geonames:ariha", "Ariha", "أريحا", 35.8131, 36.6097, "SY", "Idlib", "Ariha", null, "city");
    public static readonly PlaceRef Douma = new("geonames:douma", "Douma", "دوما", 33.5711, 36.4017, "SY", "Rural Damascus", "Douma", null, "city");

    public static readonly EventActor Regime = new("actor:syrian-army", "Military Forces of Syria", 1);
    public static readonly EventActor Civilians = new("actor:civilians", "Civilians (Syria)", 7);
    public static readonly EventActor Hts = new("actor:hts", "Hayat Tahrir al-Sham", 2);

    /// <summary>Outlet A's report of shelling on Saraqib: three killed.</summary>
    public const string ShellingA =
        "قُتل ثلاثةُ مدنيين وأُصيب آخرون بقصفٍ مدفعي لقوات النظام على مدينة سراقب شرقي إدلب صباح الثلاثاء، بحسب ما أفاد مراسلنا. " +
        "وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض ونقلت المصابين إلى مشفى المدينة، مشيراً إلى أن القذائف سقطت على حي سكني مكتظ. " +
        "وتشهد المنطقة منذ أسابيع تصعيداً متواصلاً رغم اتفاق وقف إطلاق النار، فيما نزحت عشرات العائلات نحو المخيمات القريبة من الحدود. " +
        "وأضاف المراسل أن الطائرات المسيّرة حلّقت فوق المدينة طوال ساعات النهار، وأن المدارس أغلقت أبوابها خوفاً من تجدد القصف.";

    /// <summary>The same story republished by another outlet, lightly edited (near-duplicate of <see cref="ShellingA"/>).</summary>
    public const string ShellingARepublished =
        "نقلاً عن مصادر محلية: قُتل ثلاثةُ مدنيين وأُصيب آخرون بقصفٍ مدفعي لقوات النظام على مدينة سراقب شرقي إدلب صباح الثلاثاء، بحسب ما أفاد مراسلنا. " +
        "وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض ونقلت المصابين إلى مشفى المدينة، مشيراً إلى أن القذائف سقطت على حي سكني مكتظ. " +
        "وتشهد المنطقة منذ أسابيع تصعيداً متواصلاً رغم اتفاق وقف إطلاق النار، فيما نزحت عشرات العائلات نحو المخيمات القريبة من الحدود. " +
        "وأضاف المراسل أن الطائرات المسيّرة حلّقت فوق المدينة طوال ساعات النهار، وأن المدارس أغلقت أبوابها خشية تجدد القصف.";

    /// <summary>Outlet B's own report of the same shelling: five killed (a conflicting figure).</summary>
    public const string ShellingB =
        "أعلن الدفاع المدني السوري مقتل خمسة أشخاص في سراقب إثر سقوط قذائف أطلقتها قوات الحكومة صباح الثلاثاء، فيما تواصل القصف على الأحياء السكنية. " +
        "وتدور الاشتبـــاكات على محاور ريف إدلب الشرقي منذ أيام.";

    /// <summary>An unrelated clash in Douma (another type, place and date).</summary>
    public const string ClashDouma =
        "اندلعت اشتباكاتٌ عنيفة بين هيئة تحرير الشام وقوات النظام على أطراف مدينة دوما، وفق ما ذكره المرصد، دون ورود أنباء عن ضحايا.";

    /// <summary>A feed item's short report whose title names a place (جبل الزاوية) its text does not.</summary>
    public const string ShellingZawiya =
        "سقطت قذائف صاروخية على أطراف بلدة في ريف إدلب الجنوبي مساء الأحد، وفق ناشطين محليين، دون أنباء عن إصابات.";

    /// <summary>The title of <see cref="ShellingZawiya"/>.</summary>
    public const string ZawiyaTitle = "قصف ليلي يطال جبل الزاوية";

    /// <summary>A word of <see cref="ZawiyaTitle"/> only (with the article; the index strips it).</summary>
    public const string TitleOnlyWord = "الزاوية";

    /// <summary>A word of <see cref="ShellingZawiya"/>'s text only.</summary>
    public const string BodyOnlyWord = "ناشطين";

    /// <summary>A word in no fixture's title or text.</summary>
    public const string NowhereWord = "زلزال";

    public static AnnotatedDocument Build(string text, string outlet, DateOnly published, string? title = null, params ExtractedEvent[] events)
    {
        var doc = new Document(text, new DocumentSource($"fixtures/{outlet}/{published:yyyy-MM-dd}.txt", $"https://{outlet.ToLowerInvariant()}.example/{published:yyyyMMdd}", outlet, title, published));
        var mentions = new List<Mention>();
        foreach (var place in new[] { Saraqib, Ariha, Douma })
        {
            var at = text.IndexOf(place.NameAr!, StringComparison.Ordinal);
            if (at >= 0)
            {
                mentions.Add(new Mention(EntityType.Place, new TextSpan(at, at + place.NameAr!.Length), place.NameAr!, place, "fixture"));
            }
        }

        return AnnotatedDocument.Start(doc).WithMentions(mentions, Layers.Places).WithEvents(events);
    }

    /// <summary>An event whose evidence is the first sentence containing <paramref name="cue"/>.</summary>
    public static ExtractedEvent Event(string text, string cue, string type, string sub, DateOnly date, PlaceRef place, EventActor? a1, EventActor? a2, int? fatalities, AttributionKind attribution = AttributionKind.Outlet)
    {
        var at = text.IndexOf(cue, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"cue '{cue}' not in the fixture");
        var start = text.LastIndexOf('.', at) + 1;
        var end = text.IndexOf('.', at);
        end = end < 0 ? text.Length : end + 1;
        return new ExtractedEvent
        {
            EventType = type,
            SubEventType = sub,
            Date = date,
            TimePrecision = 1,
            Actor1 = a1,
            Actor2 = a2,
            Location = new EventLocation(place, 1),
            Fatalities = fatalities,
            Attribution = new Attribution(attribution, attribution == AttributionKind.Outlet ? null : "الدفاع المدني"),
            Trigger = new TextSpan(at, at + cue.Length),
            Evidence = [new TextSpan(start, end)],
            Confidence = 0.8,
            Tags = ImmutableArray<string>.Empty,
        };
    }

    public static readonly DateOnly Tuesday = new(2024, 3, 12);

    public static AnnotatedDocument OutletA() => Build(ShellingA, "OutletA", Tuesday, "قصف على سراقب",
        Event(ShellingA, "بقصفٍ", "Explosions/Remote violence", "Shelling/artillery/missile attack", Tuesday, Saraqib, Regime, Civilians, 3));

    public static AnnotatedDocument OutletARepublished() => Build(ShellingARepublished, "OutletC", Tuesday, "سراقب: ضحايا بقصف",
        Event(ShellingARepublished, "بقصفٍ", "Explosions/Remote violence", "Shelling/artillery/missile attack", Tuesday, Saraqib, Regime, Civilians, 3));

    public static AnnotatedDocument OutletB() => Build(ShellingB, "OutletB", Tuesday.AddDays(1), "خمسة قتلى في سراقب",
        Event(ShellingB, "قذائف", "Explosions/Remote violence", "Shelling/artillery/missile attack", Tuesday, Saraqib, Regime, null, 5, AttributionKind.OfficialStatement));

    public static AnnotatedDocument DoumaClash() => Build(ClashDouma, "OutletB", new DateOnly(2024, 2, 1), "اشتباكات في دوما",
        Event(ClashDouma, "اشتباكاتٌ", "Battles", "Armed clash", new DateOnly(2024, 2, 1), Douma, Hts, Regime, null));

    public static AnnotatedDocument Zawiya(string title = ZawiyaTitle) => Build(ShellingZawiya, "OutletD", new DateOnly(2024, 3, 10), title,
        Event(ShellingZawiya, "قذائف", "Explosions/Remote violence", "Shelling/artillery/missile attack", new DateOnly(2024, 3, 10), Ariha, null, null, null));

    public static AnnotatedDocument Plain(string text, string outlet = "OutletZ") =>
        AnnotatedDocument.Start(new Document(text, new DocumentSource("fixtures/plain.txt", Outlet: outlet)));
}

/// <summary>A clock the tests move by hand.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
