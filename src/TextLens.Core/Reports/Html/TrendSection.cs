using TextLens.Statistics;

namespace TextLens.Reports.Html;

/// <summary>For each framing concept, mentions per 10,000 tokens of each label per period, corpus-wide.</summary>
internal sealed class TrendSection : ReportSection
{
    public override string Id => "trends";

    public override string Title => "Framing over time";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var categories = view.Categories(ReportView.FramingLayer);
        var periods = view.DatedPeriods;
        if (categories.Count == 0)
        {
            Empty(w, "No framing annotations in this report.");
            return;
        }

        if (periods.Count < 2)
        {
            Empty(w, $"Time series need at least two dated periods; this report has {periods.Count} (period: {view.Report.Manifest.Period}).");
            return;
        }

        Note(w, "Mentions per 10,000 tokens of each label per period, across the whole corpus. Rates correct for how much was published in each period.");
        var unknown = view.Report.Corpus.FirstOrDefault(r => r.Group == ReportView.All && r.Period == PeriodKey.Unknown);
        if (unknown is { Documents: > 0 })
        {
            Note(w, $"Undated documents (period “unknown”: {NumberText.Count(unknown.Documents)}) are not plotted; their counts are in the tables above and in labels.csv.");
        }

        var stats = view.Report.Labels.Where(l => l.Layer == ReportView.FramingLayer && l.Group == ReportView.All && l.Period != ReportView.All)
            .ToLookup(l => l.Category, StringComparer.Ordinal);
        foreach (var category in categories)
        {
            var ranked = view.RankedLabels(ReportView.FramingLayer, category);
            var plotted = ranked.Take(Math.Min(view.Options.MaxSeriesPerChart, ChartPalette.Count)).ToList();
            var cells = stats[category].GroupBy(s => (s.Label, s.Period)).ToDictionary(g => g.Key, g => g.First());
            var series = plotted.Select(p => new LineSeries(p.Label, p.Color,
                periods.Select(q => cells.TryGetValue((p.Label, q), out var s) ? s.RatePer10kTokens : 0).ToList(),
                periods.Select(q => cells.TryGetValue((p.Label, q), out var s) ? s.Mentions : 0).ToList())).ToList();

            w.Open("div", ("class", "concept"), ("id", AnchorIds.For("trend", category)));
            w.Element("h3", category);
            BeginFigure(w, "Mentions per 10,000 tokens", $"All {view.GroupNoun}s, per {view.Report.Manifest.Period}");
            ChartLegend.Render(w, plotted, line: "lines");
            new LineChart
            {
                Title = $"{category}: mentions per 10,000 tokens by period",
                XLabels = periods,
                Series = series,
                Unit = "per 10k tokens",
                Noun = "mentions",
            }.Render(w);
            EndFigure(w, ranked.Count > plotted.Count
                ? $"The {plotted.Count} most frequent of {ranked.Count} labels are drawn."
                : null);

            w.Open("details", ("class", "data"));
            w.Element("summary", "Data: rate per 10k tokens (mentions)");
            BeginTable(w, "sortable", [("Period", false), .. ranked.Select(r => (r.Label, true))]);
            foreach (var period in periods)
            {
                w.Open("tr");
                TextCell(w, period);
                foreach (var (label, _) in ranked)
                {
                    if (cells.TryGetValue((label, period), out var s) && s.Mentions > 0)
                    {
                        NumberCell(w, s.RatePer10kTokens, $"{NumberText.Rate(s.RatePer10kTokens)} ({NumberText.Count(s.Mentions)})");
                    }
                    else
                    {
                        w.Element("td", "·", ("class", "num zero"), ("data-v", "0"));
                    }
                }

                w.Close("tr");
            }

            EndTable(w);
            w.Close("details");
            w.Close("div");
        }
    }
}
