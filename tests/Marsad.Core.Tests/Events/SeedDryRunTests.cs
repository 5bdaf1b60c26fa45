using System.Text.Json;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Output;
using Marsad.Pipeline;
using Marsad.Testing;
using Xunit.Abstractions;

namespace Marsad.Tests.Events;

/// <summary>
/// Runs the event extractor over the shared seeds with place/actor/person layers simulated from the gold
/// file's forms (perfect taggers), so the event rules can be measured apart from the knowledge components.
/// Writes JSON Lines to the temp folder for <c>event_score.py --cmd "cat FILE; true"</c>.
/// </summary>
public class SeedDryRunTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Extract_SeedsWithSimulatedMentions_FindsEvents()
    {
        var extractor = EventExtractor.Load(Path.Combine(SharedMaterial.RepositoryRoot, "data"));
        var lines = new List<string>();
        var total = 0;
        foreach (var line in File.ReadAllLines(SharedMaterial.PathOf("seeds/gold.jsonl")).Where(l => l.Length > 0))
        {
            using var gold = JsonDocument.Parse(line);
            var name = gold.RootElement.GetProperty("doc").GetString()!;
            var path = SharedMaterial.PathOf("seeds/" + name);
            var doc = AnnotatedDocument.Start(new Document(File.ReadAllText(path), new DocumentSource(path)));
            var mentions = new List<Mention>();
            foreach (var p in gold.RootElement.GetProperty("places").EnumerateArray())
            {
                var radius = p.GetProperty("radius_km").GetDouble();
                var kind = radius >= 300 ? "country" : radius >= 100 ? "governorate" : "city";
                var r = new PlaceRef("sim:" + p.GetProperty("name").GetString(), p.GetProperty("name").GetString()!, null,
                    p.GetProperty("lat").GetDouble(), p.GetProperty("lon").GetDouble(), "SY", null, null, null, kind);
                AddAll(doc.Text, p, EntityType.Place, r, mentions);
            }

            foreach (var a in gold.RootElement.GetProperty("actors").EnumerateArray())
            {
                var n = a.GetProperty("name").GetString()!;
                AddAll(doc.Text, a, EntityType.Actor, new ActorRef("sim:" + n, n, n.Contains("government", StringComparison.OrdinalIgnoreCase) ? 1 : 3), mentions);
            }

            foreach (var a in gold.RootElement.GetProperty("persons").EnumerateArray())
            {
                var n = a.GetProperty("name").GetString()!;
                AddAll(doc.Text, a, EntityType.Person, new PersonRef("sim:" + n, n), mentions);
            }

            // Longest first, no overlaps: a simple stand-in for the real taggers.
            var chosen = new List<Mention>();
            foreach (var m in mentions.OrderByDescending(m => m.Span.Length))
            {
                if (!chosen.Any(c => c.Span.Overlaps(m.Span)))
                {
                    chosen.Add(m);
                }
            }

            var result = extractor.Annotate(doc.WithMentions(chosen, Layers.Places | Layers.Actors | Layers.Persons));
            total += result.Events.Length;
            foreach (var e in result.Events)
            {
                output.WriteLine($"{name}: {e.EventType} / {e.SubEventType} [{string.Join(",", e.Tags)}] at {e.Location?.Place.Name} actor1={e.Actor1?.Name} actor2={e.Actor2?.Name} attr={e.Attribution.Kind} fat={e.Fatalities} ev={e.Evidence.Length} «{result.Text[e.Trigger.Start..e.Trigger.End]}» {string.Join(" | ", e.Evidence.Select(x => result.Text[x.Start..Math.Min(x.End, x.Start + 50)]))}");
            }

            foreach (var w in result.Warnings)
            {
                output.WriteLine($"{name}: warning {w}");
            }

            lines.Add(ContractJsonWriter.ToJson(result));
        }

        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "marsad-events-dryrun.jsonl"), lines);
        total.ShouldBeGreaterThan(0);
    }

    private static void AddAll(string text, JsonElement item, EntityType type, EntityRef r, List<Mention> into)
    {
        foreach (var form in item.GetProperty("ar").EnumerateArray().Select(f => f.GetString()!).Where(f => f.Trim().Length > 1))
        {
            var f = form.Trim();
            for (var i = text.IndexOf(f, StringComparison.Ordinal); i >= 0; i = text.IndexOf(f, i + f.Length, StringComparison.Ordinal))
            {
                into.Add(new Mention(type, new TextSpan(i, i + f.Length), f, r, "simulated"));
            }
        }
    }
}
