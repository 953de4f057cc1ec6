namespace TextLens;

/// <summary>
/// Parses the publication dates found in real corpora, which come in many hands, into a calendar date, and
/// refuses everything it cannot read with certainty: a wrong date silently moves a document to another period,
/// which is worse than the period <c>unknown</c>.
/// </summary>
/// <remarks>
/// <para>Accepted (case-insensitive, surrounding whitespace ignored):</para>
/// <list type="bullet">
/// <item><c>2016-09-20</c>, <c>2016/09/20</c>, <c>2016.09.20</c> (one- or two-digit month and day), <c>20230919</c>.</item>
/// <item>ISO date and time, optionally with seconds, a fraction and an offset: <c>2023-09-19T10:15:00Z</c>,
/// <c>2023-09-19 10:15:00+03:00</c>, <c>2023-09-19T10:15</c>. The date is the calendar date as written, in the
/// writer's own offset (the outlet's local date), never converted to UTC.</item>
/// <item>US numeric month/day/year with a slash: <c>9/6/17</c>, <c>09/06/2017</c> (6 September). A two-digit year
/// <c>yy</c> is 20<c>yy</c> when it is at most the current two-digit year plus one, otherwise 19<c>yy</c>.</item>
/// <item>Day, month name, year: <c>23 Sep 2023</c>, <c>23 Sep. 2023</c>, <c>19 September 2023</c>, <c>23-Sep-2023</c>, <c>1st June 2022</c>.</item>
/// <item>Month name, day, year: <c>September 19, 2023</c>, <c>Sept. 19, 2023</c>, <c>Sep 19 2023</c>.</item>
/// <item>Either name form may start with a weekday: <c>Tuesday, September 19, 2023</c>.</item>
/// </list>
/// <para>Anything else (<c>Updated 5 hours ago</c>, <c>N/A</c>, an empty text, <c>19.09.2023</c>, an impossible day
/// such as <c>2023-02-30</c>) is not a date. Day-first numeric dates are refused because they cannot be told
/// from US dates. Hand-written over spans with invariant rules: no culture, no regular expression.</para>
/// </remarks>
internal static class LenientDate
{
    private static readonly string[][] MonthNames =
    [
        ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"], ["jun", "june"],
        ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"],
        ["dec", "december"],
    ];

    private static readonly string[] WeekdayNames =
    [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday",
    ];

    /// <summary>Parses a date, with two-digit years resolved against the current UTC year.</summary>
    /// <param name="text">The date as written in the corpus.</param>
    /// <param name="date">The date, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a date in one of the accepted forms.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date) =>
        TryParse(text, DateTime.UtcNow.Year, out date);

    /// <summary>Parses a date, with two-digit years resolved against <paramref name="currentYear"/> (for tests).</summary>
    /// <param name="text">The date as written in the corpus.</param>
    /// <param name="currentYear">The year two-digit years are resolved against.</param>
    /// <param name="date">The date, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a date in one of the accepted forms.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, int currentYear, out DateOnly date)
    {
        date = default;
        var s = text.Trim();
        if (s.IsEmpty)
        {
            return false;
        }

        var pos = 0;
        if (char.IsAsciiLetter(s[0]))
        {
            var word = ReadLetters(s, ref pos);
            if (IsWeekday(word))
            {
                var comma = Skip(s, ref pos, ',');
                if ((SkipSpaces(s, ref pos) == 0 && !comma) || pos >= s.Length)
                {
                    return false;
                }

                if (char.IsAsciiDigit(s[pos]))
                {
                    return TryDayMonthYear(s, pos, currentYear, out date);
                }

                word = ReadLetters(s, ref pos);
            }

            return TryMonthDayYear(s, word, pos, currentYear, out date);
        }

        if (!char.IsAsciiDigit(s[0]))
        {
            return false;
        }

        var first = ReadNumber(s, ref pos, out var digits);
        if (digits == 8)
        {
            return pos == s.Length && TryMake(first / 10000, first / 100 % 100, first % 100, out date);
        }

        if (digits == 4)
        {
            return TryIso(s, first, pos, out date);
        }

        if (digits > 2 || pos == s.Length)
        {
            return false;
        }

        if (s[pos] == '/')
        {
            return TryUs(s, first, pos, currentYear, out date);
        }

        return TryDayMonthYear(s, 0, currentYear, out date);
    }

    /// <summary><c>yyyy-MM-dd</c> (or <c>/</c>, <c>.</c>), optionally followed by a time and an offset.</summary>
    private static bool TryIso(ReadOnlySpan<char> s, int year, int pos, out DateOnly date)
    {
        date = default;
        if (pos >= s.Length || s[pos] is not ('-' or '/' or '.'))
        {
            return false;
        }

        var separator = s[pos++];
        var month = ReadNumber(s, ref pos, out var monthDigits);
        if (monthDigits is 0 or > 2 || pos >= s.Length || s[pos++] != separator)
        {
            return false;
        }

        var day = ReadNumber(s, ref pos, out var dayDigits);
        if (dayDigits is 0 or > 2)
        {
            return false;
        }

        if (pos < s.Length)
        {
            if (separator != '-' || s[pos] is not ('T' or 't' or ' ') || !IsTimeAndOffset(s[(pos + 1)..]))
            {
                return false;
            }
        }

        return TryMake(year, month, day, out date);
    }

    /// <summary><c>HH:mm[:ss[.fff]]</c> then nothing, <c>Z</c>, <c>UTC</c>, <c>GMT</c> or <c>±hh[:mm]</c>.</summary>
    private static bool IsTimeAndOffset(ReadOnlySpan<char> s)
    {
        var pos = 0;
        var hour = ReadNumber(s, ref pos, out var digits);
        if (digits != 2 || hour > 23 || !Skip(s, ref pos, ':'))
        {
            return false;
        }

        var minute = ReadNumber(s, ref pos, out digits);
        if (digits != 2 || minute > 59)
        {
            return false;
        }

        if (Skip(s, ref pos, ':'))
        {
            var second = ReadNumber(s, ref pos, out digits);
            if (digits != 2 || second > 60)
            {
                return false;
            }

            if (pos < s.Length && s[pos] is '.' or ',')
            {
                pos++;
                var start = pos;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    pos++;
                }

                if (pos == start)
                {
                    return false;
                }
            }
        }

        if (pos == s.Length)
        {
            return true;
        }

        if (s[pos] == ' ')
        {
            pos++;
        }

        var rest = s[pos..];
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest is "Z" or "z" || rest.Equals("UTC", StringComparison.OrdinalIgnoreCase) || rest.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (rest[0] is not ('+' or '-'))
        {
            return false;
        }

        pos = 1;
        var offset = ReadNumber(rest, ref pos, out digits);
        if (digits == 4)
        {
            // +hhmm
            return pos == rest.Length && offset / 100 <= 14 && offset % 100 <= 59;
        }

        if (digits != 2 || offset > 14)
        {
            return false;
        }

        if (pos == rest.Length)
        {
            return true;
        }

        if (!Skip(rest, ref pos, ':'))
        {
            return false;
        }

        var offsetMinutes = ReadNumber(rest, ref pos, out digits);
        return digits == 2 && offsetMinutes <= 59 && pos == rest.Length;
    }

    /// <summary><c>M/d/yy</c> or <c>M/d/yyyy</c> (US order).</summary>
    private static bool TryUs(ReadOnlySpan<char> s, int month, int pos, int currentYear, out DateOnly date)
    {
        date = default;
        pos++; // '/'
        var day = ReadNumber(s, ref pos, out var dayDigits);
        if (dayDigits is 0 or > 2 || !Skip(s, ref pos, '/'))
        {
            return false;
        }

        var year = ReadNumber(s, ref pos, out var yearDigits);
        return pos == s.Length && TryYear(year, yearDigits, currentYear, out year) && TryMake(year, month, day, out date);
    }

    /// <summary><c>23 Sep 2023</c>, <c>23 Sep. 2023</c>, <c>19 September 2023</c>, <c>23-Sep-2023</c>, <c>1st June, 2022</c>.</summary>
    private static bool TryDayMonthYear(ReadOnlySpan<char> s, int pos, int currentYear, out DateOnly date)
    {
        date = default;
        var day = ReadNumber(s, ref pos, out var dayDigits);
        if (dayDigits is 0 or > 2 || pos >= s.Length)
        {
            return false;
        }

        SkipOrdinalSuffix(s, ref pos);
        if (SkipSeparators(s, ref pos, allowComma: false) == 0)
        {
            return false;
        }

        var month = MonthOf(ReadLetters(s, ref pos));
        if (month == 0)
        {
            return false;
        }

        Skip(s, ref pos, '.');
        if (SkipSeparators(s, ref pos, allowComma: true) == 0)
        {
            return false;
        }

        var year = ReadNumber(s, ref pos, out var yearDigits);
        return pos == s.Length && TryYear(year, yearDigits, currentYear, out year) && TryMake(year, month, day, out date);
    }

    /// <summary><c>September 19, 2023</c>, <c>Sept. 19, 2023</c>, <c>Sep 19 2023</c>.</summary>
    private static bool TryMonthDayYear(ReadOnlySpan<char> s, ReadOnlySpan<char> monthWord, int pos, int currentYear, out DateOnly date)
    {
        date = default;
        var month = MonthOf(monthWord);
        if (month == 0)
        {
            return false;
        }

        var dot = Skip(s, ref pos, '.');
        if (SkipSpaces(s, ref pos) == 0 && !dot)
        {
            return false;
        }

        var day = ReadNumber(s, ref pos, out var dayDigits);
        if (dayDigits is 0 or > 2 || pos >= s.Length)
        {
            return false;
        }

        SkipOrdinalSuffix(s, ref pos);
        var comma = Skip(s, ref pos, ',');
        if (SkipSpaces(s, ref pos) == 0 && !comma)
        {
            return false;
        }

        var year = ReadNumber(s, ref pos, out var yearDigits);
        return pos == s.Length && TryYear(year, yearDigits, currentYear, out year) && TryMake(year, month, day, out date);
    }

    private static bool TryYear(int year, int digits, int currentYear, out int fullYear)
    {
        fullYear = year;
        if (digits == 4)
        {
            return year >= 1000;
        }

        if (digits != 2)
        {
            return false;
        }

        fullYear = year <= currentYear % 100 + 1 ? 2000 + year : 1900 + year;
        return true;
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthOf(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return 0;
        }

        for (var m = 0; m < MonthNames.Length; m++)
        {
            foreach (var name in MonthNames[m])
            {
                if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return m + 1;
                }
            }
        }

        return 0;
    }

    private static bool IsWeekday(ReadOnlySpan<char> word)
    {
        foreach (var name in WeekdayNames)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a run of ASCII digits; <paramref name="digits"/> is its length (the value is meaningful up to 9 digits).</summary>
    private static int ReadNumber(ReadOnlySpan<char> s, ref int pos, out int digits)
    {
        var value = 0;
        digits = 0;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            if (digits < 9)
            {
                value = value * 10 + (s[pos] - '0');
            }

            digits++;
            pos++;
        }

        return value;
    }

    private static ReadOnlySpan<char> ReadLetters(ReadOnlySpan<char> s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && char.IsAsciiLetter(s[pos]))
        {
            pos++;
        }

        return s[start..pos];
    }

    private static bool Skip(ReadOnlySpan<char> s, ref int pos, char c)
    {
        if (pos < s.Length && s[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && s[pos] is ' ' or '\t' or '\u00A0')
        {
            pos++;
        }

        return pos - start;
    }

    /// <summary>Skips spaces and hyphens (and commas when allowed) between the parts of a date with a month name.</summary>
    private static int SkipSeparators(ReadOnlySpan<char> s, ref int pos, bool allowComma)
    {
        var start = pos;
        while (pos < s.Length && (s[pos] is ' ' or '\t' or '\u00A0' or '-' || allowComma && s[pos] == ','))
        {
            pos++;
        }

        return pos - start;
    }

    private static void SkipOrdinalSuffix(ReadOnlySpan<char> s, ref int pos)
    {
        if (pos + 2 > s.Length)
        {
            return;
        }

        var suffix = s.Slice(pos, 2);
        var isSuffix = suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) ||
                       suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
        if (isSuffix && (pos + 2 == s.Length || !char.IsAsciiLetter(s[pos + 2])))
        {
            pos += 2;
        }
    }
}
