namespace Marsad.Knowledge;

/// <summary>Checks for the catalogue files extraction cannot do without.</summary>
internal static class KnowledgeFiles
{
    /// <summary>
    /// Throws when a core catalogue file is missing: a wrong data folder must fail loudly, not yield a
    /// knowledge base with no actors or places.
    /// </summary>
    public static void Require(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Knowledge file missing: {path} (is the data folder, MARSAD_DATA, right?)", path);
        }
    }

    /// <summary>The tab-separated rows (at least <paramref name="cells"/> cells) of an optional file, comments skipped.</summary>
    public static IEnumerable<(string[] Cells, string Line)> TabRows(string path, int cells)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            if (c.Length >= cells)
            {
                yield return (c, line);
            }
        }
    }
}
