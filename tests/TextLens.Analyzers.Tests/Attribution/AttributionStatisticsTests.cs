using TextLens.Corpus;
using TextLens.Reports;

namespace TextLens.Tests.Attribution;

/// <summary>The attribution report tables, computed from merged counts.</summary>
public sealed class AttributionStatisticsTests
{
    /// <summary>
    /// Stands in for the framing analyzer: marks "separatists" and "terrorists" as framing labels and, as the framing
    /// analyzer does, gives those inside an attribution's content the facet <c>source</c> = the attribution's label.
    /// </summary>
    private sealed class FakeFraming : IAnalyzer
    {
        public AnalyzerDescriptor Descriptor { get; } = new("test.framing", 1, "framing") { OptionalLayers = ["attribution"] };

        public void Analyze(AnalysisContext context)
        {
            var attributions = context.Layer("attribution").ToList();
            foreach (var word in new[] { "separatists", "terrorists" })
            {
                var i = 0;
                while ((i = context.Text.IndexOf(word, i, StringComparison.Ordinal)) >= 0)
                {
                    var facets = new List<AnnotationFacet>();
                    var owner = attributions.FirstOrDefault(a => a.Spans.Any(s => s.Role == "content" && i >= s.Start && i < s.End));
                    if (owner is not null)
                    {
                        facets.Add(new AnnotationFacet("source", owner.Label));
                    }

                    context.Add(new Annotation("framing", i, word.Length, "armed-groups", word) { Facets = facets });
                    i += word.Length;
                }
            }
        }
    }

    private static readonly TextDocument[] Corpus =
    [
        new("a1", "The ministry said the separatists had laid mines. “We will respond,” the army said.", new DocumentMetadata { Outlet = "Alpha" }),
        new("a2", "Sources said the separatists were retreating. The separatists left the town.", new DocumentMetadata { Outlet = "Alpha" }),
        new("b1", "Residents said the terrorists had shelled the village. It is noted that the road is closed.", new DocumentMetadata { Outlet = "Beta" }),
    ];

    private static async Task<CorpusReport> Report()
    {
        var pipeline = new TextLensPipelineBuilder().AddAttribution().AddAnalyzer(new FakeFraming()).Build();
        return await pipeline.AnalyzeAsync(new InMemoryCorpus(Corpus), new AnalysisOptions { MaxDegreeOfParallelism = 2 });
    }

    private static List<Dictionary<string, ReportValue>> Rows(CorpusReport report, string table)
    {
        var t = report.Tables.Single(x => x.Name == table);
        return t.Rows.Select(r => t.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
    }

    [Fact]
    public async Task Rates_per_thousand_tokens_and_shares_per_group()
    {
        var report = await Report();
        var rates = Rows(report, "attribution-rates");
        var alpha = rates.Single(r => r["group"].Text == "Alpha" && r["period"].Text == "all");
        Assert.Equal(3, alpha["attributions"].Number);
        var tokens = alpha["tokens"].Number!.Value;
        Assert.Equal(3 * 1000.0 / tokens, alpha["perThousandTokens"].Number!.Value, 9);
        Assert.Equal(1.0 / 3, alpha["anonymousShare"].Number!.Value, 9);
        Assert.Equal(1.0 / 3, alpha["directShare"].Number!.Value, 9);
        var all = rates.Single(r => r["group"].Text == "all");
        Assert.Equal(5, all["attributions"].Number);
        Assert.Equal(1.0 / 5, all["hedgedShare"].Number!.Value, 9);
    }

    [Fact]
    public async Task Shares_by_source_type_stance_and_mode_sum_to_one()
    {
        var report = await Report();
        var shares = Rows(report, "attribution-shares");
        var beta = shares.Where(r => r["group"].Text == "Beta" && r["dimension"].Text == "sourceType").ToList();
        Assert.Equal(0.5, beta.Single(r => r["value"].Text == "witness")["share"].Number);
        Assert.Equal(0.5, beta.Single(r => r["value"].Text == "unattributed")["share"].Number);
        foreach (var g in shares.GroupBy(r => (r["group"].Text, r["period"].Text, r["dimension"].Text)))
        {
            Assert.Equal(1.0, g.Sum(r => r["share"].Number!.Value), 9);
        }

        var modes = shares.Where(r => r["group"].Text == "all" && r["dimension"].Text == "mode").ToDictionary(r => r["value"].Text!, r => r["attributions"].Number);
        Assert.Equal(1, modes["direct"]);
        Assert.Equal(3, modes["indirect"]);
        Assert.Equal(1, modes["agentless"]);
        Assert.Contains(shares, r => r["dimension"].Text == "cueStance" && r["value"].Text == "neutral");
    }

    [Fact]
    public async Task Top_sources_rank_resolved_labels_and_leave_out_agentless()
    {
        var report = await Report();
        var top = Rows(report, "attribution-top-sources").Where(r => r["group"].Text == "all").ToList();
        Assert.Equal(4, top.Count);
        Assert.DoesNotContain(top, r => r["source"].Text == "(unattributed)");
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (double)i), top.Select(r => r["rank"].Number!.Value));
        Assert.Equal("witness", top.Single(r => r["source"].Text == "Residents")["sourceType"].Text);
    }

    [Fact]
    public async Task Framing_labels_inside_attributed_content_are_counted_per_source()
    {
        var report = await Report();
        var framing = Rows(report, "attribution-framing").Where(r => r["group"].Text == "all").ToList();
        Assert.Equal(3, framing.Count);
        var ministry = framing.Single(r => r["source"].Text == "ministry");
        Assert.Equal("separatists", ministry["framingLabel"].Text);
        Assert.Equal("armed-groups", ministry["framingCategory"].Text);
        Assert.Equal(1, ministry["mentions"].Number);
        Assert.Equal(1.0, ministry["shareOfSource"].Number);
        Assert.Equal("terrorists", framing.Single(r => r["source"].Text == "Residents")["framingLabel"].Text);
    }

    [Fact]
    public async Task The_framing_analyzer_marks_labels_inside_attributed_content_with_their_source()
    {
        var pipeline = new TextLensPipelineBuilder().AddFraming().AddAttribution().Build();
        Assert.Equal(["textlens.attribution", "textlens.framing"], pipeline.Analyzers.Select(a => a.Descriptor.Id));
        var documents = new[]
        {
            new TextDocument("x", "“The separatists laid new mines,” the defence ministry said. Separatists left the town."),
        };
        var report = await pipeline.AnalyzeAsync(new InMemoryCorpus(documents), new AnalysisOptions { GroupBy = null });
        var framing = Rows(report, "attribution-framing").Where(r => r["group"].Text == "all").ToList();
        var row = Assert.Single(framing);
        Assert.Equal("defence ministry", row["source"].Text);
        Assert.Equal(1, row["mentions"].Number);
    }
}
