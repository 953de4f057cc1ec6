namespace TextLens.Reports.Html;

/// <summary>
/// The Okabe-Ito qualitative palette (distinguishable with the common colour-vision deficiencies), ordered so the
/// hardest colour to read on white, yellow, comes last, plus a neutral grey for "other". Colours are assigned by
/// rank within a chart family so a label keeps its colour across the share chart and the time series of its concept.
/// </summary>
internal static class ChartPalette
{
    private static readonly string[] Colors =
    [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#56B4E9", // sky blue
        "#CC79A7", // reddish purple
        "#F0E442", // yellow
    ];

    /// <summary>The colour of everything beyond the palette.</summary>
    public const string Other = "#8C8C8C";

    /// <summary>The single colour of one-series charts.</summary>
    public const string Single = "#0072B2";

    /// <summary>Distinct colours available before labels are folded into "other".</summary>
    public static int Count => Colors.Length;

    public static string At(int index) => index >= 0 && index < Colors.Length ? Colors[index] : Other;

    /// <summary>Dark or white text, whichever contrasts more with <paramref name="hex"/> (WCAG relative luminance).</summary>
    public static string TextOn(string hex)
    {
        var l = Luminance(hex);
        var onWhite = 1.05 / (l + 0.05);
        var onDark = (l + 0.05) / 0.0588; // #222 text
        return onDark >= onWhite ? "#1a1a1a" : "#ffffff";
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
    }
}
