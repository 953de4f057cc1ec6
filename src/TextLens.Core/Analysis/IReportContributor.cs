using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens;

/// <summary>
/// Adds tables to a report, computed from the merged statistics after the run (log-odds, keyness,
/// co-occurrence, ...). An analyzer may implement it too; so may a standalone statistic.
/// </summary>
public interface IReportContributor
{
    /// <summary>Computes tables from the merged statistics.</summary>
    /// <param name="statistics">The merged statistics of the whole run.</param>
    IEnumerable<ReportTable> Contribute(CorpusStatistics statistics);
}
