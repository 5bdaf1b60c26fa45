using Marsad.Data;
using Marsad.Events;
using Marsad.Testing;

namespace Marsad.Tests.Events;

public class EventLexiconTests
{
    [Fact]
    public void Load_EveryTrigger_IsInAcledTaxonomy()
    {
        var lex = EventDocBuilder.Extractor.Lexicon;

        lex.Triggers.ShouldNotBeEmpty();
        lex.Triggers.ShouldAllBe(t => AcledTaxonomy.IsValid(t.EventType, t.SubEventType));
    }

    [Fact]
    public void Load_Triggers_CoverEverySubEventTypeButChemicalAndSexualHaveForms()
    {
        // Every ACLED sub-event type except "Other"-style residuals has at least one trigger.
        var subs = EventDocBuilder.Extractor.Lexicon.Triggers.Select(t => t.SubEventType)
            .Concat(EventDocBuilder.Extractor.Lexicon.Triggers.SelectMany(t => t.Upgrades).Select(u => u.SubEventType ?? string.Empty))
            .Append("Government regains territory")
            .ToHashSet(StringComparer.Ordinal);
        foreach (var sub in AcledTaxonomy.SubTypes.Values.SelectMany(x => x))
        {
            subs.ShouldContain(sub);
        }
    }

    [Fact]
    public void Parse_UnknownSubEventType_Throws()
    {
        const string triggers = """{"triggers": [{"id": "x", "event_type": "Battles", "sub_event_type": "Duel", "forms": ["مبارزة"]}]}""";
        const string cues = """{"scopes": {}, "attribution": {}, "arguments": {}, "fatalities": {}}""";

        Should.Throw<InvalidDataException>(() => EventLexicon.Parse(triggers, cues));
    }

    [Fact]
    public void Catalogue_EventFiles_AreListedWithMatchingHashes()
    {
        var catalogue = DataCatalogue.Load(Path.Combine(SharedMaterial.RepositoryRoot, "data"));

        catalogue.Entries.ShouldContain(e => e.Path == EventLexicon.TriggersFile);
        catalogue.Entries.ShouldContain(e => e.Path == EventLexicon.CuesFile);
        catalogue.Verify().Where(p => p.Path.StartsWith("events/", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
