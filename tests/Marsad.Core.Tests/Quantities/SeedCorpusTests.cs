using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Testing;
using Marsad.Tests.Temporal;

namespace Marsad.Tests.Quantities;

/// <summary>Runs the analysis chain and the date and quantity taggers over the shared evaluation reports (read from disk, never copied).</summary>
public class SeedCorpusTests
{
    [SharedFact]
    public void Taggers_SeedReports_SpansSliceAndKnownCountsFound()
    {
        var pipeline = new ExtractionPipeline([TestLexicons.Dates, TestLexicons.Quantities]);
        var quantities = new List<QuantityRef>();
        var dates = new List<DateRef>();
        var files = Directory.GetFiles(SharedMaterial.PathOf("seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var doc = pipeline.Run(new Document(text, new DocumentSource(file, Published: new DateOnly(2021, 12, 6))));
            foreach (var s in doc.Analysis.Sentences)
            {
                s.End.ShouldBeLessThanOrEqualTo(text.Length);
            }

            foreach (var t in doc.Analysis.Tokens)
            {
                t.Norm.ShouldBe(Marsad.Analysis.ArabicNormalizer.Normalize(t.Span.Slice(text)));
            }

            foreach (var m in doc.Mentions)
            {
                m.Span.Slice(text).ShouldBe(m.Text);
            }

            quantities.AddRange(doc.MentionsOf(EntityType.Quantity).Select(m => (QuantityRef)m.Ref!));
            dates.AddRange(doc.MentionsOf(EntityType.Date).Select(m => (DateRef)m.Ref!));
        }

        // Counts the reports state: about 100 members, more than 17 attacks, about 1700 people, 4 buses, 3 cars.
        quantities.ShouldContain(q => q.Value == 100 && q.NounLemma == "عنصر" && q.Qualifier == "about");
        quantities.ShouldContain(q => q.Value == 17 && q.NounLemma == "هجمة" && q.Qualifier == "more_than");
        quantities.ShouldContain(q => q.Value == 1700 && q.NounLemma == "شخص");
        quantities.ShouldContain(q => q.Value == 4 && q.NounLemma == "حافلة");
        quantities.ShouldContain(q => q.Value == 3 && q.NounLemma == "سيارة");

        // Unit numbers (division 17, regiment 47) are names, never counts; years are dates.
        quantities.ShouldNotContain(q => q.Value == 47 || q.Value == 2017 || q.Value == 2022);

        // 2 January 2022 (day first), last Sunday, early this month.
        dates.ShouldContain(d => d.Value == new DateOnly(2022, 1, 2) && d.TimePrecision == 1);
        dates.ShouldContain(d => d.Kind == "weekday" && d.Value == new DateOnly(2021, 12, 5));
        dates.ShouldContain(d => d.Kind == "period" && d.Value == new DateOnly(2021, 12, 1) && d.TimePrecision == 2);
    }
}
