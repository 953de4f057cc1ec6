namespace TextLens.Tests.Documents;

public sealed class LenientDateTests
{
    // Two-digit years are resolved against a fixed year so that the expectations never drift.
    private const int CurrentYear = 2026;

    [Theory]
    [InlineData("2016-09-20", 2016, 9, 20)]
    [InlineData("2016/09/20", 2016, 9, 20)]
    [InlineData("2016.09.20", 2016, 9, 20)]
    [InlineData("2016-9-6", 2016, 9, 6)]
    [InlineData("  2016-09-20  ", 2016, 9, 20)]
    [InlineData("9/6/17", 2017, 9, 6)]
    [InlineData("12/1/16", 2016, 12, 1)]
    [InlineData("7/23/17", 2017, 7, 23)]
    [InlineData("09/06/2017", 2017, 9, 6)]
    [InlineData("23 Sep 2023", 2023, 9, 23)]
    [InlineData("23 Sep. 2023", 2023, 9, 23)]
    [InlineData("23 sep 2023", 2023, 9, 23)]
    [InlineData("23 SEP 2023", 2023, 9, 23)]
    [InlineData("23-Sep-2023", 2023, 9, 23)]
    [InlineData("19 September 2023", 2023, 9, 19)]
    [InlineData("19 SEPTEMBER 2023", 2023, 9, 19)]
    [InlineData("1st June 2022", 2022, 6, 1)]
    [InlineData("September 19, 2023", 2023, 9, 19)]
    [InlineData("september 19, 2023", 2023, 9, 19)]
    [InlineData("Sept. 19, 2023", 2023, 9, 19)]
    [InlineData("Sept 19, 2023", 2023, 9, 19)]
    [InlineData("Sep 19 2023", 2023, 9, 19)]
    [InlineData("May 3, 2022", 2022, 5, 3)]
    [InlineData("March 2nd, 2022", 2022, 3, 2)]
    [InlineData("Tuesday, September 19, 2023", 2023, 9, 19)]
    [InlineData("Tue, 19 Sep 2023", 2023, 9, 19)]
    [InlineData("2023-09-19T10:15:00Z", 2023, 9, 19)]
    [InlineData("2023-09-19T10:15:00.123Z", 2023, 9, 19)]
    [InlineData("2023-09-19 10:15:00+03:00", 2023, 9, 19)]
    [InlineData("2023-09-19T23:30:00-05:00", 2023, 9, 19)]
    [InlineData("2023-09-19T10:15", 2023, 9, 19)]
    [InlineData("2023-09-19 10:15:00 +0300", 2023, 9, 19)]
    [InlineData("2023-09-19 10:15:00 UTC", 2023, 9, 19)]
    [InlineData("20230919", 2023, 9, 19)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParse_AcceptedForm_ReturnsTheDate(string text, int year, int month, int day)
    {
        Assert.True(LenientDate.TryParse(text, CurrentYear, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("N/A")]
    [InlineData("Updated 5 hours ago")]
    [InlineData("yesterday")]
    [InlineData("2023")]
    [InlineData("2023-09")]
    [InlineData("2023-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2023-09-31")]
    [InlineData("2023-00-10")]
    [InlineData("0000-00-00")]
    [InlineData("13/1/17")]
    [InlineData("9/6/1")]
    [InlineData("9/6/123")]
    [InlineData("19.09.2023")]
    [InlineData("19-09-2023")]
    [InlineData("2023-09-19T25:00:00Z")]
    [InlineData("2023-09-19T10:15:00+25:00")]
    [InlineData("2023-09-19T10")]
    [InlineData("2023-09-19 and more")]
    [InlineData("2023/09/19T10:15")]
    [InlineData("20231345")]
    [InlineData("202309190")]
    [InlineData("32 Sep 2023")]
    [InlineData("23 Foo 2023")]
    [InlineData("23 Sep")]
    [InlineData("September 2023")]
    [InlineData("September 19")]
    [InlineData("Sep 19, 2023 at noon")]
    [InlineData("Monday")]
    [InlineData("123 Sep 2023")]
    [InlineData("Se 19, 2023")]
    public void TryParse_NotADate_ReturnsFalse(string text)
    {
        Assert.False(LenientDate.TryParse(text, CurrentYear, out var date));
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("1/2/27", 2027)]
    [InlineData("1/2/28", 1928)]
    [InlineData("1/2/00", 2000)]
    [InlineData("1/2/99", 1999)]
    public void TryParse_TwoDigitYear_IsThisCenturyUpToNextYear(string text, int year)
    {
        Assert.True(LenientDate.TryParse(text, CurrentYear, out var date));
        Assert.Equal(year, date.Year);
    }

    [Fact]
    public void TryParse_TwoDigitYearWithoutExplicitYear_UsesTheCurrentYear()
    {
        var next = (DateTime.UtcNow.Year + 1) % 100;
        Assert.True(LenientDate.TryParse($"1/2/{next:00}", out var date));
        Assert.Equal(DateTime.UtcNow.Year + 1, date.Year);
    }
}
