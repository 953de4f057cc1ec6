using Microsoft.Playwright;
using TextLens.Reports;
using TextLens.Reports.Html;
using Xunit.Abstractions;

namespace TextLens.Cli.Tests.Browser;

/// <summary>
/// Opens a rendered report in the system Chromium through Playwright: the charts and tables render, the data's
/// script and image payloads stay text (nothing runs, no dialog opens, nothing is fetched), the page's own script
/// still works, and a full-page screenshot is saved to <c>TestResults/report.png</c> in the test output folder.
/// </summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private const string ScriptPayload = "<script>window.__pwned=1;document.title='pwned'</script>";
    private const string ImgPayload = "<img src=x onerror=\"window.__pwned=1;document.title='pwned';alert(1)\">";
    private const float StepTimeout = 20_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Groups = ["Caspian Dispatch", "Yerevan Herald", ImgPayload];
    private static readonly string[] Labels = ["separatists", "ethnic Armenian forces", ScriptPayload];

    [ChromiumFact]
    public async Task Report_OpenedInChromium_RendersChartsAndTablesAndRunsNoInjectedScript()
    {
        var results = Path.Combine(AppContext.BaseDirectory, "TestResults");
        var (report, kwic) = HostileReport();
        var htmlPath = await HtmlReportWriter.WriteAsync(report, kwic, Path.Combine(results, HtmlReportWriter.FileName));

        using var playwright = await Playwright.CreateAsync().WaitAsync(StartTimeout);
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Timeout = StepTimeout,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }).WaitAsync(StartTimeout);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(StepTimeout);
        context.SetDefaultNavigationTimeout(StepTimeout);
        var page = await context.NewPageAsync();

        var dialogs = new List<string>();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };

        var url = new Uri(htmlPath).AbsoluteUri;
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = StepTimeout });

        // Nothing from the data ran.
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === 1"));
        var title = "TextLens report · " + report.Manifest.Source; // the source holds the image payload, as text
        Assert.Equal(title, await page.TitleAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal([url], requests.Distinct());

        // Charts: one 100% bar per group (plus all groups) with the labels in the legend and the segment tooltips.
        var chart = page.Locator("#framing svg.chart").First;
        Assert.Equal(Groups.Length + 1, await chart.Locator("g.bar-row").CountAsync());
        var box = await chart.BoundingBoxAsync(new LocatorBoundingBoxOptions { Timeout = StepTimeout });
        Assert.NotNull(box);
        Assert.True(box.Width > 600 && box.Height > 100, $"chart box {box.Width}x{box.Height}");
        var legend = await page.Locator("#framing ul.legend li").AllInnerTextsAsync();
        Assert.Equal(Labels.Order(StringComparer.Ordinal), legend.Select(l => l.Trim()).Order(StringComparer.Ordinal));
        var tooltips = await chart.Locator("rect.seg > title").AllTextContentsAsync();
        Assert.Contains(tooltips, t => t.Contains(ScriptPayload, StringComparison.Ordinal) && t.StartsWith(ImgPayload, StringComparison.Ordinal));
        Assert.Equal(Labels.Length, await page.Locator("#trends svg.chart polyline").CountAsync());
        Assert.Contains(await chart.Locator("text.rowlab").AllTextContentsAsync(), t => t.Contains("<img src=x", StringComparison.Ordinal));

        // Tables render, with the payloads as visible text.
        Assert.Equal(Groups.Length + 1, await page.Locator("#framing table tbody tr").CountAsync());
        Assert.Contains(ImgPayload, (await page.Locator("#framing table tbody tr th").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.True(await page.Locator("#log-odds td.z").CountAsync() > 0);

        // The page's own script works: following a count link opens its KWIC block.
        Assert.Equal(0, await page.Locator("details.kwic[open]").CountAsync());
        await page.Locator("#framing table a.kw").Last.ClickAsync(new LocatorClickOptions { Timeout = StepTimeout });
        await page.Locator("details.kwic[open]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = StepTimeout });
        var kwicText = await page.Locator("details.kwic[open] table.kwic").First.InnerTextAsync();
        Assert.Contains("pwned", kwicText, StringComparison.Ordinal);

        // Still nothing ran, even with the KWIC text (holding both payloads) on screen.
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === 1"));
        Assert.Equal(title, await page.TitleAsync());
        Assert.Empty(dialogs);
        Assert.Empty(errors);

        var png = Path.Combine(results, "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true, Timeout = StepTimeout });
        Assert.True(new FileInfo(png).Length > 10_000);
        output.WriteLine($"Screenshot: {png}");
        Console.WriteLine($"Screenshot: {png}");
        await context.CloseAsync();
    }

    /// <summary>Two outlets and a hostile one, two periods, one concept with a hostile label, KWIC lines carrying both payloads.</summary>
    private static (CorpusReport Report, List<ReportKwicLine> Kwic) HostileReport()
    {
        string[] periods = ["2023-08", "2023-09"];
        var labels = new List<LabelStatistic>();
        var corpus = new List<CorpusOverviewRow>();
        var kwic = new List<ReportKwicLine>();
        var mentions = new Dictionary<(string Group, string Period, string Label), long>();
        var tokens = new Dictionary<(string Group, string Period), long>();
        for (var g = 0; g < Groups.Length; g++)
        {
            for (var p = 0; p < periods.Length; p++)
            {
                tokens[(Groups[g], periods[p])] = 4_000 + (1_000 * g) + (500 * p);
                for (var l = 0; l < Labels.Length; l++)
                {
                    var n = 2 + ((g + 2) * (l + 1) % 5) + p;
                    mentions[(Groups[g], periods[p], Labels[l])] = n;
                    for (var i = 0; i < n; i++)
                    {
                        kwic.Add(new ReportKwicLine("framing", "armed-groups", Labels[l], Groups[g], periods[p], $"doc-{g}-{p}-{i}", 100 + i, Labels[l].Length,
                            "officials said " + ScriptPayload + " that the ", Labels[l], " withdrew " + ImgPayload));
                    }
                }
            }
        }

        IEnumerable<(string Group, string Period)> Keys(string group, string period) => [(group, period), (group, "all"), ("all", period), ("all", "all")];
        var rolledMentions = new Dictionary<(string Group, string Period, string Label), long>();
        foreach (var ((group, period, label), n) in mentions)
        {
            foreach (var (g, p) in Keys(group, period))
            {
                rolledMentions[(g, p, label)] = rolledMentions.GetValueOrDefault((g, p, label)) + n;
            }
        }

        var rolledTokens = new Dictionary<(string Group, string Period), long>();
        foreach (var ((group, period), n) in tokens)
        {
            foreach (var key in Keys(group, period))
            {
                rolledTokens[key] = rolledTokens.GetValueOrDefault(key) + n;
            }
        }

        foreach (var ((group, period), n) in rolledTokens.OrderBy(k => k.Key.Group, StringComparer.Ordinal).ThenBy(k => k.Key.Period, StringComparer.Ordinal))
        {
            corpus.Add(new CorpusOverviewRow(group, period, n / 500, n, n * 6));
            var total = Labels.Sum(l => rolledMentions[(group, period, l)]);
            labels.AddRange(Labels.Select(l => new LabelStatistic(group, period, "framing", "armed-groups", l, rolledMentions[(group, period, l)],
                rolledMentions[(group, period, l)], rolledMentions[(group, period, l)] * 10_000.0 / n, (double)rolledMentions[(group, period, l)] / total)));
        }

        var report = new CorpusReport
        {
            Manifest = new ReportManifest
            {
                TextLensVersion = "0.1.0",
                Source = "corpus/" + ImgPayload + ".jsonl",
                GroupBy = "outlet",
                Period = "month",
                Counts = new CorpusCounts(34, 33, 1, 0, 0, 200_000, 33_000),
                Errors = [new ReportError("read", "corpus.jsonl", 7, 7, ScriptPayload, null, "Unexpected character " + ImgPayload)],
            },
            Corpus = corpus,
            Labels = labels,
            Tables =
            [
                new ReportTable("framing-log-odds", "Weighted log-odds " + ScriptPayload, ["group", "category", "label", "z"],
                    Groups.SelectMany(g => Labels.Select((l, i) => (IReadOnlyList<ReportValue>)[g, "armed-groups", l, (i - 1) * 2.5])).ToList()),
            ],
        };
        return (report, kwic);
    }
}
