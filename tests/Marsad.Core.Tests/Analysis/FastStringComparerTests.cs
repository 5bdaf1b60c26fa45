using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class FastStringComparerTests
{
    [Fact]
    public void Equals_SameCharacters_AreEqualWithSameHash()
    {
        var a = "الشهر";
        var b = new string(a.AsSpan());
        FastStringComparer.Instance.Equals(a, b).ShouldBeTrue();
        FastStringComparer.Instance.GetHashCode(a).ShouldBe(FastStringComparer.Instance.GetHashCode(b));
    }

    [Fact]
    public void Equals_SameEndsDifferentMiddle_AreNotEqual() =>
        // The hash looks at the ends only; equality still compares every character.
        FastStringComparer.Instance.Equals("كتاب", "كتيب").ShouldBeFalse();

    [Fact]
    public void GetHashCode_EmptyString_IsZero() =>
        FastStringComparer.Instance.GetHashCode(string.Empty).ShouldBe(0);
}
