using System.Diagnostics;
using System.Text.Json;
using Marsad.Testing;

namespace Marsad.Tests;

/// <summary>Runs the real <c>./marsad</c> wrapper (it builds the program in Release when needed).</summary>
public sealed class WrapperTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("marsad-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static (int Exit, string Stdout, string Stderr) RunWrapper(string? home, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(SharedMaterial.RepositoryRoot, "marsad"))
        {
            WorkingDirectory = SharedMaterial.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (home is not null)
        {
            psi.Environment["MARSAD_HOME"] = home;
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = stderrTask.GetAwaiter().GetResult();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("./marsad did not finish");
        }

        return (p.ExitCode, stdout, stderr);
    }

    [Fact]
    public void Wrapper_FirstBuild_StdoutCarriesOnlyJsonLines()
    {
        // A fresh MARSAD_HOME forces the wrapper's build step: its output must not reach stdout.
        var (exit, stdout, stderr) = RunWrapper(_home, "extract", "samples/");
        exit.ShouldBe(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(11);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            doc.RootElement.TryGetProperty("id", out _).ShouldBeTrue();
        }

        // The second run does not build again and prints the same.
        var again = RunWrapper(_home, "extract", "samples/");
        again.Stderr.ShouldBeEmpty();
        again.Stdout.ShouldBe(stdout);
    }

    [Fact]
    public void Wrapper_UnknownOption_ExitTwo()
    {
        var (exit, stdout, stderr) = RunWrapper(null, "extract", "--bogus", "samples/");
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("--bogus");
    }
}
