using System.Globalization;

namespace TextLens.Reports.Html;

/// <summary>The most mentioned entities per group (layer <c>entity</c>, every period), with type and a bar.</summary>
internal sealed class EntitySection : ReportSection
{
    public override string Id => "entities";

    public override string Title => "Top entities";

    public override void RenderBody(HtmlWriter w, ReportView view)
    {
        var stats = view.Overall(ReportView.EntityLayer).ToList();
        if (stats.Count == 0)
        {
            Empty(w, "No entity annotations in this report.");
            return;
        }

        var names = NameFacets(view, ReportView.EntityLayer);
        Note(w, $"The {view.Options.TopEntities} most mentioned entities per {view.GroupNoun}, all periods; rate is mentions per 10,000 tokens. Counts link to their lines.");
        var byGroup = stats.ToLookup(s => s.Group, StringComparer.Ordinal);
        w.Open("div", ("class", "cardgrid"));
        foreach (var group in view.ChartGroups)
        {
            var top = byGroup[group].Where(s => s.Mentions > 0)
                .OrderByDescending(s => s.Mentions).ThenByDescending(s => s.Documents)
                .ThenBy(s => s.Category, StringComparer.Ordinal).ThenBy(s => s.Label, StringComparer.Ordinal)
                .Take(view.Options.TopEntities).ToList();
            if (top.Count == 0 && group != ReportView.All)
            {
                continue;
            }

            w.Open("div", ("class", "panel"), ("id", AnchorIds.For("entities", group)));
            w.Element("h3", view.GroupName(group));
            if (top.Count == 0)
            {
                Empty(w, "No entity mentions.");
                w.Close("div");
                continue;
            }

            var max = top[0].Mentions;
            BeginTable(w, "top", [("#", true), ("Entity · type", false), ("Mentions", true), ("", false), ("Docs", true), ("Per 10k", true)]);
            for (var i = 0; i < top.Count; i++)
            {
                var s = top[i];
                w.Open("tr");
                NumberCell(w, i + 1, (i + 1).ToString(CultureInfo.InvariantCulture));
                var name = Name(names, group, s.Category, s.Label);
                w.Open("td", ("class", "ent"));
                w.Text(name).Text(" ");
                w.Element("span", s.Category, ("class", "tag"));
                if (!string.Equals(name, s.Label, StringComparison.Ordinal))
                {
                    w.Element("span", s.Label, ("class", "sub"));
                }

                w.Close("td");
                CountCell(w, s.Mentions, view.Kwic.Target(ReportView.EntityLayer, s.Category, s.Label, group));
                w.Open("td", ("class", "barcell"), ("aria-hidden", "true"));
                w.Element("span", "", ("class", "bar"), ("style", "width:" + NumberText.Px(100.0 * s.Mentions / max) + "%"));
                w.Close("td");
                NumberCell(w, s.Documents, NumberText.Count(s.Documents));
                NumberCell(w, s.RatePer10kTokens, NumberText.Rate(s.RatePer10kTokens));
                w.Close("tr");
            }

            EndTable(w);
            w.Close("div");
        }

        w.Close("div");
    }

    /// <summary>The most frequent <c>name</c> facet value of each (group, category, label) at period <c>all</c>.</summary>
    internal static Dictionary<(string Group, string Category, string Label), string> NameFacets(ReportView view, string layer) =>
        view.Report.Facets
            .Where(f => f.Layer == layer && f.Period == ReportView.All && f.Facet == "name" && !string.IsNullOrEmpty(f.Value))
            .GroupBy(f => (f.Group, f.Category, f.Label))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Mentions).ThenBy(f => f.Value, StringComparer.Ordinal).First().Value);

    internal static string Name(Dictionary<(string Group, string Category, string Label), string> names, string group, string category, string label) =>
        names.TryGetValue((group, category, label), out var n) ? n
        : names.TryGetValue((ReportView.All, category, label), out n) ? n
        : label;
}
