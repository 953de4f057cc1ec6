using System.Text;
using Microsoft.Extensions.Configuration;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Plugins;
using TextLens.Reports;

namespace TextLens.Tests;

public sealed class ManifestReplayTests
{
    private static AnalyzerRegistry Registry() => KeywordAnalyzer.Register(new AnalyzerRegistry());

    /// <summary>Runs the sample corpus with the hedging plugin and a registered analyzer; returns the report JSON.</summary>
    private static async Task<string> OriginalRunAsync()
    {
        using var plugin = TextLensPluginLoader.Load(TestPlugins.Hedging);
        var builder = new TextLensPipelineBuilder();
        Registry().TryGet("keyword", out var keyword);
        keyword!.Configure(builder, new ConfigurationBuilder()
            .AddInMemoryCollection([new("Keyword:Word", "forces")]).Build().GetSection("Keyword"));
        plugin.Configure(builder, new Dictionary<string, string>
        {
            ["CountModalVerbs"] = "false",
            ["ExtraHedges:0"] = "sources say",
            ["Categories:0"] = "hedge",
            ["Categories:1"] = "booster",
        });
        var report = await builder.Build().AnalyzeAsync(SampleCorpus.Create(),
            new AnalysisOptions { GroupBy = "outlet", Period = PeriodUnit.Month, MaxDegreeOfParallelism = 2 });
        return JsonSerializer.Serialize(report, TextLensJsonContext.Default.CorpusReport);
    }

    private static string WithoutRun(string reportJson)
    {
        var node = JsonNode.Parse(reportJson)!;
        Assert.True(node["manifest"]!.AsObject().Remove("run"));
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static ReportManifest Manifest(string json) =>
        TextLensManifestReplay.ReadManifest(new MemoryStream(Encoding.UTF8.GetBytes(json)), "report.json");

    [Fact]
    public async Task Rerunning_from_the_written_manifest_gives_the_same_report_apart_from_run()
    {
        var original = await OriginalRunAsync();
        var path = Path.Combine(Directory.CreateTempSubdirectory("textlens-report-").FullName, "report.json");
        await File.WriteAllTextAsync(path, original);

        var manifest = TextLensManifestReplay.ReadManifest(path);
        using var replay = TextLensManifestReplay.Create(manifest, new ManifestReplayOptions { Registry = Registry() });
        var options = replay.CreateAnalysisOptions();
        options.MaxDegreeOfParallelism = 1;
        var report = await replay.Build().AnalyzeAsync(SampleCorpus.Create(), options);
        var again = JsonSerializer.Serialize(report, TextLensJsonContext.Default.CorpusReport);

        Assert.Empty(replay.Warnings);
        Assert.Equal((PeriodUnit.Month, "outlet"), (options.Period, options.GroupBy));
        Assert.Single(replay.Plugins);
        Assert.Equal(WithoutRun(original), WithoutRun(again));
        Assert.Contains("\"samples.hedging\"", again, StringComparison.Ordinal);
        Assert.Contains("\"sources say\"", again, StringComparison.Ordinal);
        Assert.Contains(report.Labels, l => l is { Layer: "hedging", Category: "hedge", Label: "reportedly", Group: "Caspian Dispatch", Period: "2023-09" });
        Assert.Contains(report.Facets, f => f is { Layer: "hedging", Label: "undeniably", Facet: "voice", Group: "Yerevan Herald", Period: "2023-10" });
        Assert.Contains(report.Labels, l => l is { Layer: "keyword", Label: "forces" });
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".again.json"), again);
    }

    [Fact]
    public async Task Rerunning_the_sample_corpus_from_its_manifest_gives_the_same_report()
    {
        var corpus = typeof(ManifestReplayTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "SampleCorpus").Value!;
        string original;
        using (var plugin = TextLensPluginLoader.Load(TestPlugins.Hedging))
        {
            var builder = new TextLensPipelineBuilder();
            Assert.True(new AnalyzerRegistry().TryGet("framing", out var framing));
            framing.Configure(builder, null);
            plugin.Configure(builder, new Dictionary<string, string> { ["ExtraBoosters:0"] = "there is no doubt" });
            var first = await builder.Build().AnalyzeAsync(Corpus.CorpusSources.Open(corpus), new AnalysisOptions { Period = PeriodUnit.Year });
            Assert.True(first.Manifest.Counts.DocumentsAnalyzed > 30);
            Assert.Contains(first.Labels, l => l.Layer == "hedging");
            Assert.Contains(first.Labels, l => l.Layer == "framing");
            Assert.Equal(["textlens.framing", "samples.hedging"], first.Manifest.Analyzers.Select(a => a.Id));
            original = JsonSerializer.Serialize(first, TextLensJsonContext.Readable.CorpusReport);
        }

        using var replay = TextLensManifestReplay.Create(Manifest(original));
        var again = await replay.Build().AnalyzeAsync(Corpus.CorpusSources.Open(corpus), replay.CreateAnalysisOptions());

        Assert.Equal(WithoutRun(original), WithoutRun(JsonSerializer.Serialize(again, TextLensJsonContext.Readable.CorpusReport)));
    }

    [Fact]
    public async Task A_changed_lexicon_is_named()
    {
        var json = await OriginalRunAsync();
        var node = JsonNode.Parse(json)!;
        var lexicon = node["manifest"]!["analyzers"]![1]!["lexicons"]![0]!;
        var actual = lexicon["sha256"]!.GetValue<string>();
        lexicon["sha256"] = new string('0', 64);

        var ex = Assert.Throws<TextLensConfigurationException>(() =>
            TextLensManifestReplay.Create(Manifest(node.ToJsonString()), new ManifestReplayOptions { Registry = Registry() }));

        Assert.Equal([$"Analyzer 'samples.hedging/1': hedging-lexicon 'hedging-en' loaded from embedded:hedging-en has SHA-256 {actual}, " +
            $"but the manifest records {new string('0', 64)} (version 1.0, from embedded:hedging-en): the lexicon changed since the run."], ex.Faults);
    }

    [Fact]
    public async Task A_different_plugin_file_is_refused()
    {
        var json = await OriginalRunAsync();
        var node = JsonNode.Parse(json)!;
        node["manifest"]!["plugins"]![0]!["sha256"] = new string('a', 64);

        var ex = Assert.Throws<TextLensConfigurationException>(() =>
            TextLensManifestReplay.Create(Manifest(node.ToJsonString()), new ManifestReplayOptions { Registry = Registry() }));

        Assert.Contains(ex.Faults, f => f.StartsWith($"Plugin 'TextLens.Samples.CustomAnalyzer' at {TestPlugins.Hedging} has SHA-256 ", StringComparison.Ordinal)
            && f.Contains($"but the manifest records {new string('a', 64)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plugin_paths_can_be_redirected_and_differing_options_are_listed()
    {
        var json = await OriginalRunAsync();
        var node = JsonNode.Parse(json)!;
        node["manifest"]!["plugins"]![0]!["path"] = "/elsewhere/TextLens.Samples.CustomAnalyzer.dll";
        node["manifest"]!["analyzers"]![1]!["options"]!["CountModalVerbs"] = "true";
        var options = new ManifestReplayOptions { Registry = Registry() };
        options.PluginPaths["TextLens.Samples.CustomAnalyzer"] = TestPlugins.CopyToTemp(TestPlugins.Hedging);

        var ex = Assert.Throws<TextLensConfigurationException>(() => TextLensManifestReplay.Create(Manifest(node.ToJsonString()), options));

        Assert.Equal(["Analyzer 'samples.hedging/1': option 'CountModalVerbs' is 'false' here; the manifest records 'true'."], ex.Faults);
    }

    [Fact]
    public async Task An_analyzer_neither_plugin_nor_registered_is_a_fault()
    {
        var json = await OriginalRunAsync();

        var ex = Assert.Throws<TextLensConfigurationException>(() =>
            TextLensManifestReplay.Create(Manifest(json), new ManifestReplayOptions { Registry = new AnalyzerRegistry(includeBuiltIns: false) }));

        Assert.Equal(["Analyzer 'tests.keyword/1' is not added by any plugin the manifest names and is not in the analyzer registry; " +
            "register it (AnalyzerRegistry.Register) to replay this manifest."], ex.Faults);
    }

    [Fact]
    public async Task A_bare_manifest_reads_like_a_report()
    {
        var json = await OriginalRunAsync();
        var bare = JsonNode.Parse(json)!["manifest"]!.ToJsonString();

        var manifest = Manifest(bare);

        Assert.Equal(["tests.keyword", "samples.hedging"], manifest.Analyzers.Select(a => a.Id));
        Assert.Equal("month", manifest.Period);
    }

    [Fact]
    public void A_file_that_is_not_a_report_is_a_fault()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => Manifest("{ \"manifest\": { \"source\": 3 } }"));
        Assert.StartsWith("'report.json' is not a TextLens report or manifest", ex.Message, StringComparison.Ordinal);
    }
}
