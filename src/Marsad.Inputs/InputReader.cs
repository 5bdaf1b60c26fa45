using Marsad.Documents;

namespace Marsad.Inputs;

/// <summary>What applies to inputs that do not carry their own outlet or publication date.</summary>
public sealed record InputDefaults(string? Outlet = null, DateOnly? Published = null);

/// <summary>An input that could not be read, with the one-line reason given to the user.</summary>
public sealed record InputRejection(string Input, string Reason)
{
    public override string ToString() => $"{Input}: {Reason}";
}

/// <summary>One result of reading inputs: a document, or a rejection.</summary>
public readonly record struct InputResult(Document? Document, InputRejection? Rejection)
{
    public static InputResult Ok(Document d) => new(d, null);

    public static InputResult Rejected(string input, string reason) => new(null, new InputRejection(input, reason));
}

/// <summary>
/// Reads paths (files, folders recursively, "-" for stdin) into documents. Placeholder: plain UTF-8 text
/// only, until the input issue lands HTML, feeds, JSON Lines and encoding detection.
/// </summary>
public sealed class InputReader
{
    public IEnumerable<InputResult> Read(IEnumerable<string> paths, InputDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(defaults);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return ReadFile(f, defaults);
                }
            }
            else if (File.Exists(path))
            {
                yield return ReadFile(path, defaults);
            }
            else
            {
                yield return InputResult.Rejected(path, "no such file or folder");
            }
        }
    }

    private static InputResult ReadFile(string path, InputDefaults defaults)
    {
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return InputResult.Rejected(path, "empty file");
        }

        return InputResult.Ok(new Document(text, new DocumentSource(path, Outlet: defaults.Outlet, Published: defaults.Published)));
    }
}
