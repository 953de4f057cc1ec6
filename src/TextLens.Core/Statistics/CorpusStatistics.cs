using TextLens.Reports;

namespace TextLens.Statistics;

/// <summary>
/// The merged statistics of a run, sorted and rolled up (group <c>all</c>, period <c>all</c>); the input of
/// every <see cref="IReportContributor"/> and of the report.
/// </summary>
/// <param name="GroupBy">The grouping field, or <see langword="null"/>.</param>
/// <param name="Period">The period unit.</param>
/// <param name="Corpus">Documents, tokens, characters per group and period.</param>
/// <param name="Labels">Label statistics.</param>
/// <param name="Facets">Facet statistics.</param>
/// <param name="DocumentFacets">Document facet statistics.</param>
/// <param name="Counts">Document counts.</param>
/// <param name="Errors">Skipped records, flags and analyzer failures, sorted.</param>
public sealed record CorpusStatistics(
    string? GroupBy,
    PeriodUnit Period,
    IReadOnlyList<CorpusOverviewRow> Corpus,
    IReadOnlyList<LabelStatistic> Labels,
    IReadOnlyList<FacetStatistic> Facets,
    IReadOnlyList<DocumentFacetStatistic> DocumentFacets,
    CorpusCounts Counts,
    IReadOnlyList<ReportError> Errors)
{
    /// <summary>The distinct group values, <c>all</c> excluded, sorted ordinally.</summary>
    public IReadOnlyList<string> Groups =>
        Corpus.Select(r => r.Group).Where(g => g != PeriodKey.All).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The distinct periods, <c>all</c> excluded, sorted (unknown last).</summary>
    public IReadOnlyList<string> Periods =>
        Corpus.Select(r => r.Period).Where(p => p != PeriodKey.All).Distinct()
            .OrderBy(p => p == PeriodKey.Unknown ? 1 : 0).ThenBy(p => p, StringComparer.Ordinal).ToList();
}
