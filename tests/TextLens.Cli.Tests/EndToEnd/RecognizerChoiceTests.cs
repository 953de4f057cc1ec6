using System.Text.Json;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary><c>--recognizer rules|statistical</c>: which finder of unlisted names runs, recorded in the manifest and replayed by <c>--manifest</c>.</summary>
public sealed class RecognizerChoiceTests
{
    [Fact]
    public async Task Analyze_WithoutRecognizer_RunsTheStatisticalModelAndRecordsIt()
    {
        using var dir = new TempDir();
        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--analyzers", "entities", "--out", dir.File("out"), "--quiet");

        Assert.True(r.ExitCode == 0, r.ToString());
        var entities = EntityAnalyzer(dir.File("out"));
        Assert.Equal("conll2003-perceptron/2", entities.GetProperty("options").GetProperty("recognizer").GetString());
        Assert.Contains(entities.GetProperty("lexicons").EnumerateArray(), l => l.GetProperty("kind").GetString() == "model");
    }

    [Theory]
    [InlineData("rules", "rules/1", false)]
    [InlineData("statistical", "conll2003-perceptron/2", true)]
    public async Task Analyze_ChosenRecognizer_IsRecordedAndReplayedByTheManifest(string choice, string recorded, bool model)
    {
        using var dir = new TempDir();
        var r1 = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--analyzers", "entities", "--recognizer", choice,
            "--out", dir.File("first"), "--quiet");
        Assert.True(r1.ExitCode == 0, r1.ToString());
        var first = EntityAnalyzer(dir.File("first"));
        Assert.Equal(recorded, first.GetProperty("options").GetProperty("recognizer").GetString());
        Assert.Equal(model, first.GetProperty("lexicons").EnumerateArray().Any(l => l.GetProperty("kind").GetString() == "model"));

        // No --recognizer: the manifest names the recognizer, not the console's default.
        var r2 = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--manifest", Path.Combine(dir.File("first"), "report.json"),
            "--out", dir.File("again"), "--quiet");
        Assert.True(r2.ExitCode == 0, r2.ToString());
        Assert.Equal(recorded, EntityAnalyzer(dir.File("again")).GetProperty("options").GetProperty("recognizer").GetString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("first"), "annotations.jsonl")), File.ReadAllBytes(Path.Combine(dir.File("again"), "annotations.jsonl")));
    }

    private static JsonElement EntityAnalyzer(string outDir)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        return report.RootElement.GetProperty("manifest").GetProperty("analyzers").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == "textlens.entities").Clone();
    }
}
