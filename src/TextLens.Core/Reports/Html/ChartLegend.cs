namespace TextLens.Reports.Html;

/// <summary>A colour key above a chart, as an HTML list so it wraps and reads as text.</summary>
internal static class ChartLegend
{
    public static void Render(HtmlWriter w, IEnumerable<(string Label, string Color)> items, string? line = null)
    {
        w.Open("ul", ("class", line is null ? "legend" : "legend lines"), ("aria-label", "Legend"));
        foreach (var (label, color) in items)
        {
            w.Open("li");
            w.Element("span", "", ("class", "sw"), ("style", "background-color:" + color));
            w.Text(label);
            w.Close("li");
        }

        w.Close("ul");
    }
}
