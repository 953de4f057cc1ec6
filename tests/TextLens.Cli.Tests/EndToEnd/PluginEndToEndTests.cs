using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>
/// The sample hedging plugin (<c>samples/TextLens.Samples.CustomAnalyzer</c>) loaded by the console from its own build
/// output with <c>--plugin</c>, and a run reproduced from the report it wrote with <c>--manifest</c>.
/// </summary>
public sealed class PluginEndToEndTests
{
    private static string HedgingPlugin { get; } = typeof(PluginEndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Plugin:Hedging").Value!;

    [Fact]
    public async Task Analyze_WithHedgingPlugin_AddsItsLayerToReportCsvAndAnnotations()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--plugin", HedgingPlugin, "--out", outDir, "--quiet");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var manifest = report.RootElement.GetProperty("manifest");
        Assert.Contains("samples.hedging", manifest.GetProperty("analyzers").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var plugin = Assert.Single(manifest.GetProperty("plugins").EnumerateArray());
        Assert.Equal("TextLens.Samples.CustomAnalyzer", plugin.GetProperty("name").GetString());
        Assert.Equal(Path.GetFullPath(HedgingPlugin), plugin.GetProperty("path").GetString());
        Assert.Matches("^[0-9a-f]{64}$", plugin.GetProperty("sha256").GetString());

        // "reportedly" occurs in four documents of the sample corpus, once each (grep -oiw reportedly samples/corpus/*/*).
        Assert.Contains(File.ReadAllLines(Path.Combine(outDir, "labels.csv")),
            l => l.StartsWith("all,all,hedging,hedge,reportedly,4,4,", StringComparison.Ordinal));
        var hedges = File.ReadLines(Path.Combine(outDir, "annotations.jsonl"))
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("annotations").EnumerateArray())
            .Where(a => a.GetProperty("layer").GetString() == "hedging" && a.GetProperty("label").GetString() == "reportedly")
            .ToList();
        Assert.Equal(4, hedges.Count);
    }

    [Fact]
    public async Task Analyze_FromWrittenManifest_ReproducesTheReportApartFromRunAndEveryCsvByteForByte()
    {
        using var dir = new TempDir();
        var first = dir.File("first");
        var again = dir.File("again");
        var r1 = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--plugin", HedgingPlugin,
            "--group-by", "outlet", "--period", "month", "--out", first, "--quiet");
        Assert.True(r1.ExitCode == 0, r1.ToString());

        // No --plugin, --group-by or --period: the manifest names them.
        var r2 = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--manifest", Path.Combine(first, "report.json"),
            "--out", again, "--quiet");

        Assert.True(r2.ExitCode == 0, r2.ToString());
        Assert.Equal(WithoutRun(Path.Combine(first, "report.json")), WithoutRun(Path.Combine(again, "report.json")));
        Assert.Contains("\"samples.hedging\"", File.ReadAllText(Path.Combine(again, "report.json")), StringComparison.Ordinal);
        var files = Directory.GetFiles(first).Select(Path.GetFileName).Where(f => f != "report.json" && f != "report.html").Order().ToList();
        Assert.Equal(files, Directory.GetFiles(again).Select(Path.GetFileName).Where(f => f != "report.json" && f != "report.html").Order());
        Assert.Contains("annotations.jsonl", files);
        Assert.Contains("labels.csv", files);
        foreach (var f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, f!))), f + " differs");
        }
    }

    [Fact]
    public async Task Analyze_PluginThatIsNotAPlugin_ExitsTwoNamingTheAssembly()
    {
        using var dir = new TempDir();
        var notAPlugin = typeof(PluginEndToEndTests).Assembly.Location;

        var r = await TextLensProcess.RunAsync(dir.Path, "analyze", TextLensProcess.SampleCorpus, "--plugin", notAPlugin, "--out", dir.File("out"), "--quiet");

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.StderrLines);
        Assert.StartsWith($"textlens: Plugin 'TextLens.Cli.Tests' ({notAPlugin}) is not a TextLens plugin:", line, StringComparison.Ordinal);
        Assert.Contains("[assembly: TextLensPlugin(typeof(...))]", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFileSystemEntries(dir.File("out")).Any());
    }

    /// <summary>report.json without <c>manifest.run</c> (start time, elapsed time, timings, workers), re-serialised.</summary>
    private static string WithoutRun(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.True(node["manifest"]!.AsObject().Remove("run"));
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
