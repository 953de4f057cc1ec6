namespace TextLens.Tests.Analysis;

public class TextLensPipelineBuilderTests
{
    [Fact]
    public void Build_RequiredLayerMissing_ThrowsNamingAnalyzerAndLayer()
    {
        var builder = new TextLensPipelineBuilder().AddAnalyzer(new LayerCounter("test.counter", "words"));

        var ex = Assert.Throws<TextLensConfigurationException>(() => builder.Build());

        Assert.Equal(["Analyzer 'test.counter/1' requires layer 'words', which no analyzer in the pipeline produces."], ex.Faults);
    }

    [Fact]
    public void Build_DuplicateIdsAndMissingLayer_ListsEveryFault()
    {
        var builder = new TextLensPipelineBuilder()
            .AddAnalyzer(new WordListAnalyzer("test.words", "words", "a"))
            .AddAnalyzer(new WordListAnalyzer("test.words", "words", "b"))
            .AddAnalyzer(new LayerCounter("test.counter", "missing"));

        var ex = Assert.Throws<TextLensConfigurationException>(() => builder.Build());

        Assert.Equal(2, ex.Faults.Count);
        Assert.Contains("Analyzer 'test.words' is added more than once.", ex.Faults);
        Assert.Contains("Analyzer 'test.counter/1' requires layer 'missing', which no analyzer in the pipeline produces.", ex.Faults);
    }

    [Fact]
    public void Build_DependentAddedFirst_RunsAfterItsDependency()
    {
        var pipeline = new TextLensPipelineBuilder()
            .AddAnalyzer(new LayerCounter("test.counter", "words"))
            .AddAnalyzer(new WordListAnalyzer("test.words", "words", "mine"))
            .Build();

        Assert.Equal(["test.words/1", "test.counter/1"], pipeline.Analyzers.Select(a => a.Descriptor.VersionedId));
        var result = pipeline.Analyze(Docs.Make("d", "A mine and a mine."));
        Assert.Equal("2", result.Annotations.Single(a => a.Layer == "counts").Label);
    }

    [Fact]
    public void Build_ContributorsAddedInAnyOrder_ContributeInRunOrder()
    {
        TableContributor Words() => new("test.words", "words");
        TableContributor Counts() => new("test.counts", "counts", "words");

        var dependentFirst = new TextLensPipelineBuilder().AddAnalyzer(Counts()).AddAnalyzer(Words()).Build();
        var dependencyFirst = new TextLensPipelineBuilder().AddAnalyzer(Words()).AddAnalyzer(Counts()).Build();

        string[] expected = ["test.words", "test.counts"];
        Assert.Equal(expected, dependentFirst.ReportContributors.Select(c => ((IAnalyzer)c).Descriptor.Id));
        Assert.Equal(expected, dependencyFirst.ReportContributors.Select(c => ((IAnalyzer)c).Descriptor.Id));
    }

    [Fact]
    public void Build_OptionalLayerCycle_Throws()
    {
        var a = new WordListAnalyzer("test.a", "a", "x") { Descriptor = new AnalyzerDescriptor("test.a", 1, "a") { OptionalLayers = ["b"] } };
        var b = new WordListAnalyzer("test.b", "b", "x") { Descriptor = new AnalyzerDescriptor("test.b", 1, "b") { OptionalLayers = ["a"] } };

        var ex = Assert.Throws<TextLensConfigurationException>(() => new TextLensPipelineBuilder().AddAnalyzer(a).AddAnalyzer(b).Build());

        Assert.Equal(["Analyzers depend on each other's layers in a cycle: test.a/1, test.b/1."], ex.Faults);
    }

    [Theory]
    [InlineData("Bad")]
    [InlineData("a..b")]
    [InlineData("")]
    [InlineData("1abc")]
    public void AnalyzerDescriptor_InvalidId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => new AnalyzerDescriptor(id, 1, "layer"));

    [Fact]
    public void AnalyzerDescriptor_VersionedId_JoinsIdAndVersion() =>
        Assert.Equal("acme.hedging/3", new AnalyzerDescriptor("acme.hedging", 3, "hedging").VersionedId);
}
