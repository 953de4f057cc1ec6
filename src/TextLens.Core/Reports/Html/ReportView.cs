using TextLens.Statistics;

namespace TextLens.Reports.Html;

/// <summary>The report indexed for rendering: groups, periods, labels per layer at period <c>all</c>, KWIC targets.</summary>
internal sealed class ReportView
{
    public const string All = PeriodKey.All;
    public const string FramingLayer = "framing";
    public const string EntityLayer = "entity";
    public const string AttributionLayer = "attribution";

    public ReportView(CorpusReport report, IReadOnlyList<ReportKwicLine> kwic, HtmlReportOptions options)
    {
        Report = report;
        Options = options;
        Groups = report.Corpus.Select(r => r.Group)
            .Concat(report.Labels.Select(l => l.Group))
            .Where(g => g != All).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ChartGroups = [All, .. Groups];
        Periods = report.Corpus.Select(r => r.Period)
            .Concat(report.Labels.Select(l => l.Period))
            .Where(p => p != All).Distinct(StringComparer.Ordinal)
            .OrderBy(p => p == PeriodKey.Unknown ? 1 : 0).ThenBy(p => p, StringComparer.Ordinal).ToList();
        DatedPeriods = Periods.Where(p => p != PeriodKey.Unknown).ToList();
        Kwic = new KwicIndex(kwic, options.MaxKwicLinesPerLabel);
        _overall = report.Labels.Where(l => l.Period == All)
            .ToLookup(l => l.Layer, StringComparer.Ordinal);
    }

    private readonly ILookup<string, LabelStatistic> _overall;

    public CorpusReport Report { get; }

    public HtmlReportOptions Options { get; }

    /// <summary>Group values, <c>all</c> excluded, ordinal.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary><c>all</c> then every group: the rows of per-group charts.</summary>
    public IReadOnlyList<string> ChartGroups { get; }

    /// <summary>Periods, <c>all</c> excluded, ordinal, <c>unknown</c> last.</summary>
    public IReadOnlyList<string> Periods { get; }

    /// <summary>Periods without <c>unknown</c>.</summary>
    public IReadOnlyList<string> DatedPeriods { get; }

    public KwicIndex Kwic { get; }

    /// <summary>Whether the run was grouped (there are groups other than <c>all</c>).</summary>
    public bool Grouped => Groups.Count > 0;

    /// <summary>What to call a group in headings and charts.</summary>
    public string GroupName(string group) =>
        group == All ? (Grouped ? "All groups" : "All documents") : group;

    /// <summary>What the groups are (<c>outlet</c>), for captions.</summary>
    public string GroupNoun => string.IsNullOrEmpty(Report.Manifest.GroupBy) ? "group" : Report.Manifest.GroupBy!;

    /// <summary>Label statistics of a layer at period <c>all</c> (every group, <c>all</c> included).</summary>
    public IEnumerable<LabelStatistic> Overall(string layer) => _overall[layer];

    /// <summary>
    /// The labels of a category, most mentioned first (corpus-wide, every period), with their colours: the palette in
    /// rank order, grey beyond it. The same call gives the same colours to every chart of the category.
    /// </summary>
    public IReadOnlyList<(string Label, string Color)> RankedLabels(string layer, string category) =>
        Overall(layer).Where(l => l.Category == category)
            .GroupBy(l => l.Label, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Mentions: g.Where(l => l.Group == All).Sum(l => l.Mentions), Any: g.Sum(l => l.Mentions)))
            .OrderByDescending(x => x.Mentions).ThenByDescending(x => x.Any).ThenBy(x => x.Label, StringComparer.Ordinal)
            .Select((x, i) => (x.Label, ChartPalette.At(i)))
            .ToList();

    /// <summary>Categories of a layer with labels, ordinal.</summary>
    public IReadOnlyList<string> Categories(string layer) =>
        Overall(layer).Select(l => l.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Layers with labels, ordinal.</summary>
    public IEnumerable<string> Layers => _overall.Select(g => g.Key).Order(StringComparer.Ordinal);
}
