using TextLens.Corpus;
using TextLens.Reports;

namespace TextLens.Tests.Analysis;

/// <summary>The engine's limits and flags: the document budget, duplicate ids, cancellation inside a document, one-line failures.</summary>
public sealed class PipelineLimitsTests
{
    private static TextLensPipeline Pipeline(params IAnalyzer[] extra)
    {
        var builder = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "words", "road"));
        foreach (var a in extra)
        {
            builder.AddAnalyzer(a);
        }

        return builder.Build();
    }

    [Fact]
    public async Task AnalyzeAsync_DocumentOverTheBudget_IsSkippedWithItsLengthAndCounted()
    {
        var docs = new[]
        {
            new TextDocument("short", "the road", origin: new DocumentOrigin("corpus.jsonl", 1)),
            new TextDocument("long", "the road is long", origin: new DocumentOrigin("corpus.jsonl", 2)),
        };

        var report = await Pipeline().AnalyzeAsync(new InMemoryCorpus(docs), new AnalysisOptions { MaxDocumentCharacters = 10, MaxDegreeOfParallelism = 1 });

        Assert.Equal(1, report.Manifest.Counts.DocumentsAnalyzed);
        Assert.Equal(1, report.Manifest.Counts.DocumentsSkipped);
        Assert.Equal(
            new ReportError("read", "corpus.jsonl", 2, null, "long", null,
                "document of 16 characters exceeds the document budget of 10 (MaxDocumentCharacters, console --max-document-chars); not analysed: raise the budget (0 = none) to analyse it whole."),
            Assert.Single(report.Manifest.Errors));
    }

    [Fact]
    public void Analyze_BudgetZero_AnalysesAnyLength()
    {
        var result = Pipeline().Analyze(new TextDocument("long", "the road is long"), new AnalysisOptions { MaxDocumentCharacters = 0 });

        Assert.False(result.Skipped);
        Assert.Single(result.Annotations);
    }

    [Fact]
    public void Validate_NegativeBudget_IsAConfigurationFault()
    {
        var ex = Assert.Throws<TextLensConfigurationException>(() => new AnalysisOptions { MaxDocumentCharacters = -1 }.Validate());

        Assert.Equal(["MaxDocumentCharacters must be 0 (no limit) or positive (was -1)."], ex.Faults);
    }

    [Fact]
    public async Task AnalyzeAsync_RepeatedIds_FlagsEveryLaterDocumentAndAnalysesAll()
    {
        var docs = new[] { Docs.Make("a", "road"), Docs.Make("b", "road"), Docs.Make("a", "road road"), Docs.Make("a", "x") };

        var report = await Pipeline().AnalyzeAsync(new InMemoryCorpus(docs), new AnalysisOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(4, report.Manifest.Counts.DocumentsAnalyzed);
        Assert.Equal(2, report.Manifest.Counts.DocumentsFlagged);
        Assert.Equal(["a", "a"], report.Manifest.Errors.Where(e => e.Kind == "flag").Select(e => e.DocumentId));
        Assert.All(report.Manifest.Errors, e => Assert.Equal(nameof(DocumentIssues.DuplicateId), e.Message));
    }

    [Fact]
    public void Analyze_CancelledByAnAnalyzer_StopsBeforeTheNextAnalyzer()
    {
        using var cts = new CancellationTokenSource();
        var after = new LayerCounter("test.after", "words");

        Assert.Throws<OperationCanceledException>(() =>
            Pipeline(new CancellingAnalyzer(cts), after).Analyze(Docs.Make("d", "road"), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task AnalyzeAsync_MultiLineAnalyzerMessage_IsRecordedOnOneLine()
    {
        var report = await Pipeline(new MultiLineThrowingAnalyzer()).AnalyzeAsync(new InMemoryCorpus([Docs.Make("d", "road")]));

        Assert.Equal("InvalidOperationException: first line / second line / third", Assert.Single(report.Manifest.Errors).Message);
    }

    /// <summary>Cancels the run from inside a document (as a signal would) and records nothing.</summary>
    private sealed class CancellingAnalyzer(CancellationTokenSource cts) : IAnalyzer
    {
        public AnalyzerDescriptor Descriptor { get; } = new("test.cancelling", 1, "cancelling");

        public void Analyze(AnalysisContext context) => cts.Cancel();
    }

    private sealed class MultiLineThrowingAnalyzer : IAnalyzer
    {
        public AnalyzerDescriptor Descriptor { get; } = new("test.multiline", 1, "multiline");

        public void Analyze(AnalysisContext context) => throw new InvalidOperationException("first line\r\n  second line\n\nthird");
    }
}
