namespace TextLens.Reports.Html;

/// <summary>Labels of layers other than framing, entity and attribution (plugins' own), per group, every period.</summary>
internal sealed class OtherLayersSection : ReportSection
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        ReportView.FramingLayer, ReportView.EntityLayer, ReportView.AttributionLayer,
    };

    public override string Id => "layers";

    public override string Title => "Other layers";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var layers = view.Layers.Where(l => !Known.Contains(l)).ToList();
        if (layers.Count == 0)
        {
            Empty(w, "No other layer in this report.");
            return;
        }

        foreach (var layer in layers)
        {
            var cells = view.Overall(layer).GroupBy(s => (s.Group, s.Category, s.Label)).ToDictionary(g => g.Key, g => g.First());
            var labels = view.Overall(layer).Where(s => s.Group == ReportView.All)
                .OrderBy(s => s.Category, StringComparer.Ordinal).ThenByDescending(s => s.Mentions).ThenBy(s => s.Label, StringComparer.Ordinal)
                .ToList();
            w.Open("div", ("class", "rtable"), ("id", AnchorIds.For("layer", layer)));
            w.Element("h3", layer);
            BeginTable(w, "sortable labels", [("Category", false), ("Label", false), .. view.ChartGroups.Select(g => (view.GroupName(g), true))]);
            var shown = Math.Min(labels.Count, view.Options.MaxTableRows);
            foreach (var s in labels.Take(shown))
            {
                w.Open("tr");
                TextCell(w, s.Category);
                TextCell(w, s.Label);
                foreach (var group in view.ChartGroups)
                {
                    if (cells.TryGetValue((group, s.Category, s.Label), out var c) && c.Mentions > 0)
                    {
                        CountCell(w, c.Mentions, view.Kwic.Target(layer, s.Category, s.Label, group));
                    }
                    else
                    {
                        w.Element("td", "·", ("class", "num zero"), ("data-v", "0"));
                    }
                }

                w.Close("tr");
            }

            EndTable(w);
            if (labels.Count > shown)
            {
                Note(w, $"Showing {NumberText.Count(shown)} of {NumberText.Count(labels.Count)} labels; all are in labels.csv.");
            }

            w.Close("div");
        }
    }
}
