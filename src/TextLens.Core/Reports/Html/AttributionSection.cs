using System.Globalization;

namespace TextLens.Reports.Html;

/// <summary>
/// Who is quoted and how (layer <c>attribution</c>, every period): shares of source types per group as 100% bars,
/// shares of cue stance and of quotation mode per group, and the most quoted sources per group.
/// </summary>
internal sealed class AttributionSection : ReportSection
{
    private static readonly (string Facet, string Heading)[] FacetTables =
    [
        ("cueStance", "Stance of the reporting cue"),
        ("mode", "Quotation mode"),
    ];

    public override string Id => "attribution";

    public override string Title => "Attribution";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var stats = view.Overall(ReportView.AttributionLayer).ToList();
        if (stats.Count == 0)
        {
            Empty(w, "No attribution annotations in this report.");
            return;
        }

        Note(w, $"Attributed statements per {view.GroupNoun}, all periods: the type of source, the stance of the reporting verb, direct or indirect quotation.");

        // Source types: categories of the layer, ranked corpus-wide.
        var byGroupCategory = stats.GroupBy(s => (s.Group, s.Category)).ToDictionary(g => g.Key, g => g.Sum(s => s.Mentions));
        var types = stats.GroupBy(s => s.Category, StringComparer.Ordinal)
            .Select(g => (Category: g.Key, All: g.Where(s => s.Group == ReportView.All).Sum(s => s.Mentions), Any: g.Sum(s => s.Mentions)))
            .OrderByDescending(x => x.All).ThenByDescending(x => x.Any).ThenBy(x => x.Category, StringComparer.Ordinal)
            .Select((x, i) => (x.Category, Color: i < ChartPalette.Count ? ChartPalette.At(i) : ChartPalette.Other))
            .ToList();
        var rows = view.ChartGroups.Select(group =>
        {
            var total = types.Sum(t => byGroupCategory.GetValueOrDefault((group, t.Category)));
            var segments = types.Select(t =>
            {
                var n = byGroupCategory.GetValueOrDefault((group, t.Category));
                return new BarSegment(t.Category, total == 0 ? 0 : (double)n / total, n, t.Color);
            }).ToList();
            return new BarRow(view.GroupName(group), segments, total, group == ReportView.All && view.Grouped);
        }).ToList();

        w.Element("h3", "Source types");
        BeginFigure(w, "Share of attributed statements by source type", $"Per {view.GroupNoun}, all periods");
        ChartLegend.Render(w, types.Select(t => (t.Category, t.Color)));
        new StackedBarChart { Title = $"Share of attributed statements by source type per {view.GroupNoun}", Rows = rows, Noun = "statements" }.Render(w);
        EndFigure(w, "Segments under 8% are not labelled; hover a segment for its exact share and count.");

        foreach (var (facet, heading) in FacetTables)
        {
            FacetTable(w, view, facet, heading);
        }

        TopSources(w, view, stats);
    }

    private static void FacetTable(HtmlWriter w, ReportView view, string facet, string heading)
    {
        var facets = view.Report.Facets
            .Where(f => f.Layer == ReportView.AttributionLayer && f.Period == ReportView.All && f.Facet == facet).ToList();
        w.Element("h3", heading + " (" + facet + ")");
        if (facets.Count == 0)
        {
            Empty(w, $"No “{facet}” facet in this report.");
            return;
        }

        var counts = facets.GroupBy(f => (f.Group, f.Value)).ToDictionary(g => g.Key, g => g.Sum(f => f.Mentions));
        var values = facets.GroupBy(f => f.Value, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, All: g.Where(f => f.Group == ReportView.All).Sum(f => f.Mentions), Any: g.Sum(f => f.Mentions)))
            .OrderByDescending(x => x.All).ThenByDescending(x => x.Any).ThenBy(x => x.Value, StringComparer.Ordinal)
            .Select(x => x.Value).ToList();
        BeginTable(w, "sortable shares", [(CorpusSection.Capital(view.GroupNoun), false), .. values.Select(v => (v, true)), ("n", true)]);
        foreach (var group in view.ChartGroups)
        {
            var total = values.Sum(v => counts.GetValueOrDefault((group, v)));
            if (total == 0 && group != ReportView.All)
            {
                continue;
            }

            w.Open("tr", ("class", group == ReportView.All ? "total-row" : null));
            RowHeader(w, view.GroupName(group));
            foreach (var v in values)
            {
                var n = counts.GetValueOrDefault((group, v));
                var share = total == 0 ? 0 : (double)n / total;
                w.Open("td", ("class", n == 0 ? "num zero" : "num"), ("data-v", NumberText.Raw(share)),
                    ("title", $"{NumberText.Count(n)} of {NumberText.Count(total)}"));
                w.Text(n == 0 ? "·" : NumberText.Percent(share));
                w.Element("span", "", ("class", "pbar"), ("style", "width:" + NumberText.Px(100 * share) + "%"));
                w.Close("td");
            }

            NumberCell(w, total, NumberText.Count(total));
            w.Close("tr");
        }

        EndTable(w);
    }

    private static void TopSources(HtmlWriter w, ReportView view, List<LabelStatistic> stats)
    {
        var names = EntitySection.NameFacets(view, ReportView.AttributionLayer);
        w.Element("h3", "Most quoted sources");
        var byGroup = stats.ToLookup(s => s.Group, StringComparer.Ordinal);
        w.Open("div", ("class", "cardgrid"));
        foreach (var group in view.ChartGroups)
        {
            var top = byGroup[group].Where(s => s.Mentions > 0)
                .OrderByDescending(s => s.Mentions).ThenBy(s => s.Category, StringComparer.Ordinal).ThenBy(s => s.Label, StringComparer.Ordinal)
                .Take(view.Options.TopSources).ToList();
            if (top.Count == 0)
            {
                continue;
            }

            w.Open("div", ("class", "panel"), ("id", AnchorIds.For("sources", group)));
            w.Element("h4", view.GroupName(group));
            BeginTable(w, "top", [("#", true), ("Source", false), ("Type", false), ("Statements", true)]);
            for (var i = 0; i < top.Count; i++)
            {
                var s = top[i];
                w.Open("tr");
                NumberCell(w, i + 1, (i + 1).ToString(CultureInfo.InvariantCulture));
                TextCell(w, EntitySection.Name(names, group, s.Category, s.Label), "ent");
                w.Open("td").Element("span", s.Category, ("class", "tag")).Close("td");
                CountCell(w, s.Mentions, view.Kwic.Target(ReportView.AttributionLayer, s.Category, s.Label, group));
                w.Close("tr");
            }

            EndTable(w);
            w.Close("div");
        }

        w.Close("div");
    }
}
