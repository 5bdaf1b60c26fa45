using System.Text.Json;
using Marsad.Cli;

namespace Marsad.Tests;

/// <summary>Runs the command line in-process and captures its streams.</summary>
internal sealed record CliRun(int Exit, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args) => With(TextReader.Null, args);

    public static CliRun With(TextReader stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = MarsadCommandLine.Run(args, stdin, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public List<JsonDocument> Documents => [.. StdoutLines.Select(l => JsonDocument.Parse(l))];

    public static string SamplesFolder => Path.Combine(Marsad.Testing.SharedMaterial.RepositoryRoot, "samples");
}
