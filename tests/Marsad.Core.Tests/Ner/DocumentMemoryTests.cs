using Marsad.Ner;

namespace Marsad.Tests.Ner;

public class DocumentMemoryTests
{
    [Fact]
    public void Build_NameTaggedElsewhere_MarksLaterBareMention()
    {
        // First pass: "حداد" is PER in sentence 0 (after a title) but O in sentence 1; the memory tells sentence 1.
        IReadOnlyList<string>[] doc = [["الوزير", "سامر", "حداد"], ["وصل", "حداد", "أمس"]];
        int[][] first = [[0, 1, 2], [0, 0, 0]];
        var memory = DocumentMemory.Build(doc, first, window: 5);
        var labels = memory[1][1].ShouldNotBeNull();
        labels.ShouldContain("s1:O");
        labels.ShouldContain("mem-any:PER");
        labels.ShouldContain("mem-maj:PER");
        memory[1][2].ShouldNotBeNull().ShouldContain("mem-none"); // "أمس" occurs once
    }

    [Fact]
    public void Build_OccurrenceOutsideWindow_IsIgnored()
    {
        IReadOnlyList<string>[] doc = [["سامر"], ["هنا"], ["سامر"]];
        int[][] first = [[1], [0], [0]];
        var memory = DocumentMemory.Build(doc, first, window: 1);
        memory[2][0].ShouldNotBeNull().ShouldContain("mem-none");
    }
}

public class FeatureTableTests
{
    [Fact]
    public void TryGetRow_StoredAndMissingKeys_FindsOnlyStored()
    {
        // Includes key 0 (stored under a substitute) and keys that collide in the low bits.
        var rows = new Dictionary<ulong, int> { [0] = 0, [1UL << 40] = 1, [(1UL << 40) + 16] = 2, [ulong.MaxValue] = 3 };
        var table = new FeatureTable(rows);
        foreach (var (k, r) in rows)
        {
            table.TryGetRow(k, out var row).ShouldBeTrue();
            row.ShouldBe(r);
        }

        table.TryGetRow(12345, out _).ShouldBeFalse();
    }
}
