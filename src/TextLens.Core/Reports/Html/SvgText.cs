namespace TextLens.Reports.Html;

/// <summary>Estimates text width in chart fonts (no font metrics at render time) and shortens labels to fit.</summary>
internal static class SvgText
{
    /// <summary>Average advance of a character at 13px in the system sans-serif stack.</summary>
    public const double CharWidth = 7.0;

    public static double Width(string text) => text.Length * CharWidth;

    /// <summary>The text cut with an ellipsis to at most <paramref name="width"/> pixels.</summary>
    public static string Fit(string text, double width)
    {
        var max = Math.Max(3, (int)(width / CharWidth));
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
    }
}
