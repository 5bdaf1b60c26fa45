using System.Text;
using Marsad.Inputs;

namespace Marsad.Tests;

/// <summary>Issue 14, failures 1–3: every encoding generated from text written for these tests.</summary>
public class EvidenceDecodingTests
{
    /// <summary>A second paragraph written for these tests, with letters ISO-8859-6 and windows-1256 place differently (ل م ن ه و ي).</summary>
    private const string Second = "وقال مسؤول في المجلس المحلي إن الهدوء عاد إلى الأحياء الغربية بعد منتصف الليل.";

    private static Encoding Iso88596 => EncodingDetector.Iso88596;

    [Fact]
    public void Read_Iso88596_DecodedNotAsWindows1256()
    {
        // Before: decoded as windows-1256 (exit 0, mojibake: ل→ن, و→è).
        var text = TestInputs.Report + "\n" + Second;
        var r = TestInputs.Read(Iso88596.GetBytes(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
        r.Document.InputWarnings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_Iso88596HtmlDeclared_Decoded()
    {
        var html = "<html><head><meta charset=\"iso-8859-6\"></head><body><p>" + Second + "</p></body></html>";
        var r = TestInputs.Read(Iso88596.GetBytes(html), "page.html").ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(Second);
    }

    [Fact]
    public void Read_HtmlDeclaringIso88596ButInWindows1256_EvidenceWins()
    {
        // The declaration is contradicted by the bytes: windows-1256 explains them, ISO-8859-6 does not.
        var html = "<html><head><meta charset=\"iso-8859-6\"></head><body><p>" + Second + "</p></body></html>";
        var r = TestInputs.Read(TestInputs.Windows1256(html), "page.html").ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(Second);
    }

    [Fact]
    public void Read_Windows1256Only_NoMixedWarning()
    {
        var text = TestInputs.Report + "\n" + Second;
        var r = TestInputs.Read(TestInputs.Windows1256(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
        r.Document.InputWarnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf8ParagraphAndCodePageParagraph_EachDecodedInItsOwn(bool iso)
    {
        // Before: the whole file was decoded as windows-1256, so the UTF-8 paragraph became mojibake.
        var codePage = iso ? Iso88596 : EncodingDetector.Windows1256;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(TestInputs.Report + "\n"), .. codePage.GetBytes(Second)];
        var r = TestInputs.Read(bytes).ShouldHaveSingleItem();
        var doc = r.Document.ShouldNotBeNull();
        doc.Text.ShouldBe(TestInputs.Report + "\n" + Second);
        doc.InputWarnings.ShouldHaveSingleItem().ShouldContain("different encodings");
    }

    [Fact]
    public void Read_Utf8CutMidCharacter_ReplacedWithWarning()
    {
        // Before: rejected outright ("not text in a known encoding"); the report is kept, the half letter marked.
        var text = TestInputs.Report.TrimEnd('.');
        var bytes = Encoding.UTF8.GetBytes(text);
        var r = TestInputs.Read(bytes[..^1]).ShouldHaveSingleItem();
        var doc = r.Document.ShouldNotBeNull();
        doc.Text.ShouldBe(text[..^1] + "\uFFFD");
        doc.InputWarnings.ShouldHaveSingleItem().ShouldContain("1 undecodable byte sequence replaced with U+FFFD");
    }

    [Fact]
    public void Read_Utf8WithOneStrayByte_ReplacedNotRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(TestInputs.Report).ToList();
        var mid = Encoding.UTF8.GetByteCount(TestInputs.Report[..20]);
        bytes.Insert(mid, 0xFF);
        var r = TestInputs.Read([.. bytes]).ShouldHaveSingleItem();
        var doc = r.Document.ShouldNotBeNull();
        doc.Text.ShouldBe(TestInputs.Report[..20] + "\uFFFD" + TestInputs.Report[20..]);
        doc.InputWarnings.ShouldHaveSingleItem().ShouldContain("UTF-8");
    }

    [Fact]
    public void Read_CleanUtf8_NoWarnings()
    {
        var r = TestInputs.Read(TestInputs.Report).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().InputWarnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithoutBomWithEmoji_Decoded(bool bigEndian)
    {
        // Before: any astral character (an emoji's surrogate pair) made UTF-16 without BOM look binary.
        var text = TestInputs.Report + " \U0001F525\U0001F4F8\n" + Second;
        var r = TestInputs.Read(new UnicodeEncoding(bigEndian, false).GetBytes(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
    }

    [Fact]
    public void Read_RandomUtf16BeWithoutBom_AllDecoded()
    {
        // Before: 28 of 30 such files were rejected. Words of the fixtures, emoji and digits, seeded.
        var words = (TestInputs.Report + " " + Second).Split(' ');
        string[] extras = ["\U0001F525", "\U0001F1F8\U0001F1FE", "2024", "\u2014", "\U0001F4A5"];
        var rng = new Random(14);
        var decoded = 0;
        for (var i = 0; i < 30; i++)
        {
            var sb = new StringBuilder();
            for (var w = rng.Next(3, 40); w > 0; w--)
            {
                sb.Append(rng.Next(5) == 0 ? extras[rng.Next(extras.Length)] : words[rng.Next(words.Length)]).Append(' ');
            }

            var text = sb.ToString().Trim();
            var r = TestInputs.Read(Encoding.BigEndianUnicode.GetBytes(text)).ShouldHaveSingleItem();
            r.Document.ShouldNotBeNull($"file {i}: {r.Rejection}").Text.ShouldBe(text);
            decoded++;
        }

        decoded.ShouldBe(30);
    }

    [Theory]
    [InlineData(new byte[] { 0x2B, 0x00, 0x2E })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 })]
    [InlineData(new byte[] { 0x20, 0x00, 0x9C })]
    [InlineData(new byte[] { 0x00, 0x07 })]
    public void Read_TinyBinaryBlobWithNul_Rejected(byte[] blob)
    {
        // Before: a blob like these was accepted as a (nearly) empty UTF-16 document.
        var r = TestInputs.Read(blob).ShouldHaveSingleItem();
        r.Document.ShouldBeNull();
        r.Rejection.ShouldNotBeNull();
    }

    [Fact]
    public void Read_Utf16LeOddLastByte_ReplacedWithWarning()
    {
        byte[] bytes = [.. Encoding.Unicode.GetBytes(TestInputs.Report), 0x41];
        var doc = TestInputs.Read(bytes).ShouldHaveSingleItem().Document.ShouldNotBeNull();
        doc.Text.ShouldBe(TestInputs.Report + "\uFFFD");
        doc.InputWarnings.ShouldHaveSingleItem().ShouldContain("UTF-16LE");
    }

    [Fact]
    public void Read_JsonLinesWithOneCodePageLine_WarningOnThatLineOnly()
    {
        // The warning belongs to the document whose characters were decoded differently, not to its neighbours.
        var first = Encoding.UTF8.GetBytes("{\"text\":\"" + TestInputs.Report.Replace("\n", " ") + "\"}\n");
        var second = EncodingDetector.Windows1256.GetBytes("{\"text\":\"" + Second + "\"}\n");
        byte[] third = [.. Encoding.UTF8.GetBytes("{\"text\":\"" + Second[..10]), 0xFF, .. Encoding.UTF8.GetBytes(Second[10..] + "\"}\n")];
        var fourth = Encoding.UTF8.GetBytes("{\"text\":\"" + Second + "\"}\n");
        var results = TestInputs.Read([.. first, .. second, .. third, .. fourth], "r.jsonl");
        results.Count.ShouldBe(4);
        results[0].Document.ShouldNotBeNull().InputWarnings.ShouldBeEmpty();

        // A line wholly in windows-1256 is decoded right and, being one encoding, needs no warning.
        results[1].Document.ShouldNotBeNull().Text.ShouldBe(Second);
        results[1].Document!.InputWarnings.ShouldBeEmpty();
        results[2].Document.ShouldNotBeNull().InputWarnings.ShouldHaveSingleItem().ShouldContain("U+FFFD");
        results[3].Document.ShouldNotBeNull().InputWarnings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_LongIso88596File_DecodedPastSample()
    {
        var text = string.Concat(Enumerable.Repeat(Second + "\n", 2000));
        var r = TestInputs.Read(Iso88596.GetBytes(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
    }

    [Fact]
    public void Read_LongUtf16BeFileWithEmoji_DecodedPastSample()
    {
        // The sample boundary may fall between the halves of a surrogate pair.
        var text = string.Concat(Enumerable.Repeat(TestInputs.Report + "\U0001F525", 1500));
        var r = TestInputs.Read(Encoding.BigEndianUnicode.GetBytes(text)).ShouldHaveSingleItem();
        r.Document.ShouldNotBeNull().Text.ShouldBe(text);
        r.Document.InputWarnings.ShouldBeEmpty();
    }
}
