using System.Text;
using Marsad.Inputs;

namespace Marsad.Tests;

/// <summary>Helpers: fixtures written for these tests, read through the reader as bytes.</summary>
internal static class TestInputs
{
    /// <summary>A short Arabic report written for these tests.</summary>
    public const string Report = "أفادت مصادر محلية بوقوع اشتباك قرب مدينة الميادين مساء أمس.\nوأصيب ثلاثة عناصر بجروح.";

    public static IReadOnlyList<InputResult> Read(byte[] bytes, string name = "input", InputDefaults? defaults = null, InputLimits? limits = null)
    {
        using var ms = new MemoryStream(bytes);
        return [.. new InputReader(limits).ReadStream(name, ms, defaults ?? new InputDefaults())];
    }

    public static IReadOnlyList<InputResult> Read(string text, string name = "input", InputDefaults? defaults = null, InputLimits? limits = null) =>
        Read(Encoding.UTF8.GetBytes(text), name, defaults, limits);

    public static byte[] Windows1256(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256).GetBytes(text);
    }

    public static byte[] WithBom(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
}
