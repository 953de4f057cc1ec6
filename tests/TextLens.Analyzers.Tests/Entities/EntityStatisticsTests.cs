using TextLens.Corpus;
using TextLens.Reports;

namespace TextLens.Tests.Entities;

public sealed class EntityStatisticsTests
{
    private static TextDocument Doc(string id, string outlet, string title, string text) =>
        new(id, text, new DocumentMetadata { Outlet = outlet, Title = title });

    private static async Task<CorpusReport> RunAsync(params TextDocument[] documents)
    {
        var pipeline = new TextLensPipelineBuilder().AddEntities(o => o.TopCount = 2).Build();
        return await pipeline.AnalyzeAsync(new InMemoryCorpus(documents), new AnalysisOptions { GroupBy = "outlet", MaxDegreeOfParallelism = 2 });
    }

    private static readonly TextDocument[] Corpus =
    [
        Doc("a1", "Alpha", "Shusha Road Reopens",
            "Shusha Road Reopens\n\nSappers from Baku cleared the road to Shusha on Monday, officials of the Highland Relief Committee said.\n\nShusha and Lachin were quiet. Shusha residents waited."),
        Doc("a2", "Alpha", "Talks in Brussels",
            "Talks in Brussels\n\nDiplomats from Baku and Yerevan met in Brussels on Tuesday to discuss the border near Lachin.\n\nThe Highland Relief Committee was not invited."),
        Doc("b1", "Beta", "Convoy reaches Lachin",
            "Convoy reaches Lachin\n\nA convoy of the Highland Relief Committee reached Lachin on Wednesday after a long wait at the border.\n\nLachin officials thanked the Highland Relief Committee."),
    ];

    [Fact]
    public async Task Entities_top_ranks_listed_entities_per_group_with_names_and_types()
    {
        var report = await RunAsync(Corpus);
        var top = report.Tables.Single(t => t.Name == "entities-top");
        Assert.Equal(["group", "rank", "entity", "name", "type", "mentions", "documents", "share"], top.Columns);
        var rows = top.Rows.Select(r => string.Join("|", r.Select(v => v.ToString()))).ToList();

        // all: Shusha 4 (1 doc), Lachin 5 (3 docs), Baku 2 (2 docs), Brussels 2 (1 doc), Yerevan 1: 14 mentions of listed entities.
        Assert.Equal(
        [
            "all|1|az.gpe.lachin|Lachin|GPE|5|3|" + (5 / 14.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "all|2|az.gpe.shusha|Shusha|GPE|4|1|" + (4 / 14.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "Alpha|1|az.gpe.shusha|Shusha|GPE|4|1|" + (4 / 11.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "Alpha|2|az.gpe.baku|Baku|GPE|2|2|" + (2 / 11.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "Beta|1|az.gpe.lachin|Lachin|GPE|3|1|1",
        ], rows);
    }

    [Fact]
    public async Task Entities_prominence_counts_headline_and_lead_mentions()
    {
        var report = await RunAsync(Corpus);
        var table = report.Tables.Single(t => t.Name == "entities-prominence");
        var row = table.Rows.Single(r => r[0].Text == "all" && r[1].Text == "az.gpe.lachin");
        // Lachin: a1 body; a2 lead; b1 headline, lead and body.
        Assert.Equal(["all", "az.gpe.lachin", "Lachin", "GPE", "5", "1", "2", "0.2", "0.4"], row.Select(v => v.ToString()));
        var shusha = table.Rows.Single(r => r[0].Text == "Alpha" && r[1].Text == "az.gpe.shusha");
        Assert.Equal(["Alpha", "az.gpe.shusha", "Shusha", "GPE", "4", "1", "1", "0.25", "0.25"], shusha.Select(v => v.ToString()));
    }

    [Fact]
    public async Task Entities_unlisted_lists_frequent_missing_names_with_their_guessed_type()
    {
        var report = await RunAsync(Corpus);
        var table = report.Tables.Single(t => t.Name == "entities-unlisted");
        Assert.Equal(["group", "rank", "name", "type", "mentions", "documents"], table.Columns);
        Assert.Contains(table.Rows, r => string.Join("|", r) == "all|1|Highland Relief Committee|ORG|4|3");
        Assert.Contains(table.Rows, r => string.Join("|", r) == "Beta|1|Highland Relief Committee|ORG|2|1");

        // The generic labels table has the same counts per group, layer entity.
        var label = report.Labels.Single(l => l.Group == "all" && l.Layer == "entity" && l.Label == "Highland Relief Committee");
        Assert.Equal((4, 3), (label.Mentions, label.Documents));
        Assert.Contains(report.Facets, f => f.Group == "all" && f.Label == "Highland Relief Committee" && f.Facet == "listed" && f.Value == "false" && f.Mentions == 4);
    }
}
