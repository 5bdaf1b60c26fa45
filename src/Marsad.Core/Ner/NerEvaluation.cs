using System.Globalization;
using System.Text;

namespace Marsad.Ner;

/// <summary>Entity-level counts (exact span and type) for one type or all.</summary>
public readonly record struct NerCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level micro P/R/F1 as conlleval/seqeval compute it (the project scorer's rule).</summary>
public sealed class NerEvaluation
{
    private readonly int[] _tp = new int[4];
    private readonly int[] _fp = new int[4];
    private readonly int[] _fn = new int[4];

    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        var g = NerTags.Spans(gold).ToHashSet();
        var p = NerTags.Spans(predicted).ToHashSet();
        foreach (var s in p)
        {
            if (g.Contains(s))
            {
                _tp[s.Type]++;
            }
            else
            {
                _fp[s.Type]++;
            }
        }

        foreach (var s in g)
        {
            if (!p.Contains(s))
            {
                _fn[s.Type]++;
            }
        }
    }

    /// <summary>Adds another evaluation's counts (e.g. over cross-validation folds).</summary>
    public void Add(NerEvaluation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var t = 0; t < 4; t++)
        {
            _tp[t] += other._tp[t];
            _fp[t] += other._fp[t];
            _fn[t] += other._fn[t];
        }
    }

    public NerCounts Of(int type) => new(_tp[type], _fp[type], _fn[type]);

    public NerCounts All => new(_tp.Sum(), _fp.Sum(), _fn.Sum());

    public string Report()
    {
        var sb = new StringBuilder();
        for (var t = 0; t < 4; t++)
        {
            Line(sb, NerTags.Types[t], Of(t));
        }

        Line(sb, "ALL", All);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, NerCounts c) =>
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{name,-5} P {c.Precision * 100,5:F1} R {c.Recall * 100,5:F1} F1 {c.F1 * 100,5:F1}  (gold {c.TruePositives + c.FalseNegatives})");
}
