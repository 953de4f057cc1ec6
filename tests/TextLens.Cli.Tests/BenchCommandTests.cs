using System.Text.Json;
using TextLens.Cli;

namespace TextLens.Cli.Tests;

/// <summary>
/// <c>textlens bench --json</c> in process over the repository's sample corpus: the structure and consistency of the
/// figures, never their speed (the machine running the tests is shared and its speed unknown).
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_SampleCorpusAsJson_ReportsParseThenEachAnalyzerWithPositiveRates()
    {
        var corpus = Path.Combine(RepositoryRoot(), "samples", "corpus");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await TextLensCli.RunAsync(["bench", corpus, "--rounds", "1", "--warmup", "0", "--json"], output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {error}");
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(37, root.GetProperty("documents").GetInt32());
        Assert.True(root.GetProperty("characters").GetInt64() > 0);
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("threads").GetInt32());
        Assert.Equal(0, root.GetProperty("warmupRounds").GetInt32());
        Assert.Equal(1, root.GetProperty("rounds").GetInt32());

        // The default pipeline of the console: every built-in analyzer but the opt-in ones, in registration order.
        var builder = new TextLensPipelineBuilder();
        foreach (var registration in new AnalyzerRegistry().Defaults)
        {
            registration.Configure(builder, null);
        }

        var expectedSteps = new[] { "parse" }.Concat(builder.Build().Analyzers.Select(a => a.Descriptor.VersionedId)).ToArray();
        var steps = root.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(expectedSteps, steps.Select(s => s.GetProperty("step").GetString()).ToArray());
        foreach (var step in steps)
        {
            var name = step.GetProperty("step").GetString();
            Assert.True(step.GetProperty("medianSeconds").GetDouble() > 0, $"{name}: medianSeconds");
            Assert.True(step.GetProperty("medianCharsPerSecond").GetDouble() > 0, $"{name}: medianCharsPerSecond");
            Assert.True(step.GetProperty("minCharsPerSecond").GetDouble() > 0, $"{name}: minCharsPerSecond");
            Assert.True(step.GetProperty("minCharsPerSecond").GetDouble() <= step.GetProperty("maxCharsPerSecond").GetDouble(), $"{name}: min <= max");
            Assert.True(step.GetProperty("medianAllocatedBytes").GetInt64() >= 0, $"{name}: medianAllocatedBytes");
        }

        Assert.True(root.GetProperty("medianWallSeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("medianCharsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("minCharsPerSecond").GetDouble() > 0);
        var share = root.GetProperty("stepsShareOfWall").GetDouble();
        Assert.True(share is > 0 and <= 1.5, $"stepsShareOfWall {share} outside (0, 1.5]");
        Assert.True(root.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TextLens.sln not found above " + AppContext.BaseDirectory);
    }
}
