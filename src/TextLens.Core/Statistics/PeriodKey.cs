using System.Globalization;

namespace TextLens.Statistics;

/// <summary>Names the period a date falls in: <c>2023-09-19</c>, <c>2023-W38</c>, <c>2023-09</c>, <c>2023</c>.</summary>
public static class PeriodKey
{
    /// <summary>Every period rolled up.</summary>
    public const string All = "all";

    /// <summary>Undated documents.</summary>
    public const string Unknown = "unknown";

    /// <summary>The period name of a date, <see cref="Unknown"/> when there is no date, <see cref="All"/> for <see cref="PeriodUnit.None"/>.</summary>
    public static string Of(DateOnly? date, PeriodUnit unit)
    {
        if (unit == PeriodUnit.None)
        {
            return All;
        }

        if (date is not { } d)
        {
            return Unknown;
        }

        return unit switch
        {
            PeriodUnit.Day => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodUnit.Week => string.Create(CultureInfo.InvariantCulture,
                $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}"),
            PeriodUnit.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            PeriodUnit.Year => d.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown period unit."),
        };
    }

    /// <summary>Parses a period unit name (<c>none</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>), case-insensitive.</summary>
    public static bool TryParseUnit(string? text, out PeriodUnit unit)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "NONE" or "ALL" or "": unit = PeriodUnit.None; return true;
            case "DAY" or "DAILY": unit = PeriodUnit.Day; return true;
            case "WEEK" or "WEEKLY": unit = PeriodUnit.Week; return true;
            case "MONTH" or "MONTHLY": unit = PeriodUnit.Month; return true;
            case "YEAR" or "YEARLY": unit = PeriodUnit.Year; return true;
            default: unit = PeriodUnit.None; return false;
        }
    }

    /// <summary>The lower-case name of a unit.</summary>
    public static string NameOf(PeriodUnit unit) => unit switch
    {
        PeriodUnit.None => "none",
        PeriodUnit.Day => "day",
        PeriodUnit.Week => "week",
        PeriodUnit.Month => "month",
        PeriodUnit.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown period unit."),
    };
}
