namespace TextLens.Reports.Html;

/// <summary>Options of the HTML report. The defaults suit a corpus of a few thousand documents.</summary>
public sealed class HtmlReportOptions
{
    /// <summary>The shared defaults.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>The page title; <see langword="null"/> for <c>TextLens report</c>.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Keyword-in-context lines shown per label (spread over its groups); the rest are counted with a pointer to
    /// <c>annotations.jsonl</c>. Default 50.
    /// </summary>
    public int MaxKwicLinesPerLabel { get; init; } = 50;

    /// <summary>Errors listed in the manifest; the rest are counted. Default 200.</summary>
    public int MaxErrors { get; init; } = 200;

    /// <summary>Rows shown of each table contributed by analyzers; the rest are counted. Default 200.</summary>
    public int MaxTableRows { get; init; } = 200;

    /// <summary>Entities listed per group. Default 15.</summary>
    public int TopEntities { get; init; } = 15;

    /// <summary>Sources listed per group in the attribution section. Default 10.</summary>
    public int TopSources { get; init; } = 10;

    /// <summary>Labels drawn per time-series chart (the most frequent corpus-wide). Default 7.</summary>
    public int MaxSeriesPerChart { get; init; } = 7;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxKwicLinesPerLabel);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxErrors);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTableRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TopEntities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TopSources);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSeriesPerChart);
    }
}
