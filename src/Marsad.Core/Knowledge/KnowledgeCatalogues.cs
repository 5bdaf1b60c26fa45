using Marsad.Data;

namespace Marsad.Knowledge;

/// <summary>Writes the <c>catalogue.json</c> of the actors and persons areas (re-hashing their files).</summary>
public static class KnowledgeCatalogues
{
    private const string Cc = "CC BY 4.0";
    private const string Us = "Marsad contributors";

    public static void WriteActorsAndPersons(string dataRoot)
    {
        DataCatalogue.WriteAreaCatalogue(dataRoot, "actors",
        [
            new("actors/actors.tsv", "2.0.0", "", "Armed and political actors of Arab-world conflict reporting (Syria 2011-2026, Iraq, Yemen, Libya, Sudan, Lebanon, Palestine, Egypt, Somalia, Jordan) and generic sides: Arabic aliases, English and Arabic names, ACLED inter code, country, affiliation, validity period.", "Marsad", Cc, Us),
            new("actors/spelling.tsv", "1.0.0", "", "Spelling variants folded before actor names are matched (ميليشيا / مليشيا / ميلشيا).", "Marsad", Cc, Us),
            new("actors/cues.tsv", "1.0.0", "", "Head words, adjectives, unit words and ordinals for actor mentions and unlisted groups.", "Marsad", Cc, Us),
        ]);
        DataCatalogue.WriteAreaCatalogue(dataRoot, "persons",
        [
            new("persons/persons.tsv", "1.0.0", "", "Named commanders and officials with roles and the actor they belong to.", "Marsad", Cc, Us),
            new("persons/cues.tsv", "1.0.0", "", "Titles, ranks and role words for person mentions.", "Marsad", Cc, Us),
        ]);
    }
}
