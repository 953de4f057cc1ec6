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
/// <c>MChars/s</c>: the characters one operation processes divided by its mean time, in millions per second. By default
/// the characters are those of <see cref="BenchmarkCorpus.Instance"/>; a class whose operation processes another
/// input passes its own count per case. The corpus is mostly ASCII, so this is close to MB/s of UTF-8 text. The column
/// is computed in the BenchmarkDotNet host process, which loads the same corpus (same environment variables) as the
/// benchmark process.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly Func<BenchmarkCase, long?> _characters;

    /// <summary>A column over <see cref="BenchmarkCorpus.Instance"/>: every operation processes the whole corpus once.</summary>
    public ThroughputColumn()
        : this(nameof(ThroughputColumn), static _ => BenchmarkCorpus.Instance.TotalChars)
    {
    }

    /// <summary>A column over another input.</summary>
    /// <param name="id">Column id, distinct per input, so joined summaries keep one column per kind of input.</param>
    /// <param name="characters">Characters one operation of a case processes; <see langword="null"/> for cases the column does not apply to (shown as <c>-</c>).</param>
    public ThroughputColumn(string id, Func<BenchmarkCase, long?> characters)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(characters);
        Id = id;
        _characters = characters;
    }

    /// <inheritdoc />
    public string Id { get; }

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
    public string Legend => "Millions of input characters processed per second (input characters / mean time of one operation)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var chars = mean is > 0 ? _characters(benchmarkCase) : null;
        return chars is > 0
            ? (chars.Value / (mean!.Value / 1e9) / 1e6).ToString("F1", CultureInfo.InvariantCulture)
            : "-";
    }

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
