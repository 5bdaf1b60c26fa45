using System.Text;
using Marsad.Inputs;

namespace Marsad.Tests;

public class EncodingDetectorTests
{
    [Fact]
    public void Read_Utf8WithoutBom_DecodesText()
    {
        var r = TestInputs.Read(TestInputs.Report).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(TestInputs.Report);
    }

    [Fact]
    public void Read_Utf8Bom_StripsBom()
    {
        var r = TestInputs.Read(TestInputs.WithBom(new UTF8Encoding(true), TestInputs.Report)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(TestInputs.Report);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithBom_Decodes(bool bigEndian)
    {
        var enc = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var r = TestInputs.Read(TestInputs.WithBom(enc, TestInputs.Report)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(TestInputs.Report);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithoutBom_DetectedByNulPattern(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(TestInputs.Report);
        var r = TestInputs.Read(bytes).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(TestInputs.Report);
    }

    [Fact]
    public void Read_Utf16LEWithoutBomOrAscii_DetectedByArabicHighBytes()
    {
        // No spaces or ASCII at all, so no NUL bytes: the 0x06 high bytes of Arabic letters give it away.
        const string text = "اشتباكاتعنيفةفيريفديرالزورالشرقيالليلة";
        var r = TestInputs.Read(Encoding.Unicode.GetBytes(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
    }

    [Fact]
    public void Read_Windows1256_DecodedNotGarbled()
    {
        var r = TestInputs.Read(TestInputs.Windows1256(TestInputs.Report)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(TestInputs.Report);
    }

    [Fact]
    public void Read_HtmlMetaCharset1256_Honoured()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>" + TestInputs.Report + "</p></body></html>";
        var r = TestInputs.Read(TestInputs.Windows1256(html), "page.html").ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldContain("مدينة الميادين");
    }

    [Fact]
    public void Read_HtmlDeclaringUtf8ButIn1256_SniffedEncodingWins()
    {
        // A wrong declaration is common in the wild: bytes that are not UTF-8 cannot be UTF-8.
        var html = "<html><head><meta charset=\"utf-8\"></head><body><p>" + TestInputs.Report + "</p></body></html>";
        var r = TestInputs.Read(TestInputs.Windows1256(html), "page.html").ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldContain("مدينة الميادين");
    }

    [Fact]
    public void Read_HtmlDeclaring1256ButInUtf8_Utf8Wins()
    {
        // A page re-saved as UTF-8 whose meta still names windows-1256.
        var html = "<html><head><meta charset=\"windows-1256\"></head><body><p>" + TestInputs.Report + "</p></body></html>";
        var r = TestInputs.Read(Encoding.UTF8.GetBytes(html), "page.html").ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldContain("مدينة الميادين");
    }

    [Fact]
    public void Read_BinaryWithNuls_Rejected()
    {
        byte[] bytes = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00];
        var r = TestInputs.Read(bytes, "prog").ShouldHaveSingleItem();
        r.Document.ShouldBeNull();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("binary");
    }

    [Fact]
    public void Read_ControlBytes_Rejected()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 0x41)).ToArray();
        var r = TestInputs.Read(bytes).ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("binary");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t \r\n")]
    public void Read_EmptyOrWhitespace_Rejected(string text)
    {
        var r = TestInputs.Read(text).ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("empty");
    }

    [Fact]
    public void Read_BomOnly_Rejected()
    {
        // A BOM and nothing else is an empty file.
        var r = TestInputs.Read(new UTF8Encoding(true).GetPreamble()).ShouldHaveSingleItem();
        r.Rejection.ShouldNotBeNull().Reason.ShouldContain("empty");
    }

    [Fact]
    public void Detect_Utf8CutMidCharacterAtSampleEnd_StillUtf8()
    {
        // The sample of a long file can end inside a two-byte Arabic letter.
        var bytes = Encoding.UTF8.GetBytes("مدينة");
        var guess = EncodingDetector.Detect(bytes.AsSpan(0, bytes.Length - 1), complete: false);
        guess.Encoding.ShouldBeOfType<UTF8Encoding>();
    }

    [Fact]
    public void Read_LongUtf8File_DecodedPastSample()
    {
        // Longer than the detector's sample: the rest is decoded with the same encoding.
        var text = string.Concat(Enumerable.Repeat(TestInputs.Report + "\n", 2000));
        var r = TestInputs.Read(text).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
    }

    [Fact]
    public void Read_LongWindows1256File_DecodedPastSample()
    {
        var text = string.Concat(Enumerable.Repeat(TestInputs.Report + "\n", 2000));
        var r = TestInputs.Read(TestInputs.Windows1256(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
    }
}
