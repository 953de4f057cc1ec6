using System.Diagnostics;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>Runs the console as a process: <c>dotnet textlens.dll</c> from the test output (the CLI project is referenced).</summary>
internal static class TextLensProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "textlens.dll");

    /// <summary>The repository root: the first folder above the test assembly that holds TextLens.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string SampleCorpus => Path.Combine(RepoRoot, "samples", "corpus");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"TextLens.sln not found above {AppContext.BaseDirectory}.");
    }

    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }
}

/// <summary>A fact that runs only when the shared seed corpus (<c>../shared/seeds</c> beside the repository) exists.</summary>
public sealed class SeedsFactAttribute : FactAttribute
{
    public static string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(TextLensProcess.RepoRoot, "..", "shared", "seeds"));

    public SeedsFactAttribute()
    {
        if (!Directory.Exists(Path))
        {
            Skip = $"The shared seed corpus is not present at {Path}.";
        }
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "textlens-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
