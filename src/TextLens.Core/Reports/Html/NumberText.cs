using System.Globalization;

namespace TextLens.Reports.Html;

/// <summary>How the report writes numbers: invariant culture, thousands separators, a true minus sign.</summary>
internal static class NumberText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Machine-readable value for <c>data-v</c> attributes and SVG coordinates.</summary>
    public static string Raw(double value) =>
        double.IsFinite(value) ? Math.Round(value, 6).ToString("0.######", Invariant) : "0";

    /// <summary>Coordinates in SVG: two decimals at most.</summary>
    public static string Px(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    public static string Count(long value) => Minus(value.ToString("N0", Invariant));

    /// <summary>A share as a whole percentage; non-zero shares under half a percent read <c>&lt;1%</c>.</summary>
    public static string Percent(double share)
    {
        if (!double.IsFinite(share) || share <= 0)
        {
            return "0%";
        }

        return share < 0.005 ? "<1%" : (share * 100).ToString("0", Invariant) + "%";
    }

    /// <summary>A rate: one decimal below 100, whole numbers above.</summary>
    public static string Rate(double value) =>
        !double.IsFinite(value) ? "–" : Minus(value.ToString(Math.Abs(value) < 100 ? "0.0" : "N0", Invariant));

    /// <summary>A signed score with two decimals (<c>+2.31</c>, <c>−1.85</c>).</summary>
    public static string Signed(double value) =>
        !double.IsFinite(value) ? "–" : value > 0 ? "+" + value.ToString("0.00", Invariant) : Minus(value.ToString("0.00", Invariant));

    /// <summary>Any number of a table: integers with separators, others with up to three decimals (or significant digits when small).</summary>
    public static string General(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return Count((long)value);
        }

        var abs = Math.Abs(value);
        var text = abs >= 1000 ? value.ToString("N1", Invariant)
            : abs >= 0.001 ? value.ToString("0.###", Invariant)
            : value.ToString("0.###E+0", Invariant);
        return Minus(text);
    }

    /// <summary>Large counts in short form for chart labels (<c>8.4k</c>, <c>1.2M</c>).</summary>
    public static string Compact(long value) => value switch
    {
        >= 10_000_000 => (value / 1e6).ToString("0", Invariant) + "M",
        >= 1_000_000 => (value / 1e6).ToString("0.0", Invariant) + "M",
        >= 10_000 => (value / 1e3).ToString("0", Invariant) + "k",
        >= 1_000 => (value / 1e3).ToString("0.0", Invariant) + "k",
        _ => value.ToString(Invariant),
    };

    private static string Minus(string text) => text.StartsWith('-') ? "\u2212" + text[1..] : text;
}
