using Marsad.Inputs;

namespace Marsad.Tests;

public class DateTextTests
{
    [Theory]
    [InlineData("2021-12-06", 2021, 12, 6)]
    [InlineData("2021-12-06T23:59:00+03:00", 2021, 12, 6)]
    [InlineData("Mon, 06 Dec 2021 10:00:00 +0300", 2021, 12, 6)]
    [InlineData("6 Dec 2021 10:00 GMT", 2021, 12, 6)]
    [InlineData("Tue, 6 December 2021 10:00:00 GMT", 2021, 12, 6)] // wrong day name: the date still reads
    public void TryParse_KnownForms_Read(string text, int y, int m, int d)
    {
        DateText.TryParse(text, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("أمس")]
    [InlineData("2021-13-40")]
    public void TryParse_Invalid_False(string text)
    {
        DateText.TryParse(text, out _).ShouldBeFalse();
    }
}
