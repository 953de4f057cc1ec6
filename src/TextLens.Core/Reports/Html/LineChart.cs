namespace TextLens.Reports.Html;

/// <summary>One line of a <see cref="LineChart"/>: a value and a count per x position.</summary>
internal sealed record LineSeries(string Label, string Color, IReadOnlyList<double> Values, IReadOnlyList<long> Counts);

/// <summary>
/// A line chart over ordered periods (inline SVG): zero-based y axis with round ticks and light grid lines, thinned
/// x labels, a marker with a tooltip at every point, and the series named at their right ends (labels pushed apart
/// so they never overlap).
/// </summary>
internal sealed class LineChart
{
    private const double Width = 1040;
    private const double Height = 300;
    private const double Left = 52;
    private const double Right = 215;
    private const double Top = 14;
    private const double Bottom = 36;
    private const double LabelSpacing = 15;

    public required string Title { get; init; }

    public required IReadOnlyList<string> XLabels { get; init; }

    public required IReadOnlyList<LineSeries> Series { get; init; }

    /// <summary>What one unit of y is, for tooltips (<c>per 10k tokens</c>).</summary>
    public required string Unit { get; init; }

    /// <summary>What the counts count (<c>mentions</c>).</summary>
    public required string Noun { get; init; }

    public void Render(HtmlWriter w)
    {
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var max = Series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var (step, top) = Ticks(max);
        var n = XLabels.Count;
        double X(int i) => Left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
        double Y(double v) => Top + plotH - (top <= 0 ? 0 : plotH * Math.Clamp(v, 0, top) / top);

        w.Open("svg", ("class", "chart"), ("viewBox", $"0 0 {NumberText.Px(Width)} {NumberText.Px(Height)}"),
            ("width", "100%"), ("role", "img"), ("aria-label", Title), ("preserveAspectRatio", "xMinYMin meet"));
        w.Element("title", Title);

        w.Open("g", ("class", "grid"));
        for (var v = 0.0; v <= top + (step / 2); v += step)
        {
            var gy = Y(v);
            w.Empty("line", ("class", v == 0 ? "base" : null), ("x1", NumberText.Px(Left)), ("x2", NumberText.Px(Left + plotW)),
                ("y1", NumberText.Px(gy)), ("y2", NumberText.Px(gy)));
            w.Element("text", NumberText.General(Math.Round(v, 6)), ("x", NumberText.Px(Left - 8)), ("y", NumberText.Px(gy)),
                ("text-anchor", "end"), ("dominant-baseline", "central"));
        }

        w.Close("g");

        var every = Math.Max(1, (int)Math.Ceiling(n / (plotW / 64)));
        w.Open("g", ("class", "axis"));
        for (var i = 0; i < n; i++)
        {
            if (i % every != 0)
            {
                continue;
            }

            w.Empty("line", ("x1", NumberText.Px(X(i))), ("x2", NumberText.Px(X(i))), ("y1", NumberText.Px(Top + plotH)), ("y2", NumberText.Px(Top + plotH + 5)));
            w.Element("text", SvgText.Fit(XLabels[i], 64 * every), ("x", NumberText.Px(X(i))), ("y", NumberText.Px(Top + plotH + 18)),
                ("text-anchor", "middle"));
        }

        w.Close("g");

        var radius = n > 24 ? "2.5" : "3.5";
        foreach (var s in Series)
        {
            w.Open("g", ("class", "series"));
            var points = string.Join(' ', Enumerable.Range(0, n).Select(i => NumberText.Px(X(i)) + "," + NumberText.Px(Y(s.Values[i]))));
            if (n > 1)
            {
                w.Open("polyline", ("points", points), ("fill", "none"), ("stroke", s.Color), ("stroke-width", "2.5"),
                    ("stroke-linejoin", "round"), ("stroke-linecap", "round"));
                w.Element("title", s.Label);
                w.Close("polyline");
            }

            for (var i = 0; i < n; i++)
            {
                w.Open("circle", ("cx", NumberText.Px(X(i))), ("cy", NumberText.Px(Y(s.Values[i]))), ("r", radius), ("fill", s.Color));
                w.Element("title", $"{s.Label}, {XLabels[i]}: {NumberText.Rate(s.Values[i])} {Unit} ({NumberText.Count(s.Counts[i])} {Noun})");
                w.Close("circle");
            }

            w.Close("g");
        }

        // Direct labels at the right end, pushed apart top-down and then back up if they run off the bottom.
        var ends = Series.Select(s => (s.Label, s.Color, Y: n == 0 ? Top : Y(s.Values[n - 1]))).OrderBy(e => e.Y).ThenBy(e => e.Label, StringComparer.Ordinal).ToList();
        var placed = new double[ends.Count];
        for (var i = 0; i < ends.Count; i++)
        {
            placed[i] = i == 0 ? ends[i].Y : Math.Max(ends[i].Y, placed[i - 1] + LabelSpacing);
        }

        for (var i = ends.Count - 1; i >= 0; i--)
        {
            var limit = i == ends.Count - 1 ? Top + plotH : placed[i + 1] - LabelSpacing;
            placed[i] = Math.Min(placed[i], limit);
        }

        var lx = Left + plotW + 10;
        w.Open("g", ("class", "endlabels"));
        for (var i = 0; i < ends.Count; i++)
        {
            w.Empty("line", ("x1", NumberText.Px(lx)), ("x2", NumberText.Px(lx + 12)), ("y1", NumberText.Px(placed[i])), ("y2", NumberText.Px(placed[i])),
                ("stroke", ends[i].Color), ("stroke-width", "3"));
            var text = SvgText.Fit(ends[i].Label, Right - 30);
            w.Open("text", ("x", NumberText.Px(lx + 17)), ("y", NumberText.Px(placed[i])), ("dominant-baseline", "central"));
            if (text.Length != ends[i].Label.Length)
            {
                w.Element("title", ends[i].Label);
            }

            w.Text(text).Close("text");
        }

        w.Close("g");
        w.Close("svg");
    }

    /// <summary>A round tick step (1, 2, 2.5 or 5 times a power of ten) giving four to six ticks, and the axis top.</summary>
    internal static (double Step, double Top) Ticks(double max)
    {
        if (!(max > 0))
        {
            return (1, 1);
        }

        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return (step, Math.Ceiling(max / step) * step);
    }
}
