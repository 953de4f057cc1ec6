namespace TextLens.Reports.Html;

/// <summary>
/// Framing competition: for each concept of the <c>framing</c> layer, a 100%-stacked bar per group of the shares
/// of its labels (every period), and the counts behind it, each linked to its lines.
/// </summary>
internal sealed class FramingSection : ReportSection
{
    public override string Id => "framing";

    public override string Title => "Framing competition";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var categories = view.Categories(ReportView.FramingLayer);
        if (categories.Count == 0)
        {
            Empty(w, "No framing annotations in this report.");
            return;
        }

        Note(w, $"Which label each {view.GroupNoun} uses for a concept: the share of the concept's mentions taken by each label, all periods together. " +
            "Counts link to their keyword-in-context lines.");
        var stats = view.Overall(ReportView.FramingLayer).ToList();
        foreach (var category in categories)
        {
            var ranked = view.RankedLabels(ReportView.FramingLayer, category);
            var cells = stats.Where(s => s.Category == category)
                .GroupBy(s => (s.Group, s.Label)).ToDictionary(g => g.Key, g => g.First());
            var colored = ranked.Take(ChartPalette.Count).ToList();
            var folded = ranked.Count > colored.Count;

            w.Open("div", ("class", "concept"), ("id", AnchorIds.For("framing", category)));
            w.Element("h3", category);

            var rows = new List<BarRow>();
            foreach (var group in view.ChartGroups)
            {
                var total = ranked.Sum(r => cells.TryGetValue((group, r.Label), out var s) ? s.Mentions : 0);
                var segments = new List<BarSegment>();
                foreach (var (label, color) in colored)
                {
                    cells.TryGetValue((group, label), out var s);
                    segments.Add(new BarSegment(label, Share(s, total), s?.Mentions ?? 0, color));
                }

                if (folded)
                {
                    var rest = ranked.Skip(colored.Count).Select(r => cells.TryGetValue((group, r.Label), out var s) ? s.Mentions : 0).Sum();
                    segments.Add(new BarSegment("other labels", total == 0 ? 0 : (double)rest / total, rest, ChartPalette.Other));
                }

                rows.Add(new BarRow(view.GroupName(group), segments, total, group == ReportView.All && view.Grouped));
            }

            BeginFigure(w, "Share of the concept’s mentions taken by each label", $"Per {view.GroupNoun}, all periods");
            ChartLegend.Render(w, colored.Concat(folded ? [("other labels", ChartPalette.Other)] : []));
            new StackedBarChart { Title = $"{category}: share of mentions by label per {view.GroupNoun}", Rows = rows, Noun = "mentions" }.Render(w);
            EndFigure(w, "Segments under 8% are not labelled; hover a segment for its exact share and count." +
                (folded ? $" Labels beyond the {ChartPalette.Count} most frequent are grouped as “other labels”." : ""));

            BeginTable(w, "sortable labels", [(CorpusSection.Capital(view.GroupNoun), false), .. ranked.Select(r => (r.Label, true)), ("Total", true)]);
            foreach (var group in view.ChartGroups)
            {
                var total = ranked.Sum(r => cells.TryGetValue((group, r.Label), out var s) ? s.Mentions : 0);
                w.Open("tr", ("class", group == ReportView.All ? "total-row" : null));
                RowHeader(w, view.GroupName(group));
                foreach (var (label, _) in ranked)
                {
                    if (cells.TryGetValue((group, label), out var s) && s.Mentions > 0)
                    {
                        CountCell(w, s.Mentions, view.Kwic.Target(ReportView.FramingLayer, category, label, group), NumberText.Percent(Share(s, total)));
                    }
                    else
                    {
                        w.Element("td", "·", ("class", "num zero"), ("data-v", "0"));
                    }
                }

                NumberCell(w, total, NumberText.Count(total));
                w.Close("tr");
            }

            EndTable(w);
            w.Close("div");
        }
    }

    /// <summary>The label's share of the concept in its group: the report's own figure, or counts when missing.</summary>
    private static double Share(LabelStatistic? s, long total) =>
        s is null ? 0 : double.IsFinite(s.ShareInCategory) && s.ShareInCategory > 0 ? s.ShareInCategory : total == 0 ? 0 : (double)s.Mentions / total;
}
