namespace Marsad.Knowledge;

/// <summary>
/// The tab-separated format of Marsad's editable knowledge files: lines starting with '#' are comments, the
/// first other line names the columns, each further line is one record. Multi-valued cells use '|'.
/// </summary>
public sealed class TsvTable
{
    private readonly Dictionary<string, int> _columns;

    private TsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        _columns = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public string Get(string[] row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _columns.TryGetValue(column, out var i) && i < row.Length ? row[i].Trim() : string.Empty;
    }

    public string? GetOrNull(string[] row, string column)
    {
        var v = Get(row, column);
        return v.Length == 0 ? null : v;
    }

    public IReadOnlyList<string> GetList(string[] row, string column) =>
        Get(row, column).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public double GetDouble(string[] row, string column) =>
        double.TryParse(Get(row, column), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    public long GetLong(string[] row, string column) =>
        long.TryParse(Get(row, column), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0;

    public static TsvTable Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static TsvTable Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string[]? header = null;
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToArray();
            }
            else
            {
                rows.Add(cells);
            }
        }

        return new TsvTable(header ?? throw new InvalidDataException($"{name}: no header line"), rows);
    }
}

/// <summary>
/// A cue lexicon: lines <c>category&lt;TAB&gt;form</c> ('#' comments). Forms are stored normalized, so lookups
/// take a token's normalized form (or one of its proclitic readings).
/// </summary>
public sealed class CueLexicon
{
    private readonly Dictionary<string, HashSet<string>> _byCategory;
    private readonly Dictionary<string, string> _firstCategory = new(StringComparer.Ordinal);

    private CueLexicon(Dictionary<string, HashSet<string>> byCategory, List<(string Category, string Form)> order)
    {
        _byCategory = byCategory;
        foreach (var (cat, form) in order)
        {
            _firstCategory.TryAdd(form, cat);
        }
    }

    /// <summary>The first category (in file order) listing the form, or null.</summary>
    public string? CategoryOf(string norm) => _firstCategory.GetValueOrDefault(norm);

    public static CueLexicon Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static CueLexicon Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var order = new List<(string, string)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2)
            {
                continue;
            }

            var cat = cells[0].Trim();
            if (!map.TryGetValue(cat, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                map[cat] = set;
            }

            foreach (var form in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var n = Marsad.Analysis.ArabicNormalizer.Normalize(form);
                set.Add(n);
                order.Add((cat, n));
            }
        }

        return new CueLexicon(map, order);
    }

    public bool Has(string category, string norm) => _byCategory.TryGetValue(category, out var s) && s.Contains(norm);

    /// <summary>True when the word, or one of its proclitic readings, is in the category.</summary>
    public bool HasWord(string category, string norm)
    {
        if (!_byCategory.TryGetValue(category, out var s))
        {
            return false;
        }

        foreach (var (form, _) in TextKeys.Proclitics(norm))
        {
            if (s.Contains(form))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The categories the lexicon lists.</summary>
    public IEnumerable<string> Categories => _byCategory.Keys;

    public IReadOnlySet<string> Forms(string category) =>
        _byCategory.TryGetValue(category, out var s) ? s : new HashSet<string>();
}
