using System.Collections.Immutable;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;

namespace Marsad.Tests;

/// <summary>
/// Our own short fictional Arabic reports (no third-party text), annotated by hand so the web tests do not
/// depend on the extraction pipeline. One is hostile: markup, event handlers and javascript: links.
/// </summary>
internal static class Fixtures
{
    public const string HostileMarker = "<script>window.__pwned=1</script>";

    public static readonly PlaceRef Maarrat = new("geonames:900001", "Maarrat Test", "معرة الاختبار", 35.64, 36.67, "SY", "Idlib", "Maarrat An Nu'man", null, "town");
    public static readonly PlaceRef Mayadin = new("geonames:900002", "Mayadin Test", "الميادين", 35.02, 40.45, "SY", "Deir ez-Zor", "Al Mayadin", null, "town");
    public static readonly PlaceRef Daraa = new("geonames:900003", "Daraa Test", "درعا", 32.62, 36.10, "SY", "Daraa", "Daraa", null, "city");

    /// <summary>The actor catalogue and gazetteer the test server offers (Arabic names written for these tests).</summary>
    public static Marsad.Web.Features.Catalogues.WebCatalogues Catalogues() => new(
        [
            Actor("actor:syrian-army", "Military Forces of Syria", "قوات النظام", 1),
            Actor("actor:civilians", "Civilians (Syria)", "مدنيون", 7),
            Actor("actor:sdf", "Syrian Democratic Forces", "قوات سوريا الديمقراطية", 2),
            Actor("actor:tribal-militias", "Tribal militias", "مسلحو العشائر", 4),
            Actor("actor:ypg", "People's Protection Units", "وحدات حماية الشعب", 2),
            Actor("actor:protesters", "Protesters (Syria)", "متظاهرون", 6),
        ],
        [.. new[] { Maarrat, Mayadin, Daraa }.Select(p => new Marsad.Knowledge.Places.Place(p.Id, p.Name, p.NameAr, p.Latitude, p.Longitude, p.Country, p.Admin1, p.Admin2, p.Kind, "PPL", 1000, null, []))]);

    private static Marsad.Knowledge.Actors.Actor Actor(string id, string name, string nameAr, int inter) =>
        new(id, name, nameAr, inter, "SY", null, "test", [nameAr]);

    public static IReadOnlyList<AnnotatedDocument> All() => [Shelling("مرصد الشرق", 3, "قتل ثلاثة مدنيين"), Shelling("وكالة الفرات", 4, "قتل أربعة مدنيين"), Clash(), Protest(), Hostile()];

    /// <summary>The same shelling told by two outlets with different death tolls (a conflict of figures).</summary>
    public static AnnotatedDocument Shelling(string outlet, int killed, string killedPhrase)
    {
        // Two outlets tell the incident in their own words: the merge must count them as two sources, not take the
        // second for a republication of the first.
        var text = killed == 3
            ? $"قصفت قوات النظام صباح الأحد بلدة معرة الاختبار بالمدفعية الثقيلة، ما أدى إلى {killedPhrase} بحسب مصادر محلية. وقال مراسل {outlet} إن القصف استهدف السوق."
            : $"قصفت قوات النظام بعد منتصف ليل السبت على الأحد أطراف بلدة معرة الاختبار وسوقها الشعبي براجمات الصواريخ والهاون، وأدى ذلك إلى {killedPhrase} وإصابة عدد من الأطفال بحسب مصادر محلية تحدثت للوكالة. وذكر مراسل {outlet} أن فرق الدفاع المدني انتشلت الضحايا من تحت الأنقاض.";
        var doc = new Document(text, new DocumentSource($"{outlet}.txt", "https://example.org/" + killed, outlet, "قصف على معرة الاختبار", new DateOnly(2024, 3, 10)));
        var place = Span(text, "معرة الاختبار");
        var actor = Span(text, "قوات النظام");
        var sentence = new TextSpan(0, text.IndexOf('.', StringComparison.Ordinal) + 1);
        var ev = new ExtractedEvent
        {
            EventType = AcledTaxonomy.ExplosionsRemoteViolence,
            SubEventType = "Shelling/artillery/missile attack",
            Date = new DateOnly(2024, 3, 10),
            TimePrecision = 1,
            Actor1 = new EventActor("actor:syrian-army", "Military Forces of Syria", 1, actor, "قوات النظام"),
            Actor2 = new EventActor("actor:civilians", "Civilians (Syria)", 7),
            Location = new EventLocation(Maarrat, 1, place),
            Fatalities = killed,
            Attribution = new Attribution(AttributionKind.AnonymousSource, "بحسب مصادر محلية", Span(text, "بحسب مصادر محلية")),
            Trigger = Span(text, "قصفت"),
            Evidence = [sentence],
            Confidence = 0.8,
        };
        return Annotate(doc, [
            new Mention(EntityType.Actor, actor, "قوات النظام", new ActorRef("actor:syrian-army", "Military Forces of Syria", 1), "test"),
            new Mention(EntityType.Place, place, "معرة الاختبار", Maarrat, "test"),
        ], ev);
    }

    public static AnnotatedDocument Clash()
    {
        var text = "اندلعت اشتباكات عنيفة يوم الخميس بين قوات سوريا الديمقراطية ومسلحين من العشائر في مدينة الميادين، وأفاد ناشطون بمقتل خمسة مقاتلين.";
        var doc = new Document(text, new DocumentSource("clash.txt", null, "شبكة الشرقية", "اشتباكات في الميادين", new DateOnly(2024, 3, 14)));
        var ev = new ExtractedEvent
        {
            EventType = AcledTaxonomy.Battles,
            SubEventType = "Armed clash",
            Date = new DateOnly(2024, 3, 14),
            TimePrecision = 1,
            Actor1 = new EventActor("actor:sdf", "Syrian Democratic Forces", 2, Span(text, "قوات سوريا الديمقراطية"), "قوات سوريا الديمقراطية"),
            Actor2 = new EventActor("actor:tribal-militias", "Tribal militias", 4, Span(text, "مسلحين من العشائر"), "مسلحين من العشائر"),
            AssocActors1 = [new EventActor("actor:ypg", "People's Protection Units", 2)],
            Location = new EventLocation(Mayadin, 1, Span(text, "الميادين")),
            Fatalities = 5,
            Attribution = new Attribution(AttributionKind.NamedSource, "وأفاد ناشطون", Span(text, "وأفاد ناشطون")),
            Trigger = Span(text, "اشتباكات"),
            Evidence = [new TextSpan(0, text.Length)],
            Confidence = 0.7,
        };
        return Annotate(doc, [new Mention(EntityType.Place, Span(text, "الميادين"), "الميادين", Mayadin, "test")], ev);
    }

    public static AnnotatedDocument Protest()
    {
        var text = "خرج العشرات في مظاهرة سلمية وسط مدينة درعا يوم الجمعة للمطالبة بالإفراج عن المعتقلين.";
        var doc = new Document(text, new DocumentSource("protest.txt", null, "مرصد الشرق", "مظاهرة في درعا", new DateOnly(2024, 3, 22)));
        var ev = new ExtractedEvent
        {
            EventType = AcledTaxonomy.Protests,
            SubEventType = "Peaceful protest",
            Date = new DateOnly(2024, 3, 22),
            TimePrecision = 1,
            Actor1 = new EventActor("actor:protesters", "Protesters (Syria)", 6),
            Location = new EventLocation(Daraa, 1, Span(text, "درعا")),
            Fatalities = 0,
            Trigger = Span(text, "مظاهرة"),
            Evidence = [new TextSpan(0, text.Length)],
        };
        return Annotate(doc, [new Mention(EntityType.Place, Span(text, "درعا"), "درعا", Daraa, "test")], ev);
    }

    /// <summary>A report whose text and fields carry markup, event handlers and javascript: links; it must render as text.</summary>
    public static AnnotatedDocument Hostile()
    {
        var text = "خبر عاجل " + HostileMarker + " انفجرت عبوة ناسفة <img src=x onerror=\"window.__pwned=2\"> في الميادين، "
            + "<a href=\"javascript:window.__pwned=3\">اضغط هنا</a> وقتل شخصان.";
        var doc = new Document(text, new DocumentSource("hostile.html", "javascript:window.__pwned=4", "<b onmouseover=alert(1)>outlet</b>", "<img src=x onerror=\"window.__pwned=5\">", new DateOnly(2024, 3, 16)));
        var ev = new ExtractedEvent
        {
            EventType = AcledTaxonomy.ExplosionsRemoteViolence,
            SubEventType = "Remote explosive/landmine/IED",
            Date = new DateOnly(2024, 3, 16),
            TimePrecision = 1,
            Actor1 = new EventActor("actor:unknown", HostileMarker, 0),
            Location = new EventLocation(Mayadin with { Name = "<svg onload=window.__pwned=6>" }, 1, Span(text, "الميادين")),
            Fatalities = 2,
            Trigger = Span(text, "انفجرت"),
            Evidence = [new TextSpan(0, text.Length)],
            Tags = ["<i onclick=x>tag</i>"],
        };
        return Annotate(doc, [new Mention(EntityType.Place, Span(text, "الميادين"), "الميادين", Mayadin, "test")], ev);
    }

    /// <summary>A synthetic report for load tests: one event of a rotating type at a jittered place.</summary>
    public static AnnotatedDocument Synthetic(int i)
    {
        var types = AcledTaxonomy.SubTypes.Keys.Order(StringComparer.Ordinal).ToArray();
        var type = types[i % types.Length];
        var sub = AcledTaxonomy.SubTypes[type][i % AcledTaxonomy.SubTypes[type].Length];
        var places = new[] { Maarrat, Mayadin, Daraa };
        var p = places[i % places.Length];
        var jitter = ((i * 7919) % 1000) / 1000.0 - 0.5;
        var place = p with { Id = p.Id + "-" + (i % 50), Latitude = p.Latitude + jitter * 0.8, Longitude = p.Longitude + ((i * 104729) % 1000 / 1000.0 - 0.5) * 0.8 };
        var text = $"تقرير تجريبي رقم {i}: وقع حادث في {p.NameAr} وأسفر عن سقوط {i % 9} قتلى بحسب مصادر محلية.";
        var date = new DateOnly(2023, 1, 1).AddDays(i % 400);
        var doc = new Document(text, new DocumentSource($"synthetic-{i}.txt", null, "outlet-" + (i % 5), "تقرير " + i, date));
        var ev = new ExtractedEvent
        {
            EventType = type,
            SubEventType = sub,
            Date = date,
            TimePrecision = 1,
            Actor1 = new EventActor("actor:a" + (i % 12), "Actor " + (i % 12), 1 + (i % 8)),
            Actor2 = i % 3 == 0 ? null : new EventActor("actor:b" + (i % 7), "Actor B" + (i % 7), 1 + (i % 8)),
            Location = new EventLocation(place, 1, Span(text, p.NameAr!)),
            Fatalities = i % 9,
            Trigger = Span(text, "وقع"),
            Evidence = [new TextSpan(0, text.Length)],
        };
        return Annotate(doc, [], ev);
    }

    private static AnnotatedDocument Annotate(Document doc, IEnumerable<Mention> mentions, ExtractedEvent ev) =>
        AnnotatedDocument.Start(doc)
            .WithMentions(mentions, Layers.Places | Layers.Actors)
            .WithEvents([ev]);

    private static TextSpan Span(string text, string part)
    {
        var i = text.IndexOf(part, StringComparison.Ordinal);
        if (i < 0)
        {
            throw new ArgumentException("not in text: " + part);
        }

        return new TextSpan(i, i + part.Length);
    }

    public static ImmutableArray<T> Arr<T>(params T[] items) => [.. items];
}
