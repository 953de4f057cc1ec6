using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TextLens.Reports;
using TextLens.Reports.Html;

namespace TextLens.Tests.Reports.Html;

public sealed class HtmlReportWriterTests
{
    private static readonly string[] Sections = ["manifest", "corpus", "framing", "trends", "log-odds", "entities", "attribution", "tables", "kwic"];

    private static string RenderRich(bool hostile = false, HtmlReportOptions? options = null)
    {
        var (report, kwic) = SampleReports.Rich(hostile);
        return HtmlReportWriter.Render(report, kwic, options);
    }

    [Fact]
    public void Render_HostileLabelGroupAndKwic_NoMarkupFromDataSurvives()
    {
        var html = RenderRich(hostile: true);

        Assert.DoesNotContain(SampleReports.ScriptPayload, html, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleReports.ImgPayload, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("&lt;script&gt;window.__pwned=1;document.title=&#39;pwned&#39;&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;", html, StringComparison.Ordinal);

        var dom = new HtmlDom(html);
        Assert.Empty(dom.All("img"));
        Assert.Single(dom.All("script"));
        Assert.DoesNotContain(dom.Document.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Render_HostileText_ReachesTextNodesAndAttributesAsPlainText()
    {
        var dom = new HtmlDom(RenderRich(hostile: true));

        // The payloads are still readable, as text: in KWIC cells, legend entries, chart tooltips, aria labels.
        Assert.Contains(dom.All("td"), td => td.Value.Contains(SampleReports.ScriptPayload, StringComparison.Ordinal));
        Assert.Contains(dom.WithClass("ul", "legend").Descendants("li"), li => li.Value == SampleReports.ScriptPayload);
        Assert.Contains(dom.All("title"), t => t.Value.Contains(SampleReports.ImgPayload, StringComparison.Ordinal));
        Assert.Contains(dom.ById("framing").Descendants("th"), th => th.Value == SampleReports.ImgPayload);
        Assert.Contains(dom.ById("framing").Descendants("text"), t => t.Value.StartsWith("<img src=x", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HostileText_NothingInsideStyleOrScriptComesFromData()
    {
        var dom = new HtmlDom(RenderRich(hostile: true));

        Assert.Equal(HtmlReportStyleText(), dom.All("style").Single().Value);
        Assert.DoesNotContain("pwned", dom.All("script").Single().Value, StringComparison.Ordinal);
        Assert.DoesNotContain(dom.Document.Descendants().Attributes("style"), a => a.Value.Contains("pwned", StringComparison.Ordinal));
    }

    private static string HtmlReportStyleText() => ReportStyle.Css;

    [Fact]
    public void Render_ContentSecurityPolicy_ForbidsNetworkAndAdmitsOnlyTheOwnScriptByHash()
    {
        var dom = new HtmlDom(RenderRich());

        var csp = (string)dom.All("meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content")!;
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-", csp, StringComparison.Ordinal);
        var script = dom.All("script").Single().Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src 'sha256-{hash}';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Replace("style-src 'unsafe-inline'; img", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(dom.Document.Descendants().Attributes("src"));
        Assert.DoesNotContain(dom.Document.Descendants().Attributes("href"), a => !a.Value.StartsWith('#'));
    }

    [Fact]
    public void Render_RichReport_HasEverySectionWithHeadingAndNavLink()
    {
        var dom = new HtmlDom(RenderRich());

        var navTargets = dom.WithClass("nav", "toc").Single().Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();
        foreach (var id in Sections)
        {
            var section = dom.ById(id);
            Assert.Equal("section", section.Name.LocalName);
            Assert.Equal("h2", section.Elements().First().Name.LocalName);
            Assert.Contains("#" + id, navTargets);
        }

        Assert.Contains("layers", dom.Ids); // the sample has a plugin layer, "hedging"
    }

    [Fact]
    public void Render_RichReport_IdsAreUniqueSlugs()
    {
        var ids = new HtmlDom(RenderRich(hostile: true)).Ids;

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9-]+$", id));
    }

    [Fact]
    public void Render_RichReport_EveryLinkTargetExists()
    {
        var dom = new HtmlDom(RenderRich(hostile: true));
        var ids = dom.Ids.ToHashSet(StringComparer.Ordinal);

        var links = dom.All("a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.True(links.Count > 100, $"{links.Count} links");
        Assert.All(links, href => Assert.Contains(href[1..], ids));
    }

    [Fact]
    public void Render_RichReport_OneStackedBarPerGroupPerConcept()
    {
        var (report, _) = SampleReports.Rich();
        var dom = new HtmlDom(HtmlReportWriter.Render(report, []));
        var framing = dom.ById("framing");
        var concepts = report.Labels.Where(l => l.Layer == "framing").Select(l => l.Category).Distinct().Count();

        var charts = framing.Descendants("svg").ToList();
        Assert.Equal(concepts, charts.Count);
        foreach (var chart in charts)
        {
            var rows = chart.Descendants("g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("bar-row", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(SampleReports.Outlets.Length + 1, rows.Count);
            Assert.Equal(["All groups", .. SampleReports.Outlets], rows.Select(r => r.Elements("text").First().Value));
            Assert.Equal("img", (string?)chart.Attribute("role"));
            Assert.False(string.IsNullOrEmpty((string?)chart.Attribute("aria-label")));
        }
    }

    [Fact]
    public void Render_RichReport_SegmentSharesOfEachBarSumToOne()
    {
        var dom = new HtmlDom(RenderRich());
        var chart = dom.ById("framing").Descendants("svg").First();

        foreach (var row in chart.Descendants("g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("bar-row", StringComparison.Ordinal) == true))
        {
            var widths = row.Elements("rect").Select(r => double.Parse((string)r.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var first = row.Elements("rect").First();
            var plot = widths.Sum();
            Assert.InRange(plot, 1, 1040);
            Assert.All(row.Elements("rect"), r => Assert.NotNull(r.Element("title")));
        }
    }

    [Fact]
    public void Render_RichReport_LegendListsLabelsByMentionsAndKeepsColoursAcrossCharts()
    {
        var (report, kwic) = SampleReports.Rich();
        var dom = new HtmlDom(HtmlReportWriter.Render(report, kwic));
        var expected = report.Labels.Where(l => l.Layer == "framing" && l.Category == "armed-groups" && l.Group == "all" && l.Period == "all")
            .OrderByDescending(l => l.Mentions).ThenBy(l => l.Label, StringComparer.Ordinal).Select(l => l.Label).ToList();

        var shareLegend = Legend(dom, "framing", 0);
        var trendLegend = Legend(dom, "trends", 0);

        Assert.Equal(expected, shareLegend.Select(x => x.Label));
        Assert.Equal(shareLegend, trendLegend);
        Assert.Equal(shareLegend.Count, shareLegend.Select(x => x.Color).Distinct().Count());
    }

    [Fact]
    public void Render_ConceptWithMoreLabelsThanColours_FoldsTheRestIntoOther()
    {
        var dom = new HtmlDom(RenderRich());

        var legend = Legend(dom, "framing", 1); // displacement has nine labels
        Assert.Equal(8, legend.Count);
        Assert.Equal("other labels", legend[^1].Label);
    }

    private static List<(string Label, string Color)> Legend(HtmlDom dom, string section, int index) =>
        dom.ById(section).Descendants("ul").Where(u => ((string?)u.Attribute("class"))?.StartsWith("legend", StringComparison.Ordinal) == true)
            .ElementAt(index).Elements("li")
            .Select(li => (li.Value, ((string)li.Element("span")!.Attribute("style")!).Replace("background-color:", "", StringComparison.Ordinal)))
            .ToList();

    [Fact]
    public void Render_CountLinkForGroup_PointsToThatGroupsLinesOfThatLabel()
    {
        var dom = new HtmlDom(RenderRich());
        var table = dom.ById("framing").Descendants("table").First();
        var labels = table.Element("thead")!.Descendants("th").Select(th => th.Value).ToList();

        var row = table.Element("tbody")!.Elements("tr").Single(tr => tr.Elements("th").First().Value == "Caspian Dispatch");
        var cells = row.Elements().ToList();
        var checkedLinks = 0;
        for (var i = 1; i < cells.Count - 1; i++)
        {
            if (cells[i].Element("a") is not { } link)
            {
                continue;
            }

            var target = dom.ById(((string)link.Attribute("href")!)[1..]);
            Assert.Equal("tbody", target.Name.LocalName);
            Assert.StartsWith("Caspian Dispatch", target.Element("tr")!.Value, StringComparison.Ordinal);
            var details = target.Ancestors("details").Single();
            Assert.Equal(labels[i], details.Element("summary")!.Element("strong")!.Value);
            var shown = target.Elements("tr").Count(tr => tr.Attribute("class") is null);
            var more = target.Elements("tr").Where(tr => (string?)tr.Attribute("class") == "more").Select(tr => int.Parse(tr.Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).SingleOrDefault();
            Assert.Equal(long.Parse(link.Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), shown + more);
            checkedLinks++;
        }

        Assert.True(checkedLinks >= 3);
    }

    [Fact]
    public void Render_AllGroupsCount_LinksToTheLabelsBlock()
    {
        var dom = new HtmlDom(RenderRich());
        var row = dom.ById("framing").Descendants("table").First().Element("tbody")!.Elements("tr").First();

        var link = row.Descendants("a").First();
        Assert.Equal("details", dom.ById(((string)link.Attribute("href")!)[1..]).Name.LocalName);
    }

    [Fact]
    public void Render_KwicCap_ShowsAtMostTheCapPerLabelAndCountsTheRest()
    {
        var dom = new HtmlDom(RenderRich(options: new HtmlReportOptions { MaxKwicLinesPerLabel = 5 }));

        var blocks = dom.WithClass("details", "kwic").ToList();
        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            var lines = block.Descendants("tbody").SelectMany(b => b.Elements("tr")).Count(tr => tr.Attribute("class") is null);
            Assert.InRange(lines, 1, 5);
        }

        Assert.Contains(dom.WithClass("tr", "more"), tr => Regex.IsMatch(tr.Value, @"^\d[\d,]* more in annotations\.jsonl$"));
    }

    [Fact]
    public void Render_KwicForLabelNoCountShows_LeftOutAndCounted()
    {
        var (report, _) = SampleReports.Rich();
        var shown = new ReportKwicLine("framing", "armed-groups", "separatists", "Moscow Wire", "2023-09", "mw-17", 120, 11, "the so-called ", "separatists", " withdrew");
        var unshown = new ReportKwicLine("entity", "PERSON", "Nobody In Any Table", "Moscow Wire", "2023-09", "mw-17", 300, 19, "said ", "Nobody In Any Table", " today");

        var dom = new HtmlDom(HtmlReportWriter.Render(report, [shown, unshown]));

        var kwic = dom.ById("kwic");
        Assert.Single(dom.WithClass("details", "kwic"));
        Assert.Contains("separatists", kwic.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody In Any Table", kwic.Value, StringComparison.Ordinal);
        Assert.Contains("1 label that no count on this page shows is left out here; their lines are in kwic.jsonl and annotations.jsonl.", kwic.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KwicLine_LeftContextMatchAndRightContextInOrder()
    {
        var (report, _) = SampleReports.Rich();
        var line = new ReportKwicLine("framing", "armed-groups", "separatists", "Moscow Wire", "2023-09", "mw-17", 120, 11, "the so-called ", "separatists", " withdrew");
        var dom = new HtmlDom(HtmlReportWriter.Render(report, [line]));

        var row = dom.ById("kwic").Descendants("tbody").Single().Elements("tr").Last();
        var cells = row.Elements("td").ToList();
        Assert.Equal(["mw-17 2023-09", "Moscow Wire", "the so-called ", "separatists", " withdrew"], cells.Select(c => c.Value));
        Assert.Equal("match", (string?)cells[3].Attribute("class"));
    }

    [Fact]
    public void Render_SameInput_IsByteIdenticalWhateverTheKwicOrder()
    {
        var (report, kwic) = SampleReports.Rich(hostile: true);
        var shuffled = kwic.OrderBy(l => l.GetHashCode()).Reverse().ToList();

        var a = HtmlReportWriter.Render(report, kwic);
        var b = HtmlReportWriter.Render(report, shuffled);
        var c = HtmlReportWriter.Render(ReportWriter.FromJson(ReportWriter.ToJson(report)), kwic);

        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Render_EmptyReport_RendersEverySectionWithAnEmptyState()
    {
        var html = HtmlReportWriter.Render(SampleReports.Empty(), []);
        var dom = new HtmlDom(html);

        foreach (var id in Sections)
        {
            Assert.Equal("section", dom.ById(id).Name.LocalName);
        }

        Assert.Contains("No document was analysed.", html, StringComparison.Ordinal);
        Assert.Empty(dom.All("svg"));
        Assert.DoesNotContain(dom.Ids, id => id == "layers");
    }

    [Fact]
    public void Render_SinglePeriod_HasNoTimeSeriesAndSaysWhy()
    {
        var (report, kwic) = SampleReports.Rich();
        var onePeriod = new CorpusReport
        {
            Manifest = report.Manifest,
            Corpus = report.Corpus.Where(r => r.Period is "all" or "2023-09").ToList(),
            Labels = report.Labels.Where(r => r.Period is "all" or "2023-09").ToList(),
        };

        var dom = new HtmlDom(HtmlReportWriter.Render(onePeriod, kwic));

        Assert.Empty(dom.ById("trends").Descendants("svg"));
        Assert.Contains("at least two dated periods", dom.ById("trends").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RichReport_TimeSeriesPerConceptWithDatedPeriodsOnly()
    {
        var dom = new HtmlDom(RenderRich());
        var trends = dom.ById("trends");

        var charts = trends.Descendants("svg").ToList();
        Assert.Equal(3, charts.Count);
        var axis = charts[0].Descendants("g").First(g => (string?)g.Attribute("class") == "axis").Elements("text").Select(t => t.Value).ToList();
        Assert.Equal("2023-01", axis[0]);
        Assert.DoesNotContain("unknown", axis);
        Assert.Contains("not plotted", trends.Value, StringComparison.Ordinal);
        Assert.All(charts[0].Descendants("polyline"), p => Assert.Equal(12, ((string)p.Attribute("points")!).Split(' ').Length));
    }

    [Fact]
    public void Render_LogOddsTable_ColoursZScoresAndMarksSignificanceInText()
    {
        var dom = new HtmlDom(RenderRich(options: new HtmlReportOptions { MaxTableRows = 20 }));
        var section = dom.ById("log-odds");

        var zCells = section.Descendants("td").Where(td => (string?)td.Attribute("class") == "num z").ToList();
        Assert.NotEmpty(zCells);
        Assert.Contains(zCells, td => td.Value.StartsWith("▲ +", StringComparison.Ordinal) && ((string)td.Attribute("style")!).Contains("230,159,0", StringComparison.Ordinal));
        Assert.Contains(zCells, td => td.Value.StartsWith("▼ −", StringComparison.Ordinal) && ((string)td.Attribute("style")!).Contains("0,114,178", StringComparison.Ordinal));
        Assert.Contains("Showing the first 20 of", section.Value, StringComparison.Ordinal);
        Assert.Contains(section.Descendants("a"), a => (string?)a.Attribute("class") == "kw");
        Assert.Contains(dom.All("table"), t => (string?)t.Attribute("class") == "sortable data");
    }

    [Fact]
    public void Render_OtherTables_RenderedGenericallyWithDescription()
    {
        var dom = new HtmlDom(RenderRich());
        var section = dom.ById("tables");

        Assert.Equal("entity-cooccurrence", section.Descendants("h3").Single().Value);
        Assert.Contains("pointwise mutual information", section.Value, StringComparison.Ordinal);
        Assert.Equal(3, section.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Contains(section.Descendants("td"), td => td.Value == "1.235" && (string?)td.Attribute("title") == "1.234567");
    }

    [Fact]
    public void Render_Entities_ShowNameFacetTypeAndTopNPerGroup()
    {
        var dom = new HtmlDom(RenderRich());
        var section = dom.ById("entities");

        var panels = section.Descendants("div").Where(d => (string?)d.Attribute("class") == "panel").ToList();
        Assert.Equal(SampleReports.Outlets.Length + 1, panels.Count);
        Assert.All(panels, p => Assert.InRange(p.Descendants("tbody").Single().Elements("tr").Count(), 1, 15));
        Assert.Contains(section.Descendants("td"), td => td.Value.StartsWith("International Committee of the Red Cross", StringComparison.Ordinal));
        Assert.Contains(section.Descendants("span"), s => (string?)s.Attribute("class") == "tag" && s.Value == "GPE");
    }

    [Fact]
    public void Render_Attribution_SourceTypeBarsAndFacetShareTables()
    {
        var dom = new HtmlDom(RenderRich());
        var section = dom.ById("attribution");

        Assert.Single(section.Descendants("svg"));
        var headings = section.Descendants("h3").Select(h => h.Value).ToList();
        Assert.Contains("Stance of the reporting cue (cueStance)", headings);
        Assert.Contains("Quotation mode (mode)", headings);
        var stance = section.Descendants("table").ElementAt(0);
        var heads = stance.Element("thead")!.Descendants("th").Select(th => th.Value).ToList();
        Assert.Equal(["Outlet", "neutral"], heads.Take(2));
        Assert.Equal(["accusing", "distancing", "endorsing"], heads.Skip(2).Take(3).Order(StringComparer.Ordinal));
        Assert.Equal("n", heads[^1]);
    }

    [Fact]
    public void Render_ManyErrors_ListsTheFirst200AndCountsTheRest()
    {
        var dom = new HtmlDom(RenderRich());
        var manifest = dom.ById("manifest");

        var errors = manifest.Descendants("table").Single(t => (string?)t.Attribute("class") == "errors");
        Assert.Equal(200, errors.Element("tbody")!.Elements("tr").Count());
        Assert.Contains("Showing the first 200 of 206 errors; 6 more", manifest.Value, StringComparison.Ordinal);
        Assert.Contains(manifest.Descendants("code"), c => c.Value == "9f2c4be1a07d" && ((string)c.Attribute("title")!).EndsWith("a1c3", StringComparison.Ordinal));
        Assert.Contains("2024-05-14 09:30:00 UTC", manifest.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_WritesTheRenderedPageAsUtf8WithoutBom()
    {
        var (report, kwic) = SampleReports.Rich();
        var dir = Path.Combine(Path.GetTempPath(), "textlens-html-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = await HtmlReportWriter.WriteAsync(report, kwic, Path.Combine(dir, HtmlReportWriter.FileName));

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal((byte)'<', bytes[0]);
            Assert.Equal(HtmlReportWriter.Render(report, kwic), Encoding.UTF8.GetString(bytes));
            Assert.Equal([HtmlReportWriter.FileName], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Render_SampleReport_WritesAPreviewWhenAsked()
    {
        // Set TEXTLENS_HTML_PREVIEW=/tmp/report.html to look at the sample page in a browser.
        var html = RenderRich(hostile: Environment.GetEnvironmentVariable("TEXTLENS_HTML_PREVIEW_HOSTILE") == "1");
        _ = new HtmlDom(html);
        if (Environment.GetEnvironmentVariable("TEXTLENS_HTML_PREVIEW") is { Length: > 0 } path)
        {
            File.WriteAllText(path, html, new UTF8Encoding(false));
        }
    }

    [Fact]
    public void Render_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.Render(null!, []));
        Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.Render(SampleReports.Empty(), null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => HtmlReportWriter.Render(SampleReports.Empty(), [], new HtmlReportOptions { TopEntities = 0 }));
    }
}
