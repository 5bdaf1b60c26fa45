using System.Text;
using Marsad.Inputs;

namespace Marsad.Tests;

public class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "<html><head><meta charset=\"windows-1256\"><title>ع</title></head><body><article><p>نص</p></article></body></html>",
        "<?xml version=\"1.0\"?><rss><channel><item><title>أ</title><link>l</link><description>&lt;p&gt;نص&lt;/p&gt;</description></item></channel></rss>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content>نص</content></entry></feed>",
        "{\"text\":\"نص\",\"published\":\"2024-01-01\"}\n{\"text\":\"آخر\"}\n",
        TestInputs.Report,
    ];

    [Fact]
    public void Read_RandomBytes_NeverThrows()
    {
        // Deterministic seed: failures reproduce.
        var rng = new Random(20240601);
        var reads = 0;
        for (var i = 0; i < 400; i++)
        {
            var bytes = new byte[rng.Next(0, i % 10 == 0 ? 100_000 : 600)];
            rng.NextBytes(bytes);
            reads += Consume(bytes);
        }

        reads.ShouldBeGreaterThanOrEqualTo(400);
    }

    [Fact]
    public void Read_MutatedValidInputs_NeverThrows()
    {
        var rng = new Random(7);
        var reads = 0;
        foreach (var seed in Seeds)
        {
            foreach (var encoding in (Encoding[])[Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode])
            {
                var original = encoding.GetBytes(seed);
                for (var i = 0; i < 60; i++)
                {
                    var bytes = (byte[])original.Clone();
                    var flips = rng.Next(1, 8);
                    for (var f = 0; f < flips && bytes.Length > 0; f++)
                    {
                        bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                    }

                    // Truncate sometimes, to cut structures and characters in half.
                    var cut = rng.Next(2) == 0 ? bytes.Length : rng.Next(bytes.Length + 1);
                    reads += Consume(bytes[..cut]);
                }
            }
        }

        reads.ShouldBeGreaterThan(0);
    }

    private static int Consume(byte[] bytes)
    {
        var n = 0;
        foreach (var r in TestInputs.Read(bytes, "fuzz"))
        {
            // Each result is exactly one of: a document with text, or a rejection with a reason.
            (r.Document is null).ShouldNotBe(r.Rejection is null);
            if (r.Rejection is { } rej)
            {
                rej.Reason.ShouldNotBeNullOrWhiteSpace();
                rej.Reason.ShouldNotContain("\n");
            }
            else
            {
                r.Document!.Text.ShouldNotBeNullOrWhiteSpace();
            }

            n++;
        }

        return n;
    }
}
