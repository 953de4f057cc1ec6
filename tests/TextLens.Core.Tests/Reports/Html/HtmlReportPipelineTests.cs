using TextLens.Corpus;
using TextLens.Reports.Html;
using TextLens.Tests.Analysis;

namespace TextLens.Tests.Reports.Html;

/// <summary>The HTML report of reports the real pipeline produced, grouped and not.</summary>
public sealed class HtmlReportPipelineTests
{
    private static readonly TextDocument[] Corpus =
    [
        Docs.Make("a", "The separatists left. \"Separatists,\" he said.", "Caspian Dispatch", new DateOnly(2023, 8, 2)),
        Docs.Make("b", "Forces and separatists.", "Yerevan Herald", new DateOnly(2023, 9, 19)),
        Docs.Make("c", "No date, forces only.", "Yerevan Herald", null),
    ];

    private static ReportKwicLine[] Kwic(string group) =>
    [
        new("framing", "s", "separatists", group, "2023-08", "a", 4, 11, "The ", "separatists", " left."),
    ];

    [Fact]
    public async Task Render_GroupedPipelineReport_LinksAndChartsForEveryGroup()
    {
        var pipeline = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "framing", "separatists", "forces")).Build();
        var report = await pipeline.AnalyzeAsync(new InMemoryCorpus(Corpus), new AnalysisOptions { Period = PeriodUnit.Month, MaxDegreeOfParallelism = 1 });

        var dom = new HtmlDom(HtmlReportWriter.Render(report, Kwic("Caspian Dispatch")));

        var rows = dom.ById("framing").Descendants("g").Count(g => ((string?)g.Attribute("class"))?.StartsWith("bar-row", StringComparison.Ordinal) == true);
        Assert.Equal(2 * 3, rows); // concepts "f" and "s", each with all groups + two outlets
        Assert.Equal(2, dom.ById("trends").Descendants("svg").Count());
        Assert.Contains("unknown", dom.ById("corpus").Value, StringComparison.Ordinal);
        var ids = dom.Ids.ToHashSet(StringComparer.Ordinal);
        Assert.All(dom.All("a"), a => Assert.Contains(((string)a.Attribute("href")!)[1..], ids));
        Assert.Equal(2, dom.ById("framing").Descendants("a").Count()); // all groups and Caspian Dispatch have lines
    }

    [Fact]
    public async Task Render_UngroupedReportWithoutPeriods_OneBarPerConceptAndNoTimeSeries()
    {
        var pipeline = new TextLensPipelineBuilder().AddAnalyzer(new WordListAnalyzer("test.words", "framing", "separatists", "forces")).Build();
        var report = await pipeline.AnalyzeAsync(new InMemoryCorpus(Corpus), new AnalysisOptions { GroupBy = null, Period = PeriodUnit.None, MaxDegreeOfParallelism = 1 });

        var dom = new HtmlDom(HtmlReportWriter.Render(report, Kwic("all")));

        var labels = dom.ById("framing").Descendants("text").Where(t => (string?)t.Attribute("class") == "rowlab").Select(t => t.Value).ToList();
        Assert.Equal(["All documents", "All documents"], labels);
        Assert.Empty(dom.ById("trends").Descendants("svg"));
        Assert.Empty(dom.ById("corpus").Descendants("svg"));
        Assert.Single(dom.ById("framing").Descendants("a"));
    }
}
