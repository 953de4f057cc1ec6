using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TextLens.Benchmarks;

/// <summary>
/// Adds <see cref="ThroughputColumn"/>: apply with <c>[Config(typeof(ThroughputConfig))]</c> to a class whose every
/// benchmark operation processes all of <see cref="BenchmarkCorpus.Instance"/> once.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}

/// <summary>
/// <c>MChars/s</c>: characters of <see cref="BenchmarkCorpus.Instance"/> divided by the mean time of one operation, in
/// millions per second. The corpus is mostly ASCII, so this is close to MB/s of UTF-8 text. The column is computed
/// in the BenchmarkDotNet host process, which loads the same corpus (same environment variables) as the benchmark
/// process.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(ThroughputColumn);

    /// <inheritdoc />
    public string ColumnName => "MChars/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Millions of corpus characters processed per second (corpus characters / mean time of one operation)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0
            ? (BenchmarkCorpus.Instance.TotalChars / (mean.Value / 1e9) / 1e6).ToString("F1", CultureInfo.InvariantCulture)
            : "-";
    }

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
