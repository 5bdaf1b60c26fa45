namespace Marsad.Ner;

/// <summary>
/// Lexicon entries from the knowledge catalogues (tab-separated files with a header row and '#' comments):
/// every Arabic name and alias of each row (columns <c>name_ar</c>, <c>names_ar</c>, <c>aliases_ar</c>;
/// aliases separated by '|'), labelled with the catalogue's class. The tagger sees "this span is a listed
/// place / actor / person"; entries are embedded in the model at training, so tagging never reads them.
/// </summary>
public static class CatalogueLexicon
{
    /// <summary>The catalogue files (relative to data/) and their labels.</summary>
    public static IReadOnlyList<(string Path, string Label)> Files { get; } =
    [
        ("places/countries.tsv", "CAT_PLACE"),
        ("places/geonames.tsv", "CAT_PLACE"),
        ("places/admin.tsv", "CAT_PLACE"),
        ("places/manual.tsv", "CAT_PLACE"),
        ("actors/actors.tsv", "CAT_ACTOR"),
        ("persons/persons.tsv", "CAT_PERSON"),
    ];

    /// <summary>Reads the listed catalogue files under <paramref name="dataRoot"/> that exist (sorted, deduplicated entries).</summary>
    public static WordListLexicon Load(string dataRoot)
    {
        var entries = new SortedSet<(string Label, string Phrase)>();
        foreach (var (rel, label) in Files)
        {
            var path = Path.Combine(dataRoot, rel);
            if (!File.Exists(path))
            {
                continue;
            }

            int[]? columns = null;
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var cells = line.Split('\t');
                if (columns is null)
                {
                    columns = [.. Enumerable.Range(0, cells.Length).Where(i => cells[i] is "name_ar" or "names_ar" or "aliases_ar")];
                    continue;
                }

                foreach (var c in columns)
                {
                    if (c >= cells.Length)
                    {
                        continue;
                    }

                    foreach (var name in cells[c].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        entries.Add((label, name));
                    }
                }
            }
        }

        return new WordListLexicon("cat", entries.Select(e => new LexiconEntry(e.Label, e.Phrase)));
    }
}
