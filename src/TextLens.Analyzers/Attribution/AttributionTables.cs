using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// The attribution tables of a report, computed from the merged label and facet statistics (so they merge exactly
/// across threads and shards): rates, shares by source type / stance / mode / resolution, top sources, and the
/// framing labels inside each source's quoted content.
/// </summary>
internal static class AttributionTables
{
    /// <summary>How many sources <c>attribution-top-sources</c> keeps per group and period.</summary>
    public const int TopSources = 20;

    private static readonly string[] FacetDimensions = ["cueStance", "mode", "resolution", "hedged", "nested", "cue"];

    public static IEnumerable<ReportTable> Create(CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var labels = statistics.Labels.Where(l => l.Layer == AttributionAnalyzer.LayerName).ToList();
        var facets = statistics.Facets.Where(f => f.Layer == AttributionAnalyzer.LayerName).ToList();
        yield return Rates(statistics, labels, facets);
        yield return Shares(labels, facets);
        yield return Top(labels);
        yield return Framing(statistics);
    }

    private static ReportTable Rates(CorpusStatistics statistics, List<LabelStatistic> labels, List<FacetStatistic> facets)
    {
        var totals = labels.GroupBy(l => (l.Group, l.Period)).ToDictionary(g => g.Key, g => g.Sum(l => l.Mentions));
        var anonymous = labels.Where(l => l.Category == AttributionSourceTypes.Anonymous)
            .GroupBy(l => (l.Group, l.Period)).ToDictionary(g => g.Key, g => g.Sum(l => l.Mentions));
        var direct = facets.Where(f => f.Facet == "mode" && f.Value == "direct")
            .GroupBy(f => (f.Group, f.Period)).ToDictionary(g => g.Key, g => g.Sum(f => f.Mentions));
        var hedged = facets.Where(f => f.Facet == "hedged" && f.Value == "true")
            .GroupBy(f => (f.Group, f.Period)).ToDictionary(g => g.Key, g => g.Sum(f => f.Mentions));
        var rows = new List<IReadOnlyList<ReportValue>>();
        foreach (var c in statistics.Corpus)
        {
            var key = (c.Group, c.Period);
            var n = totals.GetValueOrDefault(key);
            rows.Add([c.Group, c.Period, c.Documents, c.Tokens, n,
                c.Tokens > 0 ? n * 1000.0 / c.Tokens : 0.0,
                Share(anonymous.GetValueOrDefault(key), n), Share(direct.GetValueOrDefault(key), n), Share(hedged.GetValueOrDefault(key), n)]);
        }

        return new ReportTable("attribution-rates",
            "Attributions per group and period: count, per 1,000 word tokens, and the shares of anonymous sources, direct quotations and hedged (agentless or reportedly/allegedly) attributions.",
            ["group", "period", "documents", "tokens", "attributions", "perThousandTokens", "anonymousShare", "directShare", "hedgedShare"], rows);
    }

    private static ReportTable Shares(List<LabelStatistic> labels, List<FacetStatistic> facets)
    {
        var rows = new List<(string Group, string Period, string Dimension, string Value, long Count)>();
        foreach (var g in labels.GroupBy(l => (l.Group, l.Period, l.Category)))
        {
            rows.Add((g.Key.Group, g.Key.Period, "sourceType", g.Key.Category, g.Sum(l => l.Mentions)));
        }

        foreach (var g in facets.Where(f => FacetDimensions.Contains(f.Facet)).GroupBy(f => (f.Group, f.Period, f.Facet, f.Value)))
        {
            rows.Add((g.Key.Group, g.Key.Period, g.Key.Facet, g.Key.Value, g.Sum(f => f.Mentions)));
        }

        var totals = rows.GroupBy(r => (r.Group, r.Period, r.Dimension)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var table = rows
            .OrderBy(r => r.Group == PeriodKey.All ? 0 : 1).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Period == PeriodKey.All ? 0 : 1).ThenBy(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => r.Dimension, StringComparer.Ordinal).ThenByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<ReportValue>)[r.Group, r.Period, r.Dimension, r.Value, r.Count, Share(r.Count, totals[(r.Group, r.Period, r.Dimension)])])
            .ToList();
        return new ReportTable("attribution-shares",
            "Share of attributions per group and period by source type (the category), cue stance, mode (direct, indirect, mixed, according-to, agentless), resolution, hedged, nested and cue lemma; shares sum to 1 within each group, period and dimension.",
            ["group", "period", "dimension", "value", "attributions", "share"], table);
    }

    private static ReportTable Top(List<LabelStatistic> labels)
    {
        var rows = new List<IReadOnlyList<ReportValue>>();
        foreach (var g in labels.Where(l => l.Label != AttributionExtractor.Unattributed).GroupBy(l => (l.Group, l.Period))
            .OrderBy(g => g.Key.Group == PeriodKey.All ? 0 : 1).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Period == PeriodKey.All ? 0 : 1).ThenBy(g => g.Key.Period, StringComparer.Ordinal))
        {
            var total = g.Sum(l => l.Mentions);
            var sources = g.GroupBy(l => l.Label)
                .Select(s => (Label: s.Key, Mentions: s.Sum(l => l.Mentions), Documents: s.Max(l => l.Documents),
                    Type: s.OrderByDescending(l => l.Mentions).ThenBy(l => l.Category, StringComparer.Ordinal).First().Category))
                .OrderByDescending(s => s.Mentions).ThenBy(s => s.Label, StringComparer.Ordinal)
                .Take(TopSources);
            var rank = 0;
            foreach (var s in sources)
            {
                rows.Add([g.Key.Group, g.Key.Period, ++rank, s.Label, s.Type, s.Mentions, s.Documents, Share(s.Mentions, total)]);
            }
        }

        return new ReportTable("attribution-top-sources",
            $"The {TopSources} most attributed resolved sources per group and period (agentless attributions excluded): attributions, documents (when a source was typed differently in places, the largest per-type count) and share of the group's sourced attributions.",
            ["group", "period", "rank", "source", "sourceType", "attributions", "documents", "share"], rows);
    }

    private static ReportTable Framing(CorpusStatistics statistics)
    {
        var framing = statistics.Facets.Where(f => f.Layer == "framing" && f.Facet == "source").ToList();
        var totals = framing.GroupBy(f => (f.Group, f.Period, f.Value)).ToDictionary(g => g.Key, g => g.Sum(f => f.Mentions));
        var rows = framing
            .OrderBy(f => f.Group == PeriodKey.All ? 0 : 1).ThenBy(f => f.Group, StringComparer.Ordinal)
            .ThenBy(f => f.Period == PeriodKey.All ? 0 : 1).ThenBy(f => f.Period, StringComparer.Ordinal)
            .ThenBy(f => f.Value, StringComparer.Ordinal).ThenByDescending(f => f.Mentions)
            .ThenBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.Label, StringComparer.Ordinal)
            .Select(f => (IReadOnlyList<ReportValue>)[f.Group, f.Period, f.Value, f.Category, f.Label, f.Mentions,
                Share(f.Mentions, totals[(f.Group, f.Period, f.Value)])])
            .ToList();
        return new ReportTable("attribution-framing",
            "Framing labels inside each source's attributed content (framing annotations carrying facet source = the attribution's label): mentions and share among that source's framing mentions, per group and period.",
            ["group", "period", "source", "framingCategory", "framingLabel", "mentions", "shareOfSource"], rows);
    }

    private static double Share(long part, long total) => total > 0 ? (double)part / total : 0.0;
}
