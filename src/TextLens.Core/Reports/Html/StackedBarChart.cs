namespace TextLens.Reports.Html;

/// <summary>One coloured part of a 100% bar.</summary>
internal sealed record BarSegment(string Label, double Share, long Count, string Color);

/// <summary>One 100% bar: a group and its segments, in legend order.</summary>
internal sealed record BarRow(string Name, IReadOnlyList<BarSegment> Segments, long Total, bool Emphasis);

/// <summary>
/// A 100%-stacked horizontal bar per row (inline SVG): row names on the left, percentages inside segments of at
/// least 8%, the row's total on the right, a tooltip (<c>title</c>) on every segment. The first row may be
/// emphasised (the corpus as a whole) and is set apart from the groups below it.
/// </summary>
internal sealed class StackedBarChart
{
    private const double Width = 1040;
    private const double BarHeight = 24;
    private const double Gap = 10;
    private const double Top = 4;
    private const double AxisHeight = 24;
    private const double RightMargin = 86;
    private const double LabelThreshold = 0.08;

    public required string Title { get; init; }

    public required IReadOnlyList<BarRow> Rows { get; init; }

    /// <summary>What the totals count (<c>mentions</c>).</summary>
    public required string Noun { get; init; }

    public void Render(HtmlWriter w)
    {
        var longest = Rows.Count == 0 ? 0 : Rows.Max(r => r.Name.Length);
        var labelWidth = Math.Clamp((longest * SvgText.CharWidth) + 18, 90, 260);
        var plot = Width - labelWidth - RightMargin;
        var separated = Rows.Count > 1 && Rows[0].Emphasis;
        var height = Top + (Rows.Count * (BarHeight + Gap)) + (separated ? Gap : 0) + AxisHeight;

        w.Open("svg", ("class", "chart"), ("viewBox", $"0 0 {NumberText.Px(Width)} {NumberText.Px(height)}"),
            ("width", "100%"), ("role", "img"), ("aria-label", Title), ("preserveAspectRatio", "xMinYMin meet"));
        w.Element("title", Title);

        var y = Top;
        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            w.Open("g", ("class", row.Emphasis ? "bar-row em" : "bar-row"));
            var name = SvgText.Fit(row.Name, labelWidth - 14);
            w.Open("text", ("class", "rowlab"), ("x", NumberText.Px(labelWidth - 10)), ("y", NumberText.Px(y + (BarHeight / 2))),
                ("text-anchor", "end"), ("dominant-baseline", "central"));
            if (name.Length != row.Name.Length)
            {
                w.Element("title", row.Name);
            }

            w.Text(name).Close("text");
            if (row.Total == 0)
            {
                w.Empty("rect", ("class", "empty"), ("x", NumberText.Px(labelWidth)), ("y", NumberText.Px(y)),
                    ("width", NumberText.Px(plot)), ("height", NumberText.Px(BarHeight)));
                w.Element("text", "no " + Noun, ("class", "note"), ("x", NumberText.Px(labelWidth + 8)),
                    ("y", NumberText.Px(y + (BarHeight / 2))), ("dominant-baseline", "central"));
            }

            var x = labelWidth;
            foreach (var s in row.Total == 0 ? [] : row.Segments)
            {
                var width = Math.Max(0, s.Share) * plot;
                if (width <= 0)
                {
                    continue;
                }

                w.Open("rect", ("class", "seg"), ("x", NumberText.Px(x)), ("y", NumberText.Px(y)), ("width", NumberText.Px(width)),
                    ("height", NumberText.Px(BarHeight)), ("fill", s.Color));
                w.Element("title", $"{row.Name} · {s.Label}: {NumberText.Percent(s.Share)} of {Noun} ({NumberText.Count(s.Count)})");
                w.Close("rect");
                if (s.Share >= LabelThreshold)
                {
                    w.Element("text", NumberText.Percent(s.Share), ("class", "seglab"), ("x", NumberText.Px(x + (width / 2))),
                        ("y", NumberText.Px(y + (BarHeight / 2))), ("text-anchor", "middle"), ("dominant-baseline", "central"),
                        ("fill", ChartPalette.TextOn(s.Color)));
                }

                x += width;
            }

            w.Element("text", "n = " + NumberText.Count(row.Total), ("class", "total"), ("x", NumberText.Px(labelWidth + plot + 8)),
                ("y", NumberText.Px(y + (BarHeight / 2))), ("dominant-baseline", "central"));
            w.Close("g");
            y += BarHeight + Gap;
            if (r == 0 && separated)
            {
                w.Empty("line", ("class", "sep"), ("x1", "0"), ("x2", NumberText.Px(Width)),
                    ("y1", NumberText.Px(y)), ("y2", NumberText.Px(y)));
                y += Gap;
            }
        }

        w.Open("g", ("class", "axis"));
        for (var t = 0; t <= 4; t++)
        {
            var tx = labelWidth + (plot * t / 4);
            w.Empty("line", ("x1", NumberText.Px(tx)), ("x2", NumberText.Px(tx)), ("y1", NumberText.Px(y - Gap + 2)), ("y2", NumberText.Px(y - Gap + 6)));
            w.Element("text", NumberText.Percent(t / 4.0), ("x", NumberText.Px(tx)), ("y", NumberText.Px(y + 8)),
                ("text-anchor", t == 0 ? "start" : t == 4 ? "end" : "middle"));
        }

        w.Close("g");
        w.Close("svg");
    }
}
