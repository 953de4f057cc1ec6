namespace TextLens.Reports.Html;

/// <summary>Simple horizontal bars of one colour with the value at the end of each bar (inline SVG).</summary>
internal sealed class HorizontalBarChart
{
    private const double Width = 1040;
    private const double BarHeight = 18;
    private const double Gap = 8;
    private const double RightMargin = 80;

    public required string Title { get; init; }

    public required IReadOnlyList<(string Name, long Value, string Tooltip)> Rows { get; init; }

    public void Render(HtmlWriter w)
    {
        var longest = Rows.Count == 0 ? 0 : Rows.Max(r => r.Name.Length);
        var labelWidth = Math.Clamp((longest * SvgText.CharWidth) + 18, 90, 260);
        var plot = Width - labelWidth - RightMargin;
        var max = Rows.Count == 0 ? 0 : Rows.Max(r => r.Value);
        var height = (Rows.Count * (BarHeight + Gap)) + Gap;

        w.Open("svg", ("class", "chart"), ("viewBox", $"0 0 {NumberText.Px(Width)} {NumberText.Px(height)}"),
            ("width", "100%"), ("role", "img"), ("aria-label", Title), ("preserveAspectRatio", "xMinYMin meet"));
        w.Element("title", Title);
        var y = Gap / 2;
        foreach (var (name, value, tooltip) in Rows)
        {
            var cy = NumberText.Px(y + (BarHeight / 2));
            var shown = SvgText.Fit(name, labelWidth - 14);
            w.Open("text", ("class", "rowlab"), ("x", NumberText.Px(labelWidth - 10)), ("y", cy), ("text-anchor", "end"), ("dominant-baseline", "central"));
            if (shown.Length != name.Length)
            {
                w.Element("title", name);
            }

            w.Text(shown).Close("text");
            var width = max <= 0 ? 0 : plot * value / max;
            w.Open("rect", ("x", NumberText.Px(labelWidth)), ("y", NumberText.Px(y)), ("width", NumberText.Px(width)),
                ("height", NumberText.Px(BarHeight)), ("fill", ChartPalette.Single));
            w.Element("title", tooltip);
            w.Close("rect");
            w.Element("text", NumberText.Count(value), ("class", "total"), ("x", NumberText.Px(labelWidth + width + 6)), ("y", cy),
                ("dominant-baseline", "central"));
            y += BarHeight + Gap;
        }

        w.Close("svg");
    }
}
