using TextLens.Corpus;
using TextLens.Plugins;

namespace TextLens.Tests;

public sealed class ErrorPolicyTests
{
    private static InMemoryCorpus Corpus() => new(
    [
        new TextDocument("a", "Calm day in the city.", new DocumentMetadata { Outlet = "X" }),
        new TextDocument("b", "A boom was heard near the border.", new DocumentMetadata { Outlet = "X" }),
        new TextDocument("c", "Talks reportedly resumed.", new DocumentMetadata { Outlet = "Y" }),
    ]);

    [Fact]
    public async Task A_plugin_analyzer_that_throws_fails_only_that_document_and_the_report_says_so()
    {
        using var faulty = TextLensPluginLoader.Load(TestPlugins.Faulty);
        using var hedging = TextLensPluginLoader.Load(TestPlugins.Hedging);
        var builder = new TextLensPipelineBuilder();
        faulty.Configure(builder);
        hedging.Configure(builder);

        var report = await builder.Build().AnalyzeAsync(Corpus(), new AnalysisOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(3, report.Manifest.Counts.DocumentsAnalyzed);
        Assert.Equal(1, report.Manifest.Counts.DocumentsFailed);
        var error = Assert.Single(report.Manifest.Errors);
        Assert.Equal(("analyzer", "b", "tests.faulty/1"), (error.Kind, error.DocumentId, error.Analyzer));
        Assert.Equal("InvalidOperationException: boom in b", error.Message);
        var all = report.Labels.Where(l => l.Group == "all" && l.Period == "all").ToList();
        Assert.Equal(2, all.Single(l => l.Layer == "faulty").Mentions);
        Assert.Equal(1, all.Single(l => l.Layer == "hedging").Mentions);
    }

    [Fact]
    public async Task Under_the_throw_policy_the_run_stops()
    {
        using var faulty = TextLensPluginLoader.Load(TestPlugins.Faulty);
        var builder = new TextLensPipelineBuilder();
        faulty.Configure(builder);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            builder.Build().AnalyzeAsync(Corpus(), new AnalysisOptions { ErrorPolicy = ErrorPolicy.Throw, MaxDegreeOfParallelism = 1 }));
        Assert.Equal("boom in b", ex.Message);
    }
}
