using TextLens.Corpus;
using TextLens.Reports;
using TextLens.Tests.Analysis;

namespace TextLens.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "textlens-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task<CorpusReport> SampleReport()
    {
        var pipeline = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "words", "mine", "şuşa")).Build();
        var docs = new[]
        {
            Docs.Make("a", "A mine in Şuşa.", "=HYPERLINK(\"x\")", new DateOnly(2023, 9, 19)),
            Docs.Make("b", "Another mine, said \"they\".", "Yerevan Herald", null),
        };
        return await pipeline.AnalyzeAsync(new InMemoryCorpus(docs), new AnalysisOptions { Period = PeriodUnit.Month, MaxDegreeOfParallelism = 1 });
    }

    [Fact]
    public async Task ToJson_FromJson_RoundTripsExactly()
    {
        var report = await SampleReport();
        var json = ReportWriter.ToJson(report);

        var again = ReportWriter.ToJson(ReportWriter.FromJson(json));

        Assert.Equal(json, again);
        Assert.Contains("\"textLensVersion\"", json, StringComparison.Ordinal);
        Assert.Contains("şuşa", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteCsvAsync_FormulaLikeText_IsNeutralisedAndQuoted()
    {
        var report = await SampleReport();

        await ReportWriter.WriteCsvAsync(report, _dir);

        var corpus = await File.ReadAllLinesAsync(Path.Combine(_dir, "corpus.csv"));
        Assert.Equal("group,period,documents,tokens,characters", corpus[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",all,1,4,15", corpus);
        Assert.Equal(["corpus.csv", "document-facets.csv", "errors.csv", "facets.csv", "labels.csv"],
            Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+7", "\"'+7\"")]
    [InlineData("-cmd", "\"'-cmd\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    public void CsvText_AppendText_QuotesAndNeutralises(string text, string expected)
    {
        var sb = new System.Text.StringBuilder();
        CsvText.AppendText(sb, text);
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void CsvText_NegativeNumber_IsWrittenAsANumber()
    {
        var sb = new System.Text.StringBuilder();
        CsvText.AppendCell(sb, ReportValue.Of(-1.5));
        Assert.Equal("-1.5", sb.ToString());
    }

    [Fact]
    public void AtomicFile_DisposedWithoutCommit_LeavesNoFile()
    {
        Directory.CreateDirectory(_dir);
        using (var file = new AtomicFile(Path.Combine(_dir, "out.csv")))
        {
            file.Stream.Write("partial"u8);
        }

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void AtomicFile_Commit_ReplacesTheTargetWhole()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "out.csv");
        File.WriteAllText(path, "old");
        using (var file = new AtomicFile(path))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task AnnotationsWriter_WritesOneLinePerDocumentWithText()
    {
        var pipeline = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "words", "mine")).Build();
        await using (var writer = new AnnotationsWriter(_dir))
        {
            var options = new AnalysisOptions { OnDocument = writer.WriteAsync, MaxDegreeOfParallelism = 2 };
            await pipeline.AnalyzeAsync(new InMemoryCorpus([Docs.Make("a", "A mine."), Docs.Make("b", "No.")]), options);
            await writer.CompleteAsync();
        }

        var lines = await File.ReadAllLinesAsync(Path.Combine(_dir, AnnotationsWriter.FileName));
        Assert.Equal(2, lines.Length);
        Assert.Equal(
            """{"id":"a","group":"unknown","period":"all","tokens":2,"documentFacets":[],"annotations":[{"layer":"words","start":2,"length":4,"text":"mine","category":"m","label":"mine","facets":{"voice":"authorial"}}],"failures":[]}""",
            lines[0]);
    }

    [Fact]
    public async Task AnnotationsWriter_AnalyzerWithoutAnnotationRows_LeavesItsLayerOut()
    {
        var counter = new WordListAnalyzer("test.counter", "counts", "mine") { Descriptor = new("test.counter", 1, "counts") { WritesAnnotationRows = false } };
        var pipeline = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "words", "mine")).AddAnalyzer(counter).Build();
        await using (var writer = new AnnotationsWriter(_dir, pipeline.Analyzers.Select(a => a.Descriptor)))
        {
            var options = new AnalysisOptions { OnDocument = writer.WriteAsync, MaxDegreeOfParallelism = 2 };
            await pipeline.AnalyzeAsync(new InMemoryCorpus([Docs.Make("a", "A mine.")]), options);
            await writer.CompleteAsync();
        }

        var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_dir, AnnotationsWriter.FileName)));
        Assert.Equal(
            """{"id":"a","group":"unknown","period":"all","tokens":2,"documentFacets":[],"annotations":[{"layer":"words","start":2,"length":4,"text":"mine","category":"m","label":"mine","facets":{"voice":"authorial"}}],"failures":[]}""",
            line);
    }

    [Fact]
    public async Task AnnotationsWriter_NotCompleted_LeavesNoFile()
    {
        await using (var writer = new AnnotationsWriter(_dir))
        {
            await writer.WriteAsync(new DocumentResult { Document = Docs.Make("a", "x") });
        }

        Assert.Empty(Directory.GetFiles(_dir));
    }
}
