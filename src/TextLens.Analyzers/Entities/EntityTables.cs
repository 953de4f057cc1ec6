using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Entities;

/// <summary>
/// The report tables of the entity analyzer, computed from the merged statistics: <c>entities-top</c>,
/// <c>entities-prominence</c> and <c>entities-unlisted</c>. Rows are sorted so a report is deterministic.
/// </summary>
internal static class EntityTables
{
    public static IEnumerable<ReportTable> Build(CorpusStatistics statistics, EntityIndex index, int topCount)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var rows = statistics.Labels.Where(r => r.Layer == EntityAnalyzer.LayerName && r.Period == PeriodKey.All).ToList();
        var listed = rows.Where(r => IsListed(index, r)).ToList();
        var unlisted = rows.Where(r => !IsListed(index, r)).ToList();
        yield return Top(listed, index, topCount);
        yield return Prominence(listed, statistics, index);
        yield return Unlisted(unlisted, topCount);
    }

    private static bool IsListed(EntityIndex index, LabelStatistic row) =>
        index.TryGetEntity(row.Label, out var e) && string.Equals(e.Type, row.Category, StringComparison.Ordinal);

    private static ReportTable Top(List<LabelStatistic> listed, EntityIndex index, int topCount)
    {
        var table = new List<IReadOnlyList<ReportValue>>();
        foreach (var group in listed.GroupBy(r => r.Group).OrderBy(g => g.Key == PeriodKey.All ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var total = group.Sum(r => r.Mentions);
            var rank = 0;
            foreach (var r in group.OrderByDescending(r => r.Mentions).ThenByDescending(r => r.Documents).ThenBy(r => r.Label, StringComparer.Ordinal).Take(topCount))
            {
                index.TryGetEntity(r.Label, out var e);
                table.Add([r.Group, ++rank, r.Label, e!.Name, r.Category, r.Mentions, r.Documents, total > 0 ? (double)r.Mentions / total : 0]);
            }
        }

        return new ReportTable("entities-top",
            "The most mentioned listed entities per group (all periods): rank, entity id, canonical name, type, mentions, documents with a mention, " +
            "and share of the group's mentions of listed entities. Mentions per period are in the labels table (layer entity).",
            ["group", "rank", "entity", "name", "type", "mentions", "documents", "share"], table);
    }

    private static ReportTable Prominence(List<LabelStatistic> listed, CorpusStatistics statistics, EntityIndex index)
    {
        var positions = new Dictionary<(string Group, string Label, string Position), long>();
        foreach (var f in statistics.Facets)
        {
            if (f.Layer == EntityAnalyzer.LayerName && f.Period == PeriodKey.All && f.Facet == "position")
            {
                positions[(f.Group, f.Label, f.Value)] = positions.GetValueOrDefault((f.Group, f.Label, f.Value)) + f.Mentions;
            }
        }

        var table = new List<IReadOnlyList<ReportValue>>();
        foreach (var r in listed.OrderBy(r => r.Group == PeriodKey.All ? 0 : 1).ThenBy(r => r.Group, StringComparer.Ordinal)
                     .ThenByDescending(r => r.Mentions).ThenBy(r => r.Label, StringComparer.Ordinal))
        {
            index.TryGetEntity(r.Label, out var e);
            var headline = positions.GetValueOrDefault((r.Group, r.Label, "headline"));
            var lead = positions.GetValueOrDefault((r.Group, r.Label, "lead"));
            table.Add([r.Group, r.Label, e!.Name, r.Category, r.Mentions, headline, lead,
                r.Mentions > 0 ? (double)headline / r.Mentions : 0, r.Mentions > 0 ? (double)lead / r.Mentions : 0]);
        }

        return new ReportTable("entities-prominence",
            "Where listed entities are mentioned, per group (all periods): mentions in the headline (the paragraph repeating the metadata title, " +
            "else the first short one-sentence paragraph that is not a dateline) and in the lead (the first paragraph of ten or more words after it), " +
            "with their shares of all mentions.",
            ["group", "entity", "name", "type", "mentions", "headline", "lead", "headlineShare", "leadShare"], table);
    }

    private static ReportTable Unlisted(List<LabelStatistic> unlisted, int topCount)
    {
        var table = new List<IReadOnlyList<ReportValue>>();
        foreach (var group in unlisted.GroupBy(r => r.Group).OrderBy(g => g.Key == PeriodKey.All ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var rank = 0;
            foreach (var r in group.OrderByDescending(r => r.Mentions).ThenByDescending(r => r.Documents).ThenBy(r => r.Label, StringComparer.Ordinal)
                         .ThenBy(r => r.Category, StringComparer.Ordinal).Take(topCount))
            {
                table.Add([r.Group, ++rank, r.Label, r.Category, r.Mentions, r.Documents]);
            }
        }

        return new ReportTable("entities-unlisted",
            "The most frequent names that no gazetteer lists, per group (all periods), with the type the recognizer guessed (UNKNOWN when no cue " +
            "decided) and the documents they occur in: candidates to add to a gazetteer.",
            ["group", "rank", "name", "type", "mentions", "documents"], table);
    }
}
